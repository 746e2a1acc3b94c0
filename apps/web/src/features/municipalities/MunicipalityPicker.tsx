import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../components/FormField.tsx';
import { groupMunicipalities, useMunicipalities } from './api.ts';
import { MunicipalityOptions } from './MunicipalityOptions.tsx';

interface MunicipalityPickerProps {
  id: string;
  label: string;
  value: string;
  onChange: (code: string) => void;
  error: string | undefined;
  /** Text of the empty choice; for optional fields something like "geen gemeente". */
  emptyLabel?: string;
  optional?: boolean;
}

/**
 * A search box that narrows a select of all 342 municipalities. Both are plain form controls with labels, so
 * it works with keyboard and screen readers without a custom combobox.
 */
export function MunicipalityPicker({ id, label, value, onChange, error, emptyLabel, optional }: MunicipalityPickerProps) {
  const { t } = useTranslation();
  const municipalities = useMunicipalities();
  const options = municipalities.data?.items;
  const searchId = useId();
  const [search, setSearch] = useState('');
  const groups = useMemo(() => {
    const all = options ?? [];
    const needle = search.trim().toLocaleLowerCase('nl');
    const matching = needle === '' ? all : all.filter((m) => m.name.toLocaleLowerCase('nl').includes(needle) || m.code.toLowerCase().includes(needle));
    // The chosen municipality stays in the list so the select never silently shows something else.
    const selected = all.find((m) => m.code === value);
    const withSelected = selected && !matching.includes(selected) ? [selected, ...matching] : matching;
    return groupMunicipalities(withSelected);
  }, [options, search, value]);
  const count = groups.cityDeal.length + groups.other.length;

  return (
    <div className="municipality-picker">
      <div className="field">
        <label htmlFor={searchId} className="field__label">
          {t('municipalities.search')}
        </label>
        <input id={searchId} type="search" value={search} onChange={(event) => setSearch(event.target.value)} autoComplete="off" aria-controls={id} />
        <p className="field__hint" aria-live="polite">
          {municipalities.isPending ? t('common.loading') : t('municipalities.matches', { count })}
        </p>
      </div>
      <FormField id={id} label={label} error={error} optional={optional} optionalLabel={t('common.optional')}>
        {(control) => (
          <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
            <option value="">{emptyLabel ?? t('common.choose')}</option>
            <MunicipalityOptions groups={groups} />
          </select>
        )}
      </FormField>
    </div>
  );
}
