import { Readable } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cityDealOverview, dashboardProjectMap, dashboardProjectPage, dashboardProjectsCsvQuery, dashboardProjectsQuery, dashboardQuery, declareIndicatorFields, entryParams, idParams, municipalityDashboard, projectIndicators, withdrawIndicatorRequest } from '@kringbouw/contracts';
import { AppError, validationFailed } from '../../errors.ts';
import { actorOf } from '../../http/auth-context.ts';
import { readMultipartForm } from '../../http/multipart.ts';
import { errorResponses } from '../../http/route-schemas.ts';
import { REPORT_LIMIT_BYTES, type MonitoringService, type ReportUpload } from './monitoring.service.ts';

const csvResponse = z.custom<Readable>((value) => value instanceof Readable).describe('CSV (text/csv; semicolon-separated, UTF-8 with BOM), streamed');
const fileResponse = z.custom<Buffer>((value) => Buffer.isBuffer(value)).describe('The file (binary)');

function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

const tooLarge = () => new AppError('payload_too_large', `Het rapport is groter dan ${REPORT_LIMIT_BYTES / (1024 * 1024)} MB.`, 413);

/** Reads a declaration: text fields plus an optional file part "report" (the PDF), in any order; an empty file is none. */
async function declaration(request: FastifyRequest): Promise<{ fields: Record<string, string>; report: ReportUpload | null }> {
  const { fields, file } = await readMultipartForm(request, { fileField: 'report', tooLarge });
  return { fields, report: file !== null && file.bytes.length > 0 ? file : null };
}

export function registerMonitoringRoutes(app: FastifyInstance, deps: { monitoring: MonitoringService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = deps.monitoring;
  const tags = ['monitoring'];
  const base = '/api/projects/:id/indicators';

  r.get(base, {
    schema: {
      tags,
      summary: "A project's indicators: per catalogue indicator the current official and indicative value (never mixed), HNN check and the full ledger history",
      params: idParams,
      response: { 200: projectIndicators, ...errorResponses(400, 401, 404) },
    },
    handler: async (request) => service.indicators(actorOf(request), request.params.id),
  });

  r.post(`${base}/entries/:entryId/withdraw`, {
    schema: {
      tags,
      summary: 'Withdraw a declared value (append-only: a withdrawal entry with the reason; computed values cannot be withdrawn)',
      params: entryParams,
      body: withdrawIndicatorRequest,
      response: { 200: projectIndicators, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => service.withdraw(actorOf(request), request.params.id, request.params.entryId, request.body.reason),
  });

  r.get(`${base}/entries/:entryId/report`, {
    schema: { tags, summary: 'The report PDF attached to a declared value', params: entryParams, response: { 200: fileResponse, ...errorResponses(400, 401, 404) } },
    handler: async (request, reply) => {
      const report = await service.report(actorOf(request), request.params.id, request.params.entryId);
      return reply.header('content-type', 'application/pdf').header('content-disposition', attachment(report.name)).send(report.content);
    },
  });

  r.get('/api/municipalities/:code/monitoring', {
    schema: {
      tags,
      summary: "A municipality's monitoring dashboard from the per-project aggregates: totals, pipeline by phase, per year, the first 50 projects you may see by name and their total (filters kind, year; the full list is paged by …/monitoring/projects). Confidential projects of others only count when ≥ 3 fall in one figure, never named",
      params: z.object({ code: z.string().regex(/^GM\d{4}$/) }),
      querystring: dashboardQuery,
      response: { 200: municipalityDashboard, ...errorResponses(400, 401, 404) },
    },
    handler: async (request) => service.dashboard(actorOf(request), request.params.code, request.query),
  });

  const municipalityParams = z.object({ code: z.string().regex(/^GM\d{4}$/) });

  r.get('/api/municipalities/:code/monitoring/projects', {
    schema: {
      tags,
      summary: "One page of a municipality's monitoring projects you may see (filters kind, year; sort; page, pageSize ≤ 200), paged in SQL. Confidential projects of others are never listed",
      params: municipalityParams,
      querystring: dashboardProjectsQuery,
      response: { 200: dashboardProjectPage, ...errorResponses(400, 401, 404) },
    },
    handler: async (request) => service.projects(actorOf(request), request.params.code, request.query),
  });

  r.get('/api/municipalities/:code/monitoring/projects.csv', {
    schema: {
      tags,
      summary: "Every monitoring project of a municipality you may see as CSV (filters kind, year; by name), streamed from the database in batches. Confidential projects of others are never listed",
      params: municipalityParams,
      querystring: dashboardProjectsCsvQuery,
      produces: ['text/csv'],
      response: { 200: csvResponse, ...errorResponses(400, 401, 404) },
    },
    handler: async (request, reply) => {
      const lines = await service.projectsCsv(actorOf(request), request.params.code, request.query);
      const suffix = [request.query.kind, request.query.year].filter((v) => v !== undefined).join('-');
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', attachment(`projecten-${request.params.code}${suffix === '' ? '' : `-${suffix}`}.csv`))
        .send(Readable.from(lines));
    },
  });

  r.get('/api/municipalities/:code/monitoring/map', {
    schema: {
      tags,
      summary: "The project map of a municipality's dashboard: the projects you may see that have a location (id, name, phase, coordinates, dwellings, displayed MPG) — filters kind, year",
      params: municipalityParams,
      querystring: dashboardQuery,
      response: { 200: dashboardProjectMap, ...errorResponses(400, 401, 404) },
    },
    handler: async (request) => service.map(actorOf(request), request.params.code, request.query),
  });

  r.get('/api/monitoring/city-deal', {
    schema: {
      tags,
      summary: 'The City Deal cities side by side and the deal as a whole (same totals as the municipality dashboards, filters kind and year; confidentiality rule per figure)',
      querystring: dashboardQuery,
      response: { 200: cityDealOverview, ...errorResponses(400, 401) },
    },
    handler: async (request) => service.cityDeal(actorOf(request), request.query),
  });

  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: REPORT_LIMIT_BYTES, files: 1, fields: 10 } });
    scope.withTypeProvider<ZodTypeProvider>().post(base, {
      schema: {
        tags,
        summary: 'Declare a value (opgegeven, officieel): multipart fields [source=opgegeven; "geaudit" is reserved and refused with source_not_accepted], indicatorId, value, tool, toolVersion, nmdVersion, calculationDate, note, and file "report" (PDF; required for the MPG). Written with the aggregate row in one transaction',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: projectIndicators, ...errorResponses(400, 401, 403, 404, 413) },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        // Authorise before reading a possibly large body.
        await service.editableProject(actor, request.params.id);
        const { fields, report } = await declaration(request);
        // Only declared values enter through this API; `geaudit` is reserved until audits exist, `berekend` comes from passports.
        if (fields.source !== undefined && fields.source !== 'opgegeven') {
          throw new AppError('source_not_accepted', fields.source === 'geaudit' ? 'De bron "geaudit" is gereserveerd voor audits en kan nog niet worden vastgelegd.' : `De bron "${fields.source}" kan niet worden opgegeven; alleen "opgegeven".`, 400, [{ path: 'source', message: 'Alleen "opgegeven" is toegestaan.' }]);
        }
        delete fields.source;
        const parsed = declareIndicatorFields.safeParse(fields);
        if (!parsed.success) throw validationFailed(parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
        return reply.status(201).send(await service.declare(actor, request.params.id, parsed.data, report));
      },
    });
  });
}
