import { describe, expect, it } from 'vitest';
import { calculateIndicators, oekobaudat2020II } from '@kringbouw/domain/lca';
import { passportPdf, passportToLcax, readPassportXlsx, writePassportXlsx, type WritablePassport } from '../src/index.ts';

const zero = { renewablePct: 0, reusedPct: 0, recycledPct: 0 };
const passport: WritablePassport = {
  project: { name: 'Rijwoningen', bvoM2: 124.5, buildingType: 'grondgebonden', rspYears: 75, permitDate: '2025-03-01' },
  elements: [
    {
      nlsfb: '21.1',
      name: 'Buitenwand',
      layer: 'omhulling',
      lines: [
        { key: 'a-1', profileOrigin: 'manual', description: 'Vurenhout HSB', quantity: 6.123456789, unit: 'm3', serviceLifeYears: 75, origin: { renewablePct: 100, reusedPct: 0, recycledPct: 0 }, endOfLife: { reusePct: 20, recyclingPct: 60 }, detachability: { connection: 'droog', accessibility: 'vrij' }, hazardous: false },
        { key: 'a-2', description: 'Gipsplaat', quantity: 80, unit: 'm2', thicknessM: 0.0125, massKg: 850.5, nmdCategory: '3', origin: zero, endOfLife: { reusePct: 0, recyclingPct: 0 }, detachability: {}, hazardous: true },
      ],
    },
    { nlsfb: '23', name: 'Vloer', layer: 'constructie', lines: [{ key: 'b', description: 'Beton C20/25', quantity: 12, unit: 'm3', origin: zero, endOfLife: { reusePct: 0, recyclingPct: 0 }, detachability: {}, hazardous: false }] },
  ],
};

describe('writePassportXlsx', () => {
  it('reads back as the same passport, keys and profile origins included', async () => {
    const bytes = await writePassportXlsx(passport);
    const read = await readPassportXlsx(bytes, {});
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.passport.project).toEqual({ name: 'Rijwoningen', bvoM2: 124.5, buildingType: 'grondgebonden', rspYears: 75, permitDate: '2025-03-01' });
    expect(read.passport.elements.map((e) => [e.nlsfb, e.name, e.layer, e.lines.length])).toEqual([['21.1', 'Buitenwand', 'omhulling', 2], ['23', 'Vloer', 'constructie', 1]]);
    const written = passport.elements.flatMap((e) => e.lines.map(({ key: _k, profileOrigin: _o, ...line }) => line));
    expect(read.passport.elements.flatMap((e) => e.lines)).toEqual(written);
    expect(read.lineExtras).toEqual([{ key: 'a-1', profileOrigin: 'manual' }, { key: 'a-2' }, { key: 'b' }]);
  });

  it('refuses duplicate line keys with the row', async () => {
    const duplicate: WritablePassport = { ...passport, elements: [{ ...passport.elements[1]!, lines: [passport.elements[1]!.lines[0]!, passport.elements[1]!.lines[0]!] }] };
    const read = await readPassportXlsx(await writePassportXlsx(duplicate), {});
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues).toEqual([expect.objectContaining({ row: 3, column: 'regel_id', message: 'regelsleutel "b" staat ook in rij 2' })]);
  });
});

describe('LCAx and PDF', () => {
  const library = oekobaudat2020II();
  const engineInput = {
    project: { bvoM2: 124.5, buildingType: 'grondgebonden' as const },
    elements: passport.elements.map((e) => ({ nlsfb: e.nlsfb, name: e.name, layer: e.layer as 'omhulling', lines: [...e.lines] })),
  };
  const result = calculateIndicators(engineInput, { library });

  it('writes assemblies per element and products per line with GWP per stage', () => {
    const lcax = passportToLcax({ id: 'p1', name: 'Rijwoningen', passport, result, library });
    const assemblies = lcax.assemblies as Record<string, { classification: { code: string }[]; products: Record<string, { quantity: number; unit: string; results: { gwp: Record<string, number> } }> }>;
    expect(Object.keys(assemblies)).toEqual(['element-1', 'element-2']);
    expect(assemblies['element-1']?.classification[0]?.code).toBe('21.1');
    expect(Object.keys(assemblies['element-1']?.products ?? {})).toEqual(['a-1', 'a-2']);
    expect(assemblies['element-2']?.products.b?.unit).toBe('m3');
    const total = Object.values(assemblies).flatMap((a) => Object.values(a.products)).reduce((s, p) => s + (p.results.gwp.a1a3 ?? 0), 0);
    expect(total).toBeCloseTo(result.gwp.byModule['A1-A3'] ?? Number.NaN, 6);
    expect(JSON.parse(JSON.stringify(lcax))).toEqual(lcax);
  });

  it('renders a PDF', async () => {
    const pdf = await passportPdf({ projectName: 'Rijwoningen', municipality: 'Leiden', owner: 'Gemeente Leiden', versionNumber: 2, versionLabel: 'Definitief ontwerp', publishedAt: new Date('2026-01-02T10:00:00Z'), publishedBy: 'Bea Beleid', passport, result });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(2000);
  });
});
