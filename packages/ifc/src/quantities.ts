/**
 * Picks volume, characteristic area and length from an element's IfcElementQuantity sets.
 *
 * Precedence: first by quantity name (volume: NetVolume, GrossVolume, then any other volume, names containing
 * "net" first), then by set (Qto_*BaseQuantities, then "BaseQuantities", then any other set). The area name list
 * depends on the element's shape family (see `areaNames`). Values are in the project's units unless the quantity
 * names its own IfcNamedUnit; both are converted to m, m², m³.
 */
import { IFCQUANTITYAREA, IFCQUANTITYLENGTH, IFCQUANTITYVOLUME } from 'web-ifc';
import type { LineReader } from './raw.ts';
import { numOf, refOf, refsOf, strOf } from './raw.ts';
import type { ProjectUnits } from './units.ts';
import { unitFactor } from './units.ts';

export type ShapeFamily = 'wall' | 'slab' | 'linear' | 'opening' | 'other';

export function shapeFamily(ifcClass: string): ShapeFamily {
  const name = ifcClass.toLowerCase();
  if (/^ifc(wall|curtainwall|wallstandardcase|wallelementedcase)$/.test(name)) return 'wall';
  if (/^ifc(slab|slabstandardcase|slabelementedcase|roof|covering|plate|platestandardcase|ramp|rampflight|footing)$/.test(name)) return 'slab';
  if (/^ifc(column|columnstandardcase|beam|beamstandardcase|member|memberstandardcase|pile|railing)$/.test(name)) return 'linear';
  if (/^ifc(door|doorstandardcase|window|windowstandardcase)$/.test(name)) return 'opening';
  return 'other';
}

const volumeNames = ['NetVolume', 'GrossVolume'];
const areaNames: Record<ShapeFamily, string[]> = {
  wall: ['NetSideArea', 'GrossSideArea', 'NetArea', 'GrossArea'],
  slab: ['NetArea', 'GrossArea', 'NetSurfaceArea', 'GrossSurfaceArea'],
  linear: ['CrossSectionArea'],
  opening: ['Area', 'NetArea', 'GrossArea'],
  other: ['NetArea', 'GrossArea', 'NetSideArea', 'GrossSideArea', 'NetFootprintArea', 'GrossFootprintArea', 'Area'],
};
const lengthNames = ['Length', 'NetLength', 'GrossLength'];

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
function pick(candidates: Candidate[], preferred: string[], anyName: boolean): number | undefined {
  let best: { rank: number; value: number } | undefined;
  for (const candidate of candidates) {
    const listed = preferred.findIndex((name) => name.toLowerCase() === candidate.name.toLowerCase());
    let nameRank: number;
    if (listed >= 0) nameRank = listed;
    else if (!anyName) continue;
    else nameRank = preferred.length + (/net/i.test(candidate.name) ? 0 : 1);
    const rank = nameRank * 10 + candidate.setRank;
    if (!best || rank < best.rank) best = { rank, value: candidate.value };
  }
  return best?.value;
}

export class QuantityReader {
  private readonly unitCache = new Map<number, number | undefined>();

  constructor(
    private readonly reader: LineReader,
    private readonly units: ProjectUnits,
  ) {}

  read(setIds: readonly number[], family: ShapeFamily): PickedQuantities {
    const volumes: Candidate[] = [];
    const areas: Candidate[] = [];
    const lengths: Candidate[] = [];
    for (const set of this.reader.lines(setIds)) {
      const rank = setRank(strOf(set.args[2]));
      for (const quantity of this.reader.lines(refsOf(set.args[5]))) {
        const name = strOf(quantity.args[0]);
        const value = numOf(quantity.args[3]);
        if (!name || value === undefined || value < 0) continue;
        const unitId = refOf(quantity.args[2]);
        const target =
          quantity.type === IFCQUANTITYVOLUME ? { list: volumes, factor: this.units.volume }
          : quantity.type === IFCQUANTITYAREA ? { list: areas, factor: this.units.area }
          : quantity.type === IFCQUANTITYLENGTH ? { list: lengths, factor: this.units.length }
          : undefined;
        if (!target) continue;
        const converted = value * this.factor(unitId, target.factor);
        // A value that overflows (e.g. 1E300 mm³ → m³) is no quantity at all.
        if (Number.isFinite(converted)) target.list.push({ name, setRank: rank, value: converted });
      }
    }
    const picked: PickedQuantities = {};
    const volume = pick(volumes, volumeNames, true);
    if (volume !== undefined) picked.volumeM3 = volume;
    let area = pick(areas, areaNames[family], family !== 'linear');
    const length = pick(lengths, lengthNames, false);
    if (family === 'opening' && area === undefined) {
      const width = pick(lengths, ['Width'], false);
      const height = pick(lengths, ['Height'], false);
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
