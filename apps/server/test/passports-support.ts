/** Test support for material passports: fixture files, uploads, versions with lines, finished IFC jobs. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { z } from 'zod';
import type { Database } from '../src/db/index.ts';
import { call, type Session } from './helpers.ts';
import { injectMultipart, multipart } from './stock-support.ts';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const passportFixture = (name: string): Buffer => readFileSync(path.join(root, 'packages', 'passport-io', 'test', 'fixtures', name));
export const ifcFixture = (name: string): Buffer => readFileSync(path.join(root, 'packages', 'ifc', 'test', 'fixtures', name));

export function tableUpload(fileName: string, content: Buffer | string, label?: string) {
  return multipart(label === undefined ? {} : { label }, { name: fileName, content });
}

export function importTable(app: FastifyInstance, session: Session | null, projectId: string, fileName: string, content: Buffer | string) {
  return injectMultipart(app, session, 'POST', `/api/projects/${projectId}/passports/imports/table`, tableUpload(fileName, content));
}

export function importIfc(app: FastifyInstance, session: Session | null, projectId: string, fileName: string, content: Buffer | string) {
  return injectMultipart(app, session, 'POST', `/api/projects/${projectId}/passports/imports/ifc`, tableUpload(fileName, content));
}

/** A concept with the 19 lines of the tussenwoning fixture; returns its id and revision. */
export async function versionWithLines(app: FastifyInstance, session: Session, projectId: string): Promise<{ id: string; revision: number }> {
  const response = await importTable(app, session, projectId, 'tussenwoning.nl.csv', passportFixture('tussenwoning.nl.csv'));
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; revision: number }>();
}

export interface SseEvent {
  event: string;
  data: unknown;
}

/** Parses a text/event-stream body into its events (comments skipped). */
export function parseSse(body: string): SseEvent[] {
  return body
    .split('\n\n')
    .map((block) => block.split('\n').filter((line) => !line.startsWith(':') && line !== ''))
    .filter((lines) => lines.length > 0)
    .map((lines) => {
      const event = lines.find((line) => line.startsWith('event: '))?.slice(7) ?? 'message';
      const data = lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
      return { event, data: JSON.parse(data) as unknown };
    });
}

/** Starts an IFC import and waits (over the event stream) until it ends; returns the events and the job id. */
export async function runIfcImport(app: FastifyInstance, session: Session, projectId: string, fileName: string, content: Buffer | string) {
  const started = await importIfc(app, session, projectId, fileName, content);
  expect(started.statusCode, started.body).toBe(202);
  const jobId = started.json<{ id: string }>().id;
  const stream = await call(app, session, 'GET', `/api/projects/${projectId}/passports/imports/${jobId}/events`);
  expect(stream.statusCode).toBe(200);
  return { jobId, events: parseSse(stream.body) };
}

const countRows = z.object({ rows: z.array(z.object({ n: z.coerce.number() })) });

/** Row counts of the passport tables, to prove a refused or cancelled import wrote nothing. */
export async function passportRowCounts(database: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['passport_versions', 'passport_files', 'material_mappings', 'passport_settings']) {
    const result: unknown = await database.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
    counts[table] = countRows.parse(result).rows[0]?.n ?? Number.NaN;
  }
  return counts;
}
