import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { HnnCheck, LcaSummary, LcaWarning, WarningCode } from '@kringbouw/domain/lca';
import { IndicatiefExplanation, IndicatiefTag, UnverifiedMark } from './Indicatief.tsx';
import { unverifiedConstants, type IndicatorId } from './method-status.ts';
import { formatFraction, formatNumber, formatPercent, formatSignificant } from './numbers.ts';

export const warningCodes = [
  'PROFIEL_ONBEKEND', 'PROFIEL_ONTBREEKT', 'PROFIEL_VOORGESTELD', 'MASSA_ONTBREEKT', 'EENHEID_ONVERENIGBAAR',
  'EENHEID_OMGEREKEND', 'LEVENSDUUR_ONTBREEKT', 'GEEN_DATA_WEGINGSSET', 'CATEGORIE_NIET_GEWOGEN', 'CATEGORIE_ONTBREEKT',
  'LOSMAAKBAARHEID_ONVOLLEDIG', 'BIOGEEN_ONBEKEND', 'GWP_ONTBREEKT',
] as const satisfies readonly WarningCode[];
// Fails to compile when the engine gains a warning code this list (and so the translations) lacks.
const everyWarningCodeListed: [Exclude<WarningCode, (typeof warningCodes)[number]>] extends [never] ? true : false = true;
void everyWarningCodeListed;

export const hnnIndicators = ['mpg', 'embodiedCarbon', 'storedCarbon', 'materialOrigin', 'detachability', 'reusePotential'] as const;
export const hnnStatuses = { voldoet: 'met', 'voldoet niet': 'notMet', 'geen niveau': 'noLevel', 'niet berekend': 'notCalculated' } as const;

interface IndicatorPanelProps {
  result: LcaSummary;
  calculating?: boolean;
  /** Shows the lines a warning names in the table. */
  onShowLines?: (lines: number[], warning: LcaWarning) => void;
  /** Rendered below the figures (the drill-down charts). */
  children?: ReactNode;
}

