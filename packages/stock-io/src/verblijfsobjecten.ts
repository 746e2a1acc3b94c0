/**
 * BAG verblijfsobjecten (units: dwellings, offices, shops …) and their join onto panden: use functions, floor area,
 * number of dwellings and vacancy per building. Field names follow the BAG as PDOK publishes it (WFS/OGC API
 * `bag:verblijfsobject`, BAG 2.0 extract): identificatie, gebruiksdoel, oppervlakte, status, pandidentificatie.
 */
import { bagGebruiksdoelen, type BagGebruiksdoel, type StockBuilding } from '@kringbouw/domain/opportunities';
import type { ImportIssue } from './issues.ts';

/** Verblijfsobject statuses of the BAG (Catalogus BAG 2018). */
export const verblijfsobjectStatuses = [
  'Verblijfsobject gevormd',
  'Niet gerealiseerd verblijfsobject',
  'Verblijfsobject in gebruik (niet ingemeten)',
  'Verblijfsobject in gebruik',
  'Verbouwing verblijfsobject',
  'Verblijfsobject ingetrokken',
  'Verblijfsobject buiten gebruik',
  'Verblijfsobject ten onrechte opgevoerd',
] as const;
export type VerblijfsobjectStatus = (typeof verblijfsobjectStatuses)[number];

/** Statuses of units that do not (or no longer) exist: left out of the aggregation. */
const nonExisting: ReadonlySet<VerblijfsobjectStatus> = new Set([
  'Niet gerealiseerd verblijfsobject',
  'Verblijfsobject ingetrokken',
  'Verblijfsobject ten onrechte opgevoerd',
]);

export interface Verblijfsobject {
  /** 16 digits, object type 01. */
  identificatie: string;
  gebruiksdoelen: BagGebruiksdoel[];
  /** Gebruiksoppervlakte (NEN 2580), whole m². */
  oppervlakte: number;
  status: VerblijfsobjectStatus;
  /** Panden the unit lies in (usually one). */
  pandIds: string[];
}

const VBO_PREFIX = 'NL.IMBAG.Verblijfsobject.';
const PAND_PREFIX = 'NL.IMBAG.Pand.';

function stripPrefix(value: string, prefix: string): string {
  const trimmed = value.trim();
  return trimmed.startsWith(prefix) ? trimmed.slice(prefix.length) : trimmed;
}

type FieldResult<T> = { value: T } | { error: string };

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return '';
}

/**
 * Validates one verblijfsobject record (from GeoJSON properties or a CSV row). All field problems of the record
 * are returned, each with its column.
 */
export function parseVerblijfsobject(
  record: Record<string, unknown>,
  at: { row?: number },
): { value: Verblijfsobject } | { issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const rawId = text(record['identificatie']);
  const identificatie = stripPrefix(rawId, VBO_PREFIX);
  const id = identificatie || undefined;
  const fail = (column: string, reason: string) => issues.push({ severity: 'error', ...(id ? { id } : {}), ...at, column, reason });

  if (!/^\d{4}01\d{10}$/.test(identificatie)) fail('identificatie', `"${rawId}" is not a verblijfsobject identificatie (16 digits with object type 01)`);

  const doelen = text(record['gebruiksdoel'])
    .split(/[,;|]/)
    .map((d) => d.trim().toLowerCase())
    .filter((d) => d !== '');
  const unknownDoel = doelen.find((d) => !(bagGebruiksdoelen as readonly string[]).includes(d));
  if (doelen.length === 0) fail('gebruiksdoel', 'gebruiksdoel is empty');
  else if (unknownDoel) fail('gebruiksdoel', `"${unknownDoel}" is not a BAG gebruiksdoel (${bagGebruiksdoelen.join(', ')})`);

  const area = parseArea(record['oppervlakte']);
  if ('error' in area) fail('oppervlakte', area.error);

  const status = text(record['status']).trim();
  if (!(verblijfsobjectStatuses as readonly string[]).includes(status)) fail('status', `"${status}" is not a BAG verblijfsobject status`);

  const pandIds = text(record['pandidentificatie'])
    .split(/[,;|]/)
    .map((p) => stripPrefix(p, PAND_PREFIX))
    .filter((p) => p !== '');
  const badPand = pandIds.find((p) => !/^\d{4}10\d{10}$/.test(p));
  if (pandIds.length === 0) fail('pandidentificatie', 'pandidentificatie is empty');
  else if (badPand) fail('pandidentificatie', `"${badPand}" is not a BAG pand identificatie`);

  if (issues.length > 0 || 'error' in area) return { issues };
  return {
    value: {
      identificatie,
      gebruiksdoelen: doelen as BagGebruiksdoel[],
      oppervlakte: area.value,
      status: status as VerblijfsobjectStatus,
      pandIds: [...new Set(pandIds)],
    },
  };
}

