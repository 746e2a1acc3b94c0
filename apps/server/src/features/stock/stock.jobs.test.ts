/**
 * Building imports as background jobs: progress over server-sent events, all or nothing, cancel that writes
 * nothing, and who sees a job.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StockImportJob } from '@kringbouw/contracts';
import { call, createTestContext, idOfOrganisation, signIn, type Session, type TestContext } from '../../../test/helpers.ts';
import { buildingsUpload, injectMultipart, stockFixture } from '../../../test/stock-support.ts';

const DELFT = 'GM0503';
let ctx: TestContext;
let s: Record<'coordinator' | 'gemeente' | 'lezer' | 'bouwer', Session>;
let leiden: string;

async function stockCount(): Promise<number> {
  const result = (await ctx.database.db.execute(sql`select count(*)::int as n from stock_buildings`)) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]?.n);
}

async function startJob(file: Buffer | string, name: string): Promise<StockImportJob> {
  const response = await injectMultipart(ctx.app, s.gemeente, 'POST', `/api/stock/municipalities/${DELFT}/buildings/jobs?organisationId=${leiden}`, buildingsUpload(file, name));
  expect(response.statusCode, response.body).toBe(202);
  return response.json<StockImportJob>();
}

/** The whole event stream of a job (the request ends when the job does). */
async function eventsOf(jobId: string, session: Session = s.gemeente): Promise<{ event: string; data: Record<string, unknown> }[]> {
  const response = await call(ctx.app, session, 'GET', `/api/stock/imports/${jobId}/events`);
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toContain('text/event-stream');
  return response.body
    .split('\n\n')
    .filter((block) => block.startsWith('event:'))
    .map((block) => {
      const [eventLine = '', dataLine = ''] = block.split('\n');
      return { event: eventLine.slice('event: '.length), data: JSON.parse(dataLine.slice('data: '.length)) as Record<string, unknown> };
    });
}

/** `count` 10 m buildings on a 20 m grid in Delft (RD New), GeoJSONSeq. */
function manyBuildings(count: number, firstId: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const x = 83000 + (i % 150) * 20;
    const y = 444000 + Math.floor(i / 150) * 20;
    lines.push(
      JSON.stringify({
        type: 'Feature',
        properties: { identificatie: `05031077${String(firstId + i).padStart(8, '0')}`, oorspronkelijkbouwjaar: 1970, dak_type: 'horizontal', h_maaiveld: 0, h_dak_max: 9, h_dak_70p: 9 },
        geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 10, y], [x + 10, y + 10], [x, y + 10], [x, y]]] },
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  ctx = await createTestContext();
  s = {
    coordinator: await signIn(ctx.app, 'coordinator@citydeal.demo'),
    gemeente: await signIn(ctx.app, 'beleid@leiden.demo'),
    lezer: await signIn(ctx.app, 'lezer@leiden.demo'),
    bouwer: await signIn(ctx.app, 'bouwer@vanwijnen.demo'),
  };
  leiden = await idOfOrganisation(ctx.app, s.coordinator, 'Gemeente Leiden');
});
afterAll(async () => {
  await ctx?.close();
});

