/**
 * A municipality's own opportunity rules: stored as versions, validated with every bad path named, only for the
 * gemeente's bewerkers and the coordinator, and every building of the municipality re-scored (scores, reasons,
 * clusters) in the same transaction; later imports score with the stored set.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StockRuleSet, StockRuleSetSaved } from '@kringbouw/contracts';
import { defaultOpportunityRules, type OpportunityRules } from '@kringbouw/domain/opportunities';
import { call, createTestContext, idOfOrganisation, signIn, type Session, type TestContext } from '../../../test/helpers.ts';
import { buildingsUpload, freshPandId, injectMultipart, oneBuildingGeoJson } from '../../../test/stock-support.ts';

const LEIDEN = 'GM0546';
let ctx: TestContext;
let s: Record<'coordinator' | 'gemeente' | 'lezer' | 'corporatie', Session>;
let org: Record<'leiden' | 'corporatie', string>;
const flat = freshPandId();

/** The default rules with the flat-roof rule worth `points`. */
function withFlatRoofPoints(points: number): OpportunityRules {
  return {
    ...defaultOpportunityRules,
    name: 'Leiden: platte daken zwaarder',
    kinds: { ...defaultOpportunityRules.kinds, optoppen: defaultOpportunityRules.kinds.optoppen.map((rule) => (rule.code === 'platte_dakvorm' ? { ...rule, points } : rule)) },
  };
}

async function optoppen(bagId: string): Promise<{ score: number; reasons: { code: string; points: number }[]; rulesVersion: string }> {
  const detail = (await call(ctx.app, s.lezer, 'GET', `/api/stock/buildings/${bagId}`)).json<{ rulesVersion: string; opportunities: { optoppen: { score: number; reasons: { code: string; points: number }[] } } }>();
  return { ...detail.opportunities.optoppen, rulesVersion: detail.rulesVersion };
}

beforeAll(async () => {
  ctx = await createTestContext();
  s = {
    coordinator: await signIn(ctx.app, 'coordinator@citydeal.demo'),
    gemeente: await signIn(ctx.app, 'beleid@leiden.demo'),
    lezer: await signIn(ctx.app, 'lezer@leiden.demo'),
    corporatie: await signIn(ctx.app, 'corporatie@leiden.demo'),
  };
  org = { leiden: await idOfOrganisation(ctx.app, s.coordinator, 'Gemeente Leiden'), corporatie: await idOfOrganisation(ctx.app, s.coordinator, 'Voorbeeldcorporatie Leiden (demo)') };
  // One flat-roofed 1972 building, 9 m high (3 storeys): platte dakvorm 35 + bouwjaar 1965–1985 25 + 2–4 bouwlagen 15 = 75.
  const imported = await injectMultipart(ctx.app, s.gemeente, 'POST', `/api/stock/municipalities/${LEIDEN}/buildings?organisationId=${org.leiden}`, buildingsUpload(oneBuildingGeoJson(flat, [93000, 463000])));
  expect(imported.statusCode, imported.body).toBe(200);
});
afterAll(async () => {
  await ctx?.close();
});

