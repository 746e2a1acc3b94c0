/**
 * The dashboard's list of projects the viewer may see, paged by the server (GET …/monitoring/projects): sortable
 * column headers and page controls; page and sort live in the URL (`pagina`, `sortering`), like the project list. The
 * CSV button downloads the server's CSV of the whole visible list (not only this page).
 */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { dashboardProjectSorts, type DashboardProjectPage, type DashboardProjectSort } from '@kringbouw/contracts';
import type { ProjectKind } from '@kringbouw/domain/projects';
import { ErrorMessage } from '../../components/Status.tsx';
import { formatDecimal, formatInteger } from '../../lib/format.ts';
import { kindLabel, phaseLabel } from '../projects/labels.ts';
import { projectsCsvUrl, useDashboardProjects } from './api.ts';

export const DASHBOARD_PAGE_SIZE = 50;

/** `sortering` from the URL; anything else is the default order (name). */
export function sortFromParam(value: string | null): DashboardProjectSort {
  return (dashboardProjectSorts as readonly string[]).includes(value ?? '') ? (value as DashboardProjectSort) : 'name';
}

/** `pagina` from the URL: a whole number ≥ 1, else 1. */
export function pageFromParam(value: string | null): number {
  return /^[1-9]\d{0,5}$/.test(value ?? '') ? Number(value) : 1;
}

type Column = 'name' | 'kind' | 'phase' | 'year' | 'dwellings' | 'officialMpg' | 'indicativeMpg';
const columns: { key: Column; label: string; sortable: boolean; numeric: boolean }[] = [
  { key: 'name', label: 'project', sortable: true, numeric: false },
  { key: 'kind', label: 'kind', sortable: false, numeric: false },
  { key: 'phase', label: 'phase', sortable: false, numeric: false },
  { key: 'year', label: 'year', sortable: true, numeric: true },
  { key: 'dwellings', label: 'dwellings', sortable: true, numeric: true },
  { key: 'officialMpg', label: 'officialMpg', sortable: true, numeric: true },
  { key: 'indicativeMpg', label: 'indicativeMpg', sortable: true, numeric: true },
];

export function DashboardProjectTable({
  code,
  kind,
  year,
  page,
  sort,
  firstPage,
  onChange,
}: {
  code: string;
  kind: ProjectKind | '';
  year: string;
  page: number;
  sort: DashboardProjectSort;
  /** The first page the dashboard response carries (default order). */
  firstPage: DashboardProjectPage;
  onChange: (change: { page?: number; sort?: DashboardProjectSort }) => void;
}) {
  const { t } = useTranslation();
  const query = useDashboardProjects(code, kind, year, page, sort, DASHBOARD_PAGE_SIZE, firstPage);
  const data = query.data;
  const descending = sort.startsWith('-');
  const sortKey = descending ? sort.slice(1) : sort;
  // A click on the active column flips the direction; another column starts ascending (the name) or descending (figures).
  const sortBy = (key: Column) => {
    const next = key === sortKey ? (descending ? key : `-${key}`) : key === 'name' ? key : `-${key}`;
    onChange({ sort: sortFromParam(next), page: 1 });
  };
  const total = data?.total ?? firstPage.total;
  const pages = Math.max(1, Math.ceil(total / DASHBOARD_PAGE_SIZE));
  const first = total === 0 ? 0 : (page - 1) * DASHBOARD_PAGE_SIZE + 1;
  const last = Math.min(total, page * DASHBOARD_PAGE_SIZE);

  return (
    <section aria-labelledby="projects-heading">
      <h3 id="projects-heading">{t('monitoring.dashboard.projectList')}</h3>
      <a className="button button--small button--secondary" href={projectsCsvUrl(code, kind, year)} download data-testid="projects-csv">
        {t('monitoring.dashboard.csvAllProjects', { count: total })}
      </a>
      {query.isError ? <ErrorMessage error={query.error} onRetry={() => void query.refetch()} /> : null}
      <table className="table" aria-busy={query.isFetching}>
        <thead>
          <tr>
            {columns.map((column) => {
              const active = column.key === sortKey;
              const ariaSort = active ? (descending ? 'descending' : 'ascending') : column.sortable ? 'none' : undefined;
              return (
                <th key={column.key} scope="col" aria-sort={ariaSort} className={column.numeric ? 'numeric' : undefined}>
                  {column.sortable ? (
                    <button type="button" className="sort-button" onClick={() => sortBy(column.key)}>
                      {t(`monitoring.dashboard.${column.label}`)}
                      <span className="sort-button__icon" aria-hidden="true">
                        {active ? (descending ? '▼' : '▲') : '↕'}
                      </span>
                    </button>
                  ) : (
                    t(`monitoring.dashboard.${column.label}`)
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {(data?.items ?? []).map((p) => (
            <tr key={p.id}>
              <td>
                <Link to={`/projecten/${p.id}`}>{p.name}</Link>
              </td>
              <td>{kindLabel(t, p.kind)}</td>
              <td>{phaseLabel(t, p.phase)}</td>
              <td className="numeric">{p.year}</td>
              <td className="numeric">{formatInteger(p.dwellings)}</td>
              <td className="numeric">{p.officialMpg === null ? '—' : formatDecimal(p.officialMpg, 2)}</td>
              <td className="numeric">{p.indicativeMpg === null ? '—' : formatDecimal(p.indicativeMpg, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data !== undefined && data.items.length === 0 ? <p className="muted">{t('monitoring.dashboard.noProjects')}</p> : null}
      {pages > 1 ? (
        <nav className="pagination" aria-label={t('pagination.label')}>
          <button type="button" className="button button--secondary" disabled={page <= 1} onClick={() => onChange({ page: page - 1 })}>
            {t('pagination.previous')}
          </button>
          <p className="pagination__status">{t('pagination.status', { first: formatInteger(first), last: formatInteger(last), total: formatInteger(total), page, pages })}</p>
          <button type="button" className="button button--secondary" disabled={page >= pages} onClick={() => onChange({ page: page + 1 })}>
            {t('pagination.next')}
          </button>
        </nav>
      ) : null}
    </section>
  );
}
