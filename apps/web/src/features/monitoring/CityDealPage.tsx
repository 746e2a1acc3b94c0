/**
 * The City Deal overview: the participating cities side by side with the same totals as their dashboards (official
 * and indicative apart, confidentiality rule per city) and the deal as a whole; filters kind and year in the URL.
 */
import { useCallback, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { projectKinds, type ProjectKind } from '@kringbouw/domain/projects';
import type { CityDealOverview } from '@kringbouw/contracts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { formatDecimal, formatInteger } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { KindYearFilterFields } from './KindYearFilterFields.tsx';
import { ColumnChart } from './ColumnChart.tsx';
import { GoalsSection } from './GoalsSection.tsx';
import { LessonsSection } from './LessonsSection.tsx';
import { ReportDownloads } from './ReportDownloads.tsx';
import { TrendsSection } from './TrendsSection.tsx';
import { useCityDealOverview } from './api.ts';
import { downloadCsv, toCsv } from './csv.ts';
import './monitoring.css';

type Totals = CityDealOverview['total'];

function percent(value: number | null): string {
  return value === null ? '—' : `${formatDecimal(100 * value, 0)} %`;
}

export default function CityDealPage() {
  const { t } = useTranslation();
  usePageTitle(t('monitoring.cityDeal.title'));
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('soort') ?? '';
  const kind: ProjectKind | '' = (projectKinds as readonly string[]).includes(kindParam) ? (kindParam as ProjectKind) : '';
  const year = /^\d{4}$/.test(params.get('jaar') ?? '') ? (params.get('jaar') ?? '') : '';
  const query = useCityDealOverview(kind, year);
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(name);
    else next.set(name, value);
    setParams(next, { replace: true });
  };
  const data = query.data;
  const formatMpg = useCallback((v: number) => formatDecimal(v, 2), []);
  const series = useMemo(() => (data ? [{ name: t('monitoring.dashboard.averageOfficialMpg'), values: data.cities.map((c) => c.totals.averageOfficialMpg ?? 0), color: '#01689b' }] : []), [data, t]);
  const columns = ['city', 'projects', 'dwellings', 'averageOfficialMpg', 'storedOfficial', 'storedIndicative', 'hnnMpg', 'industrialisedShare'].map((key) => t(`monitoring.cityDeal.columns.${key}`));
  const cells = (name: string, totals: Totals) => [
    name,
    totals.projects,
    totals.dwellings,
    totals.averageOfficialMpg,
    totals.storedCarbonT.officieel,
    totals.storedCarbonT.indicatief,
    totals.hnnShare.mpg.share,
    totals.industrialisedShare,
  ];

  return (
    <article className="page">
      <h1>{t('monitoring.cityDeal.title')}</h1>
      <p className="lead">{t('monitoring.cityDeal.lead')}</p>
      <div className="dashboard-filters card">
        <KindYearFilterFields idPrefix="citydeal" kind={kind} year={year} onChange={set} />
      </div>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorMessage error={query.error} onRetry={() => void query.refetch()} /> : null}
      {data ? (
        <>
          <section className="card" aria-labelledby="citydeal-chart">
            <h2 id="citydeal-chart">{t('monitoring.dashboard.averageOfficialMpg')}</h2>
            <ColumnChart labels={data.cities.map((c) => c.municipalityName)} series={series} format={formatMpg} ariaLabel={t('monitoring.dashboard.averageOfficialMpg')} />
          </section>
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => downloadCsv('city-deal-steden.csv', toCsv(columns, [...data.cities.map((c) => cells(c.municipalityName, c.totals)), cells(t('monitoring.cityDeal.total'), data.total)]))}
          >
            {t('monitoring.dashboard.csv')}
          </button>
          <div className="monitoring-table-scroll">
            <table className="table" data-testid="city-deal-table">
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c}>{c}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...data.cities.map((c) => ({ key: c.municipalityCode, name: c.municipalityName, totals: c.totals, link: `/monitoring?gemeente=${c.municipalityCode}` })), { key: 'total', name: t('monitoring.cityDeal.total'), totals: data.total, link: null }].map((r) => (
                  <tr key={r.key}>
                    <th scope="row">{r.link ? <Link to={r.link}>{r.name}</Link> : r.name}</th>
                    <td>{formatInteger(r.totals.projects)}</td>
                    <td>{formatInteger(r.totals.dwellings)}</td>
                    <td>{r.totals.averageOfficialMpg === null ? '—' : formatDecimal(r.totals.averageOfficialMpg, 2)}</td>
                    <td>{formatDecimal(r.totals.storedCarbonT.officieel, 1)}</td>
                    <td>{formatDecimal(r.totals.storedCarbonT.indicatief, 1)}</td>
                    <td>{percent(r.totals.hnnShare.mpg.share)}</td>
                    <td>{percent(r.totals.industrialisedShare)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted">{t('monitoring.dashboard.confidentialRule')}</p>
          <GoalsSection totals={data.total} />
        </>
      ) : null}
      <TrendsSection />
      <LessonsSection year={year} />
      <ReportDownloads scope="city-deal" />
    </article>
  );
}
