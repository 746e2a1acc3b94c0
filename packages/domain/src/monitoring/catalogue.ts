/**
 * The monitoring indicator catalogue (data/monitoring/indicators.json): unit, direction, whether the engine computes
 * it and which Het Nieuwe Normaal indicator it is checked against. HNN levels are only read from
 * data/methods/hnn-levels.json (through the lca method data), never copied here.
 */
import catalogueJson from '../../data/monitoring/indicators.json' with { type: 'json' };
import { methodData, type HnnIndicatorLevel, type MethodData } from '../lca/method-data.ts';
import type { LcaBuildingType } from '../lca/model.ts';

export const indicatorIds = ['mpg', 'mki', 'embodiedCarbon', 'storedCarbon', 'materialOrigin', 'detachability', 'mci', 'dwellings', 'industrialisedShare'] as const;
export type IndicatorId = (typeof indicatorIds)[number];

export type Direction = 'lower' | 'higher' | 'none';

export interface CatalogueIndicator {
  id: IndicatorId;
  nl: string;
  en: string;
  unit: string;
  direction: Direction;
  decimals: number;
  hnn: HnnIndicatorLevel['id'] | null;
  computed: IndicatorId | null;
  declarable: boolean;
  officialSource: string;
}

export interface IndicatorCatalogue {
  version: string;
  indicators: CatalogueIndicator[];
}

function isIndicatorId(value: string): value is IndicatorId {
  return (indicatorIds as readonly string[]).includes(value);
}

function loadCatalogue(): IndicatorCatalogue {
  const indicators = catalogueJson.indicators.map((raw): CatalogueIndicator => {
    if (!isIndicatorId(raw.id)) throw new Error(`indicators.json: unknown indicator id "${raw.id}"`);
    if (raw.direction !== 'lower' && raw.direction !== 'higher' && raw.direction !== 'none') throw new Error(`indicators.json: indicator ${raw.id}: direction "${raw.direction}"`);
    const hnn = raw.hnn === null ? null : methodData.hnn.indicators.find((h) => h.id === raw.hnn)?.id;
    if (hnn === undefined) throw new Error(`indicators.json: indicator ${raw.id}: no HNN indicator "${String(raw.hnn)}" in hnn-levels.json`);
    if (raw.computed !== null && !isIndicatorId(raw.computed)) throw new Error(`indicators.json: indicator ${raw.id}: computed "${raw.computed}"`);
    return { ...raw, id: raw.id, direction: raw.direction, hnn, computed: raw.computed as IndicatorId | null };
  });
  return { version: catalogueJson.version, indicators };
}

/** The shipped catalogue (validated when the module loads). */
export const indicatorCatalogue: IndicatorCatalogue = loadCatalogue();

export function catalogueIndicator(id: IndicatorId, catalogue: IndicatorCatalogue = indicatorCatalogue): CatalogueIndicator {
  const found = catalogue.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`indicator ${id} is not in the catalogue`);
  return found;
}

export type HnnStatus = 'voldoet' | 'voldoet niet' | 'geen niveau' | 'niet berekend';

export interface HnnLevelCheck {
  /** The HNN level for the building type, in the indicator's unit; null when HNN sets none. */
  level: number | null;
  comparison: 'max' | 'min' | 'none';
  status: HnnStatus;
  hnnVersion: string;
}

/**
 * Checks a value against the Het Nieuwe Normaal Gebouw 1.0 base level for the building type
 * (hnn-levels.json: `max` = value ≤ level, `min` = value ≥ level; no rounding — the value is compared as given).
 * Indicators without an HNN counterpart, or without a level for this building type, give `geen niveau`.
 */
export function checkHnnLevel(indicatorId: IndicatorId, value: number | null, buildingType: LcaBuildingType, data: MethodData = methodData, catalogue: IndicatorCatalogue = indicatorCatalogue): HnnLevelCheck {
  const indicator = catalogueIndicator(indicatorId, catalogue);
  const hnn = indicator.hnn === null ? undefined : data.hnn.indicators.find((h) => h.id === indicator.hnn);
  const level = hnn?.levels[buildingType] ?? null;
  const comparison = hnn?.comparison ?? 'none';
  let status: HnnStatus;
  if (value === null) status = 'niet berekend';
  else if (level === null || comparison === 'none') status = 'geen niveau';
  else status = (comparison === 'max' ? value <= level : value >= level) ? 'voldoet' : 'voldoet niet';
  return { level: comparison === 'none' ? null : level, comparison, status, hnnVersion: data.hnn.version };
}
