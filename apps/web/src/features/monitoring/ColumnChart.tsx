/**
 * A column chart on ECharts 6, importing only the bar chart, grid, tooltip, legend and canvas renderer from
 * 'echarts/core'. Loaded with the (lazy) dashboard page only.
 */
import { useEffect, useRef } from 'react';
import { init, use, type EChartsType } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ColumnSeries {
  name: string;
  values: number[];
  color: string;
}

export interface ColumnAxis {
  /** Counts: ticks on whole numbers only (no "0, 0, 1, 1" labels for a small count). */
  integer?: boolean;
  /** A fixed top of the scale, e.g. 100 for percentages. */
  max?: number;
}

export function ColumnChart({ labels, series, format, ariaLabel, axis = {} }: { labels: string[]; series: ColumnSeries[]; format: (value: number) => string; ariaLabel: string; axis?: ColumnAxis }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    if (!ref.current) return;
    const instance = init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        animation: false,
        grid: { left: 8, right: 16, top: series.length > 1 ? 32 : 8, bottom: 8, containLabel: true },
        legend: series.length > 1 ? { top: 0 } : undefined,
        tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? format(value) : String(value)) },
        // Every category label is shown, wrapped, rather than ECharts silently hiding the ones that overlap.
        xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, width: 96, overflow: 'break' } },
        yAxis: { type: 'value', min: 0, max: axis.max, minInterval: axis.integer ? 1 : undefined, axisLabel: { formatter: (value: number) => format(value) } },
        series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values, itemStyle: { color: s.color } })),
      },
      { notMerge: true },
    );
  }, [labels, series, format, axis.integer, axis.max]);

  return <div ref={ref} className="dashboard-chart" role="img" aria-label={ariaLabel} />;
}
