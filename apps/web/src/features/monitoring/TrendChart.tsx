/** A line chart on ECharts 6 (line chart, grid, tooltip, legend, canvas renderer only), for trends per year. */
import { useEffect, useRef } from 'react';
import { init, use, type EChartsType } from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface TrendSeries {
  name: string;
  values: (number | null)[];
  color: string;
}

export function TrendChart({ labels, series, format, ariaLabel }: { labels: string[]; series: TrendSeries[]; format: (value: number) => string; ariaLabel: string }) {
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
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        legend: { top: 0 },
        tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? format(value) : '—') },
        xAxis: { type: 'category', data: labels },
        yAxis: { type: 'value', axisLabel: { formatter: (value: number) => format(value) } },
        series: series.map((s) => ({ type: 'line', name: s.name, data: s.values, connectNulls: false, itemStyle: { color: s.color }, lineStyle: { color: s.color } })),
      },
      { notMerge: true },
    );
  }, [labels, series, format]);

  return <div ref={ref} className="dashboard-chart" role="img" aria-label={ariaLabel} />;
}
