import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, signIn, type TestContext } from '../../../test/helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('health', () => {
  it('answers /health and /ready', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    expect((await ctx.app.inject({ method: 'GET', url: '/ready' })).json()).toEqual({ status: 'ready' });
  });

  it('reports not ready (503) when the database is gone, and the API answers 500 without internals', async () => {
    const broken = await createTestContext();
    const session = await signIn(broken.app, 'lezer@leiden.demo');
    await broken.database.close();
    expect((await broken.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    const ready = await broken.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().error.code).toBe('not_ready');
    const response = await call(broken.app, session, 'GET', '/api/projects');
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: 'internal', message: 'Er ging iets mis aan onze kant.' } });
    await broken.app.close();
  });
});
