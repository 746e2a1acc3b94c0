import { useCallback, useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { canActForOrganisation, opportunityKinds } from '@kringbouw/domain/opportunities';
import { buildUrl } from '../../api/client.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { formatDecimal, formatInteger } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useActor } from '../auth/session.ts';
import { groupMunicipalities, useMunicipalities } from '../municipalities/api.ts';
import { MunicipalityOptions } from '../municipalities/MunicipalityOptions.tsx';
import { CANDIDATE_LIMIT, candidateQuery, useBuilding, useCandidates, useMunicipalityBoundary, useStockLists } from './api.ts';
import { BuildingPanel } from './BuildingPanel.tsx';
import { sortCandidates } from './candidates.ts';
import { colourForScore, legendEntries, unknownScoreColour } from './colour-scale.ts';
import { StockMap, type MapStatus } from './StockMap.tsx';
import { searchParamsFromView, toggleCandidateSort, viewFromSearchParams, type CandidateSortField, type KansenkaartView } from './view-state.ts';
import './kansenkaart.css';

/** The candidate table shows this many rows at a time; "show more" adds as many again. */
const CANDIDATE_PAGE = 50;

export default function KansenkaartPage() {
  const { t } = useTranslation();
  usePageTitle(t('kansenkaart.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const view = viewFromSearchParams(searchParams);
  const actor = useActor();
  const mayImport = actor !== null && (actor.platformRole === 'coordinator' || actor.memberships.some((m) => canActForOrganisation(actor, m.organisationId)));
  const boundary = useMunicipalityBoundary(view.municipalityCode);
  const openBuilding = useBuilding(view.bagId);
  const [status, setStatus] = useState<MapStatus>({ state: 'loading', mode: null, total: 0, features: 0 });

  const apply = useCallback(
    (change: Partial<KansenkaartView>) => {
      setSearchParams((current) => searchParamsFromView({ ...viewFromSearchParams(current), ...change }));
    },
    [setSearchParams],
  );
  const select = useCallback((bagId: string) => apply({ bagId }), [apply]);

  return (
    <div className="page kk-page">
      <div className="page-header">
        <div>
          <h1>{t('kansenkaart.title')}</h1>
          <p className="lead">{t('kansenkaart.intro')}</p>
        </div>
        <div className="kk-header-actions">
          <Link to={view.municipalityCode ? `/kansenkaart/renovatie?gemeente=${view.municipalityCode}` : '/kansenkaart/renovatie'} className="button button--secondary">
            {t('kansenkaart.renovationLink')}
          </Link>
          <Link to={view.municipalityCode ? `/kansenkaart/regels?gemeente=${view.municipalityCode}` : '/kansenkaart/regels'} className="button button--secondary">
            {t('kansenkaart.rules.link')}
          </Link>
          {mayImport ? (
            <Link to={view.municipalityCode ? `/kansenkaart/importeren?gemeente=${view.municipalityCode}` : '/kansenkaart/importeren'} className="button">
              {t('kansenkaart.import.link')}
            </Link>
          ) : null}
        </div>
      </div>
      <Filters view={view} onChange={apply} />
      <div className={`kk-layout${view.bagId ? ' kk-layout--panel' : ''}`}>
        <div className="kk-map-wrap">
          <div className="kk-map-frame">
            <StockMap view={view} boundary={boundary.data} focus={view.bagId ? openBuilding.data?.centroid : undefined} onSelect={select} onStatus={setStatus} />
            <Legend minScore={view.minScore} kind={view.kind} />
          </div>
          <MapStatusLine status={status} />
        </div>
        {view.bagId ? <BuildingPanel bagId={view.bagId} kind={view.kind} onClose={() => apply({ bagId: undefined })} /> : null}
      </div>
      {view.municipalityCode ? (
        <CandidateSection view={view} onChange={apply} />
      ) : (
        <div className="empty-state">
          <p>{t('kansenkaart.chooseMunicipality')}</p>
        </div>
      )}
    </div>
  );
}

function Filters({ view, onChange }: { view: KansenkaartView; onChange: (change: Partial<KansenkaartView>) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const municipalities = useMunicipalities();
  const lists = useStockLists();
  const groups = groupMunicipalities(municipalities.data?.items ?? []);
  const ownLists = (lists.data?.items ?? []).filter((l) => view.municipalityCode === undefined || l.municipalityCode === view.municipalityCode);
  const [from, setFrom] = useState(view.buildYearFrom?.toString() ?? '');
  const [to, setTo] = useState(view.buildYearTo?.toString() ?? '');
  useEffect(() => setFrom(view.buildYearFrom?.toString() ?? ''), [view.buildYearFrom]);
  useEffect(() => setTo(view.buildYearTo?.toString() ?? ''), [view.buildYearTo]);

  const year = (text: string): number | undefined => (/^\d{4}$/.test(text.trim()) ? Number(text.trim()) : undefined);
  const applyYears = () => onChange({ buildYearFrom: year(from), buildYearTo: year(to) });

  return (
    <search className="filters kk-filters" aria-label={t('kansenkaart.filters.label')}>
      <form
        className="filters__form"
        onSubmit={(event) => {
          event.preventDefault();
          applyYears();
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-municipality`} className="field__label">
            {t('kansenkaart.filters.municipality')}
          </label>
          <select id={`${id}-municipality`} value={view.municipalityCode ?? ''} onChange={(event) => onChange({ municipalityCode: event.target.value || undefined, bagId: undefined, listId: undefined })}>
            <option value="">{t('common.choose')}</option>
            <MunicipalityOptions groups={groups} />
          </select>
        </div>
        <fieldset className="field kk-kinds">
          <legend className="field__label">{t('kansenkaart.filters.kind')}</legend>
          <div className="kk-segmented">
            {opportunityKinds.map((kind) => (
              <label key={kind} className={view.kind === kind ? 'kk-segmented__option kk-segmented__option--active' : 'kk-segmented__option'}>
                <input type="radio" name={`${id}-kind`} value={kind} checked={view.kind === kind} onChange={() => onChange({ kind })} />
                {t(`kansenkaart.kinds.${kind}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-min`} className="field__label">
            {t('kansenkaart.filters.minScore')}: <output htmlFor={`${id}-min`}>{view.minScore}</output>
          </label>
          <input id={`${id}-min`} type="range" min={0} max={100} step={10} value={view.minScore} onChange={(event) => onChange({ minScore: Number(event.target.value) })} />
        </div>
        <fieldset className="field kk-years">
          <legend className="field__label">{t('kansenkaart.filters.buildYear')}</legend>
          <div className="kk-years__inputs">
            <label className="visually-hidden" htmlFor={`${id}-from`}>
              {t('kansenkaart.filters.buildYearFrom')}
            </label>
            <input id={`${id}-from`} type="text" inputMode="numeric" maxLength={4} size={5} placeholder={t('kansenkaart.filters.fromPlaceholder')} value={from} onChange={(event) => setFrom(event.target.value)} onBlur={applyYears} />
            <span aria-hidden="true">–</span>
            <label className="visually-hidden" htmlFor={`${id}-to`}>
              {t('kansenkaart.filters.buildYearTo')}
            </label>
            <input id={`${id}-to`} type="text" inputMode="numeric" maxLength={4} size={5} placeholder={t('kansenkaart.filters.toPlaceholder')} value={to} onChange={(event) => setTo(event.target.value)} onBlur={applyYears} />
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-list`} className="field__label">
            {t('kansenkaart.filters.owner')}
          </label>
          <select id={`${id}-list`} value={view.listId ?? ''} onChange={(event) => onChange({ listId: event.target.value || undefined })}>
            <option value="">{t('kansenkaart.filters.allBuildings')}</option>
            {ownLists.map((list) => (
              <option key={list.id} value={list.id}>
                {t('kansenkaart.filters.ownStock', { name: list.name, owner: list.ownerName })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="visually-hidden">
          {t('kansenkaart.filters.apply')}
        </button>
      </form>
    </search>
  );
}

function Legend({ minScore, kind }: { minScore: number; kind: KansenkaartView['kind'] }) {
  const { t } = useTranslation();
  return (
    <figure className="kk-legend" aria-labelledby="kk-legend-title">
      <figcaption id="kk-legend-title">{t('kansenkaart.legend.title', { kind: t(`kansenkaart.kinds.${kind}`) })}</figcaption>
      <ul className="plain-list">
        {legendEntries(minScore)
          .slice()
          .reverse()
          .map((entry) => (
            <li key={entry.from}>
              <span className="kk-swatch" style={{ background: entry.colour }} aria-hidden="true" />
              {entry.from === entry.to ? entry.from : `${entry.from}–${entry.to}`}
            </li>
          ))}
        {minScore === 0 ? (
          <li>
            <span className="kk-swatch" style={{ background: unknownScoreColour }} aria-hidden="true" />
            {t('kansenkaart.legend.unknown')}
          </li>
        ) : null}
      </ul>
    </figure>
  );
}

function MapStatusLine({ status }: { status: MapStatus }) {
  const { t } = useTranslation();
  let text: string;
  if (status.state === 'loading') text = t('kansenkaart.map.loading');
  else if (status.state === 'error') text = t('kansenkaart.map.error');
  else if (status.mode === 'clusters') text = t('kansenkaart.map.clusters', { count: status.total, formatted: formatInteger(status.total), groups: formatInteger(status.features) });
  else if (status.mode === 'points') text = t('kansenkaart.map.points', { count: status.total, formatted: formatInteger(status.total) });
  else text = t('kansenkaart.map.footprints', { count: status.total, formatted: formatInteger(status.total) });
  return (
    <p className="kk-map-status" role="status" data-testid="kansenkaart-status" data-mode={status.mode ?? ''} data-count={status.total}>
      {text}
    </p>
  );
}

const candidateColumns: { field: CandidateSortField; labelKey: string; numeric?: boolean }[] = [
  { field: 'bagId', labelKey: 'kansenkaart.candidates.columns.bagId' },
  { field: 'score', labelKey: 'kansenkaart.candidates.columns.score', numeric: true },
  { field: 'buildYear', labelKey: 'kansenkaart.candidates.columns.buildYear', numeric: true },
  { field: 'heightM', labelKey: 'kansenkaart.candidates.columns.height', numeric: true },
];

/** The candidate list: the accessible alternative to the map, and where a pilot is picked. */
function CandidateSection({ view, onChange }: { view: KansenkaartView; onChange: (change: Partial<KansenkaartView>) => void }) {
  const { t } = useTranslation();
  const query = candidateQuery(view);
  const candidates = useCandidates(view.municipalityCode, query);
  const [shown, setShown] = useState(CANDIDATE_PAGE);
  if (candidates.isPending) return <Loading label={t('kansenkaart.candidates.loading')} />;
  if (candidates.isError) return <ErrorMessage error={candidates.error} onRetry={() => void candidates.refetch()} />;
  const rows = sortCandidates(candidates.data.items, view.sort, view.order);
  const capped = candidates.data.items.length >= CANDIDATE_LIMIT;

  return (
    <section aria-labelledby="kk-candidates-heading" className="results kk-candidates" aria-busy={candidates.isFetching}>
      <div className="kk-candidates__header">
        <h2 id="kk-candidates-heading">{t('kansenkaart.candidates.title', { kind: t(`kansenkaart.kinds.${view.kind}`) })}</h2>
        <a
          className="button button--secondary"
          download
          href={buildUrl(`/api/stock/municipalities/${encodeURIComponent(view.municipalityCode ?? '')}/candidates.xlsx`, query)}
          aria-describedby="kk-export-hint"
        >
          {t('kansenkaart.candidates.export')}
        </a>
      </div>
      <p id="kk-export-hint" className="muted kk-export-hint">
        {t('kansenkaart.candidates.exportHint')}
      </p>
      <p className="results__count" aria-live="polite">
        {t('kansenkaart.candidates.count', { count: rows.length, formatted: formatInteger(rows.length), min: view.minScore })}
        {capped ? ` ${t('kansenkaart.candidates.capped', { limit: formatInteger(CANDIDATE_LIMIT) })}` : ''}
      </p>
      {rows.length === 0 ? (
        <div className="empty-state">
          <p>{t('kansenkaart.candidates.empty')}</p>
        </div>
      ) : (
        <div className="table-wrapper">
          <table className="table table--responsive">
            <caption className="visually-hidden">{t('kansenkaart.candidates.caption')}</caption>
            <thead>
              <tr>
                {candidateColumns.map((column) => {
                  const active = view.sort === column.field;
                  return (
                    <th key={column.field} scope="col" className={column.numeric ? 'numeric' : undefined} aria-sort={active ? (view.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
                      <button type="button" className="sort-button" onClick={() => onChange(toggleCandidateSort(view, column.field))}>
                        {t(column.labelKey)}
                        <span className="sort-button__icon" aria-hidden="true">
                          {active ? (view.order === 'asc' ? '▲' : '▼') : '↕'}
                        </span>
                      </button>
                    </th>
                  );
                })}
                <th scope="col">{t('kansenkaart.candidates.columns.reasons')}</th>
                <th scope="col">{t('kansenkaart.candidates.columns.assessment')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, shown).map((item) => (
                <tr key={item.bagId} aria-current={view.bagId === item.bagId ? 'true' : undefined} className={view.bagId === item.bagId ? 'kk-row--current' : undefined}>
                  <td data-label={t('kansenkaart.candidates.columns.bagId')}>
                    <button type="button" className="button button--link kk-open" onClick={() => onChange({ bagId: item.bagId })}>
                      {item.bagId}
                    </button>
                  </td>
                  <td data-label={t('kansenkaart.candidates.columns.score')} className="numeric">
                    <span className="kk-swatch" style={{ background: colourForScore(item.score) }} aria-hidden="true" /> {item.score}
                  </td>
                  <td data-label={t('kansenkaart.candidates.columns.buildYear')} className="numeric">
                    {item.buildYear ?? t('kansenkaart.unknown')}
                  </td>
                  <td data-label={t('kansenkaart.candidates.columns.height')} className="numeric">
                    {item.heightM === null ? t('kansenkaart.unknown') : `${formatDecimal(item.heightM, 1)} m`}
                  </td>
                  <td data-label={t('kansenkaart.candidates.columns.reasons')}>{item.reasons.join(', ')}</td>
                  <td data-label={t('kansenkaart.candidates.columns.assessment')}>
                    {item.assessments.map((a) => `${t(`kansenkaart.assessment.status.${a.status}`)} (${a.organisationName})`).join('; ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > shown ? (
        <p className="kk-more">
          <span className="muted">{t('kansenkaart.candidates.more', { shown: formatInteger(shown), total: formatInteger(rows.length) })}</span>{' '}
          <button type="button" className="button button--secondary" onClick={() => setShown((n) => n + CANDIDATE_PAGE)}>
            {t('kansenkaart.candidates.showMore', { count: Math.min(CANDIDATE_PAGE, rows.length - shown) })}
          </button>
        </p>
      ) : null}
    </section>
  );
}
