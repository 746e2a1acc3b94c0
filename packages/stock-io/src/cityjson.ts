/**
 * 3D BAG CityJSON tiles (CityJSON 1.0 – 2.0, CRS EPSG:7415 = RD New + NAP, or EPSG:28992) → {@link StockBuilding}s.
 *
 * Footprint: the LoD0 MultiSurface of the `Building` (3D BAG ≤ v21.09); when a building has none, the
 * GroundSurface of the LoD1.2 Solid of its `BuildingPart` child (3D BAG v2023+ keeps geometry on the parts only).
 * A tile is one JSON document, so it is parsed whole; for many tiles call this per tile.
 */
import type { StockBuilding } from '@kringbouw/domain/opportunities';
import type { Point2 } from './geometry.ts';
import { StockFileError, type ImportIssue } from './issues.ts';
import { buildPand } from './pand.ts';

interface CityJsonGeometry {
  type?: unknown;
  lod?: unknown;
  boundaries?: unknown;
  semantics?: { surfaces?: { type?: unknown }[]; values?: unknown };
}

interface CityObject {
  type?: unknown;
  attributes?: Record<string, unknown>;
  geometry?: CityJsonGeometry[];
  children?: unknown;
}

export interface CityJsonReadResult {
  buildings: StockBuilding[];
  /** Errors (feature skipped; an import must reject the file) and warnings (feature kept). */
  issues: ImportIssue[];
  /** EPSG code of the file's reference system. */
  epsg: number;
  /** Number of `Building` objects in the file. */
  buildingObjects: number;
}

const ACCEPTED_EPSG = new Set([7415, 28992]);

function readEpsg(metadata: unknown): number | null {
  if (typeof metadata !== 'object' || metadata === null) return null;
  const reference = (metadata as { referenceSystem?: unknown }).referenceSystem;
  if (typeof reference !== 'string') return null;
  const match = /(\d+)\s*$/.exec(reference);
  return match ? Number(match[1]) : null;
}

type Ring = number[];
type Surface = Ring[];

function isRing(value: unknown): value is Ring {
  return Array.isArray(value) && value.every((index) => Number.isInteger(index));
}
function isSurface(value: unknown): value is Surface {
  return Array.isArray(value) && value.length > 0 && value.every(isRing);
}

function lodOf(geometry: CityJsonGeometry): number {
  return typeof geometry.lod === 'number' ? geometry.lod : Number(geometry.lod);
}

/** The footprint surface (rings of vertex indices) of a building, or a reason why there is none. */
function findFootprint(object: CityObject, objects: Record<string, CityObject>): { surface: Surface; surfaces: number } | string {
  const lod0 = (object.geometry ?? []).find((g) => lodOf(g) === 0 && g.type === 'MultiSurface');
  if (lod0) {
    const surfaces = Array.isArray(lod0.boundaries) ? lod0.boundaries.filter(isSurface) : [];
    if (surfaces.length === 0) return 'LoD0 footprint has no valid surface';
    const [first] = surfaces;
    return first ? { surface: first, surfaces: surfaces.length } : 'LoD0 footprint has no valid surface';
  }
  const children = Array.isArray(object.children) ? object.children.filter((c): c is string => typeof c === 'string') : [];
  for (const childId of children) {
    const child = objects[childId];
    const solid = (child?.geometry ?? []).find((g) => g.type === 'Solid' && Math.abs(lodOf(g) - 1.2) < 1e-9);
    if (!solid || !Array.isArray(solid.boundaries)) continue;
    const shell = solid.boundaries[0];
    const surfaceTypes = solid.semantics?.surfaces ?? [];
    const values = solid.semantics?.values;
    const shellValues = Array.isArray(values) && Array.isArray(values[0]) ? (values[0] as unknown[]) : [];
    if (!Array.isArray(shell)) continue;
    for (let i = 0; i < shell.length; i += 1) {
      const valueIndex = shellValues[i];
      const surfaceType = typeof valueIndex === 'number' ? surfaceTypes[valueIndex]?.type : undefined;
      const surface: unknown = shell[i];
      if (surfaceType === 'GroundSurface' && isSurface(surface)) return { surface, surfaces: 1 };
    }
  }
  return 'no LoD0 footprint and no LoD1.2 GroundSurface';
}

