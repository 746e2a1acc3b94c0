import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileSuggestion, Unit } from '@kringbouw/domain/lca';
import type { ProfileSummary } from './engine-core.ts';
import { Modal } from '../../components/Modal.tsx';
import { formatNumber } from './numbers.ts';

interface ProfilePickerProps {
  /** What the profile is for, e.g. the material name. */
  subject: string;
  /** The unit of the lines, to show matching profiles first. */
  unit?: Unit | undefined;
  profiles: ProfileSummary[] | undefined;
  suggestions?: ProfileSuggestion[] | undefined;
  currentId?: string | undefined;
  onChoose: (profileId: string) => void;
  onClose: () => void;
}

const MAX_RESULTS = 60;

/** Searches profiles by any of their names (nl/en/de), category or id; every word must match. */
export function searchProfiles(profiles: readonly ProfileSummary[], query: string, unit?: Unit): ProfileSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hits = profiles.filter((p) => words.every((w) => p.search.includes(w)));
  if (!unit) return hits;
  return [...hits.filter((p) => p.declaredUnit === unit), ...hits.filter((p) => p.declaredUnit !== unit)];
}

/** A modal dialog to choose an environmental profile: suggestions first, then a search over the whole library. */
export function ProfilePicker({ subject, unit, profiles, suggestions, currentId, onChoose, onClose }: ProfilePickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const titleId = useId();
  const searchRef = useRef<HTMLInputElement>(null);

  const results = useMemo(() => (profiles ? searchProfiles(profiles, query, unit).slice(0, MAX_RESULTS) : []), [profiles, query, unit]);
  const total = useMemo(() => (profiles ? searchProfiles(profiles, query).length : 0), [profiles, query]);

  return (
    <Modal labelledBy={titleId} className="profile-picker" initialFocus={searchRef} onClose={onClose}>
      <div className="modal__header">
        <h2 id={titleId}>{t('passports.picker.title', { subject })}</h2>
        <button type="button" className="button button--secondary button--small" onClick={onClose}>
          {t('passports.picker.close')}
        </button>
      </div>
      {suggestions && suggestions.length > 0 ? (
        <section aria-label={t('passports.picker.suggestions')}>
          <h3>{t('passports.picker.suggestions')}</h3>
          <ul className="plain-list picker-list">
            {suggestions.map((s) => (
              <li key={s.profileId}>
                <button type="button" className="picker-option" aria-current={s.profileId === currentId ? 'true' : undefined} onClick={() => onChoose(s.profileId)}>
                  <span className="picker-option__name">{s.name}</span>
                  <span className="picker-option__meta">
                    {t('passports.picker.per', { unit: t(`passports.unitNames.${s.declaredUnit}`) })} · {t('passports.picker.score', { score: formatNumber(s.score, 2, 2) })} · {s.reason}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <label className="field__label" htmlFor={`${titleId}-search`}>
        {t('passports.picker.search')}
      </label>
      <input
        ref={searchRef}
        id={`${titleId}-search`}
        type="search"
        className="picker-search"
        value={query}
        autoComplete="off"
        onChange={(e) => setQuery(e.target.value)}
      />
      <p className="muted" role="status">
        {profiles ? t('passports.picker.count', { count: total, shown: Math.min(total, MAX_RESULTS) }) : t('common.loading')}
      </p>
      <ul className="plain-list picker-list picker-list--scroll">
        {results.map((p) => (
          <li key={p.id}>
            <button type="button" className="picker-option" aria-current={p.id === currentId ? 'true' : undefined} onClick={() => onChoose(p.id)}>
              <span className="picker-option__name">{p.name}</span>
              <span className="picker-option__meta">
                {t('passports.picker.per', { unit: t(`passports.unitNames.${p.declaredUnit}`) })}
                {p.category ? ` · ${p.category}` : ''} · {p.source}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
