import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// The domain compiles without platform types; the test runs where the web worker's structured cloning exists.
declare function structuredClone<T>(value: T): T;
import type { MaterialLineInput, Passport } from './index.ts';
import {
  accessibilities, calculateIndicators, connectionTypes, crossingTypes, edgeContainments, lineDetachability, lineResultOf,
  materialCircularity, methodData, oekobaudat2020II, parsePassport, passportSchema, placementsFor,
} from './index.ts';

const library = oekobaudat2020II();
const profileIds = [
  '9702d9ab-2af2-4fdc-9d99-225583a9ffb7', // ready-mix concrete C20/25, m3
  '3057d7c0-7bee-4ba2-9edf-517d4cd97a14', // timber spruce, m3
  'f74a19da-df9a-4462-a632-3b3dc83377b1', // facing brick, m3
  'da72684f-471c-425b-817d-69f262323f04', // gypsum board, m2
  '38051c22-fbd1-4b0e-944a-ae348b8c7695', // steel section, kg
  'd941f45e-1244-419c-a083-e4a49fb5498e', // double glazing, m2
];

const lineArb: fc.Arbitrary<MaterialLineInput> = fc.record({
  description: fc.constantFrom('beton', 'hout', 'baksteen', 'gips', 'staal', 'glas'),
  quantity: fc.double({ min: 0.01, max: 1000, noNaN: true }),
  unit: fc.constantFrom('m3' as const, 'm2' as const, 'kg' as const),
  profileId: fc.constantFrom(...profileIds),
  serviceLifeYears: fc.integer({ min: 5, max: 120 }),
  nmdCategory: fc.constantFrom(undefined, '1' as const, '3' as const, '3a' as const),
  origin: fc.record({ renewablePct: fc.integer({ min: 0, max: 30 }), reusedPct: fc.integer({ min: 0, max: 30 }), recycledPct: fc.integer({ min: 0, max: 40 }) }),
  endOfLife: fc.record({ reusePct: fc.integer({ min: 0, max: 50 }), recyclingPct: fc.integer({ min: 0, max: 50 }) }),
  detachability: fc.record({
    connection: fc.constantFrom(...connectionTypes),
    accessibility: fc.constantFrom(...accessibilities),
    crossings: fc.constantFrom(...crossingTypes),
    edgeContainment: fc.constantFrom(...edgeContainments),
  }),
}).map((line) => (line.nmdCategory === undefined ? { ...line, nmdCategory: undefined } : line));

const toPassport = (lines: MaterialLineInput[]): Passport =>
  passportSchema.parse({
    project: { bvoM2: 120, buildingType: 'gestapeld' },
    elements: [
      { nlsfb: '21', name: 'A', layer: 'omhulling', lines: lines.filter((_, i) => i % 2 === 0) },
      { nlsfb: '28', name: 'B', layer: 'constructie', lines: lines.filter((_, i) => i % 2 === 1) },
    ].filter((e) => e.lines.length > 0),
  });

const close = (a: number | null, b: number | null, rel = 1e-9) => {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
};

