import { describe, expect, it } from 'vitest';
import { countEntities, globalIdOf, readFixture, refsInArgument, statements } from '../test/step-text.ts';
import { IfcImportError } from './errors.ts';
import { extractIfc } from './extract.ts';
import { generateIfc } from './generate.ts';
import type { IfcExtraction } from './types.ts';

const decoder = new TextDecoder('latin1');

function countByClass(extraction: IfcExtraction): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const element of extraction.elements) counts[element.ifcClass] = (counts[element.ifcClass] ?? 0) + 1;
  return counts;
}

/** globalIds of the elements of these entities that no IfcRelAssociatesMaterial names, directly or via their type. */
function elementsWithoutMaterialFromText(text: string, entities: string[]): string[] {
  const list = statements(text);
  const associated = new Set(list.filter((s) => s.entity === 'IFCRELASSOCIATESMATERIAL').flatMap((s) => refsInArgument(s.body, 4)));
  const typeOf = new Map<number, number>();
  for (const rel of list.filter((s) => s.entity === 'IFCRELDEFINESBYTYPE')) {
    const type = refsInArgument(rel.body, 5)[0];
    if (type !== undefined) for (const object of refsInArgument(rel.body, 4)) typeOf.set(object, type);
  }
  return list
    .filter((s) => entities.includes(s.entity))
    .filter((s) => !associated.has(s.id) && !associated.has(typeOf.get(s.id) ?? -1))
    .map((s) => globalIdOf(s.body) ?? '')
    .sort();
}

