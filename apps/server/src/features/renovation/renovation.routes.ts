import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createDesignationRequest,
  createRenovationPlanRequest,
  designationParams,
  neighbourhoodDesignation,
  renovationImportResult,
  renovationMunicipalityParams,
  renovationOverview,
  renovationOverviewQuery,
  renovationPlanDetail,
  renovationPlanParams,
  renovationPlanRowParams,
  renovationPlanRowRequest,
  renovationPlanSummary,
  renovationSharesRequest,
} from '@kringbouw/contracts';
import type { StockActor } from '@kringbouw/domain/opportunities';
import { AppError, unauthenticated, validationFailed } from '../../errors.ts';
import { actorOf } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/route-schemas.ts';
import type { RenovationService } from './renovation.service.ts';

/** A plan table of a whole corporation is a few thousand rows; 20 MB is ample. */
const MAX_PLAN_BYTES = 20 * 1024 * 1024;

function signedInActor(request: FastifyRequest): StockActor {
  const actor = actorOf(request);
  if (actor === null) throw unauthenticated();
  return actor;
}

export function registerRenovationRoutes(app: FastifyInstance, deps: { renovation: RenovationService }): void {
  const service = deps.renovation;
  const tags = ['renovatieplannen'];
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/renovation/plans', {
    schema: {
      tags,
      summary: 'Renovation plans you may see (own organisations, shared with them; all for the coordinator), optionally of one municipality',
      querystring: z.object({ municipalityCode: z.string().regex(/^GM\d{4}$/).optional() }),
      response: { 200: z.object({ items: z.array(renovationPlanSummary) }), ...errorResponses(400, 401) },
    },
    handler: async (request) => service.plans(signedInActor(request), request.query.municipalityCode),
  });

  r.post('/api/renovation/plans', {
    schema: {
      tags,
      summary: 'Start a 10-year renovation and sustainability plan for a municipality (bewerker or beheerder of the owner), shared with the given organisations',
      body: createRenovationPlanRequest,
      response: { 201: renovationPlanDetail, ...errorResponses(400, 401, 403) },
    },
    handler: async (request, reply) => reply.status(201).send(await service.createPlan(signedInActor(request), request.body)),
  });

  r.get('/api/renovation/plans/:id', {
    schema: { tags, summary: 'One plan with its rows (404 when not visible)', params: renovationPlanParams, response: { 200: renovationPlanDetail, ...errorResponses(400, 401, 404) } },
    handler: async (request) => service.plan(signedInActor(request), request.params.id),
  });

  r.post('/api/renovation/plans/:id/rows', {
    schema: {
      tags,
      summary: 'Add one row: year, intervention, dwellings, complexnummer and/or buurt, circular ambition',
      params: renovationPlanParams,
      body: renovationPlanRowRequest,
      response: { 201: renovationPlanDetail, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request, reply) => reply.status(201).send(await service.addRow(signedInActor(request), request.params.id, request.body)),
  });

  r.delete('/api/renovation/plans/:id/rows/:rowId', {
    schema: { tags, summary: 'Remove one row', params: renovationPlanRowParams, response: { 200: renovationPlanDetail, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => service.deleteRow(signedInActor(request), request.params.id, request.params.rowId),
  });

  r.put('/api/renovation/plans/:id/shares', {
    schema: {
      tags,
      summary: 'Replace the organisations a plan is shared with (bewerker or beheerder of the owner)',
      params: renovationPlanParams,
      body: renovationSharesRequest,
      response: { 200: renovationPlanSummary, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request) => service.share(signedInActor(request), request.params.id, request.body.organisationIds),
  });

  r.delete('/api/renovation/plans/:id', {
    schema: { tags, summary: 'Delete a plan with its rows and shares', params: renovationPlanParams, response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) } },
    handler: async (request, reply) => {
      await service.deletePlan(signedInActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  });

  r.get('/api/renovation/municipalities/:code/overview', {
    schema: {
      tags,
      summary:
        'Where and when renovation happens: dwellings per year and intervention, per area (buurt or complex, with an outline from the stock lists) from the plans you may see, and the designated neighbourhoods you may see. Default years: this year and the nine after.',
      params: renovationMunicipalityParams,
      querystring: renovationOverviewQuery,
      response: { 200: renovationOverview, ...errorResponses(400, 401) },
    },
    handler: async (request) => service.overview(signedInActor(request), request.params.code, request.query),
  });

  r.post('/api/renovation/designations', {
    schema: {
      tags,
      summary: 'Designate a neighbourhood for extra attention (circulair, klimaatadaptief, natuurinclusief) on behalf of an organisation, visible to it and the organisations it shares with',
      body: createDesignationRequest,
      response: { 201: neighbourhoodDesignation, ...errorResponses(400, 401, 403) },
    },
    handler: async (request, reply) => reply.status(201).send(await service.createDesignation(signedInActor(request), request.body)),
  });

  r.delete('/api/renovation/designations/:id', {
    schema: { tags, summary: 'Withdraw a designation (bewerker or beheerder of the designating organisation)', params: designationParams, response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) } },
    handler: async (request, reply) => {
      await service.deleteDesignation(signedInActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  });

  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: MAX_PLAN_BYTES, files: 1, fields: 2 } });
    scope.withTypeProvider<ZodTypeProvider>().post('/api/renovation/plans/:id/import', {
      schema: {
        tags,
        summary:
          'Replace the rows of a plan with a CSV or XLSX table (multipart field "file"; columns jaar, ingreep, aantal_woningen, complexnummer, buurt, circulaire_ambitie). All or nothing: bad rows → 400 import_rejected with row, column and reason.',
        consumes: ['multipart/form-data'],
        params: renovationPlanParams,
        response: { 200: renovationImportResult, ...errorResponses(400, 401, 403, 404, 413) },
      },
      handler: async (request) => {
        const actor = signedInActor(request);
        const file = await request.file();
        if (!file) throw validationFailed([{ path: 'file', message: 'Kies een bestand.' }]);
        let bytes: Buffer;
        try {
          bytes = await file.toBuffer();
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large', 'Het bestand is groter dan 20 MB.', 413);
          throw error;
        }
        return service.importRows(actor, request.params.id, bytes);
      },
    });
  });
}
