/**
 * Every endpoint that takes input, given bad input: 400 `validation_failed` naming each wrong field (dotted path),
 * and not a single row written anywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, idOfOrganisation, projectBody, rowCounts, signIn, type Session, type TestContext } from './helpers.ts';

let ctx: TestContext;
let coordinator: Session;
let leiden: string;
let projectId: string;
let lezerId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  coordinator = await signIn(ctx.app, 'coordinator@citydeal.demo');
  leiden = await idOfOrganisation(ctx.app, coordinator, 'Gemeente Leiden');
  const created = await call(ctx.app, coordinator, 'POST', '/api/projects', projectBody(leiden));
  projectId = created.json<{ id: string }>().id;
  lezerId = (await signIn(ctx.app, 'lezer@leiden.demo')).userId;
});
afterAll(async () => {
  await ctx.close();
});

type Case = { name: string; method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: () => string; body?: () => unknown; paths: string[]; anonymous?: boolean };

const validProjectUpdate = () => {
  const { ownerOrganisationId: _o, ...rest } = projectBody(leiden);
  return { ...rest, version: 1 };
};

const cases: Case[] = [
  { name: 'sign-in', method: 'POST', url: () => '/api/auth/sign-in', body: () => ({ email: 'geen-email', password: '' }), paths: ['email', 'password'], anonymous: true },
  { name: 'password reset request', method: 'POST', url: () => '/api/auth/password-reset/request', body: () => ({ email: 42 }), paths: ['email'], anonymous: true },
  { name: 'password reset confirm', method: 'POST', url: () => '/api/auth/password-reset/confirm', body: () => ({ token: 'kort', password: 'kort' }), paths: ['token', 'password'], anonymous: true },
  { name: 'invitation preview', method: 'GET', url: () => '/api/invitations/kort', paths: ['token'], anonymous: true },
  { name: 'invitation accept', method: 'POST', url: () => '/api/invitations/accept', body: () => ({ token: 'x'.repeat(43), name: '', password: 'kort' }), paths: ['name', 'password'], anonymous: true },
  { name: 'organisation list', method: 'GET', url: () => '/api/organisations?kind=bakker', paths: ['kind'] },
  {
    name: 'organisation create',
    method: 'POST',
    url: () => '/api/organisations',
    body: () => ({ name: 'X', kind: 'bakker', municipalityCode: '0546', website: 'geen url' }),
    paths: ['name', 'kind', 'municipalityCode', 'website'],
  },
  { name: 'organisation detail', method: 'GET', url: () => '/api/organisations/geen-uuid', paths: ['id'] },
  { name: 'organisation update', method: 'PATCH', url: () => `/api/organisations/${leiden}`, body: () => ({ name: '', cityDealSignatory: 'ja' }), paths: ['name', 'cityDealSignatory'] },
  { name: 'organisation update (unknown municipality)', method: 'PATCH', url: () => `/api/organisations/${leiden}`, body: () => ({ municipalityCode: 'GM9999' }), paths: ['municipalityCode'] },
  { name: 'invitation create', method: 'POST', url: () => `/api/organisations/${leiden}/invitations`, body: () => ({ email: 'nee', role: 'baas' }), paths: ['email', 'role'] },
  { name: 'invitation revoke', method: 'DELETE', url: () => `/api/organisations/${leiden}/invitations/geen-uuid`, paths: ['invitationId'] },
  { name: 'member update', method: 'PATCH', url: () => `/api/organisations/${leiden}/members/${lezerId}`, body: () => ({ role: 'koning' }), paths: ['role'] },
  { name: 'member remove', method: 'DELETE', url: () => `/api/organisations/${leiden}/members/geen-uuid`, paths: ['userId'] },
  { name: 'boundaries', method: 'GET', url: () => '/api/municipalities/boundaries?codes=Leiden', paths: ['codes'], anonymous: true },
  { name: 'boundaries (unknown code)', method: 'GET', url: () => '/api/municipalities/boundaries?codes=GM9999', paths: ['codes'], anonymous: true },
  { name: 'project list', method: 'GET', url: () => '/api/projects?pageSize=1000&sort=prijs&municipality=Leiden', paths: ['pageSize', 'sort', 'municipality'] },
  {
    name: 'project create',
    method: 'POST',
    url: () => '/api/projects',
    body: () =>
      projectBody(leiden, {
        name: '',
        dwellings: -1,
        location: { lat: 10, lon: 4.5 },
        parties: [{ organisationId: leiden, role: 'sponsor' }],
        phaseDates: { initiatief: '2025-13-45' },
      }),
    paths: ['name', 'location.lat', 'phaseDates.initiatief', 'dwellings', 'parties.0.role'],
  },
  {
    name: 'project create (unknown municipality and party)',
    method: 'POST',
    url: () => '/api/projects',
    body: () => projectBody(leiden, { municipalityCode: 'GM9999', parties: [{ organisationId: '00000000-0000-4000-8000-000000000000', role: 'bouwer' }] }),
    paths: ['municipalityCode', 'parties.0.organisationId'],
  },
  { name: 'project detail', method: 'GET', url: () => '/api/projects/123', paths: ['id'] },
  { name: 'project update', method: 'PUT', url: () => `/api/projects/${projectId}`, body: () => ({ ...validProjectUpdate(), version: 0, kind: 'paleis' }), paths: ['kind', 'version'] },
  { name: 'project delete', method: 'DELETE', url: () => '/api/projects/123', paths: ['id'] },
];

describe('invalid input is refused with the fields named, and writes nothing', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const before = await rowCounts(ctx.database);
      const response = await call(ctx.app, c.anonymous ? null : coordinator, c.method, c.url(), c.body?.());
      expect(response.statusCode).toBe(400);
      const error = response.json().error;
      expect(error.code).toBe('validation_failed');
      const paths = (error.details as { path: string; message: string }[]).map((d) => d.path);
      expect([...new Set(paths)].sort()).toEqual([...c.paths].sort());
      for (const detail of error.details as { message: string }[]) expect(detail.message.length).toBeGreaterThan(0);
      const after = await rowCounts(ctx.database);
      // Sessions are the only thing a request may touch (sliding expiry), and never their number.
      expect(after).toEqual(before);
    });
  }

  it('rejects malformed JSON with 400 invalid_json and an oversized body with 413', async () => {
    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_json');
    const huge = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.nl', password: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
  });

  it('speaks Dutch in validation messages', async () => {
    const response = await call(ctx.app, null, 'POST', '/api/auth/sign-in', { email: 'geen-email', password: 'x' });
    expect(response.json().error.details[0].message).toMatch(/ongeldig|Ongeldig/);
  });
});
