/**
 * Fuzzing the import endpoints with damaged files: random truncation and byte corruption of the fixtures
 * (deterministic seeds). Every answer must be a 2xx or a 4xx with a code and a message — never a 5xx, never a crash —
 * and a refused import writes nothing: the passport tables grow by exactly the accepted imports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPassport, writePassportXlsx } from '@kringbouw/passport-io';
import { generateIfc } from '@kringbouw/ifc/generate';
import { call, createTestContext, idOfOrganisation, projectBody, signIn, type Session, type TestContext } from '../../../test/helpers.ts';
import { ifcFixture, importIfc, importTable, parseSse, passportFixture, passportRowCounts } from '../../../test/passports-support.ts';

/** mulberry32: a small deterministic PRNG, so a failing case can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Truncates, corrupts bytes, or both; which and where follow from the seed. */
function damage(source: Buffer, seed: number): Buffer {
  const random = prng(seed);
  const mode = Math.floor(random() * 3);
  let bytes = Buffer.from(source);
  if (mode !== 1) bytes = bytes.subarray(0, Math.floor(random() * bytes.length));
  if (mode !== 0 && bytes.length > 0) {
    const copy = Buffer.from(bytes);
    const flips = 1 + Math.floor(random() * 24);
    for (let i = 0; i < flips; i++) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
    bytes = copy;
  }
  return bytes;
}

let ctx: TestContext;
let session: Session;
let projectId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  session = await signIn(ctx.app, 'beleid@leiden.demo');
  const leiden = await idOfOrganisation(ctx.app, session, 'Gemeente Leiden');
  const project = await call(ctx.app, session, 'POST', '/api/projects', projectBody(leiden, { bvoM2: 124, buildingType: 'grondgebonden' }));
  projectId = project.json<{ id: string }>().id;
});
afterAll(async () => ctx.close());

function expectClientOrSuccess(status: number, body: string, label: string): void {
  expect(status, `${label}: ${body.slice(0, 300)}`).toBeLessThan(500);
  if (status >= 400) {
    const error = JSON.parse(body) as { error: { code: string; message: string } };
    expect(error.error.code.length, label).toBeGreaterThan(0);
    expect(error.error.message.length, label).toBeGreaterThan(5);
  }
}

describe('fuzzing the table import (CSV, XLSX, JSON)', () => {
  it('answers every damaged file with 2xx or 4xx and writes only what it accepts', async () => {
    const csv = passportFixture('tussenwoning.nl.csv');
    const json = passportFixture('tussenwoning.json');
    const read = await readPassport(csv, 'csv', { bvoM2: 124, buildingType: 'grondgebonden' });
    if (!read.ok) throw new Error('fixture does not read');
    const xlsx = await writePassportXlsx({ project: read.passport.project, elements: read.passport.elements });
    const suites: [string, Buffer, number][] = [
      ['csv', csv, 1300],
      ['xlsx', xlsx, 300],
      ['json', json, 300],
    ];
    const before = await passportRowCounts(ctx.database);
    let accepted = 0;
    let cases = 0;
    for (const [format, source, count] of suites) {
      for (let seed = 1; seed <= count; seed++) {
        const response = await importTable(ctx.app, session, projectId, `fuzz.${format}`, damage(source, seed));
        expectClientOrSuccess(response.statusCode, response.body, `${format} seed ${seed}`);
        if (response.statusCode === 201) accepted += 1;
        cases += 1;
      }
    }
    const after = await passportRowCounts(ctx.database);
    expect(after.passport_versions).toBe((before.passport_versions ?? 0) + accepted);
    expect(after.passport_files).toBe(before.passport_files);
    expect(cases).toBe(1900);
  }, 120_000);
});

describe('fuzzing the IFC import', () => {
  it('refuses or imports every damaged model, never a 5xx, the server keeps running, nothing half-written', async () => {
    const sources: [string, Buffer, number][] = [
      ['example', ifcFixture('example.ifc'), 5],
      ['synthetic', Buffer.from(generateIfc({ storeys: 2, wallsPerStorey: 6, slabsPerStorey: 1, columnsPerStorey: 2 }).text), 5],
    ];
    const before = await passportRowCounts(ctx.database);
    let done = 0;
    /** Outcome → count, shown when the control fails. */
    const outcomes = new Map<string, number>();
    for (const [name, source, count] of sources) {
      for (let seed = 1; seed <= count; seed++) {
        const response = await importIfc(ctx.app, session, projectId, `${name}.ifc`, damage(source, seed * 7919));
        expectClientOrSuccess(response.statusCode, response.body, `${name} seed ${seed}`);
        let outcome = `http ${response.statusCode}`;
        if (response.statusCode === 202) {
          const jobId = response.json<{ id: string }>().id;
          const events = parseSse((await call(ctx.app, session, 'GET', `/api/projects/${projectId}/passports/imports/${jobId}/events`)).body);
          const last = events.at(-1);
          expect(['done', 'failed'], `${name} seed ${seed}`).toContain(last?.event);
          if (last?.event === 'done') done += 1;
          else expect((last?.data as { code: string }).code, `${name} seed ${seed}`).not.toBe('import_failed');
          outcome = last?.event === 'done' ? 'done' : `failed ${(last?.data as { code: string }).code}`;
        }
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }
    }
    const after = await passportRowCounts(ctx.database);
    expect(after.passport_versions).toBe((before.passport_versions ?? 0) + done);
    // Still answering.
    expect((await call(ctx.app, session, 'GET', `/api/projects/${projectId}/passports`)).statusCode).toBe(200);
    // Control: the undamaged synthetic model still imports after all that.
    const intact = await importIfc(ctx.app, session, projectId, 'intact.ifc', sources[1]?.[1] ?? '');
    expect(intact.statusCode).toBe(202);
    const events = parseSse((await call(ctx.app, session, 'GET', `/api/projects/${projectId}/passports/imports/${intact.json<{ id: string }>().id}/events`)).body);
    expect(events.at(-1)?.event, JSON.stringify([...outcomes])).toBe('done');
  }, 180_000);
});
