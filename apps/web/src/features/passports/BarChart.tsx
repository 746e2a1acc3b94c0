/**
 * A horizontal bar chart on ECharts 6, importing only the bar chart, grid, tooltip and canvas renderer from
 * 'echarts/core' (the whole library would triple the chunk). Loaded lazily by IndicatorCharts.
 */
import { useEffect, useRef } from 'react';
import { init, use, type EChartsType } from 'echarts/core';
import { BarChart as Bars } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([Bars, GridComponent, TooltipComponent, CanvasRenderer]);

export interface BarChartProps {
  labels: string[];
  values: number[];
  /** Formats a value for the tooltip and axis. */
  format: (value: number) => string;
  onBarClick?: (index: number) => void;
  ariaLabel: string;
}

export default function BarChart({ labels, values, format, onBarClick, ariaLabel }: BarChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const clickRef = useRef(onBarClick);
  clickRef.current = onBarClick;

  useEffect(() => {
    if (!ref.current) return;
    const instance = init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => {
      if (typeof params.dataIndex === 'number') clickRef.current?.(params.dataIndex);
    });
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
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        tooltip: { trigger: 'item', valueFormatter: (value: unknown) => (typeof value === 'number' ? format(value) : String(value)) },
        xAxis: { type: 'value', axisLabel: { formatter: (value: number) => format(value) } },
        yAxis: {
          type: 'category',
          inverse: true,
          data: labels,
          axisLabel: { width: 160, overflow: 'truncate' },
        },
        series: [{ type: 'bar', data: values, itemStyle: { color: '#01689b' }, cursor: onBarClick ? 'pointer' : 'default' }],
      },
      { notMerge: true },
    );
  }, [labels, values, format, onBarClick]);

  const height = Math.max(140, labels.length * 26 + 40);
  return <div ref={ref} className="bar-chart" style={{ height }} role="img" aria-label={ariaLabel} />;
}
