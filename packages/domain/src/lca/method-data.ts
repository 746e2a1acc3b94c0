/**
 * Versioned method data (packages/domain/data/methods/*.json): shadow / environmental prices, MPG limits, HNN levels,
 * LI v2.0 scores, MCI assumptions and method defaults. Every value carries its source and verification status in the
 * file; this module only reads and types them.
 */
import a1PricesJson from '../../data/methods/nmd-shadow-prices-a1.json' with { type: 'json' };
import a2PricesJson from '../../data/methods/environmental-prices-a2.json' with { type: 'json' };
import mpgLimitsJson from '../../data/methods/mpg-limits.json' with { type: 'json' };
import hnnJson from '../../data/methods/hnn-levels.json' with { type: 'json' };
import liJson from '../../data/methods/detachability-li-v2.json' with { type: 'json' };
import mciJson from '../../data/methods/mci.json' with { type: 'json' };
import defaultsJson from '../../data/methods/lca-defaults.json' with { type: 'json' };
import synonymsJson from '../../data/material-synonyms.json' with { type: 'json' };
import type {
  A1Category, A2Category, Accessibility, ConnectionType, CrossingType, EdgeContainment, LcaBuildingType, NmdCategory,
  UseFunction, WeightingSet,
} from './model.ts';

export type Verification = string;

export interface Price { unit: string; eurPerUnit: number; verification: Verification }

export interface MpgLimitEntry {
  useFunction: UseFunction;
  weightingSet: WeightingSet;
  from: string | null;
  limit: number;
  inForce: boolean;
  minFloorAreaM2?: number;
  verification: Verification;
  source: string;
}

export interface HnnIndicatorLevel {
  id: 'mpg' | 'embodiedCarbon' | 'storedCarbon' | 'materialOrigin' | 'detachability' | 'reusePotential';
  theme: string;
  name: string;
  category: string;
  comparison: 'max' | 'min' | 'none';
  unit: string;
  weightingSet?: WeightingSet;
  levels: Record<LcaBuildingType, number | null>;
  note?: string;
}

export interface SynonymConcept { id: string; nl: string[]; en: string[]; de: string[]; default: string }

export interface MethodData {
  a1Prices: { version: string; prices: Partial<Record<A1Category, Price>>; adpfMjToKgSbEq: number };
  a2Prices: { version: string; prices: Partial<Record<A2Category, Price>>; unpriced: Partial<Record<A2Category, string>> };
  mpgLimits: { version: string; entries: MpgLimitEntry[]; relaxedNote: string };
  hnn: { version: string; indicators: HnnIndicatorLevel[]; parisProofScope: string[]; parisProofNote: string };
  detachability: {
    version: string;
    connection: Record<ConnectionType, number>;
    accessibility: Record<Accessibility, number>;
    crossings: Record<CrossingType, number>;
    edgeContainment: Record<EdgeContainment, number>;
  };
  mci: { version: string; efficiencyFeedstock: number; efficiencyEndOfLife: number; utilityX: number };
  defaults: {
    version: string;
    rspYears: Record<UseFunction, number>;
    defaultUseFunction: Record<LcaBuildingType, UseFunction>;
    categorySurcharge: Record<NmdCategory, number>;
    co2PerC: number;
    en16449CarbonFraction: number;
    timberDefaultMoisturePct: number;
  };
  synonyms: { version: string; concepts: SynonymConcept[] };
}

