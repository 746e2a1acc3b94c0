/**
 * Which method constants behind each indicator are not (fully) verified, read from the method data files themselves
 * (their `verification` fields), so the UI flags exactly what docs/methods.md flags and follows the files when a value
 * gets checked.
 */
import a1Prices from '@kringbouw/domain/data/methods/nmd-shadow-prices-a1.json';
import hnnLevels from '@kringbouw/domain/data/methods/hnn-levels.json';
import liScores from '@kringbouw/domain/data/methods/detachability-li-v2.json';
import mci from '@kringbouw/domain/data/methods/mci.json';
import defaults from '@kringbouw/domain/data/methods/lca-defaults.json';

export type IndicatorId = 'mpg' | 'parisProof' | 'biogenic' | 'origin' | 'detachability' | 'mci';

export interface MethodConstant {
  /** File and field, e.g. "nmd-shadow-prices-a1 · prices". */
  name: string;
  verification: string;
}

const notVerified = (verification: string) => verification !== 'verified';

function constants(): Record<IndicatorId, MethodConstant[]> {
  const li = liScores.factors;
  return {
    mpg: [
      { name: `${a1Prices.id} ${a1Prices.version}`, verification: a1Prices.verification },
      { name: `${a1Prices.id} · adpfMjToKgSbEq`, verification: a1Prices.adpfMjToKgSbEq.verification },
      { name: 'lca-defaults · replacementRules.nmd', verification: defaults.replacementRules.nmd.verification },
    ],
    parisProof: [{ name: `${hnnLevels.id} · parisProof (${hnnLevels.parisProof.replacements})`, verification: hnnLevels.parisProof.verification }],
    biogenic: [
      { name: 'lca-defaults · en16449CarbonFraction', verification: defaults.biogenicCarbon.en16449CarbonFraction.verification },
      { name: 'lca-defaults · oekobaudatFieldMeaning', verification: defaults.biogenicCarbon.oekobaudatFieldMeaning.verification },
    ],
    origin: [],
    detachability: [
      { name: `${liScores.id} · connection`, verification: li.connection.verification },
      { name: `${liScores.id} · accessibility`, verification: li.accessibility.verification },
      { name: `${liScores.id} · crossings`, verification: li.crossings.verification },
      { name: `${liScores.id} · edgeContainment`, verification: li.edgeContainment.verification },
      { name: `${liScores.id} · formula`, verification: liScores.formula.verification },
    ],
    mci: Object.entries(mci.assumptions).map(([key, value]) => ({ name: `${mci.id} · ${key}`, verification: value.verification })),
  };
}

let cached: Record<IndicatorId, MethodConstant[]> | undefined;

/** The constants behind an indicator whose verification is not `verified`. */
export function unverifiedConstants(indicator: IndicatorId): MethodConstant[] {
  cached ??= constants();
  return cached[indicator].filter((c) => notVerified(c.verification));
}
