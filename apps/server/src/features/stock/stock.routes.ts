import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import fastifyMultipart from '@fastify/multipart';
import { stockImportJob, stockImportJobParams, stockRuleSet, stockRuleSetRequest, stockRuleSetSaved } from '@kringbouw/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { StockActor } from '@kringbouw/domain/opportunities';
import { AppError, unauthenticated, validationFailed } from '../../errors.ts';
import { actorOf } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/route-schemas.ts';
import {
  assessmentRequest,
  bagIdParams,
  bboxQuery,
  bboxResponse,
  buildingDetail,
  candidateList,
  candidatesQuery,
  importResult,
  listIdParams,
  municipalityParams,
  sharesRequest,
  stockListDetail,
  stockListSummary,
} from './stock.schemas.ts';
import type { StockJobEvent, StockImportJobs } from './stock.jobs.ts';
import { streamJobEvents } from '../../http/job-events.ts';
import type { StockService } from './stock.service.ts';

/** Largest accepted upload: a municipal GeoJSON extract (Amsterdam ≈ 190k panden ≈ 150 MB as GeoJSONSeq). */
const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

function signedInActor(request: FastifyRequest): StockActor {
  const actor = actorOf(request);
  if (actor === null) throw unauthenticated();
  return actor;
}

const importQuery = z.object({ organisationId: z.uuid() });
const listFields = z.object({
  organisationId: z.uuid(),
  name: z.string().trim().min(1).max(200),
  municipalityCode: z.string().regex(/^GM\d{4}$/),
  sharedWith: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((s) => s.trim()).filter((s) => s !== ''))
    .pipe(z.array(z.uuid())),
});

