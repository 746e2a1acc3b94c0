/**
 * Fuzzing the importer (deterministic seeds): truncation, random bytes, STEP punctuation dropped into the text, and
 * syntax-preserving edits (references re-pointed, numbers replaced, lines removed). Every case must end in an
 * extraction or an IfcImportError — never another error, never a hang, never a crashed process.
 */
import { describe, expect, it } from 'vitest';
import { readFixture } from '../test/step-text.ts';
import { IfcImportError } from './errors.ts';
import { extractIfc } from './extract.ts';
import { generateIfc } from './generate.ts';
import type { IfcExtraction } from './types.ts';

/** mulberry32: small, fast, deterministic. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const punctuation = new TextEncoder().encode("()#,;'$*.0123456789=EF\n");

function mutateBytes(source: Uint8Array, rnd: () => number, index: number): Uint8Array {
  const kind = index % 3;
  if (kind === 0) return source.slice(0, Math.floor(rnd() * source.length));
  const copy = source.slice();
  const flips = 1 + Math.floor(rnd() * 20);
  for (let j = 0; j < flips; j++) {
    const position = Math.floor(rnd() * copy.length);
    copy[position] = kind === 1 ? Math.floor(rnd() * 256) : (punctuation[Math.floor(rnd() * punctuation.length)] ?? 0);
  }
  return copy;
}

function mutateText(text: string, rnd: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(rnd() * 5);
  for (let j = 0; j < edits; j++) {
    const kind = Math.floor(rnd() * 3);
    if (kind === 0) {
      const refs = [...out.matchAll(/#(\d+)(?=[,)])/g)];
      const pick = refs[Math.floor(rnd() * refs.length)];
      if (pick?.index !== undefined) out = `${out.slice(0, pick.index)}#${1 + Math.floor(rnd() * 400)}${out.slice(pick.index + pick[0].length)}`;
    } else if (kind === 1) {
      const numbers = [...out.matchAll(/(?<=[(,])-?\d+\.\d*(?:E-?\d+)?(?=[,)])/g)];
      const pick = numbers[Math.floor(rnd() * numbers.length)];
      const values = ['0.', '-1.', '1.E300', '-0.', '1.E-300', '123456789.'];
      if (pick?.index !== undefined) out = `${out.slice(0, pick.index)}${values[Math.floor(rnd() * values.length)]}${out.slice(pick.index + pick[0].length)}`;
    } else {
      const lines = out.split('\n');
      const dataStart = lines.indexOf('DATA;') + 1;
      lines.splice(dataStart + Math.floor(rnd() * (lines.length - dataStart - 2)), 1);
      out = lines.join('\n');
    }
  }
  return out;
}

function assertWellFormed(extraction: IfcExtraction): void {
  expect(Array.isArray(extraction.elements)).toBe(true);
  for (const element of extraction.elements) {
    expect(typeof element.globalId).toBe('string');
    for (const value of [element.volumeM3, element.areaM2]) expect(value === null || Number.isFinite(value)).toBe(true);
    for (const material of element.materials) expect(Number.isFinite(material.share)).toBe(true);
  }
}

interface Tally {
  ok: number;
  errors: Record<string, number>;
}

async function run(cases: Iterable<Uint8Array>): Promise<Tally> {
  const tally: Tally = { ok: 0, errors: {} };
  for (const bytes of cases) {
    try {
      assertWellFormed(await extractIfc(bytes));
      tally.ok++;
    } catch (error) {
      // Anything that is not an IfcImportError fails the test here, with the error itself.
      if (!(error instanceof IfcImportError)) throw error;
      tally.errors[error.code] = (tally.errors[error.code] ?? 0) + 1;
    }
  }
  return tally;
}

function* byteCases(source: Uint8Array, seed: number, count: number): Generator<Uint8Array> {
  const rnd = random(seed);
  for (let i = 0; i < count; i++) yield mutateBytes(source, rnd, i);
}

function* textCases(text: string, seed: number, count: number): Generator<Uint8Array> {
  const rnd = random(seed);
  const encoder = new TextEncoder();
  for (let i = 0; i < count; i++) yield encoder.encode(mutateText(text, rnd));
}

const small = generateIfc({ storeys: 2, wallsPerStorey: 3, beamsPerStorey: 1, withEmptyProxy: true, quantities: true }).text;
const smallGeometry = generateIfc({ storeys: 1, wallsPerStorey: 3, columnsPerStorey: 1, quantities: false, lengthUnit: 'm' }).text;

describe('IFC import fuzzing', () => {
  it('survives 4,000 byte-level corruptions of a synthetic IFC4 model', { timeout: 120_000 }, async () => {
    const tally = await run(byteCases(new TextEncoder().encode(small), 42, 4000));
    expect(tally.ok + Object.values(tally.errors).reduce((a, b) => a + b, 0)).toBe(4000);
    expect(tally.errors.corrupt).toBeGreaterThan(2000);
    expect(tally.ok).toBeGreaterThan(0);
  });

  it('survives 2,000 syntax-preserving edits (re-pointed references, extreme numbers, removed lines)', { timeout: 120_000 }, async () => {
    const withQto = await run(textCases(small, 7, 1000));
    const geometryOnly = await run(textCases(smallGeometry, 8, 1000));
    expect(withQto.ok + geometryOnly.ok).toBeGreaterThan(1000);
  });

  it('survives 400 corruptions of example.ifc and 60 of office-cv2.ifc', { timeout: 120_000 }, async () => {
    const example = await run(byteCases(new Uint8Array(readFixture('example.ifc')), 3, 400));
    const office = await run(byteCases(new Uint8Array(readFixture('office-cv2.ifc')), 4, 60));
    expect(example.errors.corrupt).toBeGreaterThan(200);
    expect(office.errors.corrupt).toBeGreaterThan(20);
    // The untouched files still import after all of that.
    expect((await extractIfc(readFixture('example.ifc'))).elements.length).toBe(116);
  });
});
