import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { createProjectRequest, projectUpdate, type CreateProjectRequest, type Organisation, type ProjectUpdate } from '@kringbouw/contracts';
import { buildingTypes, CITY_DEAL_MIN_DWELLINGS, partyRoles, projectKinds, projectPhases, visibilities } from '@kringbouw/domain/projects';
import { cityDealGroupOf, cityDealGroups } from '@kringbouw/domain/organisations';
import { ApiError } from '../../api/client.ts';
import { FormField } from '../../components/FormField.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Loading, useErrorText } from '../../components/Status.tsx';
import { fieldErrorsFromIssues, fieldErrorsFromProblems, fieldId, type FieldErrors } from '../../lib/validation.ts';
import { useAllOrganisations } from './api.ts';
import { MunicipalityPicker } from '../municipalities/MunicipalityPicker.tsx';
import { newPartyRow, requestBodyFromValues, type ProjectFormValues } from './form-values.ts';
import { kindLabel, phaseLabel } from './labels.ts';

export type ProjectFormSubmit =
  | { mode: 'create'; submit: (body: CreateProjectRequest) => Promise<unknown> }
  | { mode: 'edit'; version: number; submit: (body: ProjectUpdate) => Promise<unknown>; onReload: () => void };

interface ProjectFormProps {
  initialValues: ProjectFormValues;
  /** Organisations the user may register a project for (create only). */
  ownerOptions: readonly { id: string; name: string }[];
  action: ProjectFormSubmit;
  onCancel: () => void;
}

const issueContext = {
  integerPaths: ['dwellings'],
  choicePaths: ['ownerOrganisationId', 'municipalityCode', /^parties\.\d+\.organisationId$/],
};

/** Where an error on an object path is shown: on its first input. */
const pathAliases: Record<string, string> = {
  location: 'location.lat',
  concept: 'concept.name',
  phaseDates: 'phaseDates.initiatief',
};

function normalisePaths(errors: FieldErrors): FieldErrors {
  const result: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const target = pathAliases[path] ?? path;
    if (result[target] === undefined) result[target] = message;
  }
  return result;
}

export function fieldLabel(t: TFunction, path: string): string {
  const party = /^parties\.(\d+)\.(organisationId|role)$/.exec(path);
  if (party) {
    const number = Number(party[1]) + 1;
    return `${t('projects.form.party', { number })} — ${party[2] === 'role' ? t('projects.form.partyRole') : t('projects.form.partyOrganisation')}`;
  }
  const phaseDate = /^phaseDates\.(\w+)$/.exec(path);
  if (phaseDate) return t('projects.form.phaseDate', { phase: phaseLabel(t, phaseDate[1] ?? '') });
  const labels: Record<string, string> = {
    ownerOrganisationId: t('projects.fields.owner'),
    name: t('projects.fields.name'),
    description: t('projects.fields.description'),
    municipalityCode: t('projects.fields.municipality'),
    'location.lat': t('projects.form.latitude'),
    'location.lon': t('projects.form.longitude'),
    kind: t('projects.fields.kind'),
    phase: t('projects.fields.phase'),
    buildingType: t('projects.fields.buildingType'),
    dwellings: t('projects.fields.dwellings'),
    bvoM2: t('projects.fields.bvoM2'),
    'concept.name': t('projects.form.conceptName'),
    'concept.supplier': t('projects.form.conceptSupplier'),
    parties: t('projects.sections.parties'),
    visibility: t('projects.fields.visibility'),
    version: t('projects.form.version'),
  };
  return labels[path] ?? (path === '' ? t('projects.form.general') : path);
}