/** All indicators of one engine result, each marked indicative, with the HNN levels and the engine's warnings. */
export function IndicatorPanel({ result, calculating = false, onShowLines, children }: IndicatorPanelProps) {
  const { t } = useTranslation();
  const { mpg, gwp, mki, materialOrigin: origin, detachability } = result;
  const bvo = result.project.bvoM2;
  return (
    <section className="indicator-panel" aria-labelledby="indicator-panel-heading" aria-busy={calculating}>
      <div className="indicator-panel__header">
        <h2 id="indicator-panel-heading">{t('passports.indicators.title')}</h2>
        <p className="indicator-panel__status" role="status">
          {calculating ? t('passports.indicators.calculating') : t('passports.indicators.upToDate')}
        </p>
      </div>
      {result.indicatief ? <IndicatiefExplanation label={result.label} versions={result.dataVersions} /> : null}

      <div className="indicator-grid">
        <Figure
          id="mpg"
          title={t('passports.indicators.mpg')}
          value={mpg.value === null ? null : formatNumber(mpg.value, 3, 2)}
          unit={t('passports.units.eurPerM2Yr')}
          indicatief={result.indicatief}
          unverified="mpg"
          status={mpg.pass === null ? undefined : mpg.pass ? 'good' : 'bad'}
        >
          {mpg.limit === null ? (
            <p className="figure__detail">{t('passports.indicators.noLimit')}</p>
          ) : (
            <p className="figure__detail">
              {t('passports.indicators.limit', { limit: formatNumber(mpg.limit, 2, 1) })} ·{' '}
              {mpg.pass === null ? t('passports.hnnStatus.notCalculated') : mpg.pass ? t('passports.indicators.withinLimit') : t('passports.indicators.overLimit')}
            </p>
          )}
          {mki.total !== null ? (
            <p className="figure__detail">{t('passports.indicators.mkiTotal', { value: formatNumber(mki.total, 0) })}</p>
          ) : null}
        </Figure>
        <Figure
          id="parisProof"
          title={t('passports.indicators.parisProof')}
          value={formatNumber(gwp.parisProofPerM2, 1)}
          unit={t('passports.units.kgCo2PerM2')}
          indicatief={result.indicatief}
          unverified="parisProof"
        >
          <p className="figure__detail">{t('passports.indicators.parisProofScope')}</p>
          <p className="figure__detail">
            {t('passports.indicators.gwpTotal', { value: formatSignificant(gwp.perM2.total) })}
          </p>
        </Figure>
        <Figure
          id="biogenic"
          title={t('passports.indicators.biogenic')}
          value={formatSignificant(result.biogenicCarbonKgCO2 / 1000)}
          unit={t('passports.units.tonCo2')}
          indicatief
          unverified="biogenic"
        >
          <p className="figure__detail">
            {t('passports.indicators.perM2', { value: formatSignificant(result.biogenicCarbonKgCO2 / bvo), unit: 'kg CO₂' })}
          </p>
        </Figure>
        <Figure
          id="origin"
          title={t('passports.indicators.origin')}
          value={origin.primaryPct === null ? null : formatPercent(100 - origin.primaryPct)}
          indicatief={result.indicatief}
        >
          <p className="figure__detail">{t('passports.indicators.originCircular')}</p>
          {origin.renewablePct !== null ? (
            <ul className="plain-list figure__detail">
              <li>{t('passports.indicators.renewable')}: {formatPercent(origin.renewablePct)}</li>
              <li>{t('passports.indicators.reused')}: {formatPercent(origin.reusedPct ?? 0)}</li>
              <li>{t('passports.indicators.recycled')}: {formatPercent(origin.recycledPct ?? 0)}</li>
              <li>{t('passports.indicators.primary')}: {formatPercent(origin.primaryPct ?? 0)}</li>
            </ul>
          ) : null}
        </Figure>
        <Figure
          id="detachability"
          title={t('passports.indicators.detachability')}
          value={detachability.index === null ? null : formatFraction(detachability.index)}
          indicatief={result.indicatief}
          unverified="detachability"
        >
          {detachability.weighting ? (
            <p className="figure__detail">{t(`passports.indicators.weighting.${detachability.weighting}`)}</p>
          ) : null}
        </Figure>
        <Figure id="mci" title={t('passports.indicators.mci')} value={result.mci === null ? null : formatNumber(result.mci, 2, 2)} indicatief={result.indicatief} unverified="mci" />
      </div>

      <HnnTable checks={result.hnn} indicatief={result.indicatief} />

      {children}

      <Warnings warnings={result.warnings} onShowLines={onShowLines} />
    </section>
  );
}

interface FigureProps {
  id: IndicatorId;
  title: string;
  value: string | null;
  unit?: string;
  indicatief: boolean;
  unverified?: IndicatorId;
  status?: 'good' | 'bad' | undefined;
  children?: ReactNode;
}

function Figure({ id, title, value, unit, indicatief, unverified, status, children }: FigureProps) {
  const { t } = useTranslation();
  return (
    <div className={`figure${status ? ` figure--${status}` : ''}`} data-indicator={id}>
      <h3 className="figure__title">
        {title} {indicatief ? <IndicatiefTag /> : null}
      </h3>
      <p className="figure__value">
        {value === null ? <span className="muted">{t('passports.hnnStatus.notCalculated')}</span> : value}
        {value !== null && unit ? <span className="figure__unit"> {unit}</span> : null}
      </p>
      {children}
      {unverified ? <UnverifiedMark constants={unverifiedConstants(unverified)} /> : null}
    </div>
  );
}

