/**
 * The municipality monitoring dashboard: totals (projects, dwellings, average official MPG, stored CO2 official and
 * indicative apart, share meeting each HNN level, industrialised share), pipeline by phase, projects per year, the
 * projects you may see (paged by the server; page and sort in the URL); filters kind and year in the URL. Figures come
 * from the server's per-project aggregates; the map and the CSV have their own endpoints.
 */
import { useCallback, useMemo } from 'react';
import type { DashboardProjectSort } from '@kringbouw/contracts';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { projectKinds, type ProjectKind } from '@kringbouw/domain/projects';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { formatDecimal, formatInteger } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { MunicipalityPicker } from '../municipalities/MunicipalityPicker.tsx';
import { phaseLabel } from '../projects/labels.ts';
import { KindYearFilterFields } from './KindYearFilterFields.tsx';
import { ColumnChart } from './ColumnChart.tsx';
import { ProjectMap } from './ProjectMap.tsx';
import { ReportDownloads } from './ReportDownloads.tsx';
import { useMunicipalityDashboard } from './api.ts';
import { byYearCsv, downloadCsv, hnnCsv, pipelineCsv } from './csv.ts';
import { DashboardProjectTable, pageFromParam, sortFromParam } from './DashboardProjectTable.tsx';
import './monitoring.css';

const hnnIds = ['mpg', 'embodiedCarbon', 'materialOrigin', 'detachability'] as const;

function percent(value: number | null): string {
  return value === null ? '—' : `${formatDecimal(100 * value, 0)} %`;
}

