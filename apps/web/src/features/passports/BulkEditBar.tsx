import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { choiceFields, choiceOptions, type BulkFailure, type ChoiceField, type EditableField } from './draft.ts';
import type { ProfileSummary } from './engine-core.ts';
import { ProfilePicker } from './ProfilePicker.tsx';

const bulkFields: EditableField[] = [
  'serviceLifeYears', 'profileId', 'unit', 'renewablePct', 'reusedPct', 'recycledPct', 'connection', 'accessibility', 'crossings', 'edgeContainment',
];

interface BulkEditBarProps {
  count: number;
  profiles: ProfileSummary[] | undefined;
  /** Applies the value to all selected lines; false when any line refused it (nothing changed). */
  onApply: (field: EditableField, input: string) => boolean;
  onClear: () => void;
  failures: BulkFailure[];
}

/** One value for many lines at once: all or nothing, refusals listed by line. */
export function BulkEditBar({ count, profiles, onApply, onClear, failures }: BulkEditBarProps) {
  const { t } = useTranslation();
  const id = useId();
  const [field, setField] = useState<EditableField>('serviceLifeYears');
  const [value, setValue] = useState('');
  const [picking, setPicking] = useState(false);
  const [applied, setApplied] = useState(false);
  const isChoice = (choiceFields as readonly string[]).includes(field);
  const choice = field as ChoiceField;
  const profileName = field === 'profileId' && value ? (profiles?.find((p) => p.id === value)?.name ?? value) : null;

  return (
    <form
      className="bulk-edit"
      aria-label={t('passports.bulk.label')}
      onSubmit={(e) => {
        e.preventDefault();
        setApplied(onApply(field, value));
      }}
    >
      <p className="bulk-edit__count">{t('passports.bulk.selected', { count })}</p>
      <label htmlFor={`${id}-field`}>{t('passports.bulk.field')}</label>
      <select
        id={`${id}-field`}
        value={field}
        onChange={(e) => {
          const next = bulkFields.find((f) => f === e.target.value);
          if (next) setField(next);
          setValue('');
          setApplied(false);
        }}
      >
        {bulkFields.map((f) => (
          <option key={f} value={f}>
            {t(`passports.fields.${f}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-value`}>{t('passports.bulk.value')}</label>
      {field === 'profileId' ? (
        <button id={`${id}-value`} type="button" className="button button--secondary button--small" onClick={() => setPicking(true)}>
          {profileName ?? t('passports.table.chooseProfile')}
        </button>
      ) : isChoice ? (
        <select id={`${id}-value`} value={value} onChange={(e) => setValue(e.target.value)}>
          <option value="">–</option>
          {choiceOptions[choice].map((option) => (
            <option key={option} value={option}>
              {field === 'unit' ? t(`passports.unitNames.${option}`) : t(`passports.options.${choice}.${option}`)}
            </option>
          ))}
        </select>
      ) : (
        <input id={`${id}-value`} inputMode="decimal" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} />
      )}
      <button type="submit" className="button button--small">
        {t('passports.bulk.apply')}
      </button>
      <button type="button" className="button button--secondary button--small" onClick={onClear}>
        {t('passports.bulk.clear')}
      </button>
      {applied && failures.length === 0 ? <p role="status" className="bulk-edit__done">{t('passports.bulk.done', { count })}</p> : null}
      {failures.length > 0 ? (
        <div role="alert" className="bulk-edit__failures">
          <p>{t('passports.bulk.refused', { count: failures.length })}</p>
          <ul>
            {failures.slice(0, 10).map((f) => (
              <li key={f.line}>
                {t('passports.bulk.line', { line: f.line })}: {f.problem.key === 'schema' ? (f.problem.message ?? t('passports.edit.invalid')) : t(`passports.edit.${f.problem.key}`)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {picking ? (
        <ProfilePicker
          subject={t('passports.bulk.selected', { count })}
          profiles={profiles}
          onClose={() => setPicking(false)}
          onChoose={(profileId) => {
            setValue(profileId);
            setPicking(false);
          }}
        />
      ) : null}
    </form>
  );
}
