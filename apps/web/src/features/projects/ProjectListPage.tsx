import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { projectKinds, projectPhases } from '@kringbouw/domain/projects';
import { canCreateProjectFor, isCoordinator } from '@kringbouw/domain/authz';
import type { ProjectList } from '@kringbouw/contracts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { formatInteger, formatShortDate } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useActor } from '../auth/session.ts';
import { cityDealGroupOf, cityDealGroups } from '@kringbouw/domain/organisations';
import { useAllOrganisations, useProjectList } from './api.ts';
import { groupMunicipalities, useMunicipalities } from '../municipalities/api.ts';
import { MunicipalityOptions } from '../municipalities/MunicipalityOptions.tsx';
import { kindLabel, phaseLabel } from './labels.ts';
import {
  PROJECT_PAGE_SIZE,
  searchParamsFromView,
  toggleSort,
  updateView,
  viewFromSearchParams,
  type ListReturnState,
  type ProjectListView,
} from './list-params.ts';
import { ProjectBadges } from './ProjectBadges.tsx';

const sortableColumns = [
  { field: 'name', labelKey: 'projects.columns.name' },
  { field: 'municipality', labelKey: 'projects.columns.municipality' },
  { field: 'phase', labelKey: 'projects.columns.phase' },
  { field: 'dwellings', labelKey: 'projects.columns.dwellings' },
  { field: 'updatedAt', labelKey: 'projects.columns.updatedAt' },
] as const;

export default function ProjectListPage() {
  const { t } = useTranslation();
  usePageTitle(t('projects.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const view = viewFromSearchParams(searchParams);
  const actor = useActor();
  const mayCreate = isCoordinator(actor) || (actor?.memberships.some((m) => canCreateProjectFor(actor, m.organisationId)) ?? false);

  function apply(next: ProjectListView) {
    setSearchParams(searchParamsFromView(next));
  }

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('projects.title')}</h1>
          <p className="lead">{t('projects.intro')}</p>
        </div>
        {mayCreate ? (
          <Link to="/projecten/nieuw" className="button">
            {t('projects.new')}
          </Link>
        ) : null}
      </div>
      <ProjectFilters view={view} onChange={(change) => apply(updateView(view, change))} />
      <ProjectResults view={view} onChangeView={apply} />
    </div>
  );
}

