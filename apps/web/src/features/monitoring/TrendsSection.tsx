/** City Deal trends per year (ECharts): dwellings, average official MPG, stored CO2 official and indicative apart, industrialised share; table + CSV. */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { formatDecimal, formatInteger } from '../../lib/format.ts';
import { ColumnChart } from './ColumnChart.tsx';
import { TrendChart } from './TrendChart.tsx';
import { useCityDealTrends } from './api.ts';
import { downloadCsv, toCsv } from './csv.ts';

const pct = (share: number | null) => (share === null ? '—' : `${formatDecimal(100 * share, 0)} %`);

export function TrendsSection() {
  const { t } = useTranslation();
  const query = useCityDealTrends();
  const years = useMemo(() => query.data?.years ?? [], [query.data]);
  const labels = useMemo(() => years.map((y) => String(y.year)), [years]);
  const formatMpg = useCallback((v: number) => formatDecimal(v, 2), []);
  const formatT = useCallback((v: number) => `${formatDecimal(v, 1)} t`, []);
  const mpgSeries = useMemo(() => [{ name: t('monitoring.dashboard.averageOfficialMpg'), values: years.map((y) => y.totals.averageOfficialMpg), color: '#01689b' }], [years, t]);
  const carbonSeries = useMemo(
    () => [
      { name: t('monitoring.cityDeal.columns.storedOfficial'), values: years.map((y) => y.totals.storedCarbonT.officieel), color: '#39870c' },
      { name: t('monitoring.cityDeal.columns.storedIndicative'), values: years.map((y) => y.totals.storedCarbonT.indicatief), color: '#e17000' },
    ],
    [years, t],
  );
  const columns = ['year', 'projects', 'dwellings', 'averageOfficialMpg', 'storedOfficial', 'storedIndicative', 'industrialisedShare'].map((k) => (k === 'year' ? t('monitoring.dashboard.year') : t(`monitoring.cityDeal.columns.${k}`)));
  return (
    <section className="card" aria-labelledby="trends-heading">
      <h2 id="trends-heading">{t('monitoring.trends.title')}</h2>
      <p className="muted">{t('monitoring.trends.explain')}</p>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorMessage error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <>
          <div className="detail-grid">
            <div>
              <h3>{t('monitoring.dashboard.averageOfficialMpg')}</h3>
              <TrendChart labels={labels} series={mpgSeries} format={formatMpg} ariaLabel={t('monitoring.trends.mpgChart')} />
            </div>
            <div>
              <h3>{t('monitoring.trends.carbon')}</h3>
              <ColumnChart labels={labels} series={carbonSeries} format={formatT} ariaLabel={t('monitoring.trends.carbon')} />
            </div>
          </div>
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() =>
              downloadCsv(
                'city-deal-trend-per-jaar.csv',
                toCsv(columns, years.map((y) => [y.year, y.totals.projects, y.totals.dwellings, y.totals.averageOfficialMpg, y.totals.storedCarbonT.officieel, y.totals.storedCarbonT.indicatief, y.totals.industrialisedShare])),
              )
            }
          >
            {t('monitoring.dashboard.csv')}
          </button>
          <div className="monitoring-table-scroll">
            <table className="table" data-testid="trends-table">
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c}>{c}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {years.map((y) => (
                  <tr key={y.year}>
                    <th scope="row">{y.year}</th>
                    <td>{formatInteger(y.totals.projects)}</td>
                    <td>{formatInteger(y.totals.dwellings)}</td>
                    <td>{y.totals.averageOfficialMpg === null ? '—' : formatDecimal(y.totals.averageOfficialMpg, 2)}</td>
                    <td>{formatDecimal(y.totals.storedCarbonT.officieel, 1)}</td>
                    <td>{formatDecimal(y.totals.storedCarbonT.indicatief, 1)}</td>
                    <td>{pct(y.totals.industrialisedShare)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