export function registerStockRoutes(app: FastifyInstance, deps: { stock: StockService; jobs: StockImportJobs }): void {
  const service = deps.stock;
  const jobs = deps.jobs;
  const tags = ['kansenkaart'];

  app.addHook('onClose', async () => {
    await jobs.cancelAll();
  });

  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.post('/api/stock/municipalities/:code/buildings', {
      schema: {
        tags,
        summary:
          'Import buildings for a municipality: multipart field "file" with a 3D BAG CityJSON tile or (streamed) GeoJSON / GeoJSONSeq of panden and BAG verblijfsobjecten. All or nothing: any bad feature → 400 import_rejected with id and reason, nothing written. Buildings are scored together with the stored ones.',
        consumes: ['multipart/form-data'],
        params: municipalityParams,
        querystring: importQuery,
        response: { 200: importResult, ...errorResponses(400, 401, 403) },
      },
      handler: async (request) => {
        const actor = signedInActor(request);
        const file = await request.file();
        if (!file) throw validationFailed([{ path: 'file', message: 'Kies een bestand.' }]);
        try {
          const result = await service.importBuildings(actor, { municipalityCode: request.params.code, organisationId: request.query.organisationId, chunks: file.file });
          if (file.file.truncated) throw new AppError('payload_too_large', 'Het bestand is groter dan 512 MB.', 413);
          return result;
        } finally {
          // A refused upload is drained, or the request would never complete.
          file.file.resume();
        }
      },
    });

    r.post('/api/stock/municipalities/:code/buildings/jobs', {
      schema: {
        tags,
        summary:
          'Start a building import in the background (same file and rules as POST …/buildings): 202 with a job whose progress comes over /api/stock/imports/{jobId}/events; DELETE /api/stock/imports/{jobId} cancels. All or nothing.',
        consumes: ['multipart/form-data'],
        params: municipalityParams,
        querystring: importQuery,
        response: { 202: stockImportJob, ...errorResponses(400, 401, 403, 413) },
      },
      handler: async (request, reply) => {
        const actor = signedInActor(request);
        const target = { municipalityCode: request.params.code, organisationId: request.query.organisationId };
        // Rights and municipality before a possibly large body goes onto disk.
        await jobs.authorise(actor, target);
        const file = await request.file();
        if (!file) throw validationFailed([{ path: 'file', message: 'Kies een bestand.' }]);
        const filePath = path.join(tmpdir(), `kringbouw-stock-${randomUUID()}`);
        try {
          await pipeline(file.file, createWriteStream(filePath));
          if (file.file.truncated) throw new AppError('payload_too_large', 'Het bestand is groter dan 512 MB.', 413);
        } catch (error) {
          await rm(filePath, { force: true });
          throw error;
        }
        return reply.status(202).send(await jobs.start(actor, { ...target, filePath, fileName: file.filename }));
      },
    });

    r.post('/api/stock/municipalities/:code/verblijfsobjecten', {
      schema: {
        tags,
        summary:
          'Import BAG verblijfsobjecten (multipart field "file": CSV with identificatie, gebruiksdoel, oppervlakte, status, pandidentificatie, or GeoJSON) onto the stored panden of a municipality and re-score it. All or nothing.',
        consumes: ['multipart/form-data'],
        params: municipalityParams,
        querystring: importQuery,
        response: { 200: importResult, ...errorResponses(400, 401, 403, 409) },
      },
      handler: async (request) => {
        const actor = signedInActor(request);
        const file = await request.file();
        if (!file) throw validationFailed([{ path: 'file', message: 'Kies een bestand.' }]);
        try {
          return await service.importVerblijfsobjecten(actor, { municipalityCode: request.params.code, organisationId: request.query.organisationId, chunks: file.file });
        } finally {
          file.file.resume();
        }
      },
    });

    r.post('/api/stock/lists', {
      schema: {
        tags,
        summary:
          'Upload a corporation stock list (multipart: organisationId, name, municipalityCode, sharedWith = comma-separated organisation ids, file = CSV or XLSX). All or nothing: bad rows → 400 import_rejected with row, column and reason.',
        consumes: ['multipart/form-data'],
        response: { 201: stockListDetail, ...errorResponses(400, 401, 403) },
      },
      handler: async (request, reply) => {
        const actor = signedInActor(request);
        const fields: Record<string, string> = {};
        let file: Buffer | null = null;
        for await (const part of request.parts()) {
          if (part.type === 'file') file = await part.toBuffer();
          else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        }
        const parsed = listFields.safeParse(fields);
        if (!parsed.success) throw validationFailed(parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })));
        if (file === null) throw validationFailed([{ path: 'file', message: 'Kies een bestand.' }]);
        return reply.status(201).send(await service.createList(actor, { ...parsed.data, file }));
      },
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/stock/municipalities/:code/rules', {
    schema: {
      tags,
      summary: "The opportunity rules that score a municipality's buildings (its newest saved version, or the default rules-v1) and the saved versions",
      params: municipalityParams,
      response: { 200: stockRuleSet, ...errorResponses(400, 401, 404) },
    },
    handler: async (request) => {
      signedInActor(request);
      return service.rules(request.params.code);
    },
  });

  r.put('/api/stock/municipalities/:code/rules', {
    schema: {
      tags,
      summary:
        "Save a new version of a municipality's opportunity rules (bewerker or beheerder of that gemeente, coordinator): validated in full (400 names every bad path), then every building of the municipality is re-scored in the same transaction",
      params: municipalityParams,
      body: stockRuleSetRequest,
      response: { 200: stockRuleSetSaved, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request) => service.saveRules(signedInActor(request), request.params.code, request.body),
  });

  r.get('/api/stock/imports/:jobId', {
    schema: { tags, summary: 'State of a building import job (members of the importing organisation, coordinator)', params: stockImportJobParams, response: { 200: stockImportJob, ...errorResponses(400, 401, 404) } },
    handler: async (request) => jobs.get(signedInActor(request), request.params.jobId),
  });

  r.get('/api/stock/imports/:jobId/events', {
    schema: {
      tags,
      summary: 'Server-sent events of a building import job: "progress" {phase: read|score|save, fraction}, then "done" {result} or "failed" {code, message, details}',
      params: stockImportJobParams,
      produces: ['text/event-stream'],
      response: errorResponses(400, 401, 404),
    },
    handler: (request, reply) =>
      streamJobEvents<StockJobEvent>(request, reply, (onEvent) => {
        const { state, unsubscribe } = jobs.subscribe(signedInActor(request), request.params.jobId, onEvent);
        const initial: StockJobEvent[] = [{ event: 'progress', data: { phase: state.phase, fraction: state.fraction } }];
        if (state.status === 'done' && state.result !== null) initial.push({ event: 'done', data: { result: state.result } });
        else if (state.status !== 'running' && state.error !== null) initial.push({ event: 'failed', data: state.error });
        return { initial, unsubscribe };
      }),
  });

  r.delete('/api/stock/imports/:jobId', {
    schema: {
      tags,
      summary: 'Cancel a running building import: nothing is saved (409 import_finished when it already ended)',
      params: stockImportJobParams,
      response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      await jobs.cancel(signedInActor(request), request.params.jobId);
      return reply.status(204).send(null);
    },
  });

  r.get('/api/stock/buildings', {
    schema: {
      tags,
      summary:
        'Buildings in a map view (bbox) with the score of one kind: simplified footprints from zoom 15, centroids below, grid clusters when more than 5000 buildings are in view. Filters: minScore, buildYearFrom/To, listId (own stock).',
      querystring: bboxQuery,
      response: { 200: bboxResponse, ...errorResponses(400, 401, 404) },
    },
    handler: async (request) => service.buildingsInView(signedInActor(request), request.query),
  });

  r.get('/api/stock/buildings/:bagId', {
    schema: { tags, summary: 'One building: attributes, scores with reasons, assessments and stock-list rows you may see', params: bagIdParams, response: { 200: buildingDetail, ...errorResponses(400, 401, 404) } },
    handler: async (request) => service.building(signedInActor(request), request.params.bagId),
  });

  r.put('/api/stock/buildings/:bagId/assessment', {
    schema: {
      tags,
      summary: "Record an organisation's assessment of a building: kandidaat or ongeschikt, with a reason",
      params: bagIdParams,
      body: assessmentRequest,
      response: { 200: buildingDetail, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request) => service.assess(signedInActor(request), request.params.bagId, request.body),
  });

  r.get('/api/stock/municipalities/:code/candidates', {
    schema: {
      tags,
      summary: 'Candidate list: buildings by score for one kind, without those your organisations marked ongeschikt',
      params: municipalityParams,
      querystring: candidatesQuery,
      response: { 200: candidateList, ...errorResponses(400, 401, 404) },
    },
    handler: async (request) => service.candidates(signedInActor(request), request.params.code, request.query),
  });

  r.get('/api/stock/municipalities/:code/candidates.xlsx', {
    schema: {
      tags,
      summary: 'The candidate list as an Excel workbook (same query and visibility as the candidate list; reasons in Dutch)',
      params: municipalityParams,
      querystring: candidatesQuery,
      response: { 200: z.custom<Buffer>((value) => Buffer.isBuffer(value)).describe('The .xlsx file (binary)'), ...errorResponses(400, 401, 404) },
    },
    handler: async (request, reply) => {
      const bytes = await service.candidatesWorkbook(signedInActor(request), request.params.code, request.query);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="kansenkaart-${request.params.code}-${request.query.kind}.xlsx"`)
        .send(bytes);
    },
  });

  r.get('/api/stock/lists', {
    schema: { tags, summary: 'Stock lists you may see (own organisations, shared with them; all for the coordinator)', response: { 200: z.object({ items: z.array(stockListSummary) }), ...errorResponses(401) } },
    handler: async (request) => service.lists(signedInActor(request)),
  });

  r.get('/api/stock/lists/:id', {
    schema: { tags, summary: 'One stock list with its rows (404 when not visible)', params: listIdParams, response: { 200: stockListDetail, ...errorResponses(400, 401, 404) } },
    handler: async (request) => service.list(signedInActor(request), request.params.id),
  });

  r.put('/api/stock/lists/:id/shares', {
    schema: {
      tags,
      summary: 'Replace the organisations a stock list is shared with (bewerker or beheerder of the owner)',
      params: listIdParams,
      body: sharesRequest,
      response: { 200: stockListSummary, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request) => service.share(signedInActor(request), request.params.id, request.body.organisationIds),
  });

  r.delete('/api/stock/lists/:id', {
    schema: { tags, summary: 'Delete a stock list (bewerker or beheerder of the owner)', params: listIdParams, response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) } },
    handler: async (request, reply) => {
      await service.deleteList(signedInActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
}
