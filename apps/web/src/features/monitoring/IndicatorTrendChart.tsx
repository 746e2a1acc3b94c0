/**
 * The trend of one indicator on the project page (ECharts 6, canvas): official and indicative values as two separate
 * lines (never joined into one), the HNN level of the project's building type as a dashed reference line. The table
 * next to it (IndicatorSection) is the accessible alternative; the option is built by the pure `trendChartOption`.
 */
import { useEffect, useRef } from 'react';
import { init, use, type EChartsCoreOption, type EChartsType } from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { IndicatorTrend } from './indicatorTrend.ts';

use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export const TREND_COLORS = { official: '#01689b', indicative: '#e17000', reference: '#6b6b6b' } as const;

export interface TrendNames {
  official: string;
  indicative: string;
  /** null when the indicator has no HNN level for the project's building type. */
  reference: string | null;
}

interface LineSeries {
  type: 'line';
  name: string;
  data: (number | null)[];
  connectNulls: boolean;
  showSymbol: boolean;
  itemStyle: { color: string };
  lineStyle: { color: string; type: 'solid' | 'dashed' };
  /** The reference level across the whole plot (also with a single point, where a line through the points has no length). */
  markLine?: { silent: true; symbol: 'none'; label: { show: false }; lineStyle: { color: string; type: 'dashed' }; data: { yAxis: number }[] };
}

export interface TrendChartOption extends EChartsCoreOption {
  animation: false;
  grid: Record<string, unknown>;
  legend: { top: number };
  tooltip: Record<string, unknown>;
  xAxis: { type: 'category'; data: string[] };
  yAxis: Record<string, unknown>;
  series: LineSeries[];
}

/**
 * One category per recorded value; each series has a value only at its own points. `connectNulls` draws each series
 * as one line over its own points — the gaps are the other series' points, so official and indicative never join.
 */
export function trendChartOption(trend: IndicatorTrend, labels: string[], names: TrendNames, format: (value: number) => string): TrendChartOption {
  const series: LineSeries[] = [
    { type: 'line', name: names.official, data: trend.official, connectNulls: true, showSymbol: true, itemStyle: { color: TREND_COLORS.official }, lineStyle: { color: TREND_COLORS.official, type: 'solid' } },
    { type: 'line', name: names.indicative, data: trend.indicative, connectNulls: true, showSymbol: true, itemStyle: { color: TREND_COLORS.indicative }, lineStyle: { color: TREND_COLORS.indicative, type: 'solid' } },
  ];
  if (trend.reference !== null && names.reference !== null) {
    const level = trend.reference.level;
    series.push({
      type: 'line',
      name: names.reference,
      data: trend.points.map(() => level),
      connectNulls: true,
      showSymbol: false,
      itemStyle: { color: TREND_COLORS.reference },
      lineStyle: { color: TREND_COLORS.reference, type: 'dashed' },
      markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: TREND_COLORS.reference, type: 'dashed' }, data: [{ yAxis: level }] },
    });
  }
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? format(value) : '—') },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', scale: true, boundaryGap: ['10%', '10%'], axisLabel: { formatter: (value: number) => format(value) } },
    series,
  };
}

export function IndicatorTrendChart({ option, ariaLabel }: { option: TrendChartOption; ariaLabel: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    if (!ref.current) return;
    const instance = init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize());
    observer?.observe(ref.current);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} className="dashboard-chart" role="img" aria-label={ariaLabel} />;
}