/** The shipped method data. */
export const methodData: MethodData = {
  a1Prices: {
    version: a1PricesJson.version,
    prices: a1PricesJson.prices,
    adpfMjToKgSbEq: a1PricesJson.adpfMjToKgSbEq.value,
  },
  a2Prices: { version: a2PricesJson.version, prices: a2PricesJson.prices, unpriced: a2PricesJson.unpriced },
  mpgLimits: {
    version: mpgLimitsJson.version,
    entries: mpgLimitsJson.entries as MpgLimitEntry[],
    relaxedNote: mpgLimitsJson.relaxedLimits.note,
  },
  hnn: {
    version: hnnJson.version,
    indicators: hnnJson.indicators as HnnIndicatorLevel[],
    parisProofScope: hnnJson.parisProof.scope,
    parisProofNote: hnnJson.parisProof.note,
  },
  detachability: {
    version: liJson.version,
    connection: liJson.factors.connection.scores,
    accessibility: liJson.factors.accessibility.scores,
    crossings: liJson.factors.crossings.scores,
    edgeContainment: liJson.factors.edgeContainment.scores,
  },
  mci: {
    version: mciJson.version,
    efficiencyFeedstock: mciJson.assumptions.recyclingEfficiencyFeedstock.value,
    efficiencyEndOfLife: mciJson.assumptions.recyclingEfficiencyEndOfLife.value,
    utilityX: mciJson.assumptions.utilityX.value,
  },
  defaults: {
    version: defaultsJson.version,
    rspYears: defaultsJson.referenceStudyPeriod.years,
    defaultUseFunction: defaultsJson.defaultUseFunction as Record<LcaBuildingType, UseFunction>,
    categorySurcharge: defaultsJson.categorySurcharge.factors,
    co2PerC: defaultsJson.biogenicCarbon.co2PerC.value,
    en16449CarbonFraction: defaultsJson.biogenicCarbon.en16449CarbonFraction.value,
    timberDefaultMoisturePct: defaultsJson.biogenicCarbon.timberDefaultMoisturePct.value,
  },
  synonyms: { version: synonymsJson.version, concepts: synonymsJson.concepts },
};

/** Versions of every method data file, as recorded in results. */
export function methodDataVersions(data: MethodData): Record<string, string> {
  return {
    'nmd-shadow-prices-a1': data.a1Prices.version,
    'environmental-prices-a2': data.a2Prices.version,
    'mpg-limits': data.mpgLimits.version,
    'hnn-levels': data.hnn.version,
    'detachability-li-v2': data.detachability.version,
    mci: data.mci.version,
    'lca-defaults': data.defaults.version,
    'material-synonyms': data.synonyms.version,
  };
}

export interface MpgLimitLookup {
  limit: number | null;
  entry?: MpgLimitEntry;
  planned?: MpgLimitEntry;
  notes: string[];
}

/**
 * MPG limit (€/m² BVO/yr) for a permit date, use function, floor area and weighting set: the latest in-force entry
 * whose `from` date is on or before the permit date (without a permit date: the latest in-force entry). Offices only
 * have a limit above 100 m². Source: data/methods/mpg-limits.json.
 */
export function lookupMpgLimit(
  data: MethodData,
  query: { useFunction: UseFunction; weightingSet: WeightingSet; bvoM2: number; permitDate?: string | undefined },
): MpgLimitLookup {
  const notes: string[] = [];
  const candidates = data.mpgLimits.entries.filter((e) => e.useFunction === query.useFunction && e.weightingSet === query.weightingSet);
  const inForce = candidates
    .filter((e) => e.inForce && e.from !== null && (query.permitDate === undefined || e.from <= query.permitDate))
    .sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
  const planned = candidates.find((e) => !e.inForce);
  const entry = inForce[inForce.length - 1];
  if (query.permitDate === undefined) notes.push('Geen vergunningsdatum opgegeven: de meest recente geldende grenswaarde is gebruikt.');
  if (!entry) {
    notes.push(
      query.weightingSet === 'a2'
        ? 'Voor de A2-weging geldt nog geen wettelijke MPG-grenswaarde.'
        : `Geen wettelijke MPG-grenswaarde voor ${query.useFunction} op deze datum.`,
    );
    return { limit: null, ...(planned && { planned }), notes };
  }
  if (entry.minFloorAreaM2 !== undefined && query.bvoM2 <= entry.minFloorAreaM2) {
    notes.push(`De MPG-eis geldt voor ${query.useFunction} pas boven ${entry.minFloorAreaM2} m².`);
    return { limit: null, entry, notes };
  }
  if (query.useFunction === 'woonfunctie') notes.push(`Afwijkende grenswaarde voor kleine woningen niet toegepast: ${data.mpgLimits.relaxedNote}`);
  return { limit: entry.limit, entry, ...(planned && { planned }), notes };
}
