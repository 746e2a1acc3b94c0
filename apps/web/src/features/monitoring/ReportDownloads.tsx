/**
 * Download links of the yearly monitoring report and the mid-term review (PDF and xlsx, same figures): plain links to
 * the report endpoints, so the browser saves the file with the session it already has.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportKinds, type ReportKind } from '@kringbouw/domain/monitoring';
import { reportUrl } from './api.ts';

export function ReportDownloads({ scope }: { scope: { municipalityCode: string } | 'city-deal' }) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<ReportKind>('jaarrapport');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const valid = /^\d{4}$/.test(year) && Number(year) >= 2000 && Number(year) <= 2100;
  return (
    <section className="card report-downloads" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('monitoring.reports.title')}</h3>
      <p className="muted">{t('monitoring.reports.explain')}</p>
      <div className="dashboard-filters">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('monitoring.reports.kind')}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(reportKinds.find((k) => k === e.target.value) ?? 'jaarrapport')}>
            {reportKinds.map((k) => (
              <option key={k} value={k}>
                {t(`monitoring.reports.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-year`}>{t('monitoring.reports.year')}</label>
          <input id={`${id}-year`} inputMode="numeric" size={6} value={year} aria-invalid={!valid} onChange={(e) => setYear(e.target.value.replace(/\D/g, '').slice(0, 4))} />
        </div>
        {valid ? (
          <>
            <a className="button button--secondary" href={reportUrl(scope, { kind, year: Number(year), format: 'pdf' })} download>
              {t('monitoring.reports.pdf')}
            </a>
            <a className="button button--secondary" href={reportUrl(scope, { kind, year: Number(year), format: 'xlsx' })} download>
              {t('monitoring.reports.xlsx')}
            </a>
          </>
        ) : (
          <p className="field__error">{t('monitoring.reports.yearInvalid')}</p>
        )}
      </div>
    </section>
  );
}
