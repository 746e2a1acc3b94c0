/**
 * Writing or editing one commitment: theme, text, responsible parties, kind (procesafspraak / meetbare afspraak),
 * R-ladder tag and — for a measurable one — indicator, comparator, target, scope and deadline. The shared contract
 * schema checks it before sending; field problems of a 400 answer are shown at the same fields.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { commitmentInput, type AgreementParty, type CommitmentInput } from '@kringbouw/contracts';
import { agreementThemes, comparators, guideSteps, pblSteps, scopeAggregations, shareBases } from '@kringbouw/domain/agreements';
import { indicatorIds } from '@kringbouw/domain/monitoring';
import { projectKinds } from '@kringbouw/domain/projects';
import { ApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { FormField } from '../../components/FormField.tsx';
import { useErrorText } from '../../components/Status.tsx';
import { fieldErrorsFromIssues, fieldErrorsFromProblems, fieldId, type FieldErrors } from '../../lib/validation.ts';
import { useMunicipalityProjects } from './api.ts';
import { commitmentBodyFrom, type CommitmentFormValues } from './commitment-values.ts';
import { catalogueEntry, comparatorSymbols, indicatorName } from './labels.ts';

interface CommitmentFormProps {
  initialValues: CommitmentFormValues;
  parties: readonly AgreementParty[];
  municipalityCode: string;
  submitLabel: string;
  onSubmit: (commitment: CommitmentInput) => Promise<unknown>;
  onCancel: () => void;
  /** Shown above the buttons, e.g. "saving opens a new version". */
  notice?: string | undefined;
}

const issueContext = {
  choicePaths: ['theme', 'indicatorId', 'comparator', 'rLadder.pbl', 'scope.organisationId', 'scope.projectId', 'scope.projectComparator'],
};

/** Server paths are relative to the request body `{ commitment, revision }`. */
function withoutPrefix(errors: FieldErrors): FieldErrors {
  const result: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const target = path.replace(/^commitment\.?/, '') || 'general';
    const shown = target === 'scope' ? 'scope.type' : target === 'rLadder' ? 'rLadder.pbl' : target.replace(/^(responsibleOrganisationIds|scope\.projectKinds)\.\d+$/, '$1');
    if (result[shown] === undefined) result[shown] = message;
  }
  return result;
}

export function commitmentFieldLabel(t: TFunction, path: string): string {
  const labels: Record<string, string> = {
    theme: t('agreements.commitment.theme'),
    title: t('agreements.commitment.title'),
    text: t('agreements.commitment.text'),
    responsibleOrganisationIds: t('agreements.commitment.responsible'),
    kind: t('agreements.commitment.kind'),
    'rLadder.pbl': t('agreements.commitment.pbl'),
    'rLadder.guide': t('agreements.commitment.guide'),
    dueDate: t('agreements.commitment.dueDate'),
    indicatorId: t('agreements.commitment.indicator'),
    comparator: t('agreements.commitment.comparator'),
    target: t('agreements.commitment.target'),
    deadline: t('agreements.commitment.deadline'),
    'scope.type': t('agreements.commitment.scope'),
    'scope.organisationId': t('agreements.commitment.scopeOrganisation'),
    'scope.projectKinds': t('agreements.commitment.projectKinds'),
    'scope.aggregation': t('agreements.commitment.aggregation'),
    'scope.basis': t('agreements.commitment.basis'),
    'scope.projectComparator': t('agreements.commitment.projectComparator'),
    'scope.projectThreshold': t('agreements.commitment.projectThreshold'),
    'scope.projectId': t('agreements.commitment.project'),
    revision: t('agreements.commitment.revision'),
  };
  return labels[path] ?? (path === 'general' ? t('agreements.commitment.general') : path);
}