function ProjectFilters({ view, onChange }: { view: ProjectListView; onChange: (change: Partial<ProjectListView>) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const municipalities = useMunicipalities();
  const organisations = useAllOrganisations();
  const [query, setQuery] = useState(view.q ?? '');
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  // Follow the URL when it changes from outside (back button, a shared link).
  useEffect(() => {
    setQuery(view.q ?? '');
  }, [view.q]);

  // Typing updates the URL after a short pause, so the list does not refetch on every key.
  useEffect(() => {
    const trimmed = query.trim();
    if (trimmed === (view.q ?? '')) return;
    const timer = window.setTimeout(() => onChangeRef.current({ q: trimmed === '' ? undefined : trimmed }), 300);
    return () => window.clearTimeout(timer);
  }, [query, view.q]);

  const groups = groupMunicipalities(municipalities.data?.items ?? []);
  const filtered = Boolean(view.q || view.municipality || view.organisation || view.kind || view.phase);
  const organisationGroups = cityDealGroups
    .map((group) => ({
      group,
      items: (organisations.data?.items ?? []).filter((o) => cityDealGroupOf(o.kind) === group).sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    }))
    .filter((entry) => entry.items.length > 0);

  return (
    <search className="filters" aria-label={t('projects.filters.label')}>
      <form
        className="filters__form"
        onSubmit={(event) => {
          event.preventDefault();
          onChange({ q: query.trim() === '' ? undefined : query.trim() });
        }}
      >
        <div className="field filters__search">
          <label htmlFor={`${id}-q`} className="field__label">
            {t('projects.filters.search')}
          </label>
          <input id={`${id}-q`} type="search" value={query} placeholder={t('projects.filters.searchPlaceholder')} onChange={(event) => setQuery(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-municipality`} className="field__label">
            {t('projects.filters.municipality')}
          </label>
          <select
            id={`${id}-municipality`}
            value={view.municipality ?? ''}
            onChange={(event) => onChange({ municipality: event.target.value || undefined })}
          >
            <option value="">{t('projects.filters.allMunicipalities')}</option>
            <MunicipalityOptions groups={groups} />
            {view.municipality && !municipalities.data?.items.some((m) => m.code === view.municipality) ? (
              <option value={view.municipality}>{view.municipality}</option>
            ) : null}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-organisation`} className="field__label">
            {t('projects.filters.organisation')}
          </label>
          <select
            id={`${id}-organisation`}
            value={view.organisation ?? ''}
            onChange={(event) => onChange({ organisation: event.target.value || undefined })}
          >
            <option value="">{t('projects.filters.allOrganisations')}</option>
            {organisationGroups.map((entry) => (
              <optgroup key={entry.group} label={t(`cityDealGroups.${entry.group}`)}>
                {entry.items.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </optgroup>
            ))}
            {view.organisation && !organisations.data?.items.some((o) => o.id === view.organisation) ? (
              <option value={view.organisation}>{organisations.isPending ? t('common.loading') : t('projects.filters.unknownOrganisation')}</option>
            ) : null}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`} className="field__label">
            {t('projects.filters.kind')}
          </label>
          <select id={`${id}-kind`} value={view.kind ?? ''} onChange={(event) => onChange({ kind: projectKinds.find((k) => k === event.target.value) })}>
            <option value="">{t('projects.filters.allKinds')}</option>
            {projectKinds.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabel(t, kind)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-phase`} className="field__label">
            {t('projects.filters.phase')}
          </label>
          <select id={`${id}-phase`} value={view.phase ?? ''} onChange={(event) => onChange({ phase: projectPhases.find((p) => p === event.target.value) })}>
            <option value="">{t('projects.filters.allPhases')}</option>
            {projectPhases.map((phase) => (
              <option key={phase} value={phase}>
                {phaseLabel(t, phase)}
              </option>
            ))}
          </select>
        </div>
        <div className="field filters__sort">
          <label htmlFor={`${id}-sort`} className="field__label">
            {t('projects.filters.sort')}
          </label>
          <select
            id={`${id}-sort`}
            value={`${view.sort}:${view.order}`}
            onChange={(event) => {
              const [sort, order] = event.target.value.split(':');
              const field = sortableColumns.find((column) => column.field === sort)?.field;
              if (field && (order === 'asc' || order === 'desc')) onChange({ sort: field, order });
            }}
          >
            {sortableColumns.flatMap((column) =>
              (['asc', 'desc'] as const).map((order) => (
                <option key={`${column.field}:${order}`} value={`${column.field}:${order}`}>
                  {t(column.labelKey)} ({t(`projects.filters.order.${order}`)})
                </option>
              )),
            )}
          </select>
        </div>
        {filtered ? (
          <div className="filters__reset">
            <button
              type="button"
              className="button button--link"
              onClick={() => {
                setQuery('');
                onChange({ q: undefined, municipality: undefined, organisation: undefined, kind: undefined, phase: undefined });
              }}
            >
              {t('projects.filters.reset')}
            </button>
          </div>
        ) : null}
      </form>
    </search>
  );
}

function ProjectResults({ view, onChangeView }: { view: ProjectListView; onChangeView: (view: ProjectListView) => void }) {
  const { t } = useTranslation();
  const list = useProjectList(view);

  if (list.isPending) return <Loading label={t('projects.loading')} />;
  if (list.isError) return <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />;

  const data = list.data;
  const filtered = Boolean(view.q || view.municipality || view.organisation || view.kind || view.phase);

  return (
    <section aria-labelledby="project-results-heading" className="results" aria-busy={list.isFetching}>
      <h2 id="project-results-heading" className="results__count" aria-live="polite">
        {t('projects.count', { count: data.total, formatted: formatInteger(data.total) })}
      </h2>
      {data.items.length === 0 ? (
        <div className="empty-state">
          <p>{filtered ? t('projects.emptyFiltered') : t('projects.empty')}</p>
        </div>
      ) : (
        <>
          <ProjectTable data={data} view={view} onSort={(field) => onChangeView(toggleSort(view, field))} />
          <Pagination data={data} onPage={(page) => onChangeView({ ...view, page })} />
        </>
      )}
    </section>
  );
}

function ProjectTable({ data, view, onSort }: { data: ProjectList; view: ProjectListView; onSort: (field: ProjectListView['sort']) => void }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const returnState: ListReturnState = { listSearch: search };
  return (
    <div className="table-wrapper">
      <table className="table table--responsive">
        <caption className="visually-hidden">{t('projects.tableCaption')}</caption>
        <thead>
          <tr>
            {sortableColumns.slice(0, 2).map((column) => (
              <SortableHeader key={column.field} column={column} view={view} onSort={onSort} />
            ))}
            <th scope="col">{t('projects.columns.kind')}</th>
            {sortableColumns.slice(2).map((column) => (
              <SortableHeader key={column.field} column={column} view={view} onSort={onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {data.items.map((item) => (
            <tr key={item.id}>
              <td data-label={t('projects.columns.name')}>
                <div>
                  <Link to={`/projecten/${item.id}`} state={returnState} className="table__primary-link">
                    {item.name}
                  </Link>{' '}
                  <ProjectBadges project={item} />
                </div>
              </td>
              <td data-label={t('projects.columns.municipality')}>{item.municipalityName}</td>
              <td data-label={t('projects.columns.kind')}>{kindLabel(t, item.kind)}</td>
              <td data-label={t('projects.columns.phase')}>{phaseLabel(t, item.phase)}</td>
              <td data-label={t('projects.columns.dwellings')} className="numeric">
                {formatInteger(item.dwellings)}
              </td>
              <td data-label={t('projects.columns.updatedAt')}>
                <time dateTime={item.updatedAt}>{formatShortDate(item.updatedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SortableHeader({
  column,
  view,
  onSort,
}: {
  column: (typeof sortableColumns)[number];
  view: ProjectListView;
  onSort: (field: ProjectListView['sort']) => void;
}) {
  const { t } = useTranslation();
  const active = view.sort === column.field;
  const ariaSort = active ? (view.order === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <th scope="col" aria-sort={ariaSort} className={column.field === 'dwellings' ? 'numeric' : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(column.field)}>
        {t(column.labelKey)}
        <span className="sort-button__icon" aria-hidden="true">
          {active ? (view.order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

function Pagination({ data, onPage }: { data: ProjectList; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(data.total / PROJECT_PAGE_SIZE));
  if (pages <= 1) return null;
  const first = (data.page - 1) * PROJECT_PAGE_SIZE + 1;
  const last = Math.min(data.total, data.page * PROJECT_PAGE_SIZE);
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <button type="button" className="button button--secondary" disabled={data.page <= 1} onClick={() => onPage(data.page - 1)}>
        {t('pagination.previous')}
      </button>
      <p className="pagination__status">
        {t('pagination.status', { first: formatInteger(first), last: formatInteger(last), total: formatInteger(data.total), page: data.page, pages })}
      </p>
      <button type="button" className="button button--secondary" disabled={data.page >= pages} onClick={() => onPage(data.page + 1)}>
        {t('pagination.next')}
      </button>
    </nav>
  );
}
