import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('municipalities', () => {
  it('serves municipalities with the City Deal cities marked, and boundaries as GeoJSON', async () => {
    const list = (await ctx.app.inject({ method: 'GET', url: '/api/municipalities' })).json<{ items: { code: string; name: string; cityDeal: boolean }[] }>();
    expect(list.items).toHaveLength(342);
    expect(list.items.filter((m) => m.cityDeal).map((m) => m.code).sort()).toEqual(
      ['GM0034', 'GM0080', 'GM0268', 'GM0307', 'GM0344', 'GM0505', 'GM0518', 'GM0546'],
    );
    const boundaries = await ctx.app.inject({ method: 'GET', url: '/api/municipalities/boundaries?codes=GM0546,GM0518' });
    expect(boundaries.headers['cache-control']).toContain('max-age');
    const collection = boundaries.json();
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.map((f: { properties: { statnaam: string } }) => f.properties.statnaam)).toEqual(['Leiden', "'s-Gravenhage"]);
  });

  it('refuses unknown codes in the boundaries request', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/municipalities/boundaries?codes=GM0546,GM9999' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([expect.objectContaining({ path: 'codes', message: expect.stringContaining('GM9999') })]);
  });
});
