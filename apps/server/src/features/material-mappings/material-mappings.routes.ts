import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, materialMapping, materialMappingList, materialMappingListQuery, materialMappingParams, putMaterialMappingRequest } from '@kringbouw/contracts';
import { actorOf } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/route-schemas.ts';
import type { MaterialMappingsService } from './material-mappings.service.ts';

export function registerMaterialMappingRoutes(app: FastifyInstance, deps: { mappings: MaterialMappingsService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = deps.mappings;
  const tags = ['material-mappings'];

  r.get('/api/organisations/:id/material-mappings', {
    schema: {
      tags,
      summary: "The organisation's material → profile mapping (members and coordinator); filter by text or origin",
      params: idParams,
      querystring: materialMappingListQuery,
      response: { 200: materialMappingList, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request) => service.list(actorOf(request), request.params.id, request.query),
  });

  r.put('/api/organisations/:id/material-mappings', {
    schema: {
      tags,
      summary: 'Set the profile for a material name (upsert by normalised name; bewerker+ of the organisation)',
      params: idParams,
      body: putMaterialMappingRequest,
      response: { 200: materialMapping, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request) => service.put(actorOf(request), request.params.id, request.body),
  });

  r.delete('/api/organisations/:id/material-mappings/:mappingId', {
    schema: { tags, summary: 'Remove one mapping (bewerker+ of the organisation)', params: materialMappingParams, response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) } },
    handler: async (request, reply) => {
      await service.delete(actorOf(request), request.params.id, request.params.mappingId);
      return reply.status(204).send(null);
    },
  });
}
