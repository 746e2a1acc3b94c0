import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, independent of the working directory the server is started from. */
export const repositoryRoot = path.resolve(fileURLToPath(new URL('../../../', import.meta.url)));
export const serverRoot = path.resolve(fileURLToPath(new URL('../', import.meta.url)));

export interface OidcConfig {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  redirectUri: URL;
  /** Lower-case email domains whose users may sign in without an existing account. */
  allowedDomains: string[];
  label: string;
}

export interface Config {
  production: boolean;
  port: number;
  host: string;
  /** null → embedded PGlite in dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  sessionSecret: string;
  /** Origin used in links in emails and for the Origin check; null → derived from the request's Host. */
  publicUrl: URL | null;
  trustProxy: boolean;
  oidc: OidcConfig | null;
  demoData: boolean;
  mailTransport: 'log' | 'smtp';
  /** nodemailer connection URL; set when mailTransport is smtp. */
  smtpUrl: string | null;
  mailFrom: string;
  logLevel: string;
  webDistDir: string;
  /** Largest passport upload (CSV/XLSX/IFC) and editor request, MB: PASSPORT_UPLOAD_LIMIT_MB, default 200. */
  passportUploadLimitMb: number;
  /** Largest document attached to evidence of a prestatieafspraak, MB: EVIDENCE_FILE_LIMIT_MB, default 20. */
  evidenceFileLimitMb: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function nonEmpty(env: Env, key: string): string | undefined {
  const value = env[key]?.trim();
  return value ? value : undefined;
}

function parseUrl(value: string, key: string): URL {
  try {
    return new URL(value);
  } catch {
    throw new ConfigError(`${key} is not a valid URL: ${value}`);
  }
}

function parseBoolean(value: string | undefined, key: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
  throw new ConfigError(`${key} must be true or false, got: ${value}`);
}

function parsePositiveNumber(value: string | undefined, key: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new ConfigError(`${key} must be a positive number, got: ${value}`);
  return number;
}

/**
 * OIDC is on only when all four of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URI are set.
 * Setting some but not all is a mistake worth stopping for.
 */
export function parseOidcConfig(env: Env): OidcConfig | null {
  const keys = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'] as const;
  const present = keys.filter((key) => nonEmpty(env, key) !== undefined);
  if (present.length === 0) return null;
  if (present.length < keys.length) {
    const missing = keys.filter((key) => !present.includes(key));
    throw new ConfigError(`OIDC is partly configured; also set ${missing.join(', ')} (or unset all OIDC_* variables)`);
  }
  const allowedDomains = (nonEmpty(env, 'OIDC_ALLOWED_DOMAINS') ?? '')
    .split(',')
    .map((domain) => domain.trim().toLowerCase().replace(/^@/, ''))
    .filter((domain) => domain.length > 0);
  return {
    issuer: parseUrl(nonEmpty(env, 'OIDC_ISSUER') ?? '', 'OIDC_ISSUER'),
    clientId: nonEmpty(env, 'OIDC_CLIENT_ID') ?? '',
    clientSecret: nonEmpty(env, 'OIDC_CLIENT_SECRET') ?? '',
    redirectUri: parseUrl(nonEmpty(env, 'OIDC_REDIRECT_URI') ?? '', 'OIDC_REDIRECT_URI'),
    allowedDomains,
    label: nonEmpty(env, 'OIDC_LABEL') ?? 'Inloggen met uw organisatie-account',
  };
}

/**
 * SESSION_SECRET signs CSRF tokens. In production it must come from the environment; in development one is
 * generated once and kept in DATA_DIR/secret so restarts keep sessions working.
 */
export function resolveSessionSecret(env: Env, dataDir: string, production: boolean): string {
  const fromEnv = nonEmpty(env, 'SESSION_SECRET');
  if (fromEnv !== undefined) {
    if (fromEnv.length < 32) throw new ConfigError('SESSION_SECRET must be at least 32 characters');
    return fromEnv;
  }
  if (production) throw new ConfigError('SESSION_SECRET is required when NODE_ENV=production');
  const file = path.join(dataDir, 'secret');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

export function loadConfig(env: Env = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const portText = nonEmpty(env, 'PORT') ?? '3000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be 0-65535, got: ${portText}`);
  const dataDir = path.resolve(repositoryRoot, nonEmpty(env, 'DATA_DIR') ?? 'data');
  const databaseUrl = nonEmpty(env, 'DATABASE_URL') ?? null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const publicUrlText = nonEmpty(env, 'PUBLIC_URL');
  const mailTransport = nonEmpty(env, 'MAIL_TRANSPORT') ?? 'log';
  if (mailTransport !== 'log' && mailTransport !== 'smtp') {
    throw new ConfigError(`MAIL_TRANSPORT must be "log" or "smtp", got: ${mailTransport}`);
  }
  const smtpUrl = nonEmpty(env, 'SMTP_URL') ?? null;
  if (mailTransport === 'smtp' && smtpUrl === null) throw new ConfigError('MAIL_TRANSPORT=smtp needs SMTP_URL, e.g. smtp://user:pass@mail.example.nl:587');
  if (smtpUrl !== null && !/^smtps?:\/\//.test(smtpUrl)) throw new ConfigError('SMTP_URL must start with smtp:// or smtps://');
  return {
    production,
    port,
    host: nonEmpty(env, 'HOST') ?? '127.0.0.1',
    databaseUrl,
    dataDir,
    sessionSecret: resolveSessionSecret(env, dataDir, production),
    publicUrl: publicUrlText === undefined ? null : parseUrl(publicUrlText, 'PUBLIC_URL'),
    trustProxy: parseBoolean(nonEmpty(env, 'TRUST_PROXY'), 'TRUST_PROXY', false),
    oidc: parseOidcConfig(env),
    demoData: parseBoolean(nonEmpty(env, 'DEMO_DATA'), 'DEMO_DATA', true),
    mailTransport,
    smtpUrl,
    mailFrom: nonEmpty(env, 'MAIL_FROM') ?? 'Kringbouw <noreply@kringbouw.local>',
    logLevel: nonEmpty(env, 'LOG_LEVEL') ?? 'info',
    webDistDir: path.join(repositoryRoot, 'apps/web/dist'),
    passportUploadLimitMb: parsePositiveNumber(nonEmpty(env, 'PASSPORT_UPLOAD_LIMIT_MB'), 'PASSPORT_UPLOAD_LIMIT_MB', 200),
    evidenceFileLimitMb: parsePositiveNumber(nonEmpty(env, 'EVIDENCE_FILE_LIMIT_MB'), 'EVIDENCE_FILE_LIMIT_MB', 20),
  };
}