function parseArea(value: unknown): FieldResult<number> {
  const raw = typeof value === 'number' ? value : Number(text(value).trim());
  if (text(value).trim() === '') return { error: 'oppervlakte is empty' };
  // The BAG records gebruiksoppervlakte in whole m², 1 – 999 999.
  if (!Number.isInteger(raw) || raw < 1 || raw > 999_999) return { error: `oppervlakte "${text(value)}" must be a whole number of m² between 1 and 999999` };
  return { value: raw };
}

export interface JoinResult {
  buildings: StockBuilding[];
  issues: ImportIssue[];
}

/**
 * Adds use functions, dwellings, floor area and vacancy from verblijfsobjecten to the buildings.
 *
 * Method: units with a non-existing status (niet gerealiseerd, ingetrokken, ten onrechte opgevoerd) are skipped.
 * useFunctions = union of the units' gebruiksdoelen; dwellings = number of units with woonfunctie; floorAreaM2 =
 * sum of gebruiksoppervlakte; vacant = every unit has status "Verblijfsobject buiten gebruik" (the BAG has no
 * vacancy register; this is the closest public proxy). A unit in several panden counts fully in each (BAG
 * gives no split). A pand without units — when the extract covers its area — gets useFunctions [] and dwellings 0
 * (in the BAG such panden are sheds, garages, transformer houses); floor area and vacancy stay unknown.
 * Units whose pand is not among the buildings are reported as warnings.
 */
export function joinVerblijfsobjecten(buildings: readonly StockBuilding[], units: readonly Verblijfsobject[]): JoinResult {
  const byPand = new Map<string, Verblijfsobject[]>();
  const issues: ImportIssue[] = [];
  const known = new Set(buildings.map((b) => b.bagId));
  for (const unit of units) {
    if (nonExisting.has(unit.status)) continue;
    for (const pandId of unit.pandIds) {
      if (!known.has(pandId)) {
        issues.push({ severity: 'warning', id: unit.identificatie, column: 'pandidentificatie', reason: `pand ${pandId} is not among the imported buildings` });
        continue;
      }
      const list = byPand.get(pandId);
      if (list) list.push(unit);
      else byPand.set(pandId, [unit]);
    }
  }
  const joined = buildings.map((building): StockBuilding => {
    const list = byPand.get(building.bagId);
    if (!list) return { ...building, useFunctions: [], dwellings: 0, floorAreaM2: null, vacant: null };
    const functions = new Set<BagGebruiksdoel>();
    for (const unit of list) for (const doel of unit.gebruiksdoelen) functions.add(doel);
    return {
      ...building,
      useFunctions: bagGebruiksdoelen.filter((d) => functions.has(d)),
      dwellings: list.filter((u) => u.gebruiksdoelen.includes('woonfunctie')).length,
      floorAreaM2: list.reduce((sum, u) => sum + u.oppervlakte, 0),
      vacant: list.every((u) => u.status === 'Verblijfsobject buiten gebruik'),
    };
  });
  return { buildings: joined, issues };
}
