/**
 * New prestatieafspraken: the gemeente (and with it the municipality), the woningcorporaties, their
 * huurdersorganisaties, the period, who may read it, and templates from the Cirkelstad guide to start from.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { createAgreementRequest, type Organisation } from '@kringbouw/contracts';
import { agreementVisibilities } from '@kringbouw/domain/agreements';
import { canCreateAgreement } from '@kringbouw/domain/authz';
import { ApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { FormField } from '../../components/FormField.tsx';
import { ErrorMessage, Loading, useErrorText } from '../../components/Status.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { fieldErrorsFromIssues, fieldErrorsFromProblems, fieldId, type FieldErrors } from '../../lib/validation.ts';
import { useActor } from '../auth/session.ts';
import { useAllOrganisations } from '../projects/api.ts';
import { useCreateAgreement } from './api.ts';
import { TemplatePicker } from './TemplatePicker.tsx';

interface CreateValues {
  title: string;
  description: string;
  gemeenteId: string;
  corporationIds: string[];
  /** huurdersorganisatie id → the corporation whose tenants it represents ('' = not said). */
  tenants: Record<string, string>;
  periodStartYear: string;
  periodEndYear: string;
  visibility: string;
  templateIds: string[];
}

function initialValues(today: Date): CreateValues {
  // Agreements are made in the year before they take effect (bod by 1 July, signed by 15 December).
  const next = String(today.getFullYear() + 1);
  return { title: '', description: '', gemeenteId: '', corporationIds: [], tenants: {}, periodStartYear: next, periodEndYear: next, visibility: 'partijen', templateIds: [] };
}

function yearOrNaN(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  return /^\d{4}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
}

/** The request body; the parties list is gemeente, corporations, then huurdersorganisaties (paths follow this order). */
export function createBodyFrom(values: CreateValues): Record<string, unknown> {
  const parties = [
    ...(values.gemeenteId ? [{ organisationId: values.gemeenteId, tenantsOfOrganisationId: null }] : []),
    ...values.corporationIds.map((id) => ({ organisationId: id, tenantsOfOrganisationId: null })),
    ...Object.entries(values.tenants).map(([id, of]) => ({ organisationId: id, tenantsOfOrganisationId: of === '' ? null : of })),
  ];
  return {
    title: values.title,
    description: values.description,
    periodStartYear: yearOrNaN(values.periodStartYear),
    periodEndYear: yearOrNaN(values.periodEndYear),
    visibility: values.visibility,
    parties,
    commitments: [],
    templateIds: values.templateIds,
  };
}

function fieldLabel(t: TFunction, path: string): string {
  const labels: Record<string, string> = {
    title: t('agreements.fields.title'),
    description: t('agreements.fields.description'),
    gemeenteId: t('agreements.fields.gemeente'),
    parties: t('agreements.fields.parties'),
    periodStartYear: t('agreements.fields.periodStartYear'),
    periodEndYear: t('agreements.fields.periodEndYear'),
    visibility: t('agreements.fields.visibility'),
    templateIds: t('agreements.templates.title'),
  };
  return labels[path] ?? (path === 'general' ? t('agreements.commitment.general') : path);
}

/** `parties.N.*` problems belong to the parties block as a whole. */
function normalise(errors: FieldErrors): FieldErrors {
  const result: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const target = /^parties(\.|$)/.test(path) ? 'parties' : /^templateIds/.test(path) ? 'templateIds' : path === '' ? 'general' : path;
    if (result[target] === undefined) result[target] = message;
  }
  return result;
}

