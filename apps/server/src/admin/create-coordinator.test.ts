import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, signIn, type TestContext } from '../../test/helpers.ts';
import { MemoryMailTransport } from '../mail/index.ts';
import { createRepositories } from '../repositories.ts';
import { createCoordinator } from './create-coordinator.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ template: 'empty' });
});
afterAll(async () => {
  await ctx.close();
});

describe('create-coordinator', () => {
  it('bootstraps the first account of an empty installation, which then sets its password and signs in as coordinator', async () => {
    const mail = new MemoryMailTransport();
    const result = await createCoordinator(createRepositories(ctx.database.db), {
      email: 'team@citydeal.example',
      name: 'Coördinatieteam',
      origin: 'https://kringbouw.example.nl',
      mail,
    });
    expect(result.created).toBe(true);
    expect(result.resetLink).toMatch(/^https:\/\/kringbouw\.example\.nl\/wachtwoord-herstellen\?token=[\w-]{43}$/);
    expect(mail.lastTo('team@citydeal.example')?.text).toContain(result.resetLink);
    const token = new URL(result.resetLink).searchParams.get('token');
    const confirmed = await call(ctx.app, null, 'POST', '/api/auth/password-reset/confirm', { token, password: 'een-sterk-wachtwoord' });
    expect(confirmed.statusCode).toBe(200);
    const session = await signIn(ctx.app, 'team@citydeal.example', 'een-sterk-wachtwoord');
    const me = (await call(ctx.app, session, 'GET', '/api/auth/session')).json();
    expect(me.user).toMatchObject({ platformRole: 'coordinator', name: 'Coördinatieteam', memberships: [] });
    const organisation = await call(ctx.app, session, 'POST', '/api/organisations', { name: 'Gemeente Leiden', kind: 'gemeente', municipalityCode: 'GM0546' });
    expect(organisation.statusCode).toBe(201);
  });

  it('promotes an existing account without creating a second one', async () => {
    const again = await createCoordinator(createRepositories(ctx.database.db), {
      email: 'team@citydeal.example',
      name: 'Andere naam',
      origin: 'https://kringbouw.example.nl',
      mail: new MemoryMailTransport(),
    });
    expect(again.created).toBe(false);
  });
});
