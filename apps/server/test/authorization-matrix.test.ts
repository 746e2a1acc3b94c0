/**
 * Every registered route × every kind of actor, with the status each must get. The table is keyed by
 * "METHOD /path" exactly as registered; a route without a row fails the suite, so a new endpoint cannot ship
 * without deciding who may call it. HEAD routes are Fastify's automatic mirrors of GET routes and are skipped.
 *
 * Targets belong to Gemeente Leiden; "other" is a bewerker of Van Wijnen (a different organisation).
 * Rows of the core routes are below; features add theirs in test/matrix/<feature>.rows.ts (see the support file).
 */
/// <reference types="vite/client" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorEmails,
  actorNames,
  everyone,
  freshInvitation,
  freshMember,
  freshProject,
  signedIn,
  unique,
  type ActorName,
  type Fixtures,
  type MatrixRows,
} from './authorization-matrix.support.ts';
import { call, createTestContext, idOfOrganisation, projectBody, signIn, type Session } from './helpers.ts';

const coreRows: MatrixRows = {
  'GET /health': { expected: everyone(200), cell: async () => ({ method: 'GET', url: '/health' }) },
  'GET /ready': { expected: everyone(200), cell: async () => ({ method: 'GET', url: '/ready' }) },
  'GET /api/openapi.json': { expected: everyone(200), cell: async () => ({ method: 'GET', url: '/api/openapi.json' }) },
  'GET /api/docs': { expected: everyone(200), cell: async () => ({ method: 'GET', url: '/api/docs' }) },
  'GET /api/docs/static/index.html': { expected: everyone(302), cell: async () => ({ method: 'GET', url: '/api/docs/static/index.html' }) },
  'GET /api/docs/static/swagger-initializer.js': {
    expected: everyone(200),
    cell: async () => ({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' }),
  },
  'GET /api/docs/json': { expected: everyone(200), cell: async () => ({ method: 'GET', url: '/api/docs/json' }) },
  'GET /api/docs/yaml': { expected: everyone(200), cell: async () => ({ method: 'GET', url: '/api/docs/yaml' }) },
  'GET /api/docs/static/*': { expected: everyone(200), cell: async () => ({ method: 'GET', url: '/api/docs/static/swagger-ui.css' }) },

  'GET /api/auth/config': { expected: everyone(200), cell: async () => ({ method: 'GET', url: '/api/auth/config' }) },
  'POST /api/auth/sign-in': {
    expected: everyone(401),
    cell: async () => ({ method: 'POST', url: '/api/auth/sign-in', body: { email: 'niemand@example.org', password: 'verkeerd-wachtwoord' } }),
  },
  'POST /api/auth/sign-out': {
    expected: everyone(200),
    // A session of its own, so the actor's main session survives for the other rows.
    cell: async (f, actor) => ({
      method: 'POST',
      url: '/api/auth/sign-out',
      session: actor === 'anonymous' ? null : await signIn(f.ctx.app, actorEmails[actor]),
    }),
  },
  'GET /api/auth/session': { expected: signedIn(200), cell: async () => ({ method: 'GET', url: '/api/auth/session' }) },
  'POST /api/auth/password-reset/request': {
    expected: everyone(200),
    cell: async () => ({ method: 'POST', url: '/api/auth/password-reset/request', body: { email: 'niemand@example.org' } }),
  },
  'POST /api/auth/password-reset/confirm': {
    expected: everyone(400),
    cell: async () => ({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      body: { token: 'x'.repeat(43), password: 'nieuw-en-lang-genoeg' },
    }),
  },
  'GET /api/auth/oidc/start': { expected: everyone(404), cell: async () => ({ method: 'GET', url: '/api/auth/oidc/start' }) },
  'GET /api/auth/oidc/callback': { expected: everyone(404), cell: async () => ({ method: 'GET', url: '/api/auth/oidc/callback?code=x&state=y' }) },

  'GET /api/invitations/:token': {
    expected: everyone(200),
    cell: async (f) => ({ method: 'GET', url: `/api/invitations/${(await freshInvitation(f)).token}` }),
  },
  'POST /api/invitations/accept': {
    expected: everyone(200),
    // Accepting signs out whoever was signed in on the browser, so each actor uses a session of its own.
    cell: async (f, actor) => ({
      method: 'POST',
      url: '/api/invitations/accept',
      body: { token: (await freshInvitation(f)).token, name: 'Nieuw lid', password: 'een-lang-wachtwoord' },
      session: actor === 'anonymous' ? null : await signIn(f.ctx.app, actorEmails[actor]),
    }),
  },

  'GET /api/organisations': { expected: signedIn(200), cell: async () => ({ method: 'GET', url: '/api/organisations?kind=gemeente' }) },
  'POST /api/organisations': {
    expected: [401, 403, 403, 403, 403, 201],
    cell: async () => ({ method: 'POST', url: '/api/organisations', body: { name: `Nieuwe organisatie ${unique()}`, kind: 'adviseur' } }),
  },
  'GET /api/organisations/:id': { expected: signedIn(200), cell: async (f) => ({ method: 'GET', url: `/api/organisations/${f.leiden}` }) },
  'PATCH /api/organisations/:id': {
    expected: [401, 403, 403, 403, 200, 200],
    cell: async (f) => ({ method: 'PATCH', url: `/api/organisations/${f.leiden}`, body: { website: 'https://www.leiden.nl/' } }),
  },
  'POST /api/organisations/:id/invitations': {
    expected: [401, 403, 403, 403, 201, 201],
    cell: async (f) => ({
      method: 'POST',
      url: `/api/organisations/${f.leiden}/invitations`,
      body: { email: `nieuw-${unique()}@example.org`, role: 'bewerker' },
    }),
  },
  'DELETE /api/organisations/:id/invitations/:invitationId': {
    expected: [401, 403, 403, 403, 204, 204],
    cell: async (f) => ({ method: 'DELETE', url: `/api/organisations/${f.leiden}/invitations/${(await freshInvitation(f)).id}` }),
  },
  'PATCH /api/organisations/:id/members/:userId': {
    expected: [401, 403, 403, 403, 200, 200],
    cell: async (f) => ({ method: 'PATCH', url: `/api/organisations/${f.leiden}/members/${f.lezerUserId}`, body: { role: 'lezer' } }),
  },
  'DELETE /api/organisations/:id/members/:userId': {
    expected: [401, 403, 403, 403, 204, 204],
    cell: async (f) => ({ method: 'DELETE', url: `/api/organisations/${f.leiden}/members/${await freshMember(f)}` }),
  },

  'GET /api/municipalities': { expected: everyone(200), cell: async () => ({ method: 'GET', url: '/api/municipalities' }) },
  'GET /api/municipalities/boundaries': {
    expected: everyone(200),
    cell: async () => ({ method: 'GET', url: '/api/municipalities/boundaries?codes=GM0546,GM0518' }),
  },

  'GET /api/projects': { expected: signedIn(200), cell: async () => ({ method: 'GET', url: '/api/projects' }) },
  'POST /api/projects': {
    expected: [401, 403, 403, 201, 201, 201],
    cell: async (f) => ({ method: 'POST', url: '/api/projects', body: projectBody(f.leiden, { name: `Nieuw ${unique()}` }) }),
  },
  'GET /api/projects/:id': { expected: signedIn(200), cell: async (f) => ({ method: 'GET', url: `/api/projects/${(await freshProject(f)).id}` }) },
  'PUT /api/projects/:id': {
    expected: [401, 403, 403, 200, 200, 200],
    cell: async (f) => {
      const project = await freshProject(f);
      const { ownerOrganisationId: _owner, ...body } = projectBody(f.leiden, { name: 'Gewijzigd' });
      return { method: 'PUT', url: `/api/projects/${project.id}`, body: { ...body, version: project.version } };
    },
  },
  'DELETE /api/projects/:id': {
    expected: [401, 403, 403, 403, 204, 204],
    cell: async (f) => ({ method: 'DELETE', url: `/api/projects/${(await freshProject(f)).id}` }),
  },
};

const featureRowFiles = import.meta.glob<{ rows: MatrixRows }>('./matrix/*.rows.ts', { eager: true });
const table: MatrixRows = { ...coreRows };
const duplicateRows: string[] = [];
for (const module of Object.values(featureRowFiles)) {
  for (const [key, row] of Object.entries(module.rows)) {
    if (key in table) duplicateRows.push(key);
    table[key] = row;
  }
}

describe('authorization matrix: every route × every actor', () => {
  let f: Fixtures;

  beforeAll(async () => {
    const ctx = await createTestContext();
    const sessions: Record<ActorName, Session | null> = {
      anonymous: null,
      other: await signIn(ctx.app, actorEmails.other),
      lezer: await signIn(ctx.app, actorEmails.lezer),
      bewerker: await signIn(ctx.app, actorEmails.bewerker),
      beheerder: await signIn(ctx.app, actorEmails.beheerder),
      coordinator: await signIn(ctx.app, actorEmails.coordinator),
    };
    const coordinator = sessions.coordinator;
    const lezer = sessions.lezer;
    if (!coordinator || !lezer) throw new Error('sign-in failed');
    f = { ctx, sessions, coordinator, lezerUserId: lezer.userId, leiden: await idOfOrganisation(ctx.app, coordinator, 'Gemeente Leiden') };
  });
  afterAll(async () => {
    await f?.ctx.close();
  });

  it('has a row for every registered route, no duplicates and no rows for routes that do not exist', () => {
    expect(duplicateRows).toEqual([]);
    const registered = [...new Set(f.ctx.routes.filter((r) => r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`))].sort();
    expect(registered.filter((key) => !(key in table))).toEqual([]);
    expect(Object.keys(table).filter((key) => !registered.includes(key))).toEqual([]);
  });

  for (const [route, { expected, cell }] of Object.entries(table)) {
    it(route, async () => {
      const actual: Record<string, number> = {};
      for (const actor of actorNames) {
        const request = await cell(f, actor);
        const session = request.session === undefined ? f.sessions[actor] : request.session;
        const response = request.multipart
          ? await f.ctx.app.inject({
              method: request.method,
              url: request.url,
              payload: request.multipart.payload,
              headers: { ...request.multipart.headers, ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}) },
            })
          : await call(f.ctx.app, session, request.method, request.url, request.body);
        actual[actor] = response.statusCode;
      }
      expect(actual).toEqual(Object.fromEntries(actorNames.map((actor, index) => [actor, expected[index]])));
    });
  }
});
