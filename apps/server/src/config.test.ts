import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseOidcConfig, repositoryRoot, resolveSessionSecret } from './config.ts';
import { mayRegisterViaOidc } from './features/auth/oidc.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kringbouw-config-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadConfig', () => {
  it('defaults: port 3000 on 127.0.0.1, PGlite in <repo>/data, demo data on, OIDC off', () => {
    const dataDir = tempDir();
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: null, demoData: true, oidc: null, production: false });
    expect(config.dataDir).toBe(dataDir);
    expect(path.join(repositoryRoot, 'apps/server/src/config.ts')).toBe(new URL(import.meta.url).pathname.replace('config.test.ts', 'config.ts'));
  });

  it('resolves a relative DATA_DIR against the repository root, not the working directory', () => {
    const config = loadConfig({ DATA_DIR: path.relative(repositoryRoot, tempDir()) });
    expect(config.dataDir.startsWith(tmpdir())).toBe(true);
  });

  it('refuses bad values with the variable named', () => {
    const DATA_DIR = tempDir();
    expect(() => loadConfig({ DATA_DIR, PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATA_DIR, DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ DATA_DIR, DEMO_DATA: 'misschien' })).toThrow(/DEMO_DATA/);
    expect(() => loadConfig({ DATA_DIR, MAIL_TRANSPORT: 'postduif' })).toThrow(/MAIL_TRANSPORT/);
    expect(() => loadConfig({ DATA_DIR, MAIL_TRANSPORT: 'smtp' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ DATA_DIR, MAIL_TRANSPORT: 'smtp', SMTP_URL: 'http://x' })).toThrow(/SMTP_URL/);
    expect(loadConfig({ DATA_DIR, MAIL_TRANSPORT: 'smtp', SMTP_URL: 'smtp://u:p@127.0.0.1:2525' })).toMatchObject({ mailTransport: 'smtp' });
    expect(loadConfig({ DATA_DIR, DEMO_DATA: 'false' }).demoData).toBe(false);
  });
});

describe('SESSION_SECRET', () => {
  it('is generated once in development and kept in DATA_DIR/secret (mode 600)', () => {
    const dir = tempDir();
    const first = resolveSessionSecret({}, dir, false);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(resolveSessionSecret({}, dir, false)).toBe(first);
    expect(readFileSync(path.join(dir, 'secret'), 'utf8').trim()).toBe(first);
    expect(statSync(path.join(dir, 'secret')).mode & 0o777).toBe(0o600);
  });

  it('is required in production, and must be long enough', () => {
    expect(() => resolveSessionSecret({}, tempDir(), true)).toThrow(ConfigError);
    expect(() => resolveSessionSecret({ SESSION_SECRET: 'kort' }, tempDir(), true)).toThrow(/32/);
    expect(resolveSessionSecret({ SESSION_SECRET: 's'.repeat(40) }, tempDir(), true)).toBe('s'.repeat(40));
  });
});

describe('OIDC configuration', () => {
  const complete = {
    OIDC_ISSUER: 'https://login.example.org/realms/kringbouw',
    OIDC_CLIENT_ID: 'kringbouw',
    OIDC_CLIENT_SECRET: 'geheim',
    OIDC_REDIRECT_URI: 'https://kringbouw.example.org/api/auth/oidc/callback',
  };

  it('is off when no OIDC variable is set', () => {
    expect(parseOidcConfig({})).toBeNull();
  });

  it('is on with all four variables; allowed domains are normalised', () => {
    const config = parseOidcConfig({ ...complete, OIDC_ALLOWED_DOMAINS: ' Leiden.nl, @utrecht.nl ,' });
    expect(config).toMatchObject({ clientId: 'kringbouw', allowedDomains: ['leiden.nl', 'utrecht.nl'] });
    expect(config?.issuer.href).toBe('https://login.example.org/realms/kringbouw');
  });

  it('refuses a partial configuration, naming what is missing', () => {
    expect(() => parseOidcConfig({ OIDC_ISSUER: complete.OIDC_ISSUER })).toThrow(/OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI/);
    expect(() => parseOidcConfig({ ...complete, OIDC_ISSUER: 'geen url' })).toThrow(/OIDC_ISSUER/);
  });

  it('lets unknown people register only from the allowed domains', () => {
    expect(mayRegisterViaOidc('a.b@Leiden.nl', ['leiden.nl'])).toBe(true);
    expect(mayRegisterViaOidc('a.b@leiden.nl.evil.com', ['leiden.nl'])).toBe(false);
    expect(mayRegisterViaOidc('a.b@leiden.nl', [])).toBe(false);
  });
});