describe('extractIfc on office-cv2.ifc (IFC2X3, ArchiCAD, millimetres, BaseQuantities)', async () => {
  const bytes = readFixture('office-cv2.ifc');
  const text = decoder.decode(bytes);
  const list = statements(text);
  const extraction = await extractIfc(bytes);

  it('reads the schema, project, unit and storeys', () => {
    expect(extraction.schema).toBe('IFC2X3');
    expect(extraction.lengthUnitM).toBe(0.001);
    expect(extraction.storeys.map((s) => s.name)).toEqual(['Ground Floor', 'Level 1', 'Level 2', 'Level 3']);
    expect(extraction.storeys.map((s) => s.elevationM)).toEqual([0, 3.2, 6.4, 9.6]);
  });

  it('lists every building element once, by the class written in the file', () => {
    const expected: Record<string, number> = {};
    for (const [entity, name] of [
      ['IFCWALLSTANDARDCASE', 'IfcWallStandardCase'],
      ['IFCSLAB', 'IfcSlab'],
      ['IFCWINDOW', 'IfcWindow'],
      ['IFCDOOR', 'IfcDoor'],
      ['IFCSTAIR', 'IfcStair'],
      ['IFCCOLUMN', 'IfcColumn'],
    ] as const) expected[name] = countEntities(list, entity);
    expect(expected.IfcWallStandardCase).toBe(33);
    expect(countByClass(extraction)).toEqual(expected);
    // Openings and virtual elements are not building elements.
    expect(extraction.elements.some((e) => e.ifcClass === 'IfcOpeningElement' || e.ifcClass === 'IfcVirtualElement')).toBe(false);
    expect(new Set(extraction.elements.map((e) => e.globalId)).size).toBe(extraction.elements.length);
  });

  it('takes quantities from the BaseQuantities sets, converted to m, m², m³', () => {
    const fromQto = extraction.elements.filter((e) => e.quantitySource === 'qto');
    expect(fromQto.length).toBe(extraction.elements.length);
    expect(extraction.withoutQuantity).toEqual([]);
    // Wall - 034 (#864): NetVolume 6.58114642413 m³ (not GrossVolume 7.56), NetSideArea 32.93, Length 12200 mm.
    const wall = extraction.elements.find((e) => e.globalId === '36jX$zrDQFJg5KoMWSrrxc');
    expect(wall?.volumeM3).toBeCloseTo(6.58114642413, 9);
    expect(wall?.areaM2).toBeCloseTo(32.9313603861, 9);
    expect(wall?.lengthM).toBeCloseTo(12.2, 9);
    expect(wall?.storey).toBe('Ground Floor');
  });

  it('reads material layer sets with thickness and material lists with equal shares', () => {
    const wall = extraction.elements.find((e) => e.globalId === '36jX$zrDQFJg5KoMWSrrxc');
    expect(wall?.materials).toEqual([{ name: 'Concrete - Structural', share: 1, thicknessM: 0.2 }]);
    for (const element of extraction.elements) {
      const total = element.materials.reduce((sum, m) => sum + m.share, 0);
      expect(total).toBeCloseTo(1, 12);
    }
    expect(extraction.withoutMaterial).toEqual(
      elementsWithoutMaterialFromText(text, ['IFCWALLSTANDARDCASE', 'IFCSLAB', 'IFCWINDOW', 'IFCDOOR', 'IFCSTAIR', 'IFCCOLUMN']),
    );
  });

  it('suggests NL-SfB codes and layers; inside/outside from space boundaries', () => {
    const walls = extraction.elements.filter((e) => e.ifcClass === 'IfcWallStandardCase');
    expect(walls.every((w) => w.isExternal !== undefined)).toBe(true);
    for (const wall of walls) expect(wall.nlsfb.code).toBe(wall.isExternal ? '21' : '22');
    expect(extraction.elements.filter((e) => e.ifcClass === 'IfcStair').every((e) => e.nlsfb.code === '24')).toBe(true);
    expect(extraction.elements.filter((e) => e.ifcClass === 'IfcColumn').every((e) => e.nlsfb.code === '28' && e.layer === 'constructie')).toBe(true);
    expect(extraction.elements.filter((e) => e.ifcClass === 'IfcSlab').every((e) => e.nlsfb.code === '23')).toBe(true);
  });

  it('geometry agrees with the quantity sets for walls (within 5 % in total)', async () => {
    const measured = await extractIfc(bytes, { geometryOnly: true });
    const wallIds = new Set(extraction.elements.filter((e) => e.ifcClass === 'IfcWallStandardCase').map((e) => e.globalId));
    const sum = (x: IfcExtraction) => x.elements.filter((e) => wallIds.has(e.globalId)).reduce((total, e) => total + (e.volumeM3 ?? 0), 0);
    expect(measured.elements.filter((e) => wallIds.has(e.globalId)).every((e) => e.quantitySource === 'geometry')).toBe(true);
    expect(Math.abs(sum(measured) / sum(extraction) - 1)).toBeLessThan(0.05);
  });
});

