/**
 * Picks volume, characteristic area and length from an element's IfcElementQuantity sets.
 *
 * Sets: the standard ones (Qto_*BaseQuantities, "BaseQuantities") are read first; other IfcElementQuantity sets
 * only when the standard ones give no volume or no area. Among the sets read, precedence is by quantity name
 * (volume: NetVolume, GrossVolume, then any other volume, names containing "net" first), then by set rank. The area
 * name list depends on the element's shape family (see `areaNames`). Values are in the project's units unless the
 * quantity names its own IfcNamedUnit; both are converted to m, m², m³.
 */
import type { LineReader } from './raw.ts';
import type { ProjectUnits } from './units.ts';
import { unitFactor } from './units.ts';

export type ShapeFamily = 'wall' | 'slab' | 'linear' | 'opening' | 'other';

const familyCache = new Map<string, ShapeFamily>();

export function shapeFamily(ifcClass: string): ShapeFamily {
  let family = familyCache.get(ifcClass);
  if (!family) {
    family = findShapeFamily(ifcClass.toLowerCase());
    familyCache.set(ifcClass, family);
  }
  return family;
}

function findShapeFamily(name: string): ShapeFamily {
  if (/^ifc(wall|curtainwall|wallstandardcase|wallelementedcase)$/.test(name)) return 'wall';
  if (/^ifc(slab|slabstandardcase|slabelementedcase|roof|covering|plate|platestandardcase|ramp|rampflight|footing)$/.test(name)) return 'slab';
  if (/^ifc(column|columnstandardcase|beam|beamstandardcase|member|memberstandardcase|pile|railing)$/.test(name)) return 'linear';
  if (/^ifc(door|doorstandardcase|window|windowstandardcase)$/.test(name)) return 'opening';
  return 'other';
}

// Names in lower case: quantity names are matched case-insensitively.
const volumeNames = ['netvolume', 'grossvolume'];
const areaNames: Record<ShapeFamily, string[]> = {
  wall: ['netsidearea', 'grosssidearea', 'netarea', 'grossarea'],
  slab: ['netarea', 'grossarea', 'netsurfacearea', 'grosssurfacearea'],
  linear: ['crosssectionarea'],
  opening: ['area', 'netarea', 'grossarea'],
  other: ['netarea', 'grossarea', 'netsidearea', 'grosssidearea', 'netfootprintarea', 'grossfootprintarea', 'area'],
};
const lengthNames = ['length', 'netlength', 'grosslength'];

interface Candidate {
  name: string;
  value: number;
  setRank: number;
}

export interface PickedQuantities {
  volumeM3?: number;
  areaM2?: number;
  lengthM?: number;
}

function setRank(name: string | undefined): number {
  if (!name) return 2;
  if (/^Qto_.*BaseQuantities$/i.test(name)) return 0;
  if (/^BaseQuantities$/i.test(name)) return 1;
  return 2;
}

/** Lower is better: listed names in order, then other names with "net", then the rest; ties broken by set. */
function pick(candidates: Candidate[], preferred: readonly string[], anyName: boolean): number | undefined {
  let best: { rank: number; value: number } | undefined;
  for (const candidate of candidates) {
    const listed = preferred.indexOf(candidate.name.toLowerCase());
    let nameRank: number;
    if (listed >= 0) nameRank = listed;
    else if (!anyName) continue;
    else nameRank = preferred.length + (/net/i.test(candidate.name) ? 0 : 1);
    const rank = nameRank * 10 + candidate.setRank;
    if (!best || rank < best.rank) best = { rank, value: candidate.value };
  }
  return best?.value;
}

/** Rank of a quantity set by name: 0 Qto_*BaseQuantities, 1 BaseQuantities, 2 any other set. */
export function quantitySetRank(name: string | undefined): number {
  return setRank(name);
}

export interface QuantityItem {
  kind: 'volume' | 'area' | 'length';
  name: string;
  value: number;
  unitId: number | undefined;
}

export interface QuantitySet {
  rank: number;
  items: QuantityItem[];
}

export const quantityKinds: Record<string, QuantityItem['kind']> = {
  IFCQUANTITYVOLUME: 'volume',
  IFCQUANTITYAREA: 'area',
  IFCQUANTITYLENGTH: 'length',
};

export class QuantityReader {
  private readonly unitCache = new Map<number, number | undefined>();

  constructor(
    private readonly reader: LineReader,
    private readonly units: ProjectUnits,
  ) {}

  pick(sets: readonly QuantitySet[], family: ShapeFamily): PickedQuantities {
    const candidates: Record<QuantityItem['kind'], Candidate[]> = { volume: [], area: [], length: [] };
    for (const set of sets) {
      for (const item of set.items) {
        if (item.value < 0) continue;
        const converted = item.value * this.factor(item.unitId, this.units[item.kind]);
        // A value that overflows (e.g. 1E300 mm³ → m³) is no quantity at all.
        if (Number.isFinite(converted)) candidates[item.kind].push({ name: item.name, setRank: set.rank, value: converted });
      }
    }
    const { volume: volumes, area: areas, length: lengths } = candidates;
    const picked: PickedQuantities = {};
    const volume = pick(volumes, volumeNames, true);
    if (volume !== undefined) picked.volumeM3 = volume;
    let area = pick(areas, areaNames[family], family !== 'linear');
    const length = pick(lengths, lengthNames, false);
    if (family === 'opening' && area === undefined) {
      const width = pick(lengths, ['width'], false);
      const height = pick(lengths, ['height'], false);
      if (width !== undefined && height !== undefined) area = width * height;
    }
    if (area === undefined && family === 'linear' && volume !== undefined && length !== undefined && length > 0) area = volume / length;
    if (area !== undefined && Number.isFinite(area)) picked.areaM2 = area;
    if (length !== undefined) picked.lengthM = length;
    return picked;
  }

  private factor(unitId: number | undefined, projectFactor: number): number {
    if (unitId === undefined) return projectFactor;
    if (!this.unitCache.has(unitId)) this.unitCache.set(unitId, unitFactor(this.reader, unitId)?.factor);
    return this.unitCache.get(unitId) ?? projectFactor;
  }
}
