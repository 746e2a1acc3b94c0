/**
 * First account of a real installation (started with DEMO_DATA=false): creates a coordinator, or makes an existing
 * account coordinator, and hands out a one-hour link to set the password. The link goes to stdout (and, with
 * MAIL_TRANSPORT=smtp, also by mail).
 *
 *   npm run create-coordinator -w @kringbouw/server -- beheer@citydeal.nl "Coördinatieteam City Deal"
 *
 * With PGlite, stop the server first: the data directory belongs to one process at a time.
 */
import { emailLinkPaths } from '@kringbouw/contracts';
import { z } from 'zod';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/index.ts';
import { createAuthService } from '../features/auth/auth.service.ts';
import { loadMunicipalityAssets } from '../features/municipalities/municipalities.assets.ts';
import { linkWithToken } from '../http/links.ts';
import { createSmtpMailTransport, type MailMessage, type MailTransport } from '../mail/index.ts';
import { createRepositories, type Repositories } from '../repositories.ts';
import { prepareDatabase } from '../startup.ts';

const args = z.tuple([z.email().transform((e) => e.toLowerCase()), z.string().trim().min(1).max(200)]);

export interface CreateCoordinatorResult {
  userId: string;
  created: boolean;
  resetLink: string;
}

export async function createCoordinator(
  repositories: Repositories,
  input: { email: string; name: string; origin: string; mail: MailTransport; now?: () => Date },
): Promise<CreateCoordinatorResult> {
  const existing = await repositories.auth.findUserByEmail(input.email);
  const user = existing ?? (await repositories.auth.createUser({ email: input.email, name: input.name, passwordHash: null }));
  await repositories.auth.setPlatformRole(user.id, 'coordinator');
  let resetLink = '';
  const capture: MailTransport = {
    async send(message: MailMessage) {
      resetLink = message.text.match(/https?:\/\/\S+/)?.[0] ?? '';
      await input.mail.send(message);
    },
  };
  const auth = createAuthService({ repository: repositories.auth, mail: capture, sessionSecret: 'unused-for-reset-links-0123456789', now: input.now ?? (() => new Date()) });
  await auth.requestPasswordReset(input.email, (token) => linkWithToken(input.origin, emailLinkPaths.passwordReset, token));
  return { userId: user.id, created: existing === null, resetLink };
}

async function main(): Promise<number> {
  const parsed = args.safeParse(process.argv.slice(2));
  if (!parsed.success) {
    process.stderr.write('Usage: create-coordinator <email> <name>\n');
    return 2;
  }
  const [email, name] = parsed.data;
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await prepareDatabase(database, loadMunicipalityAssets());
    const origin = config.publicUrl?.origin ?? `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
    const smtp = config.mailTransport === 'smtp' && config.smtpUrl !== null ? createSmtpMailTransport({ url: config.smtpUrl, from: config.mailFrom }) : null;
    const result = await createCoordinator(createRepositories(database.db), {
      email,
      name,
      origin,
      mail: smtp ?? { send: async () => undefined },
    });
    smtp?.close();
    process.stdout.write(
      `${result.created ? 'Created' : 'Updated'} coordinator ${email}.\nSet the password within one hour via:\n${result.resetLink}\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main();
}