describe('engine properties', () => {
  it('results scale linearly with quantities', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 12 }), fc.integer({ min: 2, max: 9 }), (lines, k) => {
        const a = calculateIndicators(toPassport(lines), { library });
        const b = calculateIndicators(toPassport(lines.map((l) => ({ ...l, quantity: l.quantity * k }))), { library });
        expect(close((a.mki.total ?? 0) * k, b.mki.total ?? 0)).toBe(true);
        expect(close(a.gwp.total * k, b.gwp.total)).toBe(true);
        expect(close(a.gwp.a1a5 * k, b.gwp.a1a5)).toBe(true);
        expect(close(a.biogenicCarbonKgCO2 * k, b.biogenicCarbonKgCO2)).toBe(true);
        expect(close(a.materialOrigin.massKg * k, b.materialOrigin.massKg)).toBe(true);
        // shares and indices are scale-free
        expect(close(a.detachability.index, b.detachability.index)).toBe(true);
        expect(close(a.mci, b.mci)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('without the line breakdown every other result is identical', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 12 }), (lines) => {
        const full = calculateIndicators(toPassport(lines), { library });
        const summary = calculateIndicators(toPassport(lines), { library, lineBreakdown: false });
        expect(summary.lines.length).toBe(0);
        expect(JSON.stringify({ ...summary, lines: undefined })).toBe(JSON.stringify({ ...full, lines: undefined }));
      }),
      { numRuns: 40 },
    );
  });

  it('the line breakdown adds up to the totals, and every way of reading it gives the same lines', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 12 }), fc.constantFrom('a1' as const, 'a2' as const), (lines, weightingSet) => {
        const passport = toPassport(lines);
        const r = calculateIndicators(passport, { library, weightingSet });
        const objects = r.lines.toArray();
        expect(objects).toHaveLength(lines.length);
        expect([...r.lines]).toEqual(objects);
        expect(JSON.parse(JSON.stringify(r)).lines).toEqual(JSON.parse(JSON.stringify(objects)));
        expect(r.lines.at(-1)).toEqual(objects[objects.length - 1]);
        expect(r.lines.at(objects.length)).toBeUndefined();
        expect(objects.map((l) => l.line)).toEqual(objects.map((_, i) => i + 1));
        // The plain columns survive structured cloning (the web worker's postMessage) and give the same lines.
        const columns = structuredClone(r.lines.toColumns());
        const sourceLines = passport.elements.flatMap((e) => e.lines.map((line) => ({ line, element: e })));
        expect(sourceLines.map(({ line, element }, i) => lineResultOf(columns, i, line, element))).toEqual(objects);
        expect(objects.map((l) => `${l.element}|${l.description}|${l.quantity}`)).toEqual(passport.elements.flatMap((e) => e.lines.map((l) => `${e.name}|${l.description}|${l.quantity}`)));
        const sum = (values: (number | null)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0);
        expect(close(sum(objects.map((l) => l.mkiEur)), r.mki.total ?? 0, 1e-9)).toBe(true);
        expect(close(sum(objects.map((l) => l.massKg)), r.materialOrigin.massKg, 1e-9)).toBe(true);
        expect(close(sum(objects.map((l) => l.biogenicCarbonKgCO2)), r.biogenicCarbonKgCO2, 1e-9)).toBe(true);
        const gwpExclD = objects.map((l) => Object.entries(l.gwpKgCO2).reduce((s, [m, v]) => (m === 'D' ? s : s + v), 0));
        expect(close(sum(gwpExclD), r.gwp.total, 1e-9)).toBe(true);
        expect(close(sum(objects.map((l) => l.gwpKgCO2.D ?? null)), r.gwp.d, 1e-9)).toBe(true);
        for (const l of objects) {
          expect(l.replacements).toBe(l.placements - 1);
          if (l.detachability !== null) expect(l.detachability).toBeGreaterThanOrEqual(0.1 - 1e-12);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('line order does not matter', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 12 }).chain((lines) => fc.tuple(fc.constant(lines), fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length }))), ([lines, shuffled]) => {
        const one = (l: MaterialLineInput[]) => calculateIndicators(passportSchema.parse({ project: { bvoM2: 80, buildingType: 'grondgebonden' }, elements: [{ nlsfb: '21', name: 'A', layer: 'omhulling', lines: l }] }), { library });
        const a = one(lines);
        const b = one(shuffled);
        expect(close(a.mki.total, b.mki.total)).toBe(true);
        expect(close(a.gwp.total, b.gwp.total)).toBe(true);
        expect(close(a.mpg.value, b.mpg.value, 1e-6)).toBe(true);
        expect(close(a.detachability.index, b.detachability.index)).toBe(true);
        expect(close(a.mci, b.mci)).toBe(true);
        expect(close(a.materialOrigin.recycledPct, b.materialOrigin.recycledPct)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('detachability is in [0.1, 1] for every combination', () => {
    fc.assert(
      fc.property(fc.constantFrom(...connectionTypes), fc.constantFrom(...accessibilities), fc.constantFrom(undefined, ...crossingTypes), fc.constantFrom(undefined, ...edgeContainments), (connection, accessibility, crossings, edgeContainment) => {
        const li = lineDetachability({ connection, accessibility, crossings, edgeContainment }, methodData).index;
        expect(li).toBeDefined();
        expect(li as number).toBeGreaterThanOrEqual(0.1 - 1e-12);
        expect(li as number).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 10 }), (lines) => {
        const index = calculateIndicators(toPassport(lines), { library }).detachability.index;
        expect(index).not.toBeNull();
        expect(index as number).toBeGreaterThanOrEqual(0.1 - 1e-12);
        expect(index as number).toBeLessThanOrEqual(1 + 1e-12);
      }),
      { numRuns: 40 },
    );
  });

  it('MCI is in [0, 1]', () => {
    const fraction = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 1e6, noNaN: true }), fraction, fraction, fraction, fraction, fraction, (massKg, a, b, c, d, e) => {
        const value = materialCircularity({ massKg, recycled: a / 3, reused: b / 3, renewable: c / 3, eolRecycling: d / 2, eolReuse: e / 2 }, methodData);
        expect(value).toBeDefined();
        expect(value as number).toBeGreaterThanOrEqual(0);
        expect(value as number).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('more replacements (shorter service life) never lower the impact', () => {
    fc.assert(
      fc.property(lineArb, fc.integer({ min: 1, max: 150 }), fc.integer({ min: 1, max: 150 }), fc.constantFrom('nmd' as const, 'en15978' as const), (line, s1, s2, rule) => {
        const [short, long] = s1 <= s2 ? [s1, s2] : [s2, s1];
        expect(placementsFor({ rule, rspYears: 75, serviceLifeYears: short }).placements).toBeGreaterThanOrEqual(placementsFor({ rule, rspYears: 75, serviceLifeYears: long }).placements);
        const a = calculateIndicators(toPassport([{ ...line, serviceLifeYears: short }]), { library, replacementRule: rule });
        const b = calculateIndicators(toPassport([{ ...line, serviceLifeYears: long }]), { library, replacementRule: rule });
        // GWP A-C and MKI are positive for these profiles, so more placements can only add.
        expect(a.gwp.total).toBeGreaterThanOrEqual(b.gwp.total * (1 - 1e-12));
        expect(a.lines.at(0)?.placements as number).toBeGreaterThanOrEqual(b.lines.at(0)?.placements as number);
      }),
      { numRuns: 80 },
    );
  });

  it('malformed input never throws', () => {
    fc.assert(
      fc.property(fc.anything(), (data) => {
        const result = parsePassport(data);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(
        fc.record({
          project: fc.record({ bvoM2: fc.oneof(fc.double(), fc.string()), buildingType: fc.string() }, { requiredKeys: [] }),
          elements: fc.array(fc.record({ nlsfb: fc.string(), name: fc.string(), layer: fc.string(), lines: fc.array(fc.dictionary(fc.string(), fc.anything())) }, { requiredKeys: [] })),
        }, { requiredKeys: [] }),
        (data) => {
          const result = parsePassport(data);
          if (result.ok) calculateIndicators(result.passport, { library });
          else expect(result.issues.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
