/**
 * City Deal monitoring level 3: per goal of the deal what the data already shows (biobased: stored CO2, official and
 * indicative apart, and the HNN material-origin share; industrialised/conceptual: share of dwellings) and what is not
 * yet measurable (circular business cases: Kringbouw records no business cases).
 */
import { useTranslation } from 'react-i18next';
import type { CityDealOverview } from '@kringbouw/contracts';
import { formatDecimal } from '../../lib/format.ts';

const pct = (share: number | null) => (share === null ? '—' : `${formatDecimal(100 * share, 0)} %`);

export function GoalsSection({ totals }: { totals: CityDealOverview['total'] }) {
  const { t } = useTranslation();
  const rows = [
    { goal: 'biobased', indicator: t('monitoring.goals.storedOfficial'), value: `${formatDecimal(totals.storedCarbonT.officieel, 1)} t` },
    { goal: 'biobased', indicator: t('monitoring.goals.storedIndicative'), value: `${formatDecimal(totals.storedCarbonT.indicatief, 1)} t` },
    { goal: 'biobased', indicator: t('monitoring.goals.materialOrigin'), value: `${pct(totals.hnnShare.materialOrigin.share)} (${t('monitoring.dashboard.hnnOf', { met: totals.hnnShare.materialOrigin.met, checked: totals.hnnShare.materialOrigin.checked })})` },
    { goal: 'industrialised', indicator: t('monitoring.goals.industrialisedShare'), value: pct(totals.industrialisedShare) },
    { goal: 'businessCases', indicator: t('monitoring.goals.businessCases'), value: t('monitoring.goals.notMeasurable') },
  ];
  return (
    <section className="card" aria-labelledby="goals-heading">
      <h2 id="goals-heading">{t('monitoring.goals.title')}</h2>
      <p className="muted">{t('monitoring.goals.explain')}</p>
      <table className="table" data-testid="goals-table">
        <thead>
          <tr>
            <th>{t('monitoring.goals.goal')}</th>
            <th>{t('monitoring.goals.indicator')}</th>
            <th>{t('monitoring.goals.value')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.indicator}>
              <th scope="row">{t(`monitoring.goals.goals.${r.goal}`)}</th>
              <td>{r.indicator}</td>
              <td>{r.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
