/**
 * Opportunity scoring of one building for splitsen, optoppen and transformatie, with the reasons that earned
 * the points — the "quickscan-kansenkaart" of the Cirkelstad guide (§8.1), as a transparent points system.
 */
import type { StockBuilding } from './building.ts';
import { computeNeighbourHeights, type NeighbourHeight } from './neighbours.ts';
import { opportunityKinds, type OpportunityKind, type OpportunityRule, type OpportunityRules } from './rules.ts';

export interface OpportunityReason {
  code: string;
  text_nl: string;
  text_en: string;
  points: number;
  /** The fact that fired the rule (build year, metres lower, matched use functions …), or null. */
  value: number | string | null;
}

export interface UnknownFact {
  code: string;
  /** The building field that was unknown, so the rule could not be evaluated. */
  missing: string;
}

export interface KindScore {
  /** Sum of the points of the rules that fired, clamped to 0..100. */
  score: number;
  reasons: OpportunityReason[];
  /** Rules that could not be evaluated for lack of data: a low score may be an unknown, not a "no". */
  unknown: UnknownFact[];
}

export interface BuildingOpportunities {
  rulesVersion: string;
  splitsen: KindScore;
  optoppen: KindScore;
  transformatie: KindScore;
}

/** The building fields the rules read; a full {@link StockBuilding} fits. */
export type ScoringInput = Pick<
  StockBuilding,
  | 'buildYear'
  | 'roofType'
  | 'heightM'
  | 'storeysEstimate'
  | 'footprintAreaM2'
  | 'useFunctions'
  | 'dwellings'
  | 'floorAreaM2'
  | 'vacant'
  | 'dwellingType'
>;

type Evaluation = { fired: true; value: number | string | null } | { fired: false } | { unknown: string };

function formatNumber(value: number, language: 'nl' | 'en'): string {
  const rounded = Math.round(value * 10) / 10;
  const text = Number.isInteger(rounded) ? String(Math.abs(rounded)) : Math.abs(rounded).toFixed(1);
  const localised = language === 'nl' ? text.replace('.', ',') : text;
  // U+2212 MINUS SIGN, as in "lager dan buren (−6 m)".
  return rounded < 0 ? `\u2212${localised}` : localised;
}

function renderText(template: string, value: number | string | null, language: 'nl' | 'en'): string {
  if (value === null) return template;
  const shown = typeof value === 'number' ? formatNumber(value, language) : value;
  return template.replaceAll('{value}', shown);
}

function evaluate(rule: OpportunityRule, building: ScoringInput, neighbours: NeighbourHeight | null): Evaluation {
  switch (rule.type) {
    case 'roofType':
      if (building.roofType === null || building.roofType === 'no points') return { unknown: 'roofType' };
      return rule.values.includes(building.roofType) ? { fired: true, value: building.roofType } : { fired: false };
    case 'buildYearRange':
      if (building.buildYear === null) return { unknown: 'buildYear' };
      return building.buildYear >= rule.from && building.buildYear <= rule.to
        ? { fired: true, value: building.buildYear }
        : { fired: false };
    case 'storeysRange':
      if (building.storeysEstimate === null) return { unknown: 'storeysEstimate' };
      return building.storeysEstimate >= rule.min && building.storeysEstimate <= rule.max
        ? { fired: true, value: building.storeysEstimate }
        : { fired: false };
    case 'lowerThanNeighbours':
      if (neighbours === null) return { unknown: 'neighbourHeight' };
      return neighbours.differenceM <= -rule.minDifferenceM
        ? { fired: true, value: neighbours.differenceM }
        : { fired: false };
    case 'floorAreaPerDwelling': {
      if (building.floorAreaM2 === null) return { unknown: 'floorAreaM2' };
      if (building.dwellings === null) return { unknown: 'dwellings' };
      if (building.dwellings === 0) return { fired: false };
      const perDwelling = building.floorAreaM2 / building.dwellings;
      return perDwelling >= rule.minM2 ? { fired: true, value: Math.round(perDwelling) } : { fired: false };
    }
    case 'footprintAreaRange':
      return building.footprintAreaM2 >= rule.minM2 && building.footprintAreaM2 <= rule.maxM2
        ? { fired: true, value: Math.round(building.footprintAreaM2) }
        : { fired: false };
    case 'dwellingType': {
      if (building.dwellingType === null) return { unknown: 'dwellingType' };
      const type = building.dwellingType.trim().toLowerCase();
      return rule.values.some((value) => value.toLowerCase() === type)
        ? { fired: true, value: building.dwellingType.trim() }
        : { fired: false };
    }
    case 'useFunction': {
      if (building.useFunctions === null) return { unknown: 'useFunctions' };
      if (rule.requireNoWoonfunctie && building.useFunctions.includes('woonfunctie')) return { fired: false };
      const matched = rule.values.filter((value) => building.useFunctions?.includes(value));
      return matched.length > 0 ? { fired: true, value: matched.join(', ') } : { fired: false };
    }
    case 'vacancy':
      if (building.vacant === null) return { unknown: 'vacant' };
      return building.vacant ? { fired: true, value: null } : { fired: false };
  }
}

