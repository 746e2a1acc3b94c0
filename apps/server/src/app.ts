import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config, OidcConfig } from './config.ts';
import type { Database } from './db/index.ts';
import { AppError, registerErrorHandling } from './errors.ts';
import { registerAgreementsFeature } from './features/agreements/agreements.register.ts';
import { registerAuthRoutes } from './features/auth/auth.routes.ts';
import { createAuthService } from './features/auth/auth.service.ts';
import { createOidcClient, type OidcClient } from './features/auth/oidc.ts';
import { registerHealthRoutes } from './features/health/health.routes.ts';
import { registerInvitationRoutes } from './features/invitations/invitations.routes.ts';
import { createInvitationsService } from './features/invitations/invitations.service.ts';
import { loadMunicipalityAssets, type MunicipalityAssets } from './features/municipalities/municipalities.assets.ts';
import { registerMunicipalityRoutes } from './features/municipalities/municipalities.routes.ts';
import { registerLessonsFeature } from './features/lessons/lessons.register.ts';
import { registerMonitoringFeature, monitoringPublishHook } from './features/monitoring/monitoring.register.ts';
import { registerOrganisationRoutes } from './features/organisations/organisations.routes.ts';
import { registerPassportFeatures } from './features/passports/passports.register.ts';
import { createOrganisationsService } from './features/organisations/organisations.service.ts';
import { registerProjectRoutes } from './features/projects/projects.routes.ts';
import { createProjectsService } from './features/projects/projects.service.ts';
import { createStockRepository } from './features/stock/stock.repository.ts';
import { registerRenovationFeature } from './features/renovation/renovation.register.ts';
import { createStockImportJobs } from './features/stock/stock.jobs.ts';
import { registerStockRoutes } from './features/stock/stock.routes.ts';
import { createStockService } from './features/stock/stock.service.ts';
import { registerAuthContext } from './http/auth-context.ts';
import { createLogMailTransport, type MailTransport } from './mail/index.ts';
import { createRepositories } from './repositories.ts';

// Validation messages reach Dutch-speaking users first.
z.config(z.locales.nl());

export type AppConfig = Pick<Config, 'production' | 'sessionSecret' | 'publicUrl' | 'trustProxy' | 'oidc' | 'webDistDir' | 'logLevel'> &
  Partial<Pick<Config, 'passportUploadLimitMb' | 'evidenceFileLimitMb'>>;

export interface AppDeps {
  config: AppConfig;
  database: Database;
  /** Defaults to the log transport (development): mails appear in the log. */
  mail?: MailTransport;
  /** Injectable clock, so tests can let sessions and links expire. */
  now?: () => Date;
  municipalities?: MunicipalityAssets;
  /** Fastify logger option; tests pass false. */
  logger?: FastifyServerOptions['logger'];
  /** Called for every route as it is registered (the authorization-matrix test collects them). */
  onRoute?: (route: { method: string | string[]; url: string }) => void;
  oidcClient?: OidcClient;
}

const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;

/** Builds the whole API in-process: main.ts listens on it, tests call `app.inject`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const now = deps.now ?? (() => new Date());
  const app = Fastify({
    logger: deps.logger ?? {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : randomUUID();
    },
  });
  if (deps.onRoute) {
    const listener = deps.onRoute;
    app.addHook('onRoute', (route) => listener({ method: route.method, url: route.url }));
  }
  // In the OpenAPI document, routes that need no session say so (the document's default is the session cookie).
  app.addHook('onRoute', (route) => {
    if (route.schema && (route.config?.public === true || !route.url.startsWith('/api/'))) {
      route.schema = { ...route.schema, security: [] };
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const mail = deps.mail ?? createLogMailTransport(app.log);
  const repositories = createRepositories(deps.database.db);
  const auth = createAuthService({ repository: repositories.auth, mail, sessionSecret: config.sessionSecret, now });
  const oidc = oidcSetup(config.oidc, deps.oidcClient);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        childSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.production ? [] : null,
      },
    },
    hsts: config.production,
  });
  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyRateLimit, {
    global: false,
    hook: 'preHandler',
    errorResponseBuilder: () => new AppError('rate_limited', 'Te veel pogingen. Probeer het over een minuut opnieuw.', 429),
  });
  registerAuthContext(app, { auth, production: config.production, publicUrl: config.publicUrl });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kringbouw API',
        description:
          'API of Kringbouw, the open platform for the City Deal Circulair en Conceptueel Bouwen. ' +
          'Sign in with POST /api/auth/sign-in; send the csrfToken from the session response as x-csrf-token on every state-changing request.',
        version: '0.1.0',
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'kb_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  registerHealthRoutes(app, { ping: deps.database.ping });
  registerAuthRoutes(app, {
    auth,
    repository: repositories.auth,
    production: config.production,
    publicUrl: config.publicUrl,
    oidc,
  });
  registerInvitationRoutes(app, {
    auth,
    invitations: createInvitationsService({ repositories, auth, mail, now }),
    production: config.production,
    publicUrl: config.publicUrl,
  });
  registerOrganisationRoutes(app, { organisations: createOrganisationsService({ repositories, now }) });
  const municipalities = deps.municipalities ?? loadMunicipalityAssets();
  registerMunicipalityRoutes(app, { assets: municipalities });
  registerProjectRoutes(app, { projects: createProjectsService({ repositories, municipalities, now }) });
  const stockRepository = createStockRepository(deps.database.db);
  const stockService = createStockService({ repository: stockRepository, now });
  registerStockRoutes(app, { stock: stockService, jobs: createStockImportJobs({ service: stockService, repository: stockRepository }) });
  registerRenovationFeature(app, { db: deps.database.db, now });
  registerPassportFeatures(app, { db: deps.database.db, repositories, now, uploadLimitMb: config.passportUploadLimitMb ?? 200, onPublished: monitoringPublishHook });
  registerMonitoringFeature(app, { db: deps.database.db, repositories, now, lessons: registerLessonsFeature(app, { db: deps.database.db, now }) });

  registerAgreementsFeature(app, { db: deps.database.db, mail, now, publicUrl: config.publicUrl, ...(config.evidenceFileLimitMb === undefined ? {} : { evidenceFileLimitBytes: Math.round(config.evidenceFileLimitMb * 2 ** 20) }) });

  await serveWebApp(app, config.webDistDir);
  return app;
}

function oidcSetup(config: OidcConfig | null, client: OidcClient | undefined) {
  if (config === null) return null;
  return { config, client: client ?? createOidcClient(config) };
}

/** When the web app is built, serve it, with index.html for every other non-API GET (client-side routing). */
async function serveWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  if (!existsSync(path.join(distDir, 'index.html'))) return;
  // wildcard: false registers one route per built file, so everything else can fall back to index.html.
  await app.register(fastifyStatic, { root: distDir, wildcard: false, index: false });
  app.get('/', { schema: { hide: true } }, (_request, reply) => reply.sendFile('index.html'));
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      return reply.status(404).send({ error: { code: 'not_found', message: `Geen route voor GET ${pathname}.` } });
    }
    return reply.sendFile('index.html');
  });
}