export function ProjectForm({ initialValues, ownerOptions, action, onCancel }: ProjectFormProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [values, setValues] = useState<ProjectFormValues>(initialValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [generalError, setGeneralError] = useState<string | null>(null);

  function set<K extends keyof ProjectFormValues>(key: K, value: ProjectFormValues[K]) {
    setValues((current) => ({ ...current, [key]: value }));
  }

  function fail(next: FieldErrors) {
    setErrors(normalisePaths(next));
    setAttempt((n) => n + 1);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setGeneralError(null);
    setConflict(false);
    const body = requestBodyFromValues(values);
    try {
      setSubmitting(true);
      if (action.mode === 'create') {
        const parsed = createProjectRequest.safeParse({ ...body, ownerOrganisationId: values.ownerOrganisationId || undefined });
        if (!parsed.success) return fail(fieldErrorsFromIssues(parsed.error.issues, t, issueContext));
        setErrors({});
        await action.submit(parsed.data);
      } else {
        const parsed = projectUpdate.safeParse({ ...body, version: action.version });
        if (!parsed.success) return fail(fieldErrorsFromIssues(parsed.error.issues, t, issueContext));
        setErrors({});
        await action.submit(parsed.data);
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.fieldProblems.length > 0) {
        fail(fieldErrorsFromProblems(error.fieldProblems, t));
      } else if (error instanceof ApiError && (error.status === 409 || error.code === 'version_conflict')) {
        setConflict(true);
      } else {
        setGeneralError(errorText(error));
      }
    } finally {
      setSubmitting(false);
    }
  }

  const organisations = useAllOrganisations();

  return (
    <form className="form project-form" onSubmit={(event) => void onSubmit(event)} noValidate>
      <ErrorSummary errors={errors} labelFor={(path) => fieldLabel(t, path)} attempt={attempt} />
      <div aria-live="assertive">
        {conflict && action.mode === 'edit' ? (
          <div className="notice notice--warning" role="alert">
            <p>{t('projects.form.conflict')}</p>
            <button type="button" className="button button--secondary" onClick={action.onReload}>
              {t('projects.form.reload')}
            </button>
          </div>
        ) : null}
        {generalError ? (
          <p className="notice notice--error" role="alert">
            {generalError}
          </p>
        ) : null}
      </div>

      <fieldset className="card">
        <legend>{t('projects.sections.general')}</legend>
        {action.mode === 'create' ? (
          <FormField id={fieldId('ownerOrganisationId')} label={t('projects.fields.owner')} hint={t('projects.form.ownerHint')} error={errors.ownerOrganisationId}>
            {(control) => (
              <select {...control} value={values.ownerOrganisationId} onChange={(event) => set('ownerOrganisationId', event.target.value)}>
                <option value="">{t('common.choose')}</option>
                {ownerOptions.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ) : null}
        <FormField id={fieldId('name')} label={t('projects.fields.name')} error={errors.name}>
          {(control) => <input {...control} type="text" value={values.name} onChange={(event) => set('name', event.target.value)} maxLength={200} />}
        </FormField>
        <FormField id={fieldId('description')} label={t('projects.fields.description')} optional optionalLabel={t('common.optional')} error={errors.description}>
          {(control) => <textarea {...control} rows={4} value={values.description} onChange={(event) => set('description', event.target.value)} />}
        </FormField>
        <MunicipalityPicker
          id={fieldId('municipalityCode')}
          label={t('projects.fields.municipality')}
          value={values.municipalityCode}
          onChange={(code) => set('municipalityCode', code)}
          error={errors.municipalityCode}
        />
        <div className="field-row">
          <FormField id={fieldId('kind')} label={t('projects.fields.kind')} error={errors.kind}>
            {(control) => (
              <select {...control} value={values.kind} onChange={(event) => set('kind', event.target.value)}>
                <option value="">{t('common.choose')}</option>
                {projectKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {kindLabel(t, kind)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id={fieldId('buildingType')} label={t('projects.fields.buildingType')} error={errors.buildingType}>
            {(control) => (
              <select {...control} value={values.buildingType} onChange={(event) => set('buildingType', event.target.value)}>
                <option value="">{t('common.choose')}</option>
                {buildingTypes.map((type) => (
                  <option key={type} value={type}>
                    {t(`buildingTypes.${type}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <div className="field-row">
          <FormField id={fieldId('dwellings')} label={t('projects.fields.dwellings')} hint={t('projects.form.dwellingsHint', { min: CITY_DEAL_MIN_DWELLINGS })} error={errors.dwellings}>
            {(control) => <input {...control} type="text" inputMode="numeric" value={values.dwellings} onChange={(event) => set('dwellings', event.target.value)} />}
          </FormField>
          <FormField id={fieldId('bvoM2')} label={t('projects.fields.bvoM2')} hint={t('projects.form.bvoHint')} optional optionalLabel={t('common.optional')} error={errors.bvoM2}>
            {(control) => <input {...control} type="text" inputMode="decimal" value={values.bvoM2} onChange={(event) => set('bvoM2', event.target.value)} />}
          </FormField>
        </div>
      </fieldset>

      <fieldset className="card">
        <legend>{t('projects.sections.phases')}</legend>
        <FormField id={fieldId('phase')} label={t('projects.fields.phase')} error={errors.phase}>
          {(control) => (
            <select {...control} value={values.phase} onChange={(event) => set('phase', event.target.value)}>
              <option value="">{t('common.choose')}</option>
              {projectPhases.map((phase) => (
                <option key={phase} value={phase}>
                  {phaseLabel(t, phase)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <p className="field__hint">{t('projects.form.phaseDatesHint')}</p>
        <div className="field-row field-row--4">
          {projectPhases.map((phase) => (
            <FormField
              key={phase}
              id={fieldId(`phaseDates.${phase}`)}
              label={t('projects.form.phaseDate', { phase: phaseLabel(t, phase) })}
              error={errors[`phaseDates.${phase}`]}
            >
              {(control) => (
                <input {...control} type="date" value={values.phaseDates[phase]} onChange={(event) => set('phaseDates', { ...values.phaseDates, [phase]: event.target.value })} />
              )}
            </FormField>
          ))}
        </div>
      </fieldset>

      <fieldset className="card">
        <legend>{t('projects.fields.concept')}</legend>
        <p className="field__hint">{t('projects.form.conceptHint')}</p>
        <div className="field-row">
          <FormField id={fieldId('concept.name')} label={t('projects.form.conceptName')} optional optionalLabel={t('common.optional')} error={errors['concept.name']}>
            {(control) => <input {...control} type="text" value={values.conceptName} onChange={(event) => set('conceptName', event.target.value)} />}
          </FormField>
          <FormField id={fieldId('concept.supplier')} label={t('projects.form.conceptSupplier')} optional optionalLabel={t('common.optional')} error={errors['concept.supplier']}>
            {(control) => <input {...control} type="text" value={values.conceptSupplier} onChange={(event) => set('conceptSupplier', event.target.value)} />}
          </FormField>
        </div>
      </fieldset>

      <fieldset className="card">
        <legend>{t('projects.fields.location')}</legend>
        <p className="field__hint">{t('projects.form.locationHint')}</p>
        <div className="field-row">
          <FormField id={fieldId('location.lat')} label={t('projects.form.latitude')} optional optionalLabel={t('common.optional')} error={errors['location.lat']}>
            {(control) => <input {...control} type="text" inputMode="decimal" value={values.lat} onChange={(event) => set('lat', event.target.value)} />}
          </FormField>
          <FormField id={fieldId('location.lon')} label={t('projects.form.longitude')} optional optionalLabel={t('common.optional')} error={errors['location.lon']}>
            {(control) => <input {...control} type="text" inputMode="decimal" value={values.lon} onChange={(event) => set('lon', event.target.value)} />}
          </FormField>
        </div>
      </fieldset>

      <PartiesEditor
        parties={values.parties}
        onChange={(parties) => set('parties', parties)}
        errors={errors}
        organisations={organisations.data?.items ?? []}
        loading={organisations.isPending}
      />

      <fieldset className="card" aria-describedby="visibility-explanation">
        <legend>{t('projects.fields.visibility')}</legend>
        <p id="visibility-explanation" className="field__hint">
          {t('visibility.cityDeal')}
        </p>
        {errors.visibility ? <p className="field__error">{errors.visibility}</p> : null}
        <div className="radio-group">
          {visibilities.map((visibility, index) => (
            <div className="radio" key={visibility}>
              <input
                id={index === 0 ? fieldId('visibility') : `${fieldId('visibility')}-${visibility}`}
                type="radio"
                name="visibility"
                value={visibility}
                checked={values.visibility === visibility}
                onChange={() => set('visibility', visibility)}
                aria-describedby={`visibility-${visibility}-hint`}
              />
              <label htmlFor={index === 0 ? fieldId('visibility') : `${fieldId('visibility')}-${visibility}`}>{t(`visibility.${visibility}`)}</label>
              <p id={`visibility-${visibility}-hint`} className="field__hint">
                {t(`visibility.explain.${visibility}`)}
              </p>
            </div>
          ))}
        </div>
      </fieldset>

      <div className="form__actions form__actions--sticky">
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? t('common.saving') : action.mode === 'create' ? t('projects.form.create') : t('projects.form.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function PartiesEditor({
  parties,
  onChange,
  errors,
  organisations,
  loading,
}: {
  parties: ProjectFormValues['parties'];
  onChange: (parties: ProjectFormValues['parties']) => void;
  errors: FieldErrors;
  organisations: readonly Organisation[];
  loading: boolean;
}) {
  const { t } = useTranslation();
  const grouped = useMemo(
    () =>
      cityDealGroups
        .map((group) => ({
          group,
          items: organisations.filter((o) => cityDealGroupOf(o.kind) === group).sort((a, b) => a.name.localeCompare(b.name, 'nl')),
        }))
        .filter((entry) => entry.items.length > 0),
    [organisations],
  );

  function update(index: number, change: Partial<ProjectFormValues['parties'][number]>) {
    onChange(parties.map((party, i) => (i === index ? { ...party, ...change } : party)));
  }

  return (
    <fieldset className="card">
      <legend>{t('projects.sections.parties')}</legend>
      <p className="field__hint">{t('projects.form.partiesHint')}</p>
      {errors.parties ? <p className="field__error">{errors.parties}</p> : null}
      {loading ? <Loading /> : null}
      {parties.length === 0 ? <p className="muted">{t('projects.noParties')}</p> : null}
      <ol className="party-editor">
        {parties.map((party, index) => {
          const number = index + 1;
          return (
            <li key={party.key} className="party-editor__row">
              <FormField
                id={fieldId(`parties.${index}.organisationId`)}
                label={t('projects.form.partyOrganisationNumbered', { number })}
                error={errors[`parties.${index}.organisationId`]}
              >
                {(control) => (
                  <select {...control} value={party.organisationId} onChange={(event) => update(index, { organisationId: event.target.value })}>
                    <option value="">{t('common.choose')}</option>
                    {grouped.map((entry) => (
                      <optgroup key={entry.group} label={t(`cityDealGroups.${entry.group}`)}>
                        {entry.items.map((o) => (
                          <option key={o.id} value={o.id}>
                            {o.name}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                  </select>
                )}
              </FormField>
              <FormField id={fieldId(`parties.${index}.role`)} label={t('projects.form.partyRoleNumbered', { number })} error={errors[`parties.${index}.role`]}>
                {(control) => (
                  <select {...control} value={party.role} onChange={(event) => update(index, { role: event.target.value })}>
                    <option value="">{t('common.choose')}</option>
                    {partyRoles.map((role) => (
                      <option key={role} value={role}>
                        {t(`partyRoles.${role}`)}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <button type="button" className="button button--link party-editor__remove" onClick={() => onChange(parties.filter((_, i) => i !== index))}>
                {t('projects.form.removeParty', { number })}
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button button--secondary" onClick={() => onChange([...parties, newPartyRow()])} disabled={parties.length >= 50}>
        {t('projects.form.addParty')}
      </button>
    </fieldset>
  );
}