describe('extractIfc on example.ifc (IFC2X3, Revit, no quantity sets)', async () => {
  const bytes = readFixture('example.ifc');
  const text = decoder.decode(bytes);
  const list = statements(text);
  const extraction = await extractIfc(bytes);

  it('counts elements per class as in the STEP text', () => {
    expect(countByClass(extraction)).toEqual({
      IfcWallStandardCase: countEntities(list, 'IFCWALLSTANDARDCASE'),
      IfcSlab: countEntities(list, 'IFCSLAB'),
      IfcColumn: countEntities(list, 'IFCCOLUMN'),
      IfcBeam: countEntities(list, 'IFCBEAM'),
      IfcBuildingElementProxy: countEntities(list, 'IFCBUILDINGELEMENTPROXY'),
    });
    expect(extraction.elements.length).toBe(17 + 9 + 42 + 44 + 4);
  });

  it('falls back to geometry: a wall matches length × height × thickness of its extrusion', () => {
    expect(extraction.elements.every((e) => e.quantitySource === 'geometry')).toBe(true);
    expect(extraction.stats.qtoCount).toBe(0);
    // #1469 Basic Wall:150 Concrete:677248 — IFCRECTANGLEPROFILEDEF 2650 × 150, extruded 3195.2 (mm).
    const wall = extraction.elements.find((e) => e.globalId === '02QZndWnPCr8pqUFFegmJU');
    expect(wall?.volumeM3).toBeCloseTo(2.65 * 0.15 * 3.1952, 4);
    expect(wall?.areaM2).toBeCloseTo(2.65 * 3.1952, 3);
    expect(wall?.materials).toEqual([{ name: 'Concrete, Cast-in-Place gray', share: 1, thicknessM: 0.15 }]);
    // Every layered wall: volume ≈ side area × layer thickness.
    for (const w of extraction.elements.filter((e) => e.ifcClass === 'IfcWallStandardCase')) {
      expect(Math.abs((w.areaM2 ?? 0) * (w.materials[0]?.thicknessM ?? 0) - (w.volumeM3 ?? 0))).toBeLessThan(0.02 * (w.volumeM3 ?? 0) + 1e-6);
    }
  });

  it('reports elements without material, checked against the relations in the text', () => {
    const expected = elementsWithoutMaterialFromText(text, ['IFCWALLSTANDARDCASE', 'IFCSLAB', 'IFCCOLUMN', 'IFCBEAM', 'IFCBUILDINGELEMENTPROXY']);
    expect(expected.length).toBeGreaterThan(0);
    expect([...extraction.withoutMaterial].sort()).toEqual(expected);
    expect(extraction.withoutQuantity).toEqual([]);
  });

  it('uses Pset_*Common and predefined types for the suggestion', () => {
    const baseSlabs = extraction.elements.filter((e) => e.ifcClass === 'IfcSlab' && e.predefinedType === 'BASESLAB');
    expect(baseSlabs.length).toBeGreaterThan(0);
    expect(baseSlabs.every((e) => e.nlsfb.code === '13')).toBe(true);
    const wall = extraction.elements.find((e) => e.globalId === '02QZndWnPCr8pqUFFegmJU');
    expect(wall?.isExternal).toBe(true);
    expect(wall?.nlsfb.code).toBe('21');
  });
});

