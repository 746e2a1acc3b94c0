/** Project units from IfcUnitAssignment: factors that turn file values into metres, m² and m³. */
import { IFCCONVERSIONBASEDUNIT, IFCMEASUREWITHUNIT, IFCPROJECT, IFCSIUNIT } from 'web-ifc';
import type { LineReader } from './raw.ts';
import { enumOf, numOf, refOf, refsOf } from './raw.ts';

export interface ProjectUnits {
  /** metres per file length unit (0.001 for millimetre models). */
  length: number;
  /** m² per file area unit. */
  area: number;
  /** m³ per file volume unit. */
  volume: number;
}

const prefixes: Record<string, number> = {
  EXA: 1e18, PETA: 1e15, TERA: 1e12, GIGA: 1e9, MEGA: 1e6, KILO: 1e3, HECTO: 1e2, DECA: 1e1,
  DECI: 1e-1, CENTI: 1e-2, MILLI: 1e-3, MICRO: 1e-6, NANO: 1e-9, PICO: 1e-12, FEMTO: 1e-15, ATTO: 1e-18,
};

const dimension: Record<string, 1 | 2 | 3> = { LENGTHUNIT: 1, AREAUNIT: 2, VOLUMEUNIT: 3 };

/** The unit type and SI factor of one unit line (IfcSIUnit or IfcConversionBasedUnit), or undefined. */
export function unitFactor(reader: LineReader, unitId: number, depth = 0): { unitType: string; factor: number } | undefined {
  const line = reader.line(unitId);
  if (!line || depth > 4) return undefined;
  if (line.type === IFCSIUNIT) {
    // web-ifc leaves out the derived Dimensions attribute: UnitType, Prefix, Name.
    const enums = line.args.map(enumOf);
    const unitType = enums.find((value) => value?.endsWith('UNIT'));
    if (!unitType) return undefined;
    const prefix = enums.find((value) => value !== undefined && value in prefixes);
    const power = dimension[unitType] ?? 1;
    return { unitType, factor: (prefix ? (prefixes[prefix] ?? 1) : 1) ** power };
  }
  if (line.type === IFCCONVERSIONBASEDUNIT) {
    const unitType = line.args.map(enumOf).find((value) => value?.endsWith('UNIT'));
    const measureId = line.args.map(refOf).filter((value) => value !== undefined).at(-1);
    const measure = measureId === undefined ? undefined : reader.line(measureId);
    if (!unitType || !measure || measure.type !== IFCMEASUREWITHUNIT) return undefined;
    const value = numOf(measure.args[0]);
    const baseId = refOf(measure.args[1]);
    const base = baseId === undefined ? undefined : unitFactor(reader, baseId, depth + 1);
    if (value === undefined || !base) return undefined;
    return { unitType, factor: value * base.factor };
  }
  return undefined;
}

/** Units of the (first) IfcProject; a missing area or volume unit is taken as length² or length³. */
export function readProjectUnits(reader: LineReader, projectId: number | undefined): ProjectUnits {
  const project = projectId === undefined ? undefined : reader.line(projectId);
  const found: Record<string, number> = {};
  if (project && project.type === IFCPROJECT) {
    const assignment = reader.line(refOf(project.args[8]) ?? -1);
    for (const unitId of assignment ? refsOf(assignment.args[0]) : []) {
      const unit = unitFactor(reader, unitId);
      if (unit && Number.isFinite(unit.factor) && unit.factor > 0 && !(unit.unitType in found)) found[unit.unitType] = unit.factor;
    }
  }
  const length = found.LENGTHUNIT ?? 1;
  return { length, area: found.AREAUNIT ?? length ** 2, volume: found.VOLUMEUNIT ?? length ** 3 };
}
