import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MethodConstant } from './method-status.ts';

/** The small tag next to a figure computed from open data. */
export function IndicatiefTag() {
  const { t } = useTranslation();
  return (
    <span className="indicatief-tag" title={t('passports.indicatief.tooltip')}>
      {t('passports.indicatief.tag')}
    </span>
  );
}

/** The panel-wide explanation: why figures are indicative, with a link to the method page. */
export function IndicatiefExplanation({ label, versions }: { label: string; versions: Record<string, string> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="indicatief">
      <button type="button" className="indicatief__toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        <span className="indicatief-tag">{t('passports.indicatief.tag')}</span> {t('passports.indicatief.why')}
      </button>
      <div id={id} className="indicatief__body" hidden={!open}>
        <p>{t('passports.indicatief.explanation')}</p>
        <p className="muted">{label}</p>
        <p>
          <Link to="/methode">{t('passports.indicatief.methodLink')}</Link>
        </p>
        <details>
          <summary>{t('passports.indicatief.versions')}</summary>
          <ul className="plain-list data-versions">
            {Object.entries(versions).map(([name, version]) => (
              <li key={name}>
                <code>{name}</code> {version}
              </li>
            ))}
          </ul>
        </details>
      </div>
    </div>
  );
}

/** Marks a figure whose method constants are not (all) verified; lists them on request. */
export function UnverifiedMark({ constants }: { constants: MethodConstant[] }) {
  const { t } = useTranslation();
  if (constants.length === 0) return null;
  return (
    <details className="unverified">
      <summary>{t('passports.unverified.summary')}</summary>
      <ul className="plain-list">
        {constants.map((c) => (
          <li key={c.name}>
            <code>{c.name}</code>: {t(`passports.verification.${verificationKey(c.verification)}`)}
          </li>
        ))}
      </ul>
    </details>
  );
}

const verificationKeys = ['verified', 'secondary', 'unverified', 'assumption', 'partly verified'] as const;

function verificationKey(value: string): 'verified' | 'secondary' | 'unverified' | 'assumption' | 'partly' {
  const known = verificationKeys.find((k) => k === value);
  if (known === 'partly verified') return 'partly';
  return known ?? 'unverified';
}
