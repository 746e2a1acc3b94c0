import { useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { cityDealGroupOf, cityDealGroups, organisationKinds, type CityDealGroup } from '@kringbouw/domain/organisations';
import type { Organisation } from '@kringbouw/contracts';
import { Badge, ErrorMessage, Loading } from '../../components/Status.tsx';
import { formatInteger } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { canCreateOrganisation } from '@kringbouw/domain/authz';
import { useActor } from '../auth/session.ts';
import { useOrganisationList } from './api.ts';

export default function OrganisationListPage() {
  const { t } = useTranslation();
  usePageTitle(t('organisations.title'));
  const id = useId();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() || undefined;
  const kind = organisationKinds.find((k) => k === params.get('kind'));
  const group = cityDealGroups.find((g) => g === params.get('groep'));
  const [query, setQuery] = useState(q ?? '');
  const list = useOrganisationList(q, kind);
  const actor = useActor();

  function setParam(name: string, value: string | undefined) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: name === 'q' });
  }

  useEffect(() => setQuery(q ?? ''), [q]);
  useEffect(() => {
    if (query.trim() === (q ?? '')) return;
    const timer = window.setTimeout(() => {
      const next = new URLSearchParams(window.location.search);
      if (query.trim()) next.set('q', query.trim());
      else next.delete('q');
      setParams(next, { replace: true });
    }, 300);
    return () => window.clearTimeout(timer);
  }, [query, q, setParams]);

  const items = (list.data?.items ?? []).filter((o) => !group || cityDealGroupOf(o.kind) === group);
  const sections = cityDealGroups
    .map((g) => ({ group: g, items: items.filter((o) => cityDealGroupOf(o.kind) === g).sort((a, b) => a.name.localeCompare(b.name, 'nl')) }))
    .filter((section) => section.items.length > 0);

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('organisations.title')}</h1>
          <p className="lead">{t('organisations.intro')}</p>
        </div>
        {canCreateOrganisation(actor) ? (
          <Link to="/organisaties/nieuw" className="button">
            {t('organisations.new')}
          </Link>
        ) : null}
      </div>
      <search className="filters" aria-label={t('organisations.filters.label')}>
        <form className="filters__form" onSubmit={(event) => event.preventDefault()}>
          <div className="field filters__search">
            <label htmlFor={`${id}-q`} className="field__label">
              {t('organisations.filters.search')}
            </label>
            <input id={`${id}-q`} type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-group`} className="field__label">
              {t('organisations.filters.group')}
            </label>
            <select id={`${id}-group`} value={group ?? ''} onChange={(event) => setParam('groep', event.target.value || undefined)}>
              <option value="">{t('organisations.filters.allGroups')}</option>
              {cityDealGroups.map((g) => (
                <option key={g} value={g}>
                  {t(`cityDealGroups.${g}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-kind`} className="field__label">
              {t('organisations.filters.kind')}
            </label>
            <select id={`${id}-kind`} value={kind ?? ''} onChange={(event) => setParam('kind', event.target.value || undefined)}>
              <option value="">{t('organisations.filters.allKinds')}</option>
              {organisationKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`organisationKinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
        </form>
      </search>

      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorMessage error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <div className="results">
          <p className="results__count" aria-live="polite">
            {t('organisations.count', { count: items.length, formatted: formatInteger(items.length) })}
          </p>
          {sections.length === 0 ? (
            <div className="empty-state">
              <p>{t('organisations.empty')}</p>
            </div>
          ) : (
            sections.map((section) => <OrganisationGroup key={section.group} group={section.group} items={section.items} />)
          )}
        </div>
      ) : null}
    </div>
  );
}

function OrganisationGroup({ group, items }: { group: CityDealGroup; items: Organisation[] }) {
  const { t } = useTranslation();
  const headingId = `group-${group}`;
  return (
    <section aria-labelledby={headingId} className="org-group">
      <h2 id={headingId}>
        {t(`cityDealGroups.${group}`)} <span className="muted">({formatInteger(items.length)})</span>
      </h2>
      <ul className="card-list">
        {items.map((organisation) => (
          <li key={organisation.id} className="card card--link">
            <Link to={`/organisaties/${organisation.id}`} className="card__title">
              {organisation.name}
              {organisation.shortName && !organisation.name.includes(organisation.shortName) ? <span className="muted"> ({organisation.shortName})</span> : null}
            </Link>
            <p className="card__meta">
              {t(`organisationKinds.${organisation.kind}`)} · {t('organisations.memberCount', { count: organisation.memberCount, formatted: formatInteger(organisation.memberCount) })}
            </p>
            {organisation.cityDealSignatory ? <Badge tone="success">{t('organisations.signatory')}</Badge> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
