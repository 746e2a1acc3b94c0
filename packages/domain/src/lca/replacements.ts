import type { ReplacementRule } from './model.ts';

export interface Placements {
  /** Number of times the product is placed over the reference study period, initial placement included. */
  placements: number;
  /** placements − 1. */
  replacements: number;
}

/**
 * Placements of a product over the reference study period (RSP), by rule:
 * - `nmd`: placements = max(1, RSP / serviceLife), fractional and not rounded — the factor of the Bepalingsmethode as
 *   implemented by the public NMD calculator opensourceBIM/NL-MPG-calc (MpgCalculator.calculateReplacements, citing
 *   SBK Bepalingsmethode 2.0 incl. wijzigingsblad 2017). Verification: secondary (the rule text itself not seen).
 * - `en15978`: replacements = max(0, ceil(RSP / serviceLife) − 1), whole replacements (EN 15978 module B4).
 * A missing service life means no replacement (the caller warns). Units: years in, counts out; no rounding beyond the
 * rule's own ceil.
 */
export function placementsFor({ rule, rspYears, serviceLifeYears }: { rule: ReplacementRule; rspYears: number; serviceLifeYears?: number | undefined }): Placements {
  const placements = placementCount(rule, rspYears, serviceLifeYears);
  return { placements, replacements: placements - 1 };
}

/** placementsFor(...).placements without allocating: the engine's hot path, positional on purpose. */
export function placementCount(rule: ReplacementRule, rspYears: number, serviceLifeYears: number | undefined): number {
  if (serviceLifeYears === undefined || !(serviceLifeYears > 0) || !(rspYears > 0)) return 1;
  const ratio = rspYears / serviceLifeYears;
  if (rule === 'nmd') return Math.max(1, ratio);
  // Guard against ratios like 3.0000000000000004 from binary fractions: a product that fits exactly is not replaced again.
  return Math.max(1, Math.ceil(ratio - 1e-9));
}
