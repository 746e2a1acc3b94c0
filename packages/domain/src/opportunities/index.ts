/**
 * Kansenkaart (opportunity map) of the existing stock: the building model, rules as data, neighbour heights and
 * the pure scoring for splitsen, optoppen and transformatie.
 */
import defaultRulesData from '../../data/opportunities/rules-v1.json' with { type: 'json' };
import estimatesData from '../../data/opportunities/estimates-v1.json' with { type: 'json' };
import { parseOpportunityRules, type OpportunityRules } from './rules.ts';

export * from './building.ts';
export * from './rules.ts';
export * from './neighbours.ts';
export * from './score.ts';
export * from './policy.ts';

/** The default rule set (data/opportunities/rules-v1.json), validated. */
export const defaultOpportunityRules: OpportunityRules = parseOpportunityRules(defaultRulesData);

/** Storey-height estimate constants (data/opportunities/estimates-v1.json). */
export const stockEstimates = {
  version: estimatesData.version,
  storeyHeightM: estimatesData.storeyEstimate.storeyHeightM,
} as const;

/**
 * Estimated number of storeys from a building height.
 * Method: max(1, round(heightM / storeyHeightM)) with storeyHeightM = 3.0 m from data/opportunities/estimates-v1.json
 * (expert assumption, see the file). Units: m in, count out. Returns null for an unknown or non-positive height.
 */
export function estimateStoreys(heightM: number | null): number | null {
  if (heightM === null || !Number.isFinite(heightM) || heightM <= 0) return null;
  return Math.max(1, Math.round(heightM / stockEstimates.storeyHeightM));
}