export default function AgreementCreatePage() {
  const { t } = useTranslation();
  usePageTitle(t('agreements.create.title'));
  const navigate = useNavigate();
  const actor = useActor();
  const organisations = useAllOrganisations();
  const create = useCreateAgreement();
  const errorText = useErrorText();
  const [values, setValues] = useState<CreateValues>(() => initialValues(new Date()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [generalError, setGeneralError] = useState<string | null>(null);

  const byKind = useMemo(() => {
    const items = [...(organisations.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    const of = (kind: Organisation['kind']) => items.filter((o) => o.kind === kind);
    return { gemeente: of('gemeente'), woningcorporatie: of('woningcorporatie'), huurdersorganisatie: of('huurdersorganisatie') };
  }, [organisations.data]);

  function set<K extends keyof CreateValues>(key: K, value: CreateValues[K]) {
    setValues((current) => ({ ...current, [key]: value }));
  }

  function fail(next: FieldErrors) {
    setErrors(normalise(next));
    setAttempt((n) => n + 1);
  }

  const partyIds = [values.gemeenteId, ...values.corporationIds, ...Object.keys(values.tenants)].filter(Boolean);
  const mayCreate = canCreateAgreement(actor, partyIds);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setGeneralError(null);
    const body = createBodyFrom(values);
    const parsed = createAgreementRequest.safeParse(body);
    if (!parsed.success) {
      const found = fieldErrorsFromIssues(parsed.error.issues, t, { integerPaths: ['periodStartYear', 'periodEndYear'] });
      // The contract says which parties are needed; that sentence beats a generic "choose at least 3".
      const parties = parsed.error.issues.find((issue) => issue.path.length === 1 && issue.path[0] === 'parties');
      if (parties) found.parties = parties.message;
      return fail(found);
    }
    if (!mayCreate) return fail({ parties: t('agreements.create.notYourParty') });
    setErrors({});
    try {
      const created = await create.mutateAsync(parsed.data);
      void navigate(`/prestatieafspraken/${created.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.fieldProblems.length > 0) fail(fieldErrorsFromProblems(error.fieldProblems, t));
      else setGeneralError(errorText(error));
    }
  }

  if (organisations.isPending) return <Loading />;
  if (organisations.isError) return <ErrorMessage error={organisations.error} onRetry={() => void organisations.refetch()} />;

  return (
    <div className="page page--form">
      <nav className="breadcrumb" aria-label={t('agreements.breadcrumb')}>
        <Link to="/prestatieafspraken">{t('agreements.title')}</Link>
      </nav>
      <h1>{t('agreements.create.title')}</h1>
      <p className="lead">{t('agreements.create.intro')}</p>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary errors={errors} labelFor={(path) => fieldLabel(t, path)} attempt={attempt} />
        {generalError ? (
          <p className="notice notice--error" role="alert">
            {generalError}
          </p>
        ) : null}
        <fieldset className="card">
          <legend>{t('agreements.create.general')}</legend>
          <FormField id={fieldId('title')} label={t('agreements.fields.title')} hint={t('agreements.create.titleHint')} error={errors.title}>
            {(control) => <input {...control} type="text" value={values.title} maxLength={200} onChange={(event) => set('title', event.target.value)} />}
          </FormField>
          <FormField id={fieldId('description')} label={t('agreements.fields.description')} optional optionalLabel={t('common.optional')} error={errors.description}>
            {(control) => <textarea {...control} rows={3} value={values.description} onChange={(event) => set('description', event.target.value)} />}
          </FormField>
          <p className="field__hint">{t('agreements.create.periodHint')}</p>
          <div className="field-row">
            <FormField id={fieldId('periodStartYear')} label={t('agreements.fields.periodStartYear')} error={errors.periodStartYear}>
              {(control) => <input {...control} type="text" inputMode="numeric" value={values.periodStartYear} onChange={(event) => set('periodStartYear', event.target.value)} />}
            </FormField>
            <FormField id={fieldId('periodEndYear')} label={t('agreements.fields.periodEndYear')} error={errors.periodEndYear}>
              {(control) => <input {...control} type="text" inputMode="numeric" value={values.periodEndYear} onChange={(event) => set('periodEndYear', event.target.value)} />}
            </FormField>
          </div>
        </fieldset>

        <fieldset className="card" aria-describedby={errors.parties ? `${fieldId('parties')}-error` : undefined}>
          <legend>{t('agreements.fields.parties')}</legend>
          <p className="field__hint">{t('agreements.create.partiesHint')}</p>
          {errors.parties ? (
            <p id={`${fieldId('parties')}-error`} className="field__error">
              {errors.parties}
            </p>
          ) : null}
          <FormField id={fieldId('gemeenteId')} label={t('agreements.fields.gemeente')} error={errors.gemeenteId}>
            {(control) => (
              <select {...control} value={values.gemeenteId} onChange={(event) => set('gemeenteId', event.target.value)}>
                <option value="">{t('common.choose')}</option>
                {byKind.gemeente.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <fieldset className="checkbox-group" id={fieldId('parties')} tabIndex={-1}>
            <legend className="field__label">{t('agreements.fields.corporations')}</legend>
            {byKind.woningcorporatie.map((o) => (
              <div className="checkbox" key={o.id}>
                <input
                  id={`corporation-${o.id}`}
                  type="checkbox"
                  checked={values.corporationIds.includes(o.id)}
                  onChange={() =>
                    set('corporationIds', values.corporationIds.includes(o.id) ? values.corporationIds.filter((id) => id !== o.id) : [...values.corporationIds, o.id])
                  }
                />
                <label htmlFor={`corporation-${o.id}`}>{o.name}</label>
              </div>
            ))}
          </fieldset>
          <fieldset className="checkbox-group">
            <legend className="field__label">{t('agreements.fields.tenantOrganisations')}</legend>
            {byKind.huurdersorganisatie.map((o) => {
              const chosen = o.id in values.tenants;
              return (
                <div key={o.id} className="tenant-row">
                  <div className="checkbox">
                    <input
                      id={`tenants-${o.id}`}
                      type="checkbox"
                      checked={chosen}
                      onChange={() => {
                        const next = { ...values.tenants };
                        if (chosen) delete next[o.id];
                        else next[o.id] = values.corporationIds.length === 1 ? (values.corporationIds[0] ?? '') : '';
                        set('tenants', next);
                      }}
                    />
                    <label htmlFor={`tenants-${o.id}`}>{o.name}</label>
                  </div>
                  {chosen ? (
                    <div className="field">
                      <label htmlFor={`tenants-of-${o.id}`} className="field__label">
                        {t('agreements.create.tenantsOf', { name: o.name })}
                      </label>
                      <select id={`tenants-of-${o.id}`} value={values.tenants[o.id] ?? ''} onChange={(event) => set('tenants', { ...values.tenants, [o.id]: event.target.value })}>
                        <option value="">{t('agreements.create.tenantsOfUnknown')}</option>
                        {byKind.woningcorporatie
                          .filter((c) => values.corporationIds.includes(c.id))
                          .map((c) => (
                            <option key={c.id} value={c.id}>
                              {c.name}
                            </option>
                          ))}
                      </select>
                    </div>
                  ) : null}
                </div>
              );
            })}
          </fieldset>
        </fieldset>

        <fieldset className="card">
          <legend>{t('agreements.fields.visibility')}</legend>
          {errors.visibility ? <p className="field__error">{errors.visibility}</p> : null}
          <div className="radio-group">
            {agreementVisibilities.map((visibility, index) => {
              const id = index === 0 ? fieldId('visibility') : `${fieldId('visibility')}-${visibility}`;
              return (
                <div className="radio" key={visibility}>
                  <input id={id} type="radio" name="visibility" value={visibility} checked={values.visibility === visibility} onChange={() => set('visibility', visibility)} />
                  <label htmlFor={id}>{t(`agreements.visibility.${visibility}`)}</label>
                </div>
              );
            })}
          </div>
        </fieldset>

        <fieldset className="card" id={fieldId('templateIds')} tabIndex={-1}>
          <legend>{t('agreements.templates.title')}</legend>
          {errors.templateIds ? <p className="field__error">{errors.templateIds}</p> : null}
          <TemplatePicker selected={values.templateIds} onChange={(ids) => set('templateIds', ids)} />
        </fieldset>

        <div className="form__actions form__actions--sticky">
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? t('common.saving') : t('agreements.create.submit')}
          </button>
          <Link to="/prestatieafspraken" className="button button--secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
