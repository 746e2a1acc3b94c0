import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, idOfOrganisation, sessionCookieOf, signIn, type TestContext } from '../../../test/helpers.ts';
import { invitationTtlMs } from './invitations.service.ts';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

function tokenFromMail(email: string): string {
  const token = ctx.mail.lastTo(email)?.text.match(/token=([\w-]+)/)?.[1];
  if (!token) throw new Error(`no link mailed to ${email}`);
  return token;
}

describe('invitations', () => {
  it('invites a new person who accepts by choosing a name and password, and is signed in as a member', async () => {
    const beheerder = await signIn(ctx.app, 'beheer@leiden.demo');
    const leiden = await idOfOrganisation(ctx.app, beheerder, 'Gemeente Leiden');
    const email = 'nieuwe.collega@leiden.example';
    const created = await call(ctx.app, beheerder, 'POST', `/api/organisations/${leiden}/invitations`, { email, role: 'bewerker' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email, role: 'bewerker', status: 'open' });
    const token = tokenFromMail(email);

    const preview = await call(ctx.app, null, 'GET', `/api/invitations/${token}`);
    expect(preview.json()).toEqual({ organisationName: 'Gemeente Leiden', email, role: 'bewerker', accountExists: false });

    const withoutName = await call(ctx.app, null, 'POST', '/api/invitations/accept', { token, password: 'een-lang-wachtwoord' });
    expect(withoutName.statusCode).toBe(400);
    expect(withoutName.json().error.details).toEqual([expect.objectContaining({ path: 'name' })]);

    const accepted = await call(ctx.app, null, 'POST', '/api/invitations/accept', { token, name: 'Nieuwe Collega', password: 'een-lang-wachtwoord' });
    expect(accepted.statusCode).toBe(200);
    sessionCookieOf(accepted);
    expect(accepted.json().user.memberships).toEqual([expect.objectContaining({ organisationName: 'Gemeente Leiden', role: 'bewerker' })]);

    const reused = await call(ctx.app, null, 'POST', '/api/invitations/accept', { token, name: 'X', password: 'een-lang-wachtwoord' });
    expect(reused.statusCode).toBe(404);
    expect(reused.json().error.code).toBe('invitation_invalid');

    const detail = await call(ctx.app, beheerder, 'GET', `/api/organisations/${leiden}`);
    expect(detail.json().invitations[0]).toMatchObject({ email, status: 'geaccepteerd' });
  });

  it('adds an existing account as member after checking its password', async () => {
    const coordinator = await signIn(ctx.app, 'coordinator@citydeal.demo');
    const utrecht = await idOfOrganisation(ctx.app, coordinator, 'Gemeente Utrecht');
    const email = 'lezer@leiden.demo';
    await call(ctx.app, coordinator, 'POST', `/api/organisations/${utrecht}/invitations`, { email, role: 'lezer' });
    const token = tokenFromMail(email);
    expect((await call(ctx.app, null, 'GET', `/api/invitations/${token}`)).json().accountExists).toBe(true);
    const wrong = await call(ctx.app, null, 'POST', '/api/invitations/accept', { token, password: 'niet-het-goede-wachtwoord' });
    expect(wrong.statusCode).toBe(401);
    const accepted = await call(ctx.app, null, 'POST', '/api/invitations/accept', { token, password: 'kringbouw-demo' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user.memberships.map((m: { organisationName: string }) => m.organisationName)).toEqual([
      'Gemeente Leiden',
      'Gemeente Utrecht',
    ]);
  });

  it('refuses revoked and expired invitations, and inviting someone who is already a member', async () => {
    const beheerder = await signIn(ctx.app, 'beheer@leiden.demo');
    const leiden = await idOfOrganisation(ctx.app, beheerder, 'Gemeente Leiden');
    const revokedEmail = 'ingetrokken@example.org';
    const created = await call(ctx.app, beheerder, 'POST', `/api/organisations/${leiden}/invitations`, { email: revokedEmail, role: 'lezer' });
    const revokedToken = tokenFromMail(revokedEmail);
    expect((await call(ctx.app, beheerder, 'DELETE', `/api/organisations/${leiden}/invitations/${created.json().id}`)).statusCode).toBe(204);
    expect((await call(ctx.app, null, 'GET', `/api/invitations/${revokedToken}`)).statusCode).toBe(404);

    const lateEmail = 'te-laat@example.org';
    await call(ctx.app, beheerder, 'POST', `/api/organisations/${leiden}/invitations`, { email: lateEmail, role: 'lezer' });
    const lateToken = tokenFromMail(lateEmail);
    ctx.clock.advance(invitationTtlMs + 60_000);
    expect((await call(ctx.app, null, 'GET', `/api/invitations/${lateToken}`)).statusCode).toBe(404);

    const fresh = await signIn(ctx.app, 'beheer@leiden.demo');
    const member = await call(ctx.app, fresh, 'POST', `/api/organisations/${leiden}/invitations`, { email: 'beleid@leiden.demo', role: 'lezer' });
    expect(member.statusCode).toBe(409);
    expect(member.json().error.code).toBe('already_member');
  });

  it('signs out whoever was signed in on the browser when someone accepts an invitation there', async () => {
    const beheerder = await signIn(ctx.app, 'corporatie@leiden.demo');
    const corporatie = await idOfOrganisation(ctx.app, beheerder, 'Voorbeeldcorporatie Leiden (demo)');
    const email = 'collega@corporatie.example';
    await call(ctx.app, beheerder, 'POST', `/api/organisations/${corporatie}/invitations`, { email, role: 'lezer' });
    const token = tokenFromMail(email);
    const accepted = await call(ctx.app, beheerder, 'POST', '/api/invitations/accept', { token, name: 'Collega', password: 'een-lang-wachtwoord' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user.email).toBe(email);
    expect((await call(ctx.app, beheerder, 'GET', '/api/auth/session')).statusCode).toBe(401);
  });

  it('keeps at least one beheerder per organisation', async () => {
    const coordinator = await signIn(ctx.app, 'coordinator@citydeal.demo');
    const leiden = await idOfOrganisation(ctx.app, coordinator, 'Gemeente Leiden');
    const beheerder = await signIn(ctx.app, 'beheer@leiden.demo');
    const demote = await call(ctx.app, coordinator, 'PATCH', `/api/organisations/${leiden}/members/${beheerder.userId}`, { role: 'lezer' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('last_beheerder');
    const remove = await call(ctx.app, coordinator, 'DELETE', `/api/organisations/${leiden}/members/${beheerder.userId}`);
    expect(remove.statusCode).toBe(409);
  });
});

describe('rate limiting of invitation links', () => {
  it('answers 429 after 10 accept attempts a minute on one link from one IP', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const response = await call(ctx.app, null, 'POST', '/api/invitations/accept', { token: 'y'.repeat(43), password: 'raden-raden-raden' });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([...Array(10).fill(404), 429]);
  });
});

