import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chartDimensions, chartMetrics, type ChartBars, type ChartDimension, type ChartMetric } from './chart-data.ts';
import { formatNumber, formatSignificant } from './numbers.ts';

const BarChart = lazy(() => import('./BarChart.tsx'));

interface IndicatorChartsProps {
  /** The breakdowns of the current result (chart-data.ts allChartBars). */
  bars: ChartBars;
  /** A bar was chosen: filter the table (`element:<i>`, `layer:<l>` or `text:<material>`). */
  onDrill?: (filter: string) => void;
  /** Draw the canvas chart (off in tests: the table carries the same data). */
  showChart?: boolean;
}

/** MKI or embodied CO₂ by element, module, layer or material; a bar leads to the lines behind it. */
export function IndicatorCharts({ bars: allBars, onDrill, showChart = true }: IndicatorChartsProps) {
  const { t } = useTranslation();
  const [dimension, setDimension] = useState<ChartDimension>('element');
  const [metric, setMetric] = useState<ChartMetric>('mki');
  const bars = allBars[dimension][metric];
  const label = useCallback(
    (raw: string) => (raw === '' ? t('passports.charts.other') : dimension === 'layer' ? t(`passports.layers.${raw}`) : raw),
    [dimension, t],
  );
  const labels = useMemo(() => bars.map((b) => label(b.label)), [bars, label]);
  const values = useMemo(() => bars.map((b) => b.value), [bars]);
  const unit = metric === 'mki' ? '€' : 'kg CO₂-eq';
  const format = useCallback((value: number) => (metric === 'mki' ? `€ ${formatNumber(value, 0)}` : formatSignificant(value)), [metric]);
  const drill = useCallback(
    (index: number) => {
      const filter = bars[index]?.filter;
      if (filter && onDrill) onDrill(filter);
    },
    [bars, onDrill],
  );
  const title = t('passports.charts.title', { metric: t(`passports.charts.metric.${metric}`), dimension: t(`passports.charts.by.${dimension}`) });
  return (
    <div className="indicator-charts">
      <h3>{t('passports.charts.heading')}</h3>
      <div className="chart-controls">
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('passports.charts.dimension')}</legend>
          {chartDimensions.map((d) => (
            <label key={d} className={`segmented__option${dimension === d ? ' is-active' : ''}`}>
              <input type="radio" name="chart-dimension" value={d} checked={dimension === d} onChange={() => setDimension(d)} />
              {t(`passports.charts.by.${d}`)}
            </label>
          ))}
        </fieldset>
        <label className="chart-metric">
          <span className="visually-hidden">{t('passports.charts.metricLabel')}</span>
          <select value={metric} onChange={(e) => setMetric(e.target.value === 'gwp' ? 'gwp' : 'mki')}>
            {chartMetrics.map((m) => (
              <option key={m} value={m}>
                {t(`passports.charts.metric.${m}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {bars.length === 0 ? (
        <p className="muted">{t('passports.charts.empty')}</p>
      ) : (
        <>
          {showChart ? (
            <Suspense fallback={<div className="bar-chart bar-chart--loading" aria-hidden="true" />}>
              <BarChart labels={labels} values={values} format={format} onBarClick={dimension === 'module' ? undefined : drill} ariaLabel={title} />
            </Suspense>
          ) : null}
          <details className="chart-table">
            <summary>{t('passports.charts.asTable')}</summary>
            <table className="table table--compact">
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(`passports.charts.by.${dimension}`)}</th>
                  <th scope="col" className="numeric">{unit}</th>
                </tr>
              </thead>
              <tbody>
                {bars.map((bar, index) => (
                  <tr key={`${bar.label}-${index}`}>
                    <th scope="row">
                      {bar.filter && onDrill ? (
                        <button type="button" className="button button--link" onClick={() => drill(index)}>
                          {labels[index]}
                        </button>
                      ) : (
                        labels[index]
                      )}
                    </th>
                    <td className="numeric">{format(bar.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </div>
  );
}