describe('extractIfc rejects what it cannot read', () => {
  it('rejects the IFC 2x (IFC2X_FINAL) FZK-Haus as an unsupported schema', async () => {
    const error = await extractIfc(readFixture('fzk-haus.ifc')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IfcImportError);
    expect((error as IfcImportError).code).toBe('unsupported_schema');
    expect((error as IfcImportError).detail).toBe('IFC2X_FINAL');
    expect((error as IfcImportError).message).not.toContain('\n');
  });

  it.each([
    ['an empty file', '', 'not_ifc'],
    ['a PDF', '%PDF-1.7\n%âãÏÓ\n1 0 obj', 'not_ifc'],
    ['STEP without FILE_SCHEMA', "ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION((''),'2;1');\nENDSEC;\nDATA;\nENDSEC;", 'corrupt'],
    ['IFC2X2', "ISO-10303-21;\nHEADER;\nFILE_SCHEMA(('IFC2X2_FINAL'));\nENDSEC;\nDATA;\nENDSEC;", 'unsupported_schema'],
    ['a header without data', "ISO-10303-21;\nHEADER;\nFILE_SCHEMA(('IFC4'));\nENDSEC;\n", 'corrupt'],
  ])('rejects %s', async (_label, content, code) => {
    const error = await extractIfc(new TextEncoder().encode(content)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IfcImportError);
    expect((error as IfcImportError).code).toBe(code);
  });

  it('stops with cancelled when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await extractIfc(readFixture('example.ifc'), { signal: controller.signal }).catch((e: unknown) => e);
    expect((error as IfcImportError).code).toBe('cancelled');
  });

  it('stops with cancelled when aborted from a progress callback, and the next import still works', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const error = await extractIfc(readFixture('office-cv2.ifc'), {
      signal: controller.signal,
      onProgress: (fraction) => {
        seen.push(fraction);
        if (fraction >= 0.2) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect((error as IfcImportError).code).toBe('cancelled');
    expect(seen.at(-1)).toBeLessThan(1);
    const again = await extractIfc(readFixture('example.ifc'));
    expect(again.elements.length).toBe(116);
  });
});

describe('extractIfc on synthetic IFC4 models (exact quantities)', () => {
  it('reads the same model declared as IFC4X3_ADD2', async () => {
    const model = generateIfc({ storeys: 1, wallsPerStorey: 2, schema: 'IFC4X3_ADD2' });
    const extraction = await extractIfc(new TextEncoder().encode(model.text));
    expect(extraction.schema).toBe('IFC4X3_ADD2');
    expect(extraction.elements.map((e) => [e.globalId, e.volumeM3])).toEqual(model.expected.map((e) => [e.globalId, e.volumeM3]));
  });

  for (const lengthUnit of ['mm', 'm'] as const) {
    for (const quantities of [true, false]) {
      it(`${lengthUnit}, ${quantities ? 'with Qto sets' : 'geometry only'}`, async () => {
        const model = generateIfc({ storeys: 3, wallsPerStorey: 5, slabsPerStorey: 2, columnsPerStorey: 3, beamsPerStorey: 1, withEmptyProxy: true, quantities, lengthUnit });
        const extraction = await extractIfc(new TextEncoder().encode(model.text));
        expect(extraction.schema).toBe('IFC4');
        expect(extraction.lengthUnitM).toBe(lengthUnit === 'mm' ? 0.001 : 1);
        expect(extraction.elements.map((e) => e.globalId)).toEqual(model.expected.map((e) => e.globalId));
        for (const expected of model.expected) {
          const element = extraction.elements.find((e) => e.globalId === expected.globalId);
          expect(element?.ifcClass).toBe(expected.ifcClass);
          expect(element?.name).toBe(expected.name);
          expect(element?.storey).toBe(expected.storey);
          expect(element?.predefinedType).toBe(expected.predefinedType);
          if (expected.volumeM3 === null) {
            expect(element?.volumeM3).toBeNull();
            expect(element?.quantitySource).toBeNull();
            continue;
          }
          expect(element?.quantitySource).toBe(expected.hasQto ? 'qto' : 'geometry');
          // Qto values are read back exactly; geometry is exact up to float32 vertex rounding.
          const digits = expected.hasQto ? 12 : 6;
          expect(element?.volumeM3).toBeCloseTo(expected.volumeM3, digits);
          expect(element?.areaM2).toBeCloseTo(expected.areaM2 ?? NaN, digits);
          if (expected.lengthM !== undefined && (expected.hasQto || expected.ifcClass !== 'IfcWall')) expect(element?.lengthM).toBeCloseTo(expected.lengthM, digits);
          expect(element?.materials.length).toBe(expected.materials.length);
          expected.materials.forEach((material, index) => {
            expect(element?.materials[index]?.name).toBe(material.name);
            expect(element?.materials[index]?.share).toBeCloseTo(material.share, 12);
            if (material.thicknessM !== undefined) expect(element?.materials[index]?.thicknessM).toBeCloseTo(material.thicknessM, 12);
          });
        }
        const withoutMaterial = model.expected.filter((e) => e.materials.length === 0).map((e) => e.globalId);
        expect(extraction.withoutMaterial).toEqual(withoutMaterial);
        expect(extraction.withoutQuantity).toEqual(model.expected.filter((e) => e.volumeM3 === null).map((e) => e.globalId));
        const walls = extraction.elements.filter((e) => e.ifcClass === 'IfcWall');
        expect(walls.map((w) => w.nlsfb.code)).toEqual(walls.map((w) => (w.isExternal ? '21' : '22')));
        expect(walls.map((w) => w.layer)).toEqual(walls.map((w) => (w.isExternal ? 'omhulling' : 'indeling')));
      });
    }
  }
});
