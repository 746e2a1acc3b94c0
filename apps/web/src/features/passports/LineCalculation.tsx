/**
 * How the engine calculated one material line: the profile it used, the quantity in the profile's declared unit, the
 * placements over the reference study period, the category surcharge, mass, MKI, GWP per module, stored biogenic
 * CO₂, LI and MCI — read from the calculation's per-line columns (no new calculation), so it always matches the
 * figures on the page. A modal dialog, opened from the MKI cell of the line table.
 */
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { modules, type LineResult, type ReplacementRule } from '@kringbouw/domain/lca';
import { Modal } from '../../components/Modal.tsx';
import { IndicatiefTag } from './Indicatief.tsx';
import { formatNumber, formatSignificant } from './numbers.ts';

interface LineCalculationProps {
  line: LineResult;
  rspYears: number;
  replacementRule: ReplacementRule;
  onClose: () => void;
}

export function LineCalculation({ line, rspYears, replacementRule, onClose }: LineCalculationProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);

  const unitName = (unit: string) => t(`passports.unitNames.${unit}`);
  const none = t('passports.calculation.none');
  const declaredUnit = line.declaredUnit;
  const factor = line.declaredQuantity === null ? null : line.declaredQuantity * line.placements * line.surchargeFactor;
  const mkiPerUnit = line.mkiEur === null || factor === null || factor === 0 ? null : line.mkiEur / factor;
  const gwpRows = modules.flatMap((module) => {
    const value = line.gwpKgCO2[module];
    return value === undefined ? [] : [{ module, value }];
  });
  const gwpExclD = gwpRows.reduce((sum, row) => (row.module === 'D' ? sum : sum + row.value), 0);

  return (
    <Modal labelledBy={titleId} className="line-calculation" initialFocus={closeRef} onClose={onClose}>
      <div className="modal__header">
        <h2 id={titleId}>
          {t('passports.calculation.title', { line: line.line, description: line.description })} <IndicatiefTag />
        </h2>
        <button ref={closeRef} type="button" className="button button--secondary button--small" onClick={onClose}>
          {t('passports.calculation.close')}
        </button>
      </div>
      <p className="muted">
        {line.nlsfb} {line.element} · {t(`passports.layers.${line.layer}`)}
      </p>
      <dl className="line-calculation__facts">
        <dt>{t('passports.calculation.profile')}</dt>
        <dd>
          {line.profileName ? (
            <>
              {line.profileName} <span className="muted">({line.profileId})</span>
              {line.profileSource === 'suggested' ? <span className="origin-tag origin-tag--suggested">{t('passports.calculation.suggested')}</span> : null}
            </>
          ) : line.profileId ? (
            t('passports.calculation.unknownProfile', { id: line.profileId })
          ) : (
            t('passports.calculation.noProfile')
          )}
        </dd>

        <dt>{t('passports.calculation.quantity')}</dt>
        <dd>
          {formatNumber(line.quantity, 3)} {unitName(line.unit)}
          {declaredUnit !== null && line.declaredQuantity !== null && line.conversion !== 'gelijk' ? (
            <> → {formatNumber(line.declaredQuantity, 4)} {unitName(declaredUnit)} ({t(`passports.calculation.conversion.${line.conversion === 'via dikte' ? 'thickness' : 'mass'}`)})</>
          ) : null}
          {declaredUnit !== null && line.declaredQuantity === null ? <> — {t('passports.calculation.notConvertible', { unit: unitName(declaredUnit) })}</> : null}
        </dd>

        <dt>{t('passports.calculation.placements', { years: rspYears })}</dt>
        <dd>
          {formatNumber(line.placements, 3)} ({t('passports.calculation.replacements', { count: line.replacements, formatted: formatNumber(line.replacements, 3) })}; {t(`passports.calculation.rule.${replacementRule}`)})
        </dd>

        <dt>{t('passports.calculation.category')}</dt>
        <dd>
          {line.nmdCategory === null ? none : t('passports.calculation.categoryValue', { category: line.nmdCategory })}
          {line.surchargeFactor !== 1 ? <> — {t('passports.calculation.surcharge', { factor: formatNumber(line.surchargeFactor, 2) })}</> : null}
        </dd>

        <dt>{t('passports.calculation.mass')}</dt>
        <dd>{line.massKg === null ? t('passports.calculation.unknown') : `${formatNumber(line.massKg, 1)} kg`}</dd>

        <dt>{t('passports.calculation.mki')}</dt>
        <dd>
          {line.mkiEur === null ? (
            t('passports.calculation.noMki')
          ) : (
            <>
              € {formatNumber(line.mkiEur, 2)}
              {mkiPerUnit !== null && declaredUnit !== null && line.declaredQuantity !== null ? (
                <span className="muted line-calculation__formula">
                  {' '}
                  = {formatNumber(line.declaredQuantity, 4)} {unitName(declaredUnit)} × {formatNumber(line.placements, 3)} × {formatNumber(line.surchargeFactor, 2)} × € {formatSignificant(mkiPerUnit)} {t('passports.calculation.perUnit', { unit: unitName(declaredUnit) })}
                </span>
              ) : null}
            </>
          )}
        </dd>

        <dt>{t('passports.calculation.biogenic')}</dt>
        <dd>
          {line.biogenicCarbonKgCO2 === null ? t('passports.calculation.unknown') : `${formatNumber(line.biogenicCarbonKgCO2, 1)} kg CO₂`}
          {line.biogenicMethod !== null ? <span className="muted"> ({t(`passports.calculation.biogenicMethod.${biogenicKey(line.biogenicMethod)}`)})</span> : null}
        </dd>

        <dt>{t('passports.calculation.detachability')}</dt>
        <dd>{line.detachability === null ? none : formatNumber(line.detachability, 3)}</dd>

        <dt>{t('passports.calculation.mci')}</dt>
        <dd>{line.mci === null ? none : formatNumber(line.mci, 3)}</dd>
      </dl>

      <h3>{t('passports.calculation.gwpTitle')}</h3>
      {gwpRows.length === 0 ? (
        <p>{t('passports.calculation.noGwp')}</p>
      ) : (
        <table className="table line-calculation__gwp">
          <caption className="visually-hidden">{t('passports.calculation.gwpTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('passports.calculation.module')}</th>
              <th scope="col" className="numeric">kg CO₂-eq</th>
            </tr>
          </thead>
          <tbody>
            {gwpRows.map((row) => (
              <tr key={row.module}>
                <th scope="row">{row.module}</th>
                <td className="numeric">{formatNumber(row.value, 2)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('passports.calculation.gwpTotal')}</th>
              <td className="numeric">{formatNumber(gwpExclD, 2)}</td>
            </tr>
          </tfoot>
        </table>
      )}
      <p className="muted">{t('passports.calculation.note', { years: rspYears })}</p>
    </Modal>
  );
}

function biogenicKey(method: NonNullable<LineResult['biogenicMethod']>): 'carbonContent' | 'gwpBiogenic' | 'en16449' | 'none' {
  if (method === 'koolstofgehalt') return 'carbonContent';
  if (method === 'gwp-biogeen') return 'gwpBiogenic';
  if (method === 'EN 16449') return 'en16449';
  return 'none';
}