/**
 * Reads a 3D BAG CityJSON tile. Throws {@link StockFileError} when the document is not CityJSON or not in RD New;
 * per-building problems are returned as issues (with the BAG id).
 */
export function readCityJson(input: string | object): CityJsonReadResult {
  let document: unknown = input;
  if (typeof input === 'string') {
    try {
      document = JSON.parse(input);
    } catch (error) {
      throw new StockFileError(`Not valid JSON: ${(error as Error).message}`);
    }
  }
  if (typeof document !== 'object' || document === null || (document as { type?: unknown }).type !== 'CityJSON') {
    throw new StockFileError('Not a CityJSON document (expected "type": "CityJSON")');
  }
  const city = document as { CityObjects?: unknown; vertices?: unknown; transform?: unknown; metadata?: unknown; version?: unknown };
  const epsg = readEpsg(city.metadata);
  if (epsg === null || !ACCEPTED_EPSG.has(epsg)) {
    throw new StockFileError(`CityJSON reference system must be EPSG:7415 or EPSG:28992 (RD New), found ${epsg === null ? 'none' : `EPSG:${epsg}`}`);
  }
  if (typeof city.CityObjects !== 'object' || city.CityObjects === null || !Array.isArray(city.vertices)) {
    throw new StockFileError('CityJSON without CityObjects or vertices');
  }
  const vertices = city.vertices as unknown[];
  const transform = city.transform as { scale?: unknown; translate?: unknown } | undefined;
  const scale = Array.isArray(transform?.scale) ? (transform.scale as number[]) : [1, 1, 1];
  const translate = Array.isArray(transform?.translate) ? (transform.translate as number[]) : [0, 0, 0];
  const [sx = 1, sy = 1] = scale;
  const [tx = 0, ty = 0] = translate;

  const objects = city.CityObjects as Record<string, CityObject>;
  const buildings: StockBuilding[] = [];
  const issues: ImportIssue[] = [];
  let buildingObjects = 0;

  for (const [key, object] of Object.entries(objects)) {
    if (object.type !== 'Building') continue;
    buildingObjects += 1;
    const attributes = object.attributes ?? {};
    const id = attributes['identificatie'] ?? key;
    const footprint = findFootprint(object, objects);
    if (typeof footprint === 'string') {
      issues.push({ severity: 'error', id: String(id), reason: footprint });
      continue;
    }
    let badIndex: number | null = null;
    if (footprint.surfaces > 1) {
      issues.push({ severity: 'warning', id: String(id), reason: `LoD0 footprint has ${footprint.surfaces} surfaces; only the first is used` });
    }
    const rings: Point2[][] = footprint.surface.map((ring) =>
      ring.map((index) => {
        const vertex = vertices[index];
        if (!Array.isArray(vertex) || typeof vertex[0] !== 'number' || typeof vertex[1] !== 'number') {
          badIndex = index;
          return [Number.NaN, Number.NaN] as Point2;
        }
        return [vertex[0] * sx + tx, vertex[1] * sy + ty] as Point2;
      }),
    );
    if (badIndex !== null) {
      issues.push({ severity: 'error', id: String(id), reason: `footprint refers to vertex ${badIndex}, which does not exist (${vertices.length} vertices)` });
      continue;
    }
    const result = buildPand({ id, rings, attributes });
    if ('error' in result) issues.push(result.error);
    else {
      buildings.push(result.building);
      issues.push(...result.warnings);
    }
  }
  return { buildings, issues, epsg, buildingObjects };
}
