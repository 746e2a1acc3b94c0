/**
 * BAG / 3D BAG GeoJSON: panden with footprints (3D BAG footprint extracts, PDOK `bag:pand`) and verblijfsobjecten
 * (PDOK `bag:verblijfsobject`, points). A feature is a verblijfsobject when its properties carry `gebruiksdoel`
 * together with `pandidentificatie`; otherwise it must be a pand with a Polygon/MultiPolygon footprint.
 *
 * Coordinates: RD New or WGS84. The CRS is taken from the `crs` member when present (urn:ogc:def:crs:EPSG::28992),
 * else per feature from the magnitude of the coordinates (|x| ≤ 180 and |y| ≤ 90 ⇒ lon/lat, else RD metres) —
 * the two cannot be confused inside the Netherlands.
 */
import type { StockBuilding } from '@kringbouw/domain/opportunities';
import type { Point2 } from './geometry.ts';
import { StockFileError, type ImportIssue } from './issues.ts';
import { streamGeoJsonFeatures } from './json-stream.ts';
import { buildPand } from './pand.ts';
import { wgs84ToRd } from './rd.ts';
import { parseVerblijfsobject, type Verblijfsobject } from './verblijfsobjecten.ts';

export type BagGeoJsonItem =
  | { kind: 'pand'; building: StockBuilding }
  | { kind: 'verblijfsobject'; verblijfsobject: Verblijfsobject }
  | { kind: 'issue'; issue: ImportIssue };

type Crs = 'rd' | 'wgs84' | 'auto';

function crsFromMember(crs: unknown): Crs {
  const name = (crs as { properties?: { name?: unknown } } | undefined)?.properties?.name;
  if (typeof name !== 'string') return 'auto';
  if (/(28992|7415)\s*$/.test(name)) return 'rd';
  if (/(4326|CRS84|4258)\s*$/.test(name)) return 'wgs84';
  throw new StockFileError(`Unsupported coordinate reference system "${name}" (expected EPSG:28992 or WGS84)`);
}

function isPosition(value: unknown): value is number[] {
  return Array.isArray(value) && value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number';
}

function toRd(point: number[], crs: Crs): Point2 {
  const x = point[0] ?? Number.NaN;
  const y = point[1] ?? Number.NaN;
  const lonLat = crs === 'wgs84' || (crs === 'auto' && Math.abs(x) <= 180 && Math.abs(y) <= 90);
  return lonLat ? wgs84ToRd([x, y]) : [x, y];
}

function featureToItems(feature: unknown, index: number, crs: Crs): BagGeoJsonItem[] {
  if (typeof feature !== 'object' || feature === null || (feature as { type?: unknown }).type !== 'Feature') {
    return [{ kind: 'issue', issue: { severity: 'error', row: index, reason: 'not a GeoJSON Feature' } }];
  }
  const { properties, geometry, id: featureId } = feature as { properties?: unknown; geometry?: unknown; id?: unknown };
  const props = (typeof properties === 'object' && properties !== null ? properties : {}) as Record<string, unknown>;

  if ('gebruiksdoel' in props && 'pandidentificatie' in props) {
    const parsed = parseVerblijfsobject(props, { row: index });
    if ('issues' in parsed) return parsed.issues.map((issue) => ({ kind: 'issue', issue }));
    return [{ kind: 'verblijfsobject', verblijfsobject: parsed.value }];
  }

  const id = props['identificatie'] ?? props['pand_id'] ?? featureId;
  const geom = geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
  let polygons: unknown[] = [];
  if (geom?.type === 'Polygon') polygons = [geom.coordinates];
  else if (geom?.type === 'MultiPolygon' && Array.isArray(geom.coordinates)) polygons = geom.coordinates;
  const first = polygons[0];
  if (!Array.isArray(first) || !first.every((ring) => Array.isArray(ring) && ring.every(isPosition))) {
    return [{ kind: 'issue', issue: { severity: 'error', id: String(id ?? ''), row: index, reason: `pand needs a Polygon or MultiPolygon footprint, found ${geom ? String(geom.type) : 'no geometry'}` } }];
  }
  const rings = (first as number[][][]).map((ring) => ring.map((point) => toRd(point, crs)));
  const result = buildPand({ id, rings, attributes: props, row: index });
  if ('error' in result) return [{ kind: 'issue', issue: result.error }];
  const items: BagGeoJsonItem[] = result.warnings.map((issue) => ({ kind: 'issue', issue }));
  if (polygons.length > 1) {
    items.push({ kind: 'issue', issue: { severity: 'warning', id: result.building.bagId, row: index, reason: `MultiPolygon with ${polygons.length} parts; only the first is used` } });
  }
  items.push({ kind: 'pand', building: result.building });
  return items;
}

/**
 * Streams panden, verblijfsobjecten and issues from a GeoJSON FeatureCollection or GeoJSONSeq, feature by
 * feature (see json-stream.ts). Issue `row` is the 0-based feature index.
 */
export async function* streamBagGeoJson(
  source: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  { crs = 'auto' }: { crs?: Crs } = {},
): AsyncGenerator<BagGeoJsonItem> {
  let active: Crs = crs;
  let events = 0;
  for await (const event of streamGeoJsonFeatures(source)) {
    events += 1;
    if (event.kind === 'header') {
      if (event.members['type'] !== undefined && event.members['type'] !== 'FeatureCollection') {
        throw new StockFileError(`Expected a FeatureCollection, found "${String(event.members['type'])}"`);
      }
      if (crs === 'auto') active = crsFromMember(event.members['crs']);
    } else if (event.kind === 'invalid') {
      yield { kind: 'issue', issue: { severity: 'error', row: event.index, reason: event.reason } };
    } else {
      yield* featureToItems(event.value, event.index, active);
    }
  }
  if (events === 0) throw new StockFileError('No GeoJSON found: expected a FeatureCollection or one Feature per line');
}

export interface BagGeoJsonReadResult {
  panden: StockBuilding[];
  verblijfsobjecten: Verblijfsobject[];
  issues: ImportIssue[];
}

/** Reads a whole GeoJSON document (text or parsed object); for large files use {@link streamBagGeoJson}. */
export async function readBagGeoJson(input: string | object, options: { crs?: Crs } = {}): Promise<BagGeoJsonReadResult> {
  const result: BagGeoJsonReadResult = { panden: [], verblijfsobjecten: [], issues: [] };
  const source = typeof input === 'string' ? [input] : [JSON.stringify(input)];
  for await (const item of streamBagGeoJson(source, options)) {
    if (item.kind === 'pand') result.panden.push(item.building);
    else if (item.kind === 'verblijfsobject') result.verblijfsobjecten.push(item.verblijfsobject);
    else result.issues.push(item.issue);
  }
  return result;
}