function HnnTable({ checks, indicatief }: { checks: HnnCheck[]; indicatief: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="hnn">
      <h3>
        {t('passports.hnn.title')} {indicatief ? <IndicatiefTag /> : null}
      </h3>
      <div className="table-wrapper">
        <table className="table table--compact">
          <caption className="visually-hidden">{t('passports.hnn.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('passports.hnn.indicator')}</th>
              <th scope="col" className="numeric">{t('passports.hnn.value')}</th>
              <th scope="col" className="numeric">{t('passports.hnn.level')}</th>
              <th scope="col">{t('passports.hnn.status')}</th>
            </tr>
          </thead>
          <tbody>
            {checks.map((check) => {
              const known = hnnIndicators.find((i) => i === check.indicator);
              const status = hnnStatuses[check.status];
              return (
                <tr key={check.indicator}>
                  <th scope="row">{known ? t(`passports.hnn.indicators.${known}`) : check.name}</th>
                  <td className="numeric">{check.value === null ? '–' : `${formatSignificant(check.value)} ${check.unit}`}</td>
                  <td className="numeric">
                    {check.level === null ? '–' : `${check.comparison === 'max' ? '≤' : '≥'} ${formatNumber(check.level, 2)}`}
                  </td>
                  <td>
                    <span className={`hnn-status hnn-status--${status}`}>{t(`passports.hnnStatus.${status}`)}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/**
 * The warning in the UI language, from its code and params; the engine's Dutch message when the result predates params
 * (stored results) or the code is unknown to this UI.
 */
export function warningMessage(warning: Pick<LcaWarning, 'code' | 'message'> & { params?: LcaWarning['params'] | undefined }, t: TFunction): string {
  const params = warning.params;
  const known = warningCodes.find((c) => c === warning.code);
  if (!params || !known) return warning.message;
  const variant = typeof params.variant === 'string' ? `_${params.variant}` : '';
  const key = `passports.warnings.messages.${known}${variant}`;
  const conversion = typeof params.conversion === 'string' ? t(`passports.warnings.conversions.${params.conversion}`, { defaultValue: params.conversion }) : undefined;
  return t(key, { ...params, ...(conversion === undefined ? {} : { conversion }), defaultValue: warning.message });
}

function Warnings({ warnings, onShowLines }: { warnings: LcaWarning[]; onShowLines?: ((lines: number[], warning: LcaWarning) => void) | undefined }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return <p className="muted">{t('passports.warnings.none')}</p>;
  return (
    <div className="engine-warnings">
      <h3>{t('passports.warnings.title', { count: warnings.length })}</h3>
      <ul className="plain-list">
        {warnings.map((warning, index) => {
          const known = warningCodes.find((c) => c === warning.code);
          return (
            <li key={`${warning.code}-${index}`} className="engine-warning">
              <strong>{known ? t(`passports.warnings.codes.${known}`) : warning.code}</strong>
              <span className="engine-warning__message">{warningMessage(warning, t)}</span>
              {warning.lines.length > 0 && onShowLines ? (
                <button type="button" className="button button--link" onClick={() => onShowLines(warning.lines, warning)}>
                  {t('passports.warnings.showLines', { count: warning.lines.length })}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * The headline figures in one line, kept in view above the line table while editing (the full panel may be out of
 * sight), so every change shows its effect.
 */
export function IndicatorSummary({ result, calculating }: { result: LcaSummary | undefined; calculating: boolean }) {
  const { t } = useTranslation();
  if (!result) return null;
  const origin = result.materialOrigin.primaryPct;
  const items: { key: string; label: string; value: string }[] = [
    { key: 'mpg', label: t('passports.indicators.mpg'), value: result.mpg.value === null ? '–' : formatNumber(result.mpg.value, 3, 2) },
    { key: 'mki', label: 'MKI', value: result.mki.total === null ? '–' : `€ ${formatNumber(result.mki.total, 0)}` },
    { key: 'co2', label: t('passports.summary.parisProof'), value: `${formatNumber(result.gwp.parisProofPerM2, 1)} kg/m²` },
    { key: 'bio', label: t('passports.summary.biogenic'), value: `${formatSignificant(result.biogenicCarbonKgCO2 / 1000)} t` },
    { key: 'origin', label: t('passports.summary.origin'), value: origin === null ? '–' : formatPercent(100 - origin) },
    { key: 'li', label: t('passports.summary.detachability'), value: result.detachability.index === null ? '–' : formatFraction(result.detachability.index) },
  ];
  return (
    <div className="indicator-summary" aria-busy={calculating} aria-label={t('passports.summary.label')} role="group">
      {items.map((item) => (
        <p key={item.key} className={`indicator-summary__item${item.key === 'mpg' && result.mpg.pass === false ? ' is-bad' : ''}`}>
          <span className="indicator-summary__label">{item.label}</span>
          <span className="indicator-summary__value">{item.value}</span>
        </p>
      ))}
      <span className="indicatief-tag" title={t('passports.indicatief.tooltip')}>
        {t('passports.indicatief.tag')}
      </span>
      <span className="indicator-summary__state" role="status">
        {calculating ? t('passports.indicators.calculating') : ''}
      </span>
    </div>
  );
}
