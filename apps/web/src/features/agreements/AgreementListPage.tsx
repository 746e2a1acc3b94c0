/**
 * The prestatieafspraken a user may see: filter by municipality, year and state (all three on the server), a page at
 * a time; each with its place in the yearly cycle and its traffic light (carried by the list itself).
 */
import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AgreementList } from '@kringbouw/contracts';
import { agreementStates, type AgreementState } from '@kringbouw/domain/agreements';
import { canCreateAgreement } from '@kringbouw/domain/authz';
import { ErrorMessage, Loading, Badge } from '../../components/Status.tsx';
import { formatInteger, formatShortDate } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useActor } from '../auth/session.ts';
import { groupMunicipalities, useMunicipalities } from '../municipalities/api.ts';
import { MunicipalityOptions } from '../municipalities/MunicipalityOptions.tsx';
import { useAgreementList } from './api.ts';
import { TrafficLight } from './TrafficLight.tsx';
import './agreements.css';

export const AGREEMENT_PAGE_SIZE = 50;

/** Filters and page in the URL, so a filtered list can be shared. */
export function filtersFrom(params: URLSearchParams): { municipality: string; year: string; state: AgreementState | ''; page: number } {
  const state = params.get('status') ?? '';
  const year = params.get('jaar') ?? '';
  const page = params.get('pagina') ?? '';
  return {
    municipality: /^GM\d{4}$/.test(params.get('gemeente') ?? '') ? (params.get('gemeente') ?? '') : '',
    // the server accepts 2000–2100
    year: /^(20\d\d|2100)$/.test(year) ? year : '',
    state: (agreementStates as readonly string[]).includes(state) ? (state as AgreementState) : '',
    page: /^[1-9]\d{0,5}$/.test(page) ? Number(page) : 1,
  };
}

export default function AgreementListPage() {
  const { t } = useTranslation();
  usePageTitle(t('agreements.title'));
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const actor = useActor();
  const municipalities = useMunicipalities();
  const id = useId();
  // The server filters (the year: periods covering it) and gives each agreement its traffic light.
  const list = useAgreementList({
    municipality: filters.municipality || undefined,
    state: filters.state || undefined,
    year: filters.year ? Number(filters.year) : undefined,
    pageSize: AGREEMENT_PAGE_SIZE,
    page: filters.page,
  });
  // Anyone who is bewerker or more in some organisation may start agreements that organisation is a party to.
  const mayCreate = canCreateAgreement(actor, actor?.memberships.map((m) => m.organisationId) ?? []);

  function setFilter(key: 'gemeente' | 'jaar' | 'status' | 'pagina', value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    // another filter starts at the first page
    if (key !== 'pagina') next.delete('pagina');
    setParams(next, { replace: true });
  }

  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => String(thisYear - 3 + i));

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('agreements.title')}</h1>
          <p className="lead">{t('agreements.intro')}</p>
        </div>
        {mayCreate ? (
          <Link to="/prestatieafspraken/nieuw" className="button">
            {t('agreements.new')}
          </Link>
        ) : null}
      </div>
      <search className="filters" aria-label={t('agreements.filters.label')}>
        <div className="filters__form">
          <div className="field">
            <label htmlFor={`${id}-municipality`} className="field__label">
              {t('agreements.filters.municipality')}
            </label>
            <select id={`${id}-municipality`} value={filters.municipality} onChange={(event) => setFilter('gemeente', event.target.value)}>
              <option value="">{t('agreements.filters.allMunicipalities')}</option>
              <MunicipalityOptions groups={groupMunicipalities(municipalities.data?.items ?? [])} />
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-year`} className="field__label">
              {t('agreements.filters.year')}
            </label>
            <select id={`${id}-year`} value={filters.year} onChange={(event) => setFilter('jaar', event.target.value)}>
              <option value="">{t('agreements.filters.allYears')}</option>
              {[...new Set([...years, ...(filters.year ? [filters.year] : [])])].sort().map((year) => (
                <option key={year} value={year}>
                  {year}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-state`} className="field__label">
              {t('agreements.filters.state')}
            </label>
            <select id={`${id}-state`} value={filters.state} onChange={(event) => setFilter('status', event.target.value)}>
              <option value="">{t('agreements.filters.allStates')}</option>
              {agreementStates.map((state) => (
                <option key={state} value={state}>
                  {t(`agreements.states.${state}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      </search>
      {list.isPending ? <Loading /> : list.isError ? <ErrorMessage error={list.error} onRetry={() => void list.refetch()} /> : <Results list={list.data} onPage={(page) => setFilter('pagina', page > 1 ? String(page) : '')} />}
    </div>
  );
}

function Results({ list, onPage }: { list: AgreementList; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const items = list.items;
  if (list.total === 0) {
    return (
      <div className="empty-state">
        <p>{t('agreements.empty')}</p>
      </div>
    );
  }
  return (
    <div className="results">
      <p className="results__count" role="status">
        {t('agreements.count', { count: list.total, formatted: formatInteger(list.total) })}
      </p>
      <div className="table-wrapper">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('agreements.columns.title')}</th>
              <th scope="col">{t('agreements.columns.municipality')}</th>
              <th scope="col">{t('agreements.columns.period')}</th>
              <th scope="col">{t('agreements.columns.state')}</th>
              <th scope="col">{t('agreements.columns.light')}</th>
              <th scope="col" className="numeric">
                {t('agreements.columns.commitments')}
              </th>
              <th scope="col">{t('agreements.columns.updatedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>
                  <Link to={`/prestatieafspraken/${item.id}`} className="table__primary-link">
                    {item.title}
                  </Link>
                  {item.isExample ? (
                    <>
                      {' '}
                      <Badge tone="example">{t('agreements.example')}</Badge>
                    </>
                  ) : null}
                  <div className="muted">{item.parties.map((party) => party.organisationName).join(' · ')}</div>
                </td>
                <td>{item.municipalityName}</td>
                <td>{item.periodStartYear === item.periodEndYear ? item.periodStartYear : `${item.periodStartYear}–${item.periodEndYear}`}</td>
                <td>
                  <span className={`state-badge state-badge--${item.state}`}>{t(`agreements.states.${item.state}`)}</span>
                  <div className="muted">{t('agreements.versionShort', { number: item.workingVersionNumber })}</div>
                </td>
                <td>{item.commitmentCount > 0 ? <TrafficLight light={item.light} /> : <span className="muted">{t('agreements.noCommitmentsShort')}</span>}</td>
                <td className="numeric">{formatInteger(item.commitmentCount)}</td>
                <td>{formatShortDate(item.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination list={list} onPage={onPage} />
    </div>
  );
}

function Pagination({ list, onPage }: { list: AgreementList; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  if (pages <= 1 && list.page <= 1) return null;
  const first = (list.page - 1) * list.pageSize + 1;
  const last = Math.min(list.total, list.page * list.pageSize);
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <button type="button" className="button button--secondary" disabled={list.page <= 1} onClick={() => onPage(Math.min(list.page - 1, pages))}>
        {t('pagination.previous')}
      </button>
      <p className="pagination__status">
        {t('pagination.status', { first: formatInteger(Math.min(first, list.total)), last: formatInteger(last), total: formatInteger(list.total), page: list.page, pages })}
      </p>
      <button type="button" className="button button--secondary" disabled={list.page >= pages} onClick={() => onPage(list.page + 1)}>
        {t('pagination.next')}
      </button>
    </nav>
  );
}
