import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DataDirectoryInUseError, openDatabase } from './db/index.ts';
import { seedDemoData } from './demo/seed.ts';
import { loadMunicipalityAssets } from './features/municipalities/municipalities.assets.ts';
import { createSmtpMailTransport } from './mail/index.ts';
import { createRepositories } from './repositories.ts';
import { prepareDatabase } from './startup.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }).catch((error: unknown) => {
    if (error instanceof DataDirectoryInUseError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  });
  const municipalities = loadMunicipalityAssets();
  await prepareDatabase(database, municipalities);

  const mail = config.mailTransport === 'smtp' && config.smtpUrl !== null ? createSmtpMailTransport({ url: config.smtpUrl, from: config.mailFrom }) : undefined;
  const app = await buildApp({ config, database, municipalities, ...(mail ? { mail } : {}) });
  app.log.info(
    { driver: database.driver, dataDir: database.driver === 'pglite' ? config.dataDir : undefined },
    database.driver === 'pglite' ? 'embedded PGlite database ready' : 'PostgreSQL database ready',
  );
  if (config.demoData) {
    const result = await seedDemoData(createRepositories(database.db));
    if (result.seeded) app.log.info(result, 'demo data added (see apps/server/src/demo/README.md for the accounts)');
  }
  if (config.mailTransport === 'log' && config.production) {
    app.log.warn('MAIL_TRANSPORT=log in production: reset and invitation mails only appear in this log');
  }

  // Close the server first (no new writes), then the database: PGlite flushes its files on close.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    try {
      await app.close();
      mail?.close();
      await database.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'error while shutting down');
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    app.log.error({ err: error }, 'could not start listening');
    await database.close();
    process.exit(1);
  }
}

await main();