describe('rule sets per municipality', () => {
  it('without a saved set the default rules apply', async () => {
    const rules = (await call(ctx.app, s.lezer, 'GET', `/api/stock/municipalities/${LEIDEN}/rules`)).json<StockRuleSet>();
    expect(rules).toMatchObject({ municipalityCode: LEIDEN, version: null, history: [] });
    expect(rules.rules.version).toBe('rules-v1');
    expect(await optoppen(flat)).toMatchObject({ score: 75, rulesVersion: 'rules-v1' });
  });

  it('a bewerker of the gemeente saves a version; the municipality is re-scored with it in the same transaction', async () => {
    const saved = await call(ctx.app, s.gemeente, 'PUT', `/api/stock/municipalities/${LEIDEN}/rules`, { organisationId: org.leiden, rules: withFlatRoofPoints(5), note: 'Platte daken tellen minder zwaar' });
    expect(saved.statusCode, saved.body).toBe(200);
    const body = saved.json<StockRuleSetSaved>();
    expect(body).toMatchObject({ version: 1, rescored: 1, history: [{ version: 1, rulesVersion: `${LEIDEN}-v1`, note: 'Platte daken tellen minder zwaar', organisationName: 'Gemeente Leiden' }] });
    expect(body.rules.version).toBe(`${LEIDEN}-v1`);
    // 5 + 25 + 15 = 45, and the reason carries the new points.
    const after = await optoppen(flat);
    expect(after).toMatchObject({ score: 45, rulesVersion: `${LEIDEN}-v1` });
    expect(after.reasons.find((r) => r.code === 'platte_dakvorm')?.points).toBe(5);
    // The map's narrow table and clusters follow in the same transaction.
    const point = (await ctx.database.db.execute(sql`select score_optoppen from stock_points where bag_id = ${flat}`)) as unknown as { rows: { score_optoppen: number }[] };
    expect(Number(point.rows[0]?.score_optoppen)).toBe(45);
    const cluster = (await ctx.database.db.execute(sql`select max_optoppen from stock_clusters where municipality_code = ${LEIDEN} and zoom = 0`)) as unknown as { rows: { max_optoppen: number }[] };
    expect(Number(cluster.rows[0]?.max_optoppen)).toBe(45);

    // A later import scores with the saved set.
    const next = freshPandId();
    await injectMultipart(ctx.app, s.gemeente, 'POST', `/api/stock/municipalities/${LEIDEN}/buildings?organisationId=${org.leiden}`, buildingsUpload(oneBuildingGeoJson(next, [94000, 464000])));
    expect(await optoppen(next)).toMatchObject({ score: 45, rulesVersion: `${LEIDEN}-v1` });

    // A second version; the history keeps both.
    const second = (await call(ctx.app, s.coordinator, 'PUT', `/api/stock/municipalities/${LEIDEN}/rules`, { organisationId: org.leiden, rules: withFlatRoofPoints(60), note: '' })).json<StockRuleSetSaved>();
    expect(second.version).toBe(2);
    expect(second.rescored).toBe(2);
    expect(second.history.map((h) => h.version)).toEqual([2, 1]);
    expect(await optoppen(flat)).toMatchObject({ score: 100, rulesVersion: `${LEIDEN}-v2` });
  });

  it('refuses an invalid set naming every bad path, and changes nothing', async () => {
    const bad = withFlatRoofPoints(500);
    const duplicate = { ...bad, kinds: { ...bad.kinds, splitsen: [...bad.kinds.splitsen, bad.kinds.splitsen[0]] } };
    const response = await call(ctx.app, s.gemeente, 'PUT', `/api/stock/municipalities/${LEIDEN}/rules`, { organisationId: org.leiden, rules: duplicate });
    expect(response.statusCode).toBe(400);
    const text = JSON.stringify(response.json());
    expect(text).toContain('kinds');
    expect(text).toContain('points');
    expect(text).toContain('duplicate rule code');
    const rules = (await call(ctx.app, s.lezer, 'GET', `/api/stock/municipalities/${LEIDEN}/rules`)).json<StockRuleSet>();
    expect(rules.version).toBe(2);
  });

  it('only the gemeente’s bewerkers and the coordinator change its rules', async () => {
    const body = { organisationId: org.leiden, rules: withFlatRoofPoints(10) };
    expect((await call(ctx.app, s.lezer, 'PUT', `/api/stock/municipalities/${LEIDEN}/rules`, body)).statusCode).toBe(403);
    // The corporation acts for itself, but it is not the gemeente.
    expect((await call(ctx.app, s.corporatie, 'PUT', `/api/stock/municipalities/${LEIDEN}/rules`, { ...body, organisationId: org.corporatie })).statusCode).toBe(403);
    // Gemeente Leiden does not set Delft's rules.
    expect((await call(ctx.app, s.gemeente, 'PUT', '/api/stock/municipalities/GM0503/rules', body)).statusCode).toBe(403);
    expect((await call(ctx.app, s.gemeente, 'PUT', '/api/stock/municipalities/GM9999/rules', body)).statusCode).toBe(404);
  });
});