export function CommitmentForm({ initialValues, parties, municipalityCode, submitLabel, onSubmit, onCancel, notice }: CommitmentFormProps) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [values, setValues] = useState<CommitmentFormValues>(initialValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  const [generalError, setGeneralError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // The form replaces the button that opened it: keyboard and screen-reader users continue in its first field.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);
  const projects = useMunicipalityProjects(municipalityCode, values.kind === 'meetbaar' && values.scopeType === 'project');
  const corporations = parties.filter((party) => party.role === 'woningcorporatie');

  function set<K extends keyof CommitmentFormValues>(key: K, value: CommitmentFormValues[K]) {
    setValues((current) => ({ ...current, [key]: value }));
  }

  function toggle(key: 'responsibleOrganisationIds' | 'projectKinds', item: string) {
    setValues((current) => ({ ...current, [key]: current[key].includes(item) ? current[key].filter((x) => x !== item) : [...current[key], item] }));
  }

  function fail(next: FieldErrors) {
    setErrors(withoutPrefix(next));
    setAttempt((n) => n + 1);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setGeneralError(null);
    const parsed = commitmentInput.safeParse(commitmentBodyFrom(values));
    if (!parsed.success) return fail(fieldErrorsFromIssues(parsed.error.issues, t, issueContext));
    setErrors({});
    setSubmitting(true);
    try {
      await onSubmit(parsed.data);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.fieldProblems.length > 0) fail(fieldErrorsFromProblems(error.fieldProblems, t));
      else setGeneralError(errorText(error));
    } finally {
      setSubmitting(false);
    }
  }

  const unit = values.indicatorId ? (catalogueEntry(values.indicatorId as (typeof indicatorIds)[number])?.unit ?? '') : '';

  return (
    <form ref={formRef} className="form commitment-form" onSubmit={(event) => void submit(event)} noValidate aria-label={submitLabel}>
      <ErrorSummary errors={errors} labelFor={(path) => commitmentFieldLabel(t, path)} attempt={attempt} />
      {generalError ? (
        <p className="notice notice--error" role="alert">
          {generalError}
        </p>
      ) : null}
      {errors.general ? <p className="field__error">{errors.general}</p> : null}
      <div className="field-row">
        <FormField id={fieldId('theme')} label={t('agreements.commitment.theme')} error={errors.theme}>
          {(control) => (
            <select {...control} value={values.theme} onChange={(event) => set('theme', event.target.value)}>
              <option value="">{t('common.choose')}</option>
              {agreementThemes.map((theme) => (
                <option key={theme} value={theme}>
                  {t(`agreements.themes.${theme}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id={fieldId('kind')} label={t('agreements.commitment.kind')} error={errors.kind}>
          {(control) => (
            <select {...control} value={values.kind} onChange={(event) => set('kind', event.target.value === 'meetbaar' ? 'meetbaar' : 'proces')}>
              <option value="proces">{t('agreements.kinds.proces')}</option>
              <option value="meetbaar">{t('agreements.kinds.meetbaar')}</option>
            </select>
          )}
        </FormField>
      </div>
      <FormField id={fieldId('title')} label={t('agreements.commitment.title')} error={errors.title}>
        {(control) => <input {...control} type="text" value={values.title} maxLength={300} onChange={(event) => set('title', event.target.value)} />}
      </FormField>
      <FormField id={fieldId('text')} label={t('agreements.commitment.text')} error={errors.text}>
        {(control) => <textarea {...control} rows={4} value={values.text} onChange={(event) => set('text', event.target.value)} />}
      </FormField>

      <fieldset className="checkbox-group" aria-describedby={errors.responsibleOrganisationIds ? `${fieldId('responsibleOrganisationIds')}-error` : undefined}>
        <legend className="field__label">{t('agreements.commitment.responsible')}</legend>
        {errors.responsibleOrganisationIds ? (
          <p id={`${fieldId('responsibleOrganisationIds')}-error`} className="field__error">
            {errors.responsibleOrganisationIds}
          </p>
        ) : null}
        {parties.map((party, index) => {
          const id = index === 0 ? fieldId('responsibleOrganisationIds') : `${fieldId('responsibleOrganisationIds')}-${index}`;
          return (
            <div className="checkbox" key={party.organisationId}>
              <input
                id={id}
                type="checkbox"
                checked={values.responsibleOrganisationIds.includes(party.organisationId)}
                onChange={() => toggle('responsibleOrganisationIds', party.organisationId)}
              />
              <label htmlFor={id}>
                {party.organisationName} <span className="muted">({t(`agreements.roles.${party.role}`)})</span>
              </label>
            </div>
          );
        })}
      </fieldset>

      <div className="field-row">
        <FormField id={fieldId('rLadder.pbl')} label={t('agreements.commitment.pbl')} error={errors['rLadder.pbl']}>
          {(control) => (
            <select {...control} value={values.pbl} onChange={(event) => set('pbl', event.target.value)}>
              <option value="">{t('common.choose')}</option>
              {pblSteps.map((step) => (
                <option key={step} value={step}>
                  {step} {t(`agreements.pbl.${step}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id={fieldId('rLadder.guide')} label={t('agreements.commitment.guide')} optional optionalLabel={t('common.optional')} error={errors['rLadder.guide']}>
          {(control) => (
            <select {...control} value={values.guide} onChange={(event) => set('guide', event.target.value)}>
              <option value="">{t('agreements.commitment.noGuideStep')}</option>
              {guideSteps.map((step) => (
                <option key={step} value={step}>
                  {t(`agreements.guide.${step}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>

      {values.kind === 'proces' ? (
        <FormField id={fieldId('dueDate')} label={t('agreements.commitment.dueDate')} hint={t('agreements.commitment.dueDateHint')} optional optionalLabel={t('common.optional')} error={errors.dueDate}>
          {(control) => <input {...control} type="date" value={values.dueDate} onChange={(event) => set('dueDate', event.target.value)} />}
        </FormField>
      ) : (
        <fieldset className="commitment-form__measure">
          <legend>{t('agreements.commitment.measure')}</legend>
          <div className="field-row">
            <FormField id={fieldId('indicatorId')} label={t('agreements.commitment.indicator')} error={errors.indicatorId}>
              {(control) => (
                <select {...control} value={values.indicatorId} onChange={(event) => set('indicatorId', event.target.value)}>
                  <option value="">{t('common.choose')}</option>
                  {indicatorIds.map((id) => (
                    <option key={id} value={id}>
                      {indicatorName(id, i18n.language)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField id={fieldId('deadline')} label={t('agreements.commitment.deadline')} error={errors.deadline}>
              {(control) => <input {...control} type="date" value={values.deadline} onChange={(event) => set('deadline', event.target.value)} />}
            </FormField>
          </div>

          <FormField id={fieldId('scope.type')} label={t('agreements.commitment.scope')} error={errors['scope.type']}>
            {(control) => (
              <select {...control} value={values.scopeType} onChange={(event) => set('scopeType', event.target.value as CommitmentFormValues['scopeType'])}>
                <option value="alle_projecten">{t('agreements.scope.alle_projecten')}</option>
                <option value="aandeel">{t('agreements.scope.aandeel')}</option>
                <option value="project">{t('agreements.scope.project')}</option>
              </select>
            )}
          </FormField>

          {values.scopeType === 'project' ? (
            <FormField id={fieldId('scope.projectId')} label={t('agreements.commitment.project')} error={errors['scope.projectId']}>
              {(control) => (
                <select {...control} value={values.projectId} onChange={(event) => set('projectId', event.target.value)}>
                  <option value="">{projects.isPending ? t('common.loading') : t('common.choose')}</option>
                  {(projects.data?.items ?? []).map((project) => (
                    <option key={project.id} value={project.id}>
                      {project.name}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          ) : (
            <>
              <FormField id={fieldId('scope.organisationId')} label={t('agreements.commitment.scopeOrganisation')} error={errors['scope.organisationId']}>
                {(control) => (
                  <select {...control} value={values.scopeOrganisationId} onChange={(event) => set('scopeOrganisationId', event.target.value)}>
                    <option value="">{t('common.choose')}</option>
                    {corporations.map((party) => (
                      <option key={party.organisationId} value={party.organisationId}>
                        {party.organisationName}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <fieldset className="checkbox-group checkbox-group--inline">
                <legend className="field__label">{t('agreements.commitment.projectKinds')}</legend>
                {errors['scope.projectKinds'] ? <p className="field__error">{errors['scope.projectKinds']}</p> : null}
                {projectKinds.map((kind, index) => {
                  const id = index === 0 ? fieldId('scope.projectKinds') : `${fieldId('scope.projectKinds')}-${kind}`;
                  return (
                    <div className="checkbox" key={kind}>
                      <input id={id} type="checkbox" checked={values.projectKinds.includes(kind)} onChange={() => toggle('projectKinds', kind)} />
                      <label htmlFor={id}>{t(`projectKinds.${kind}`)}</label>
                    </div>
                  );
                })}
              </fieldset>
            </>
          )}

          {values.scopeType === 'alle_projecten' ? (
            <FormField id={fieldId('scope.aggregation')} label={t('agreements.commitment.aggregation')} error={errors['scope.aggregation']}>
              {(control) => (
                <select {...control} value={values.aggregation} onChange={(event) => set('aggregation', event.target.value)}>
                  {scopeAggregations.map((aggregation) => (
                    <option key={aggregation} value={aggregation}>
                      {t(`agreements.aggregation.${aggregation}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          ) : null}

          {values.scopeType === 'aandeel' ? (
            <div className="field-row">
              <FormField id={fieldId('scope.basis')} label={t('agreements.commitment.basis')} error={errors['scope.basis']}>
                {(control) => (
                  <select {...control} value={values.basis} onChange={(event) => set('basis', event.target.value)}>
                    {shareBases.map((basis) => (
                      <option key={basis} value={basis}>
                        {t(`agreements.basis.${basis}`)}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <FormField id={fieldId('scope.projectComparator')} label={t('agreements.commitment.projectComparator')} error={errors['scope.projectComparator']}>
                {(control) => (
                  <select {...control} value={values.projectComparator} onChange={(event) => set('projectComparator', event.target.value)}>
                    {comparators.map((comparator) => (
                      <option key={comparator} value={comparator}>
                        {comparatorSymbols[comparator]} {t(`agreements.comparators.${comparator}`)}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <FormField
                id={fieldId('scope.projectThreshold')}
                label={t('agreements.commitment.projectThreshold')}
                hint={unit ? t('agreements.commitment.inUnit', { unit }) : undefined}
                error={errors['scope.projectThreshold']}
              >
                {(control) => <input {...control} type="text" inputMode="decimal" value={values.projectThreshold} onChange={(event) => set('projectThreshold', event.target.value)} />}
              </FormField>
            </div>
          ) : null}

          <div className="field-row">
            <FormField id={fieldId('comparator')} label={t('agreements.commitment.comparator')} error={errors.comparator}>
              {(control) => (
                <select {...control} value={values.comparator} onChange={(event) => set('comparator', event.target.value)}>
                  <option value="">{t('common.choose')}</option>
                  {comparators.map((comparator) => (
                    <option key={comparator} value={comparator}>
                      {comparatorSymbols[comparator]} {t(`agreements.comparators.${comparator}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField
              id={fieldId('target')}
              label={t('agreements.commitment.target')}
              hint={values.scopeType === 'aandeel' ? t('agreements.commitment.targetShareHint') : unit ? t('agreements.commitment.inUnit', { unit }) : undefined}
              error={errors.target}
            >
              {(control) => <input {...control} type="text" inputMode="decimal" value={values.target} onChange={(event) => set('target', event.target.value)} />}
            </FormField>
          </div>
        </fieldset>
      )}

      {notice ? <p className="notice notice--warning">{notice}</p> : null}
      <div className="form__actions">
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? t('common.saving') : submitLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
