/**
 * Changing the general details of the working version: title, explanation, period and who may read it. The parties
 * are sent back as they are. On a signed text the API opens a new version, like any other edit.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { updateAgreementRequest, type Agreement } from '@kringbouw/contracts';
import { agreementVisibilities } from '@kringbouw/domain/agreements';
import { ApiError } from '../../api/client.ts';
import { FormField } from '../../components/FormField.tsx';
import { useErrorText } from '../../components/Status.tsx';
import { fieldErrorsFromIssues, fieldErrorsFromProblems, fieldId, type FieldErrors } from '../../lib/validation.ts';
import { useUpdateAgreement } from './api.ts';

function yearOrNaN(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  return /^\d{4}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
}

export function HeaderForm({ agreement, onDone }: { agreement: Agreement; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const update = useUpdateAgreement(agreement.id);
  const [title, setTitle] = useState(agreement.title);
  const [description, setDescription] = useState(agreement.description);
  const [start, setStart] = useState(String(agreement.periodStartYear));
  const [end, setEnd] = useState(String(agreement.periodEndYear));
  const [visibility, setVisibility] = useState<string>(agreement.visibility);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setGeneral(null);
    const parsed = updateAgreementRequest.safeParse({
      title,
      description,
      periodStartYear: yearOrNaN(start),
      periodEndYear: yearOrNaN(end),
      visibility,
      parties: agreement.parties.map((party) => ({ organisationId: party.organisationId, tenantsOfOrganisationId: party.tenantsOfOrganisationId })),
      revision: agreement.revision,
    });
    if (!parsed.success) return setErrors(fieldErrorsFromIssues(parsed.error.issues, t, { integerPaths: ['periodStartYear', 'periodEndYear'] }));
    setErrors({});
    try {
      await update.mutateAsync(parsed.data);
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.fieldProblems.length > 0) setErrors(fieldErrorsFromProblems(error.fieldProblems, t));
      else setGeneral(errorText(error));
    }
  }

  return (
    <form className="form card" onSubmit={(event) => void submit(event)} noValidate aria-label={t('agreements.header.title')}>
      <h2>{t('agreements.header.title')}</h2>
      {general ? (
        <p className="notice notice--error" role="alert">
          {general}
        </p>
      ) : null}
      {errors.parties ? <p className="field__error">{errors.parties}</p> : null}
      <FormField id={fieldId('header-title')} label={t('agreements.fields.title')} error={errors.title}>
        {(control) => <input {...control} type="text" value={title} maxLength={200} onChange={(event) => setTitle(event.target.value)} />}
      </FormField>
      <FormField id={fieldId('header-description')} label={t('agreements.fields.description')} optional optionalLabel={t('common.optional')} error={errors.description}>
        {(control) => <textarea {...control} rows={3} value={description} onChange={(event) => setDescription(event.target.value)} />}
      </FormField>
      <div className="field-row">
        <FormField id={fieldId('header-periodStartYear')} label={t('agreements.fields.periodStartYear')} error={errors.periodStartYear}>
          {(control) => <input {...control} type="text" inputMode="numeric" value={start} onChange={(event) => setStart(event.target.value)} />}
        </FormField>
        <FormField id={fieldId('header-periodEndYear')} label={t('agreements.fields.periodEndYear')} error={errors.periodEndYear}>
          {(control) => <input {...control} type="text" inputMode="numeric" value={end} onChange={(event) => setEnd(event.target.value)} />}
        </FormField>
      </div>
      <FormField id={fieldId('header-visibility')} label={t('agreements.fields.visibility')} error={errors.visibility}>
        {(control) => (
          <select {...control} value={visibility} onChange={(event) => setVisibility(event.target.value)}>
            {agreementVisibilities.map((value) => (
              <option key={value} value={value}>
                {t(`agreements.visibility.${value}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {agreement.cycle.state === 'ondertekend' ? (
        <p className="notice notice--warning">{t('agreements.commitment.opensNewVersion', { number: agreement.workingVersion.number + 1 })}</p>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? t('common.saving') : t('agreements.header.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
