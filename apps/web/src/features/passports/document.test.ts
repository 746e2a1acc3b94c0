import { describe, expect, it } from 'vitest';
import { passportDocument } from '@kringbouw/contracts';
import { setProfileForMaterial, toEnginePassport } from './document.ts';

const doc = passportDocument.parse({
  project: { bvoM2: null, buildingType: 'grondgebonden' },
  elements: [
    { nlsfb: '21.1', name: 'Gevel', layer: 'omhulling', lines: [
      { key: 'a', description: 'Baksteen', quantity: 10, unit: 'm3' },
      { key: 'b', description: 'baksteen ', quantity: 2, unit: 'm3', profileId: 'x', profileOrigin: 'file' },
    ] },
    { nlsfb: '22.1', name: 'Binnenwand', layer: 'indeling', lines: [{ key: 'c', description: 'Gips', quantity: 5, unit: 'm2' }] },
  ],
});

describe('passport document', () => {
  it('cannot be calculated without a BVO', () => {
    expect(toEnginePassport(doc)).toBeNull();
    const withBvo = toEnginePassport({ ...doc, project: { ...doc.project, bvoM2: 120 } });
    expect(withBvo?.project.bvoM2).toBe(120);
    expect(withBvo?.elements).toHaveLength(2);
  });

  it('sets a profile on every line of a material, marked as chosen by hand', () => {
    const next = setProfileForMaterial(doc, 'Baksteen', 'p-1');
    expect(next.elements[0]!.lines.map((l) => [l.key, l.profileId, l.profileOrigin])).toEqual([['a', 'p-1', 'manual'], ['b', 'p-1', 'manual']]);
    expect(next.elements[1]).toBe(doc.elements[1]);
  });
});
