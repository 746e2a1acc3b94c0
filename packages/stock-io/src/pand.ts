/**
 * Turns one BAG pand (footprint rings in RD New + 3D BAG / BAG attributes) into a {@link StockBuilding}.
 * Shared by the CityJSON and GeoJSON readers; reads both 3D BAG attribute generations (v21.09 `dak_type`,
 * `h_dak_max` … and v2023+ `b3_dak_type`, `b3_h_dak_max`, `b3_bouwlagen` …).
 */
import { estimateStoreys, roofTypes, type RoofType, type StockBuilding } from '@kringbouw/domain/opportunities';
import { cleanRing, polygonArea, polygonCentroid, toWgs84Polygon, type Point2 } from './geometry.ts';
import type { ImportIssue } from './issues.ts';
import { isPlausibleRd, rdToWgs84, round6 } from './rd.ts';

const PAND_PREFIX = 'NL.IMBAG.Pand.';

/** 16-digit BAG pand id from `NL.IMBAG.Pand.0503100000004247`, `0503100000004247` or a number; null if not one. */
export function normalisePandId(value: unknown): string | null {
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value).padStart(16, '0') : typeof value === 'string' ? value.trim() : '';
  const digits = text.startsWith(PAND_PREFIX) ? text.slice(PAND_PREFIX.length) : text;
  // Object type code "10" (pand) at positions 5–6 of the BAG identificatie.
  return /^\d{4}10\d{10}$/.test(digits) ? digits : null;
}

function numberAttribute(attributes: Record<string, unknown>, names: readonly string[]): number | null {
  for (const name of names) {
    const value = attributes[name];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  }
  return null;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

export type PandResult = { building: StockBuilding; warnings: ImportIssue[] } | { error: ImportIssue };

/**
 * @param rings exterior ring then holes, RD New metres, open or closed.
 */
export function buildPand({ id, rings, attributes, row }: { id: unknown; rings: Point2[][]; attributes: Record<string, unknown>; row?: number }): PandResult {
  const bagId = normalisePandId(id);
  const shownId = typeof id === 'string' ? id : String(id ?? '');
  const at = row === undefined ? {} : { row };
  if (bagId === null) {
    return { error: { severity: 'error', id: shownId, ...at, column: 'identificatie', reason: `"${shownId}" is not a BAG pand identificatie (16 digits with object type 10)` } };
  }
  const cleaned = rings.map(cleanRing).filter((ring) => ring.length > 0);
  const outer = cleaned[0];
  if (!outer || outer.length < 3) {
    return { error: { severity: 'error', id: bagId, ...at, reason: 'footprint has fewer than 3 distinct points' } };
  }
  const outside = cleaned.flat().find((point) => !Number.isFinite(point[0]) || !Number.isFinite(point[1]) || !isPlausibleRd(point));
  if (outside) {
    return { error: { severity: 'error', id: bagId, ...at, reason: `coordinate (${outside[0]}, ${outside[1]}) is outside RD New (EPSG:28992)` } };
  }
  const polygon = { rings: cleaned };
  const area = polygonArea(polygon);
  if (!(area >= 0.01)) {
    return { error: { severity: 'error', id: bagId, ...at, reason: `footprint area ${round2(area)} m² is zero or negative (degenerate or self-intersecting)` } };
  }

  const warnings: ImportIssue[] = [];
  const yearValue = numberAttribute(attributes, ['oorspronkelijkbouwjaar', 'bouwjaar']);
  let buildYear: number | null = null;
  if (yearValue !== null) {
    if (Number.isInteger(yearValue) && yearValue >= 1000 && yearValue <= 2100) buildYear = yearValue;
    else warnings.push({ severity: 'warning', id: bagId, ...at, column: 'oorspronkelijkbouwjaar', reason: `build year ${yearValue} is not plausible; treated as unknown` });
  }

  const roofValue = attributes['b3_dak_type'] ?? attributes['dak_type'];
  let roofType: RoofType | null = null;
  if (typeof roofValue === 'string' && (roofTypes as readonly string[]).includes(roofValue)) roofType = roofValue as RoofType;
  else if (roofValue !== undefined && roofValue !== null) {
    warnings.push({ severity: 'warning', id: bagId, ...at, column: 'dak_type', reason: `unknown roof type "${String(roofValue)}"; treated as unknown` });
  }

  const ground = numberAttribute(attributes, ['b3_h_maaiveld', 'h_maaiveld']);
  const roofMax = numberAttribute(attributes, ['b3_h_dak_max', 'h_dak_max']);
  const roof70 = numberAttribute(attributes, ['b3_h_dak_70p', 'h_dak_70p']);
  const heightM = ground !== null && roofMax !== null ? round2(roofMax - ground) : null;
  const representative = ground !== null && roof70 !== null ? roof70 - ground : heightM;
  const bouwlagen = numberAttribute(attributes, ['b3_bouwlagen']);
  const storeysEstimate = bouwlagen !== null && Number.isInteger(bouwlagen) && bouwlagen > 0 ? bouwlagen : estimateStoreys(representative);

  const [cx, cy] = polygonCentroid(polygon);
  const [lon, lat] = rdToWgs84([cx, cy]);
  return {
    building: {
      bagId,
      footprint: toWgs84Polygon(polygon),
      footprintAreaM2: round2(area),
      buildYear,
      roofType,
      heightM,
      storeysEstimate,
      centroid: [round6(lon), round6(lat)],
      useFunctions: null,
      dwellings: null,
      floorAreaM2: null,
      vacant: null,
      dwellingType: null,
    },
    warnings,
  };
}
