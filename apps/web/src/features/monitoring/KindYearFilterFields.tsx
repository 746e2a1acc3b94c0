import { useTranslation } from 'react-i18next';
import { projectKinds, type ProjectKind } from '@kringbouw/domain/projects';
import { kindLabel } from '../projects/labels.ts';

/** The kind and year filters shared by the monitoring pages; values live in the URL (`soort`, `jaar`). */
export function KindYearFilterFields({ idPrefix, kind, year, onChange }: { idPrefix: string; kind: ProjectKind | ''; year: string; onChange: (name: 'soort' | 'jaar', value: string) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-kind`}>{t('monitoring.dashboard.kind')}</label>
        <select id={`${idPrefix}-kind`} value={kind} onChange={(e) => onChange('soort', e.target.value)}>
          <option value="">{t('monitoring.dashboard.allKinds')}</option>
          {projectKinds.map((k) => (
            <option key={k} value={k}>
              {kindLabel(t, k)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-year`}>{t('monitoring.dashboard.year')}</label>
        <input id={`${idPrefix}-year`} inputMode="numeric" value={year} placeholder={t('monitoring.dashboard.allYears')} onChange={(e) => onChange('jaar', e.target.value.replace(/\D/g, '').slice(0, 4))} size={6} />
      </div>
    </>
  );
}