export default function MunicipalityDashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('monitoring.dashboard.title'));
  const [params, setParams] = useSearchParams();
  const code = params.get('gemeente') ?? 'GM0546';
  const kindParam = params.get('soort') ?? '';
  const kind: ProjectKind | '' = (projectKinds as readonly string[]).includes(kindParam) ? (kindParam as ProjectKind) : '';
  const year = /^\d{4}$/.test(params.get('jaar') ?? '') ? (params.get('jaar') ?? '') : '';
  const query = useMunicipalityDashboard(code, kind, year);
  const page = pageFromParam(params.get('pagina'));
  const sort = sortFromParam(params.get('sortering'));
  // A new municipality or filter starts the list at page 1 again; the sort is kept.
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(name);
    else next.set(name, value);
    next.delete('pagina');
    setParams(next, { replace: true });
  };
  const changeList = (change: { page?: number; sort?: DashboardProjectSort }) => {
    const next = new URLSearchParams(params);
    if (change.page !== undefined) {
      if (change.page <= 1) next.delete('pagina');
      else next.set('pagina', String(change.page));
    }
    if (change.sort !== undefined) {
      if (change.sort === 'name') next.delete('sortering');
      else next.set('sortering', change.sort);
    }
    setParams(next, { replace: true });
  };
  const formatCount = useCallback((v: number) => formatInteger(v), []);
  const formatPct = useCallback((v: number) => `${formatDecimal(v, 0)} %`, []);
  const data = query.data;
  const pipelineSeries = useMemo(() => (data ? [{ name: t('monitoring.dashboard.projects'), values: data.pipeline.map((p) => p.projects), color: '#01689b' }] : []), [data, t]);
  const hnnSeries = useMemo(() => (data ? [{ name: t('monitoring.dashboard.hnnMet'), values: hnnIds.map((id) => 100 * (data.totals.hnnShare[id].share ?? 0)), color: '#39870c' }] : []), [data, t]);
  const yearSeries = useMemo(() => (data ? [{ name: t('monitoring.dashboard.dwellings'), values: data.byYear.map((y) => y.dwellings), color: '#e17000' }] : []), [data, t]);

  return (
    <article className="page">
      <h1>{t('monitoring.dashboard.title')}</h1>
      <p className="lead">{t('monitoring.dashboard.lead')}</p>
      <p>
        <Link to="/monitoring/city-deal">{t('monitoring.cityDeal.title')}</Link>
      </p>
      <div className="dashboard-filters card">
        <MunicipalityPicker id="dashboard-municipality" label={t('monitoring.dashboard.municipality')} value={code} onChange={(value) => set('gemeente', value)} error={undefined} />
        <KindYearFilterFields idPrefix="dashboard" kind={kind} year={year} onChange={set} />
      </div>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorMessage error={query.error} onRetry={() => void query.refetch()} /> : null}
      {data ? (
        <>
          <h2>{data.municipalityName}</h2>
          <div className="dashboard-totals" data-testid="dashboard-totals">
            <div className="card">
              {t('monitoring.dashboard.projects')} <strong data-testid="total-projects">{formatInteger(data.totals.projects)}</strong>
            </div>
            <div className="card">
              {t('monitoring.dashboard.dwellings')} <strong>{formatInteger(data.totals.dwellings)}</strong>
            </div>
            <div className="card">
              {t('monitoring.dashboard.averageOfficialMpg')}{' '}
              <strong data-testid="average-official-mpg">{data.totals.averageOfficialMpg === null ? '—' : formatDecimal(data.totals.averageOfficialMpg, 2)}</strong>
              <span className="muted">{t('monitoring.dashboard.officialMpgCount', { count: data.totals.projectsWithOfficialMpg })}</span>
            </div>
            <div className="card">
              {t('monitoring.dashboard.storedCarbon')} <strong>{formatDecimal(data.totals.storedCarbonT.officieel, 1)} t</strong>
              <span className="muted">{t('monitoring.dashboard.storedCarbonIndicative', { value: formatDecimal(data.totals.storedCarbonT.indicatief, 1) })}</span>
            </div>
            <div className="card">
              {t('monitoring.dashboard.industrialisedShare')} <strong>{percent(data.totals.industrialisedShare)}</strong>
            </div>
          </div>
          {data.totals.confidentialCounted > 0 ? <p className="muted">{t('monitoring.dashboard.confidentialCounted', { count: data.totals.confidentialCounted })}</p> : null}
          <p className="muted">{t('monitoring.dashboard.confidentialRule')}</p>
          <ProjectMap municipalityCode={data.municipalityCode} kind={kind} year={year} total={data.projectsTotal} />
          <div className="detail-grid">
            <section className="card" aria-labelledby="pipeline-heading">
              <h3 id="pipeline-heading">{t('monitoring.dashboard.pipeline')}</h3>
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() => downloadCsv(`pijplijn-${data.municipalityCode}.csv`, pipelineCsv(data, [t('monitoring.dashboard.phase'), t('monitoring.dashboard.projects'), t('monitoring.dashboard.dwellings')]))}
              >
                {t('monitoring.dashboard.csv')}
              </button>
              <ColumnChart labels={data.pipeline.map((p) => phaseLabel(t, p.phase))} series={pipelineSeries} format={formatCount} ariaLabel={t('monitoring.dashboard.pipeline')} axis={{ integer: true }} />
            </section>
            <section className="card" aria-labelledby="hnn-heading">
              <h3 id="hnn-heading">{t('monitoring.dashboard.hnnShare')}</h3>
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() => downloadCsv(`hnn-${data.municipalityCode}.csv`, hnnCsv(data, hnnIds.map((id) => t(`monitoring.hnnIndicators.${id}`)), [t('monitoring.dashboard.indicator'), t('monitoring.dashboard.hnnMetCount'), t('monitoring.dashboard.hnnChecked'), t('monitoring.dashboard.hnnShareColumn')]))}
              >
                {t('monitoring.dashboard.csv')}
              </button>
              {hnnIds.some((id) => data.totals.hnnShare[id].checked > 0) ? (
                <ColumnChart labels={hnnIds.map((id) => t(`monitoring.hnnIndicators.${id}`))} series={hnnSeries} format={formatPct} ariaLabel={t('monitoring.dashboard.hnnShare')} axis={{ max: 100 }} />
              ) : (
                <p className="dashboard-chart-empty">{t('monitoring.dashboard.hnnNoneChecked')}</p>
              )}
              <ul className="muted">
                {hnnIds.map((id) => (
                  <li key={id}>
                    {t(`monitoring.hnnIndicators.${id}`)}: {t('monitoring.dashboard.hnnOf', { met: data.totals.hnnShare[id].met, checked: data.totals.hnnShare[id].checked })}
                  </li>
                ))}
              </ul>
            </section>
            <section className="card" aria-labelledby="years-heading">
              <h3 id="years-heading">{t('monitoring.dashboard.byYear')}</h3>
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() => downloadCsv(`jaren-${data.municipalityCode}.csv`, byYearCsv(data, [t('monitoring.dashboard.year'), t('monitoring.dashboard.projects'), t('monitoring.dashboard.dwellings')]))}
              >
                {t('monitoring.dashboard.csv')}
              </button>
              <ColumnChart labels={data.byYear.map((y) => String(y.year))} series={yearSeries} format={formatCount} ariaLabel={t('monitoring.dashboard.byYear')} axis={{ integer: true }} />
            </section>
          </div>
          <DashboardProjectTable
            code={data.municipalityCode}
            kind={kind}
            year={year}
            page={page}
            sort={sort}
            firstPage={{ page: 1, pageSize: data.projects.length, total: data.projectsTotal, sort: 'name', items: data.projects }}
            onChange={changeList}
          />
          <ReportDownloads scope={{ municipalityCode: data.municipalityCode }} />
        </>
      ) : null}
    </article>
  );
}
