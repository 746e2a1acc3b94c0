/**
 * When renovation happens: dwellings per year stacked by intervention, on ECharts (bar chart, grid, tooltip,
 * legend and canvas renderer only). The table next to it (AreaTable) carries the same numbers for screen readers.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { init, use, type EChartsType } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { RenovationOverview } from '@kringbouw/contracts';
import { formatInteger } from '../../lib/format.ts';
import { timelineSeries } from './chart-data.ts';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export function RenovationTimeline({ years, ariaLabel }: { years: RenovationOverview['years']; ariaLabel: string }) {
  const { t } = useTranslation();
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
    const { labels, series } = timelineSeries(years);
    chart.current?.setOption(
      {
        animation: false,
        grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
        legend: { top: 0 },
        tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? formatInteger(value) : String(value)) },
        xAxis: { type: 'category', data: labels },
        yAxis: { type: 'value', name: t('renovation.timeline.axis'), axisLabel: { formatter: (value: number) => formatInteger(value) } },
        series: series.map((s) => ({ type: 'bar', stack: 'woningen', name: t(`renovation.intervention.${s.intervention}`), data: s.values, itemStyle: { color: s.colour } })),
      },
      { notMerge: true },
    );
  }, [years, t]);

  return <div ref={ref} className="rn-chart" role="img" aria-label={ariaLabel} data-testid="renovation-timeline" />;
}
