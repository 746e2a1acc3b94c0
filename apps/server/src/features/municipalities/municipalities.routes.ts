import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { municipalityList } from '@kringbouw/contracts';
import { validationFailed } from '../../errors.ts';
import { errorResponses } from '../../http/route-schemas.ts';
import type { MunicipalityAssets } from './municipalities.assets.ts';

const boundariesQuery = z.object({
  codes: z
    .string()
    .max(342 * 7)
    .regex(/^GM\d{4}(,GM\d{4})*$/, 'Geef CBS-codes gescheiden door komma’s, zoals GM0546,GM0518')
    .describe('Comma-separated CBS codes, e.g. GM0546,GM0518'),
});

const featureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.unknown()),
});

export function registerMunicipalityRoutes(app: FastifyInstance, deps: { assets: MunicipalityAssets }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const listBody = { items: deps.assets.list };

  r.get('/api/municipalities', {
    config: { public: true },
    schema: {
      tags: ['municipalities'],
      summary: 'All Dutch municipalities (CBS 2025); cityDeal marks the eight City Deal cities',
      response: { 200: municipalityList },
    },
    handler: async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=86400');
      return listBody;
    },
  });

  r.get('/api/municipalities/boundaries', {
    config: { public: true },
    schema: {
      tags: ['municipalities'],
      summary: 'Boundaries of the given municipalities as GeoJSON (CBS, Kadaster — CC BY 4.0)',
      querystring: boundariesQuery,
      response: { 200: featureCollection, ...errorResponses(400) },
    },
    handler: async (request, reply) => {
      const codes = [...new Set(request.query.codes.split(','))];
      const unknown = codes.filter((code) => !deps.assets.byCode.has(code));
      if (unknown.length > 0) {
        throw validationFailed([{ path: 'codes', message: `Onbekende gemeentecode(s): ${unknown.join(', ')}` }]);
      }
      reply.header('cache-control', 'public, max-age=86400');
      return { type: 'FeatureCollection' as const, features: codes.map((code) => deps.assets.byCode.get(code)) };
    },
  });
}
