import { useTranslation } from 'react-i18next';
import { methodData, methodDataVersions } from '@kringbouw/domain/lca';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { unverifiedConstants, type IndicatorId } from './method-status.ts';
import './passports.css';

const indicators: IndicatorId[] = ['mpg', 'parisProof', 'biogenic', 'origin', 'detachability', 'mci'];

/** How Kringbouw calculates: why figures are indicative, what each indicator means, which constants are unverified. */
export default function MethodPage() {
  const { t } = useTranslation();
  usePageTitle(t('passports.method.title'));
  const versions = methodDataVersions(methodData);
  return (
    <article className="page page--form method-page">
      <h1>{t('passports.method.title')}</h1>
      <div className="notice" role="note">
        <p>{t('passports.indicatief.explanation')}</p>
      </div>
      <p>{t('passports.method.intro')}</p>
      {indicators.map((id) => {
        const open = unverifiedConstants(id);
        return (
          <section key={id} aria-labelledby={`method-${id}`}>
            <h2 id={`method-${id}`}>{t(`passports.method.indicators.${id}.title`)}</h2>
            <p>{t(`passports.method.indicators.${id}.text`)}</p>
            {open.length > 0 ? (
              <div className="notice notice--warning">
                <p>{t('passports.method.unverified')}</p>
                <ul>
                  {open.map((c) => (
                    <li key={c.name}>
                      <code>{c.name}</code>: {c.verification}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </section>
        );
      })}
      <section aria-labelledby="method-data">
        <h2 id="method-data">{t('passports.method.dataTitle')}</h2>
        <p>{t('passports.method.dataText')}</p>
        <ul>
          {Object.entries(versions).map(([name, version]) => (
            <li key={name}>
              <code>{name}</code> {version}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
