import { describe, expect, it } from 'vitest';
import nlsfbTable from './tables/nlsfb-suggestions.json' with { type: 'json' };
import layerTable from './tables/layers.json' with { type: 'json' };
import { layerForCode, suggestNlsfb } from './nlsfb.ts';

describe('NL-SfB and layer suggestion tables', () => {
  it('carry source, version and verification status', () => {
    for (const table of [nlsfbTable, layerTable]) {
      expect(table.source.length).toBeGreaterThan(20);
      expect(table.verification).toMatch(/^unverified/);
      expect(table.version).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
    }
  });

  it('only use codes they name, and every code has a layer', () => {
    const codes = Object.keys(nlsfbTable.codes);
    for (const rule of [...nlsfbTable.rules, ...nlsfbTable.fallbacks]) {
      if (rule.code === null) continue;
      expect(codes).toContain(rule.code);
      expect(layerForCode(rule.code)).not.toBeNull();
    }
    for (const layer of [...Object.values(layerTable.byCode), ...Object.values(layerTable.byFirstDigit)]) {
      expect(Object.keys(layerTable.layers)).toContain(layer);
    }
  });
});

describe('suggestNlsfb', () => {
  const suggest = (ifcClass: string, extra: { predefinedType?: string; isExternal?: boolean; loadBearing?: boolean } = {}) =>
    suggestNlsfb({ ifcClass, family: 'other', ...extra });

  it.each([
    ['IfcWall', { isExternal: true }, '21', 'omhulling'],
    ['IfcWallStandardCase', { isExternal: false }, '22', 'indeling'],
    ['IfcWall', { isExternal: false, loadBearing: true }, '22', 'constructie'],
    ['IfcWall', {}, null, 'constructie'],
    ['IfcSlab', { predefinedType: 'FLOOR' }, '23', 'constructie'],
    ['IfcSlab', { predefinedType: 'ROOF' }, '27', 'omhulling'],
    ['IfcSlab', { predefinedType: 'BASESLAB' }, '13', 'constructie'],
    ['IfcColumn', {}, '28', 'constructie'],
    ['IfcBeam', {}, '28', 'constructie'],
    ['IfcStair', {}, '24', 'constructie'],
    ['IfcRoof', {}, '27', 'omhulling'],
    ['IfcWindow', { isExternal: true }, '31', 'omhulling'],
    ['IfcWindow', { predefinedType: 'SKYLIGHT', isExternal: true }, '37', 'omhulling'],
    ['IfcDoor', { isExternal: false }, '32', 'indeling'],
    ['IfcRailing', {}, '34', 'indeling'],
    ['IfcFooting', {}, '16', 'constructie'],
    ['IfcPile', {}, '17', 'constructie'],
    ['IfcCovering', { predefinedType: 'CEILING' }, '45', 'indeling'],
    ['IfcFurnishingElement', {}, '82', 'inventaris'],
    ['IfcBuildingElementProxy', {}, null, null],
  ] as const)('%s %o → %s / %s', (ifcClass, extra, code, layer) => {
    const result = suggest(ifcClass, extra);
    expect(result.nlsfb.code).toBe(code);
    expect(result.layer).toBe(layer);
    expect(result.nlsfb.reason).toContain(ifcClass);
  });

  it('falls back by family for installation components', () => {
    const result = suggestNlsfb({ ifcClass: 'IfcValve', family: 'distribution' });
    expect(result.nlsfb.code).toBeNull();
    expect(result.layer).toBe('installaties');
  });
});
