import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOidcConfig } from '../../config.ts';
import { sessionAbsoluteMs, sessionIdleMs } from './auth.service.ts';
import { call, createTestContext, idOfOrganisation, rowCounts, signIn, type TestContext } from '../../../test/helpers.ts';

const day = 24 * 60 * 60_000;
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

describe('sign-in and sessions', () => {
  it('signs in (email case-insensitive), sets an httpOnly SameSite=Lax cookie and returns user + CSRF token', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'Beleid@Leiden.DEMO', password: 'kringbouw-demo' },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'kb_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    expect(cookie?.value).toMatch(/^[\w-]{43}$/);
    const body = response.json();
    expect(body.user).toMatchObject({ email: 'beleid@leiden.demo', platformRole: null });
    expect(body.user.memberships).toEqual([expect.objectContaining({ organisationName: 'Gemeente Leiden', role: 'bewerker' })]);
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
  });

  it('refuses a wrong password and an unknown email with the same 401', async () => {
    const wrong = await call(ctx.app, null, 'POST', '/api/auth/sign-in', { email: 'beleid@leiden.demo', password: 'niet-het-wachtwoord' });
    const unknown = await call(ctx.app, null, 'POST', '/api/auth/sign-in', { email: 'onbekend@leiden.demo', password: 'niet-het-wachtwoord' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('invalid_credentials');
  });

  it('stores only the hash of the session id', async () => {
    const session = await signIn(ctx.app, 'lezer@leiden.demo');
    const id = session.cookie.split('=')[1] ?? '';
    const count = async (value: string) =>
      JSON.stringify(await ctx.database.db.execute(sql`select count(*)::int as n from sessions where id_hash = ${value}`));
    expect(await count(id)).toContain('"n":0');
    expect(await count(createHash('sha256').update(id).digest('hex'))).toContain('"n":1');
  });

  it('GET /api/auth/session answers 401 without a session and the user with one', async () => {
    expect((await call(ctx.app, null, 'GET', '/api/auth/session')).statusCode).toBe(401);
    const session = await signIn(ctx.app, 'lezer@leiden.demo');
    const response = await call(ctx.app, session, 'GET', '/api/auth/session');
    expect(response.statusCode).toBe(200);
    expect(response.json().csrfToken).toBe(session.csrfToken);
  });

  it('signs out: the session stops working and the cookie is cleared', async () => {
    const session = await signIn(ctx.app, 'lezer@leiden.demo');
    const out = await call(ctx.app, session, 'POST', '/api/auth/sign-out');
    expect(out.statusCode).toBe(200);
    expect(out.cookies.find((c) => c.name === 'kb_session')?.value).toBe('');
    expect((await call(ctx.app, session, 'GET', '/api/auth/session')).statusCode).toBe(401);
  });

  it('expires after 14 idle days, but use slides the expiry forward up to the 30-day cap', async () => {
    const idle = await signIn(ctx.app, 'lezer@leiden.demo');
    const active = await signIn(ctx.app, 'beleid@leiden.demo');
    ctx.clock.advance(sessionIdleMs - day);
    expect((await call(ctx.app, active, 'GET', '/api/auth/session')).statusCode).toBe(200);
    ctx.clock.advance(2 * day);
    expect((await call(ctx.app, idle, 'GET', '/api/auth/session')).statusCode).toBe(401);
    expect((await call(ctx.app, active, 'GET', '/api/auth/session')).statusCode).toBe(200);
    // Day 15 now; used every 10 days it stays alive until the absolute cap of 30 days.
    ctx.clock.advance(10 * day);
    expect((await call(ctx.app, active, 'GET', '/api/auth/session')).statusCode).toBe(200);
    ctx.clock.advance(sessionAbsoluteMs - 25 * day + 60_000);
    expect((await call(ctx.app, active, 'GET', '/api/auth/session')).statusCode).toBe(401);
  });
});

