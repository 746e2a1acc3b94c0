/**
 * The prestatieafspraken a user may see: filter by municipality, year and state; each with its place in the yearly
 * cycle and its traffic light.
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
import { useAgreementList, useAgreementProgress } from './api.ts';
import { TrafficLight } from './TrafficLight.tsx';
import './agreements.css';

const PAGE_SIZE = 200;

/** Filters in the URL, so a filtered list can be shared. */
export function filtersFrom(params: URLSearchParams): { municipality: string; year: string; state: AgreementState | '' } {
  const state = params.get('status') ?? '';
  const year = params.get('jaar') ?? '';
  return {
    municipality: /^GM\d{4}$/.test(params.get('gemeente') ?? '') ? (params.get('gemeente') ?? '') : '',
    year: /^\d{4}$/.test(year) ? year : '',
    state: (agreementStates as readonly string[]).includes(state) ? (state as AgreementState) : '',
  };
}

/** An agreement covers a year when the year lies within its period. */
export function coversYear(item: { periodStartYear: number; periodEndYear: number }, year: string): boolean {
  if (year === '') return true;
  const y = Number(year);
  return item.periodStartYear <= y && y <= item.periodEndYear;
}

export default function AgreementListPage() {
  const { t } = useTranslation();
  usePageTitle(t('agreements.title'));
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const actor = useActor();
  const municipalities = useMunicipalities();
  const id = useId();
  // The server filters by municipality and state; the year (a period covering it) is applied to the answer.
  const list = useAgreementList({ municipality: filters.municipality || undefined, state: filters.state || undefined, pageSize: PAGE_SIZE, page: 1 });
  // Anyone who is bewerker or more in some organisation may start agreements that organisation is a party to.
  const mayCreate = canCreateAgreement(actor, actor?.memberships.map((m) => m.organisationId) ?? []);

  function setFilter(key: 'gemeente' | 'jaar' | 'status', value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
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
      {list.isPending ? <Loading /> : list.isError ? <ErrorMessage error={list.error} onRetry={() => void list.refetch()} /> : <Results list={list.data} year={filters.year} />}
    </div>
  );
}

function Results({ list, year }: { list: AgreementList; year: string }) {
  const { t } = useTranslation();
  const items = list.items.filter((item) => coversYear(item, year));
  if (items.length === 0) {
    return (
      <div className="empty-state">
        <p>{t('agreements.empty')}</p>
      </div>
    );
  }
  return (
    <div className="results">
      <p className="results__count" role="status">
        {t('agreements.count', { count: items.length, formatted: formatInteger(items.length) })}
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
                <td>
                  <RowLight id={item.id} hasCommitments={item.commitmentCount > 0} />
                </td>
                <td className="numeric">{formatInteger(item.commitmentCount)}</td>
                <td>{formatShortDate(item.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The list has no figures of its own: each row asks for its agreement's progress (a page holds few agreements). */
function RowLight({ id, hasCommitments }: { id: string; hasCommitments: boolean }) {
  const { t } = useTranslation();
  const progress = useAgreementProgress(id, hasCommitments);
  if (!hasCommitments) return <span className="muted">{t('agreements.noCommitmentsShort')}</span>;
  if (progress.isPending) return <span className="muted">{t('common.loading')}</span>;
  if (progress.isError) return <span className="muted">—</span>;
  return <TrafficLight light={progress.data.light} />;
}
