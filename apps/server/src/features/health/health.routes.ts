import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../http/route-schemas.ts';

export function registerHealthRoutes(app: FastifyInstance, deps: { ping: () => Promise<void> }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/health', {
    schema: { tags: ['health'], summary: 'Liveness: the process answers', response: { 200: z.object({ status: z.literal('ok') }) } },
    handler: async () => ({ status: 'ok' as const }),
  });

  r.get('/ready', {
    schema: {
      tags: ['health'],
      summary: 'Readiness: the database answers',
      response: { 200: z.object({ status: z.literal('ready') }), ...errorResponses(503) },
    },
    handler: async (request, reply) => {
      try {
        await deps.ping();
        return { status: 'ready' as const };
      } catch (error) {
        request.log.error({ err: error }, 'database not reachable');
        return reply.status(503).send({ error: { code: 'not_ready', message: 'De database is niet bereikbaar.' } });
      }
    },
  });
}
