/**
 * Shared pieces of the authorization matrix (authorization-matrix.test.ts): the six actors, the fixtures every row
 * can use, and helpers to make fresh targets. A feature adds its routes' rows in `test/matrix/<feature>.rows.ts`,
 * exporting `rows: MatrixRows`; the matrix picks those files up by itself.
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { call, projectBody, type Session, type TestContext } from './helpers.ts';

export const actorNames = ['anonymous', 'other', 'lezer', 'bewerker', 'beheerder', 'coordinator'] as const;
export type ActorName = (typeof actorNames)[number];
export type Expected = [anonymous: number, other: number, lezer: number, bewerker: number, beheerder: number, coordinator: number];

export const actorEmails: Record<Exclude<ActorName, 'anonymous'>, string> = {
  other: 'bouwer@vanwijnen.demo',
  lezer: 'lezer@leiden.demo',
  bewerker: 'beleid@leiden.demo',
  beheerder: 'beheer@leiden.demo',
  coordinator: 'coordinator@citydeal.demo',
};

export interface Fixtures {
  ctx: TestContext;
  leiden: string;
  lezerUserId: string;
  coordinator: Session;
  sessions: Record<ActorName, Session | null>;
}

export type Cell = (
  f: Fixtures,
  actor: ActorName,
) => Promise<{ method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; body?: unknown; multipart?: { payload: Buffer; headers: Record<string, string> }; session?: Session | null }>;

export const unique = () => randomBytes(4).toString('hex');

export async function freshProject(f: Fixtures): Promise<{ id: string; version: number }> {
  const response = await call(f.ctx.app, f.coordinator, 'POST', '/api/projects', projectBody(f.leiden, { name: `Matrixproject ${unique()}` }));
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string; version: number }>();
}

export async function freshInvitation(f: Fixtures): Promise<{ id: string; token: string; email: string }> {
  const email = `uitgenodigd-${unique()}@example.org`;
  const response = await call(f.ctx.app, f.coordinator, 'POST', `/api/organisations/${f.leiden}/invitations`, { email, role: 'lezer' });
  expect(response.statusCode).toBe(201);
  const link = f.ctx.mail.lastTo(email)?.text.match(/token=([\w-]+)/)?.[1];
  if (!link) throw new Error('no invitation link mailed');
  return { id: response.json<{ id: string }>().id, token: link, email };
}

export async function freshMember(f: Fixtures): Promise<string> {
  const invitation = await freshInvitation(f);
  const accepted = await call(f.ctx.app, null, 'POST', '/api/invitations/accept', {
    token: invitation.token,
    name: 'Tijdelijk lid',
    password: 'een-lang-wachtwoord',
  });
  expect(accepted.statusCode).toBe(200);
  return accepted.json<{ user: { id: string } }>().user.id;
}

export const everyone = (status: number): Expected => [status, status, status, status, status, status];
export const signedIn = (status: number): Expected => [401, status, status, status, status, status];

/** Rows keyed by "METHOD /path" exactly as the route is registered. */
export type MatrixRows = Record<string, { expected: Expected; cell: Cell }>;

