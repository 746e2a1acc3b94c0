/**
 * One row of a renovation plan: year, intervention, dwellings, complex and/or buurt, circular ambition. Checked
 * here as the server checks it (the server stays the judge: its field problems are shown at the field too).
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RenovationPlanRowRequest } from '@kringbouw/contracts';
import { renovationInterventions, type RenovationIntervention } from '@kringbouw/domain/renovation';
import { ApiError } from '../../api/client.ts';

type Field = 'year' | 'intervention' | 'dwellings' | 'complexnummer' | 'buurt' | 'circularAmbition';

/** Client-side checks with the server's rules; returns the problems per field (empty = valid). */
export function validatePlanRow(values: { year: string; dwellings: string; complexnummer: string; buurt: string }, t: (key: string) => string): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  const year = Number(values.year);
  if (!(Number.isInteger(year) && year >= 2000 && year <= 2100)) errors.year = t('renovation.row.errors.year');
  const dwellings = Number(values.dwellings);
  if (!(Number.isInteger(dwellings) && dwellings >= 1 && dwellings <= 100_000)) errors.dwellings = t('renovation.row.errors.dwellings');
  if (values.complexnummer.trim() === '' && values.buurt.trim() === '') errors.complexnummer = t('renovation.row.errors.area');
  return errors;
}

export function PlanRowForm({ buurten, defaultYear, onSubmit }: { buurten: readonly string[]; defaultYear: number; onSubmit: (row: RenovationPlanRowRequest) => Promise<unknown> }) {
  const { t } = useTranslation();
  const id = useId();
  const [year, setYear] = useState(String(defaultYear));
  const [intervention, setIntervention] = useState<RenovationIntervention>('verduurzamen');
  const [dwellings, setDwellings] = useState('');
  const [complexnummer, setComplexnummer] = useState('');
  const [buurt, setBuurt] = useState('');
  const [circularAmbition, setCircularAmbition] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setFailure(null);
    const found = validatePlanRow({ year, dwellings, complexnummer, buurt }, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    onSubmit({
      year: Number(year),
      intervention,
      dwellings: Number(dwellings),
      complexnummer: complexnummer.trim() || null,
      buurt: buurt.trim() || null,
      circularAmbition: circularAmbition.trim() || null,
    })
      .then(() => {
        setSaved(true);
        setDwellings('');
        setCircularAmbition('');
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.fieldProblems.length > 0) {
          setErrors(Object.fromEntries(error.fieldProblems.map((p) => [p.path.split('.')[0] ?? p.path, p.message])));
        } else setFailure(error instanceof Error ? error.message : t('errors.generic'));
      })
      .finally(() => setBusy(false));
  };

  const fieldError = (field: Field) =>
    errors[field] ? (
      <p className="field__error" id={`${id}-${field}-error`}>
        {errors[field]}
      </p>
    ) : null;
  const describedBy = (field: Field) => (errors[field] ? `${id}-${field}-error` : undefined);

  return (
    <form className="form rn-row-form" onSubmit={submit} noValidate aria-label={t('renovation.row.title')}>
      <div className="rn-row-form__grid">
        <div className="field">
          <label htmlFor={`${id}-year`} className="field__label">
            {t('renovation.row.year')}
          </label>
          <input id={`${id}-year`} type="number" inputMode="numeric" min={2000} max={2100} value={year} onChange={(e) => setYear(e.target.value)} aria-invalid={errors.year ? true : undefined} aria-describedby={describedBy('year')} />
          {fieldError('year')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-intervention`} className="field__label">
            {t('renovation.row.intervention')}
          </label>
          <select id={`${id}-intervention`} value={intervention} onChange={(e) => setIntervention(e.target.value as RenovationIntervention)}>
            {renovationInterventions.map((i) => (
              <option key={i} value={i}>
                {t(`renovation.intervention.${i}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-dwellings`} className="field__label">
            {t('renovation.row.dwellings')}
          </label>
          <input id={`${id}-dwellings`} type="number" inputMode="numeric" min={1} value={dwellings} onChange={(e) => setDwellings(e.target.value)} aria-invalid={errors.dwellings ? true : undefined} aria-describedby={describedBy('dwellings')} />
          {fieldError('dwellings')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-complex`} className="field__label">
            {t('renovation.row.complexnummer')}
          </label>
          <input id={`${id}-complex`} type="text" maxLength={100} value={complexnummer} onChange={(e) => setComplexnummer(e.target.value)} aria-invalid={errors.complexnummer ? true : undefined} aria-describedby={describedBy('complexnummer')} />
          {fieldError('complexnummer')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-buurt`} className="field__label">
            {t('renovation.row.buurt')}
          </label>
          <input id={`${id}-buurt`} type="text" maxLength={100} list={`${id}-buurten`} value={buurt} onChange={(e) => setBuurt(e.target.value)} aria-describedby={describedBy('buurt')} />
          <datalist id={`${id}-buurten`}>
            {buurten.map((b) => (
              <option key={b} value={b} />
            ))}
          </datalist>
          {fieldError('buurt')}
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-ambition`} className="field__label">
          {t('renovation.row.circularAmbition')}
        </label>
        <textarea id={`${id}-ambition`} rows={2} maxLength={2000} value={circularAmbition} onChange={(e) => setCircularAmbition(e.target.value)} />
        <p className="field__hint">{t('renovation.row.circularHint')}</p>
      </div>
      {failure ? (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      ) : null}
      {saved ? (
        <p className="notice notice--success" role="status">
          {t('renovation.row.saved')}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button" disabled={busy}>
          {t('renovation.row.submit')}
        </button>
      </div>
    </form>
  );
}