describe('building import jobs', () => {
  it('imports the Delft tile in the background: progress read → score → save, then done with the result', async () => {
    const job = await startJob(stockFixture('3dbag_v210908_tile5910_delft.city.json'), 'tile.city.json');
    expect(job).toMatchObject({ status: 'running', municipalityCode: DELFT, organisationId: leiden, fileName: 'tile.city.json' });
    const events = await eventsOf(job.id);
    const last = events[events.length - 1];
    expect(last?.event).toBe('done');
    expect(last?.data.result).toMatchObject({ imported: 432, rescored: 0, rulesVersion: 'rules-v1' });
    // Progress only moves forward and passes the phases in order (events that happened before subscribing are summed up in the first).
    const progress = events.filter((e) => e.event === 'progress').map((e) => e.data as { phase: string; fraction: number });
    const order = ['read', 'score', 'save'];
    for (let i = 1; i < progress.length; i += 1) {
      expect(progress[i]?.fraction).toBeGreaterThanOrEqual(progress[i - 1]?.fraction ?? 0);
      expect(order.indexOf(progress[i]?.phase ?? '')).toBeGreaterThanOrEqual(order.indexOf(progress[i - 1]?.phase ?? ''));
    }
    expect(await stockCount()).toBe(432);
    const state = (await call(ctx.app, s.lezer, 'GET', `/api/stock/imports/${job.id}`)).json<StockImportJob>();
    expect(state).toMatchObject({ status: 'done', phase: 'save', fraction: 1, result: { imported: 432 } });
  });

  it('a file with a bad feature fails the job with the id and reason, and writes nothing', async () => {
    const before = await stockCount();
    const bad = `${manyBuildings(3, 900000).trim()}\n${JSON.stringify({ type: 'Feature', properties: { identificatie: '12345' }, geometry: { type: 'Polygon', coordinates: [[[83000, 444000], [83010, 444000], [83010, 444010], [83000, 444000]]] } })}\n`;
    const job = await startJob(bad, 'panden.geojsonl');
    const events = await eventsOf(job.id);
    const failed = events[events.length - 1];
    expect(failed?.event).toBe('failed');
    expect(failed?.data).toMatchObject({ code: 'import_rejected' });
    expect(JSON.stringify(failed?.data.details)).toContain('12345');
    expect(await stockCount()).toBe(before);
    expect((await call(ctx.app, s.gemeente, 'GET', `/api/stock/imports/${job.id}`)).json<StockImportJob>().status).toBe('failed');
  });

  it('cancelling a running import stops it and writes nothing; a finished one cannot be cancelled', async () => {
    const before = await stockCount();
    const job = await startJob(manyBuildings(15_000, 0), 'groot.geojsonl');
    // A lezer of the organisation sees the job but may not stop it; someone outside does not see it.
    expect((await call(ctx.app, s.lezer, 'DELETE', `/api/stock/imports/${job.id}`)).statusCode).toBe(403);
    expect((await call(ctx.app, s.bouwer, 'GET', `/api/stock/imports/${job.id}`)).statusCode).toBe(404);
    const cancelled = await call(ctx.app, s.gemeente, 'DELETE', `/api/stock/imports/${job.id}`);
    expect(cancelled.statusCode, cancelled.body).toBe(204);
    const events = await eventsOf(job.id);
    expect(events[events.length - 1]).toMatchObject({ event: 'failed', data: { code: 'import_cancelled' } });
    expect(await stockCount()).toBe(before);
    // Cancelling again is harmless; a job that finished cannot be cancelled.
    expect((await call(ctx.app, s.gemeente, 'DELETE', `/api/stock/imports/${job.id}`)).statusCode).toBe(204);
    const small = await startJob(manyBuildings(2, 800000), 'klein.geojsonl');
    expect((await eventsOf(small.id)).pop()?.event).toBe('done');
    const late = await call(ctx.app, s.gemeente, 'DELETE', `/api/stock/imports/${small.id}`);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ error: { code: 'import_finished' } });
  });

  it('refuses at once who may not import and an unknown municipality, before taking the upload', async () => {
    const upload = buildingsUpload(manyBuildings(1, 990000));
    expect((await injectMultipart(ctx.app, s.lezer, 'POST', `/api/stock/municipalities/${DELFT}/buildings/jobs?organisationId=${leiden}`, upload)).statusCode).toBe(403);
    expect((await injectMultipart(ctx.app, s.gemeente, 'POST', `/api/stock/municipalities/GM9999/buildings/jobs?organisationId=${leiden}`, upload)).statusCode).toBe(400);
    expect((await call(ctx.app, s.gemeente, 'GET', '/api/stock/imports/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