describe('CSRF and Origin', () => {
  it('rejects a state-changing request with a session but without or with a wrong x-csrf-token (403 csrf_invalid)', async () => {
    const session = await signIn(ctx.app, 'beheer@leiden.demo');
    const leiden = await idOfOrganisation(ctx.app, session, 'Gemeente Leiden');
    const before = await rowCounts(ctx.database);
    const missing = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${leiden}`,
      headers: { cookie: session.cookie },
      payload: { website: 'https://example.org/' },
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('csrf_invalid');
    const wrong = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${leiden}`,
      headers: { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(43) },
      payload: { website: 'https://example.org/' },
    });
    expect(wrong.statusCode).toBe(403);
    // A token of another session does not fit either.
    const other = await signIn(ctx.app, 'beheer@leiden.demo');
    const foreign = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${leiden}`,
      headers: { cookie: session.cookie, 'x-csrf-token': other.csrfToken },
      payload: { website: 'https://example.org/' },
    });
    expect(foreign.statusCode).toBe(403);
    const detail = await call(ctx.app, session, 'GET', `/api/organisations/${leiden}`);
    expect(detail.json().website).toBeNull();
    expect((await rowCounts(ctx.database)).organisations).toBe(before.organisations);
  });

  it('checks Origin on unauthenticated state-changing requests', async () => {
    const foreign = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { origin: 'https://evil.example', host: 'kringbouw.test' },
      payload: { email: 'beleid@leiden.demo', password: 'kringbouw-demo' },
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('origin_invalid');
    const own = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { origin: 'http://kringbouw.test', host: 'kringbouw.test' },
      payload: { email: 'beleid@leiden.demo', password: 'kringbouw-demo' },
    });
    expect(own.statusCode).toBe(200);
  });
});

describe('rate limiting', () => {
  it('answers 429 after 10 sign-in attempts a minute for one IP and email', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const response = await call(ctx.app, null, 'POST', '/api/auth/sign-in', { email: 'doelwit@example.org', password: 'raden-raden-raden' });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
    const limited = await call(ctx.app, null, 'POST', '/api/auth/sign-in', { email: 'doelwit@example.org', password: 'x' });
    expect(limited.json().error.code).toBe('rate_limited');
    // Another email from the same IP is not locked out.
    expect((await call(ctx.app, null, 'POST', '/api/auth/sign-in', { email: 'ander@example.org', password: 'x' })).statusCode).toBe(401);
  });

  it('limits password-reset requests the same way', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await call(ctx.app, null, 'POST', '/api/auth/password-reset/request', { email: 'spam@example.org' })).statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
  });
});

describe('password reset', () => {
  it('mails a one-hour, single-use link; the new password works, the old one and old sessions do not', async () => {
    const email = 'huurders@leiden.demo';
    const oldSession = await signIn(ctx.app, email);
    const request = await call(ctx.app, null, 'POST', '/api/auth/password-reset/request', { email });
    expect(request.statusCode).toBe(200);
    const message = ctx.mail.lastTo(email);
    expect(message?.text).toContain('http://localhost/wachtwoord-herstellen?token=');
    const token = tokenFromMail(email);

    const confirm = await call(ctx.app, null, 'POST', '/api/auth/password-reset/confirm', { token, password: 'een-nieuw-lang-wachtwoord' });
    expect(confirm.statusCode).toBe(200);
    expect((await call(ctx.app, oldSession, 'GET', '/api/auth/session')).statusCode).toBe(401);
    expect((await call(ctx.app, null, 'POST', '/api/auth/sign-in', { email, password: 'kringbouw-demo' })).statusCode).toBe(401);
    await signIn(ctx.app, email, 'een-nieuw-lang-wachtwoord');

    const again = await call(ctx.app, null, 'POST', '/api/auth/password-reset/confirm', { token, password: 'nog-een-ander-wachtwoord' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('invalid_token');
  });

  it('does not reveal whether an account exists, and sends nothing for unknown addresses', async () => {
    const sentBefore = ctx.mail.sent.length;
    const unknown = await call(ctx.app, null, 'POST', '/api/auth/password-reset/request', { email: 'bestaat-niet@example.org' });
    expect(unknown.statusCode).toBe(200);
    expect(unknown.json()).toEqual({ ok: true });
    expect(ctx.mail.sent.length).toBe(sentBefore);
  });

  it('refuses an expired link', async () => {
    const email = 'provincie@zuid-holland.demo';
    await call(ctx.app, null, 'POST', '/api/auth/password-reset/request', { email });
    const token = tokenFromMail(email);
    ctx.clock.advance(61 * 60_000);
    const response = await call(ctx.app, null, 'POST', '/api/auth/password-reset/confirm', { token, password: 'een-nieuw-lang-wachtwoord' });
    expect(response.statusCode).toBe(400);
  });

  it('rejects a password shorter than 12 characters, naming the field', async () => {
    const response = await call(ctx.app, null, 'POST', '/api/auth/password-reset/confirm', { token: 'x'.repeat(43), password: 'kort' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([expect.objectContaining({ path: 'password' })]);
  });
});

describe('OIDC when not configured', () => {
  it('reports OIDC as disabled and answers its routes with 404 oidc_disabled', async () => {
    expect((await call(ctx.app, null, 'GET', '/api/auth/config')).json()).toEqual({ oidc: { enabled: false, label: null } });
    const start = await call(ctx.app, null, 'GET', '/api/auth/oidc/start');
    expect(start.statusCode).toBe(404);
    expect(start.json().error.code).toBe('oidc_disabled');
  });
});

describe('OIDC when configured (no identity provider is reachable from the tests)', () => {
  it('announces itself in /api/auth/config and refuses a callback without the state cookie', async () => {
    const oidc = parseOidcConfig({
      OIDC_ISSUER: 'https://login.example.org/realms/kringbouw',
      OIDC_CLIENT_ID: 'kringbouw',
      OIDC_CLIENT_SECRET: 'geheim',
      OIDC_REDIRECT_URI: 'http://localhost/api/auth/oidc/callback',
      OIDC_LABEL: 'Inloggen met Leiden-account',
    });
    const withOidc = await createTestContext({ config: { oidc } });
    try {
      expect((await call(withOidc.app, null, 'GET', '/api/auth/config')).json()).toEqual({
        oidc: { enabled: true, label: 'Inloggen met Leiden-account' },
      });
      const callback = await call(withOidc.app, null, 'GET', '/api/auth/oidc/callback?code=abc&state=def');
      expect(callback.statusCode).toBe(302);
      expect(callback.headers.location).toBe('/inloggen?fout=oidc_state');
      expect(callback.cookies.find((c) => c.name === 'kb_session')).toBeUndefined();
    } finally {
      await withOidc.close();
    }
  });

  it('answers 502 oidc_unavailable when the identity provider cannot be reached', async () => {
    const oidc = parseOidcConfig({
      OIDC_ISSUER: 'https://127.0.0.1:1/realms/kringbouw',
      OIDC_CLIENT_ID: 'kringbouw',
      OIDC_CLIENT_SECRET: 'geheim',
      OIDC_REDIRECT_URI: 'http://localhost/api/auth/oidc/callback',
    });
    const withOidc = await createTestContext({ config: { oidc } });
    try {
      const start = await call(withOidc.app, null, 'GET', '/api/auth/oidc/start');
      expect(start.statusCode).toBe(502);
      expect(start.json().error.code).toBe('oidc_unavailable');
    } finally {
      await withOidc.close();
    }
  });
});