function scoreKind(rules: readonly OpportunityRule[], building: ScoringInput, neighbours: NeighbourHeight | null): KindScore {
  const reasons: OpportunityReason[] = [];
  const unknown: UnknownFact[] = [];
  for (const rule of rules) {
    const evaluation = evaluate(rule, building, neighbours);
    if ('unknown' in evaluation) {
      unknown.push({ code: rule.code, missing: evaluation.unknown });
    } else if (evaluation.fired) {
      reasons.push({
        code: rule.code,
        text_nl: renderText(rule.text_nl, evaluation.value, 'nl'),
        text_en: renderText(rule.text_en, evaluation.value, 'en'),
        points: rule.points,
        value: evaluation.value,
      });
    }
  }
  const total = reasons.reduce((sum, reason) => sum + reason.points, 0);
  return { score: Math.min(100, Math.max(0, total)), reasons, unknown };
}

/**
 * Scores one building for each opportunity kind.
 *
 * Method: additive points system — every rule of a kind whose condition holds adds its `points`; the score is
 * the sum clamped to 0..100 (integers, no rounding needed since points are integers). Rules whose input is
 * unknown do not fire and are listed in `unknown`. Rules and weights come from the rule set passed in (default
 * data/opportunities/rules-v1.json: Cirkelstad guide §5.1/§8.1 for the three kinds, thresholds are documented
 * expert assumptions). Pass `neighbours` (from {@link computeNeighbourHeights}) for the "lager dan buren" rule.
 */
export function scoreBuilding(
  building: ScoringInput,
  rules: OpportunityRules,
  neighbours: NeighbourHeight | null = null,
): BuildingOpportunities {
  return {
    rulesVersion: rules.version,
    splitsen: scoreKind(rules.kinds.splitsen, building, neighbours),
    optoppen: scoreKind(rules.kinds.optoppen, building, neighbours),
    transformatie: scoreKind(rules.kinds.transformatie, building, neighbours),
  };
}

export interface ScoredBuilding {
  bagId: string;
  neighbours: NeighbourHeight | null;
  opportunities: BuildingOpportunities;
}

/**
 * Scores a set of buildings (a tile, a municipality): computes each building's height against its neighbours
 * (radius and minimum count from `rules.neighbours`) and then {@link scoreBuilding} for each.
 */
export function scoreStock(
  buildings: readonly (ScoringInput & Pick<StockBuilding, 'bagId' | 'centroid'>)[],
  rules: OpportunityRules,
): ScoredBuilding[] {
  const heights = computeNeighbourHeights(buildings, rules.neighbours);
  return buildings.map((building) => {
    const neighbours = heights.get(building.bagId) ?? null;
    return { bagId: building.bagId, neighbours, opportunities: scoreBuilding(building, rules, neighbours) };
  });
}

export { opportunityKinds, type OpportunityKind };
