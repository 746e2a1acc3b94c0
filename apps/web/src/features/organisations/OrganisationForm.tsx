import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { organisationInput, organisationUpdate, type OrganisationDetail, type OrganisationInput, type OrganisationUpdate } from '@kringbouw/contracts';
import { organisationKinds } from '@kringbouw/domain/organisations';
import { ApiError } from '../../api/client.ts';
import { FormField } from '../../components/FormField.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useErrorText } from '../../components/Status.tsx';
import { fieldErrorsFromIssues, fieldErrorsFromProblems, fieldId, type FieldErrors } from '../../lib/validation.ts';
import { MunicipalityPicker } from '../municipalities/MunicipalityPicker.tsx';

export interface OrganisationFormValues {
  name: string;
  shortName: string;
  kind: string;
  municipalityCode: string;
  website: string;
  cityDealSignatory: boolean;
}

export function organisationFormValues(organisation?: OrganisationDetail): OrganisationFormValues {
  return {
    name: organisation?.name ?? '',
    shortName: organisation?.shortName ?? '',
    kind: organisation?.kind ?? '',
    municipalityCode: organisation?.municipalityCode ?? '',
    website: organisation?.website ?? '',
    cityDealSignatory: organisation?.cityDealSignatory ?? false,
  };
}

export type OrganisationFormAction =
  | { mode: 'create'; submit: (body: OrganisationInput) => Promise<unknown> }
  | {
      mode: 'edit';
      /** Kind and City Deal signatory are the coordination team's to change; others see them read-only. */
      mayChangeStatus: boolean;
      submit: (body: OrganisationUpdate) => Promise<unknown>;
    };

function emptyToNull(text: string): string | null {
  return text.trim() === '' ? null : text.trim();
}

export function OrganisationForm({ initialValues, action, onCancel }: { initialValues: OrganisationFormValues; action: OrganisationFormAction; onCancel: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  const [generalError, setGeneralError] = useState<string | null>(null);
  const statusEditable = action.mode === 'create' || action.mayChangeStatus;

  const labels: Record<string, string> = {
    name: t('organisations.form.name'),
    shortName: t('organisations.form.shortName'),
    kind: t('organisations.kind'),
    municipalityCode: t('projects.fields.municipality'),
    website: t('organisations.website'),
    cityDealSignatory: t('organisations.form.signatory'),
  };

  function set<K extends keyof OrganisationFormValues>(key: K, value: OrganisationFormValues[K]) {
    setValues((current) => ({ ...current, [key]: value }));
  }

  function fail(next: FieldErrors) {
    setErrors(next);
    setAttempt((n) => n + 1);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setGeneralError(null);
    const common = {
      name: values.name.trim() === '' ? undefined : values.name,
      shortName: emptyToNull(values.shortName),
      municipalityCode: emptyToNull(values.municipalityCode),
      website: emptyToNull(values.website),
    };
    const status = statusEditable ? { kind: values.kind === '' ? undefined : values.kind, cityDealSignatory: values.cityDealSignatory } : {};
    try {
      setSubmitting(true);
      if (action.mode === 'create') {
        const parsed = organisationInput.safeParse({ ...common, ...status });
        if (!parsed.success) return fail(fieldErrorsFromIssues(parsed.error.issues, t));
        setErrors({});
        await action.submit(parsed.data);
      } else {
        const parsed = organisationUpdate.safeParse({ ...common, ...status });
        if (!parsed.success) return fail(fieldErrorsFromIssues(parsed.error.issues, t));
        setErrors({});
        await action.submit(parsed.data);
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.fieldProblems.length > 0) fail(fieldErrorsFromProblems(error.fieldProblems, t));
      else if (error instanceof ApiError && error.status === 409) setGeneralError(error.message || errorText(error));
      else setGeneralError(errorText(error));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <form className="form card" onSubmit={(event) => void onSubmit(event)} noValidate>
      <ErrorSummary errors={errors} labelFor={(path) => labels[path] ?? path} attempt={attempt} />
      <div aria-live="assertive">
        {generalError ? (
          <p className="notice notice--error" role="alert">
            {generalError}
          </p>
        ) : null}
      </div>
      <FormField id={fieldId('name')} label={labels.name} error={errors.name}>
        {(control) => <input {...control} type="text" value={values.name} onChange={(event) => set('name', event.target.value)} maxLength={200} />}
      </FormField>
      <FormField id={fieldId('shortName')} label={labels.shortName} hint={t('organisations.form.shortNameHint')} optional optionalLabel={t('common.optional')} error={errors.shortName}>
        {(control) => <input {...control} type="text" value={values.shortName} onChange={(event) => set('shortName', event.target.value)} maxLength={60} />}
      </FormField>
      {statusEditable ? (
        <FormField id={fieldId('kind')} label={labels.kind} error={errors.kind}>
          {(control) => (
            <select {...control} value={values.kind} onChange={(event) => set('kind', event.target.value)}>
              <option value="">{t('common.choose')}</option>
              {organisationKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`organisationKinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : (
        <dl className="facts facts--compact">
          <div>
            <dt>{labels.kind}</dt>
            <dd>{t(`organisationKinds.${values.kind}`)}</dd>
          </div>
          <div>
            <dt>{t('organisations.cityDeal')}</dt>
            <dd>{values.cityDealSignatory ? t('organisations.signatoryYes') : t('organisations.signatoryNo')}</dd>
          </div>
        </dl>
      )}
      <MunicipalityPicker
        id={fieldId('municipalityCode')}
        label={t('projects.fields.municipality')}
        value={values.municipalityCode}
        onChange={(code) => set('municipalityCode', code)}
        error={errors.municipalityCode}
        emptyLabel={t('organisations.form.noMunicipality')}
        optional
      />
      <FormField id={fieldId('website')} label={labels.website} hint={t('organisations.form.websiteHint')} optional optionalLabel={t('common.optional')} error={errors.website}>
        {(control) => <input {...control} type="url" inputMode="url" value={values.website} onChange={(event) => set('website', event.target.value)} />}
      </FormField>
      {statusEditable ? (
        <div className="checkbox">
          <input
            id={fieldId('cityDealSignatory')}
            type="checkbox"
            checked={values.cityDealSignatory}
            onChange={(event) => set('cityDealSignatory', event.target.checked)}
          />
          <label htmlFor={fieldId('cityDealSignatory')}>{labels.cityDealSignatory}</label>
        </div>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? t('common.saving') : action.mode === 'create' ? t('organisations.form.create') : t('organisations.form.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
