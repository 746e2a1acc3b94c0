/**
 * The opportunity rules of a municipality (/kansenkaart/regels?gemeente=GM0503): the set in force with its
 * version history, and — for the gemeente's bewerkers and the coordinator — an editor; saving re-scores every
 * building of the municipality, so the map shows the new scores at once.
 */
import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { stockRuleSet, stockRuleSetSaved, type Organisation, type StockRuleSetSaved } from '@kringbouw/contracts';
import { canEditMunicipalityRules } from '@kringbouw/domain/opportunities';
import { apiRequest } from '../../api/client.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { formatInteger, formatShortDate } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useActor } from '../auth/session.ts';
import { groupMunicipalities, useMunicipalities } from '../municipalities/api.ts';
import { MunicipalityOptions } from '../municipalities/MunicipalityOptions.tsx';
import { useAllOrganisations } from '../projects/api.ts';
import { stockKeys } from './api.ts';
import { RuleEditor } from './RuleEditor.tsx';
import './kansenkaart.css';

export default function RulesPage() {
  const { t } = useTranslation();
  usePageTitle(t('kansenkaart.rules.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const code = /^GM\d{4}$/.test(searchParams.get('gemeente') ?? '') ? (searchParams.get('gemeente') ?? undefined) : undefined;
  const municipalities = useMunicipalities();
  const id = useId();
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to={code ? `/kansenkaart?gemeente=${code}` : '/kansenkaart'}>{t('renovation.back')}</Link>
      </p>
      <h1>{t('kansenkaart.rules.title')}</h1>
      <p className="lead">{t('kansenkaart.rules.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-municipality`} className="field__label">
          {t('renovation.municipality')}
        </label>
        <select id={`${id}-municipality`} value={code ?? ''} onChange={(e) => setSearchParams(e.target.value ? { gemeente: e.target.value } : {})}>
          <option value="">{t('common.choose')}</option>
          <MunicipalityOptions groups={groupMunicipalities(municipalities.data?.items ?? [])} />
        </select>
      </div>
      {code ? <MunicipalityRules code={code} key={code} /> : null}
    </div>
  );
}

function MunicipalityRules({ code }: { code: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const actor = useActor();
  const organisations = useAllOrganisations();
  const rules = useQuery({ queryKey: ['stock', 'rules', code], queryFn: ({ signal }) => apiRequest(`/api/stock/municipalities/${code}/rules`, stockRuleSet, { signal }) });
  const [saved, setSaved] = useState<StockRuleSetSaved | null>(null);
  const editors = (organisations.data?.items ?? []).filter((o: Organisation) => o.kind === 'gemeente' && o.municipalityCode === code && canEditMunicipalityRules(actor, o, code));
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const id = useId();
  if (rules.isPending) return <Loading />;
  if (rules.isError) return <ErrorMessage error={rules.error} onRetry={() => void rules.refetch()} />;
  const chosen = organisationId ?? editors[0]?.id ?? null;

  const save = async (next: typeof rules.data.rules, note: string) => {
    if (!chosen) return;
    setSaved(null);
    const result = await apiRequest(`/api/stock/municipalities/${code}/rules`, stockRuleSetSaved, { method: 'PUT', body: { organisationId: chosen, rules: next, note } });
    setSaved(result);
    queryClient.setQueryData(['stock', 'rules', code], result);
    // Scores changed: the map, the candidates and open buildings read again.
    void queryClient.invalidateQueries({ queryKey: stockKeys.all });
  };

  return (
    <>
      <section className="card" aria-labelledby={`${id}-current`}>
        <h2 id={`${id}-current`}>{t('kansenkaart.rules.current')}</h2>
        <p data-testid="kk-rules-version">
          {rules.data.version === null ? t('kansenkaart.rules.defaultInForce', { version: rules.data.rules.version }) : t('kansenkaart.rules.versionInForce', { version: rules.data.version, rulesVersion: rules.data.rules.version })}
        </p>
        <p className="muted">{rules.data.rules.name}</p>
        {saved ? (
          <p className="notice notice--success" role="status">
            {t('kansenkaart.rules.saved', { version: saved.version ?? 0, rescored: formatInteger(saved.rescored) })} <Link to={`/kansenkaart?gemeente=${code}`}>{t('kansenkaart.import.toMap')}</Link>
          </p>
        ) : null}
        {rules.data.history.length > 0 ? (
          <div className="table-wrapper">
            <table className="table">
              <caption>{t('kansenkaart.rules.history')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('kansenkaart.rules.version')}</th>
                  <th scope="col">{t('kansenkaart.rules.by')}</th>
                  <th scope="col">{t('kansenkaart.rules.date')}</th>
                  <th scope="col">{t('kansenkaart.rules.note')}</th>
                </tr>
              </thead>
              <tbody>
                {rules.data.history.map((h) => (
                  <tr key={h.version}>
                    <td>{h.rulesVersion}</td>
                    <td>{h.organisationName ?? '—'}</td>
                    <td>{formatShortDate(h.createdAt)}</td>
                    <td>{h.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      {editors.length > 0 ? (
        <section aria-labelledby={`${id}-edit`}>
          <h2 id={`${id}-edit`}>{t('kansenkaart.rules.edit')}</h2>
          <p className="muted">{t('kansenkaart.rules.editHelp')}</p>
          {editors.length > 1 ? (
            <div className="field">
              <label htmlFor={`${id}-org`} className="field__label">
                {t('renovation.organisation')}
              </label>
              <select id={`${id}-org`} value={chosen ?? ''} onChange={(e) => setOrganisationId(e.target.value)}>
                {editors.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <RuleEditor key={rules.data.version ?? 0} initial={rules.data.rules} onSave={save} />
        </section>
      ) : (
        <p className="muted">{t('kansenkaart.rules.readOnly')}</p>
      )}
    </>
  );
}
