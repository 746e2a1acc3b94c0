import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  applyMappingsRequest,
  createPassportVersionRequest,
  idParams,
  importJob,
  importJobParams,
  passportDiff,
  passportDiffQuery,
  passportExportParams,
  passportSettings,
  passportVersion,
  passportVersionList,
  passportVersionParams,
  publishPassportVersionRequest,
  updatePassportVersionRequest,
} from '@kringbouw/contracts';
import { AppError, validationFailed } from '../../errors.ts';
import { actorOf } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/route-schemas.ts';
import { streamJobEvents } from '../../http/job-events.ts';
import type { ImportJobs, JobEvent } from './passports.jobs.ts';
import type { PassportsService } from './passports.service.ts';

export interface PassportRoutesDeps {
  passports: PassportsService;
  jobs: ImportJobs;
  /** Largest upload (and largest editor PUT) in bytes: PASSPORT_UPLOAD_LIMIT_MB, default 200 MB. */
  uploadLimitBytes: number;
}

const multipartConsumes = ['multipart/form-data'];

/** A file download (xlsx, json, pdf, ifc): sent as bytes, never serialised. */
const fileResponse = z.custom<Buffer | string>((value) => Buffer.isBuffer(value) || typeof value === 'string').describe('The file (binary)');

function tooLarge(limitBytes: number): AppError {
  return new AppError('payload_too_large', `Het bestand is groter dan ${Math.round(limitBytes / (1024 * 1024))} MB.`, 413);
}

function isFileTooLarge(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'FST_REQ_FILE_TOO_LARGE';
}

function fieldOf(file: MultipartFile, name: string): string | undefined {
  const field = file.fields[name];
  if (field === undefined || Array.isArray(field) || field.type !== 'field') return undefined;
  const value = String(field.value).trim();
  return value === '' ? undefined : value.slice(0, 200);
}

async function uploadedFile(request: FastifyRequest): Promise<MultipartFile> {
  const file = await request.file();
  if (!file) throw validationFailed([{ path: 'file', message: 'Kies een bestand.' }]);
  return file;
}

function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function registerPassportRoutes(app: FastifyInstance, deps: PassportRoutesDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { passports: service, jobs, uploadLimitBytes } = deps;
  const tags = ['passports'];
  const base = '/api/projects/:id/passports';

  app.addHook('onClose', async () => {
    await jobs.cancelAll();
  });

  r.get('/api/passport-template.xlsx', {
    schema: { tags, summary: 'The passport template (Dutch .xlsx: sheets Paspoort, Project, Uitleg)', response: { 200: fileResponse, ...errorResponses(401) } },
    handler: async (_request, reply) =>
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachment('kringbouw-paspoort-sjabloon.xlsx'))
        .send(await service.template()),
  });

  r.get(base, {
    schema: { tags, summary: "A project's passport versions, oldest first (whoever may see the project)", params: idParams, response: { 200: passportVersionList, ...errorResponses(400, 401, 404) } },
    handler: async (request) => service.list(actorOf(request), request.params.id),
  });

  r.post(base, {
    schema: {
      tags,
      summary: 'New concept version: empty (project data from the project) or a copy of a version (copyOf)',
      params: idParams,
      body: createPassportVersionRequest,
      response: { 201: passportVersion, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request, reply) => reply.status(201).send(await service.create(actorOf(request), request.params.id, request.body)),
  });

  r.get(`${base}/diff`, {
    schema: {
      tags,
      summary: 'Differences between two versions: lines added, removed and changed (matched by line key) and indicator deltas',
      params: idParams,
      querystring: passportDiffQuery,
      response: { 200: passportDiff, ...errorResponses(400, 401, 404) },
    },
    handler: async (request) => service.diff(actorOf(request), request.params.id, request.query.from, request.query.to),
  });

  r.get(`${base}/:versionId`, {
    schema: {
      tags,
      summary: 'One version: the passport, stored indicators (indicatief, with data versions), materials (unmapped first), import report',
      params: passportVersionParams,
      response: { 200: passportVersion, ...errorResponses(400, 401, 404) },
    },
    handler: async (request) => service.get(actorOf(request), request.params.id, request.params.versionId),
  });

  r.put(`${base}/:versionId`, {
    bodyLimit: uploadLimitBytes,
    schema: {
      tags,
      summary: "Replace a concept's label and passport (lines without key get one); indicators are recomputed. 409 passport_published for a vastgesteld version, 409 version_conflict for a stale revision",
      params: passportVersionParams,
      body: updatePassportVersionRequest,
      response: { 200: passportVersion, ...errorResponses(400, 401, 403, 404, 409, 413) },
    },
    handler: async (request) => service.update(actorOf(request), request.params.id, request.params.versionId, request.body),
  });

  r.delete(`${base}/:versionId`, {
    schema: { tags, summary: 'Delete a concept version (a vastgesteld version stays: 409 passport_published)', params: passportVersionParams, response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => {
      await service.delete(actorOf(request), request.params.id, request.params.versionId);
      return reply.status(204).send(null);
    },
  });

  r.post(`${base}/:versionId/publish`, {
    schema: {
      tags,
      summary: 'Vaststellen: the version becomes immutable (send the revision you read)',
      params: passportVersionParams,
      body: publishPassportVersionRequest,
      response: { 200: passportVersion, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => service.publish(actorOf(request), request.params.id, request.params.versionId, request.body.revision),
  });

  r.post(`${base}/:versionId/apply-mappings`, {
    schema: {
      tags,
      summary: "Put the owner organisation's material mapping on lines without profile (and on suggested ones unless replaceSuggested is false)",
      params: passportVersionParams,
      body: applyMappingsRequest,
      response: { 200: passportVersion, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => service.applyMappings(actorOf(request), request.params.id, request.params.versionId, request.body),
  });

  r.get(`${base}/:versionId/exports/:format`, {
    schema: {
      tags,
      summary: 'Download: xlsx (template layout; imports back to the same passport), json (kringbouw-passport/1), lcax (LCAx project JSON), pdf (Dutch passport, vastgesteld versions only)',
      params: passportExportParams,
      response: { 200: fileResponse, ...errorResponses(400, 401, 404, 409) },
    },
    handler: async (request, reply) => {
      const file = await service.export(actorOf(request), request.params.id, request.params.versionId, request.params.format);
      return reply.header('content-type', file.contentType).header('content-disposition', attachment(file.fileName)).send(file.body);
    },
  });

  r.get(`${base}/:versionId/original`, {
    schema: { tags, summary: 'The original IFC file of an import, when the organisation keeps originals', params: passportVersionParams, response: { 200: fileResponse, ...errorResponses(400, 401, 404) } },
    handler: async (request, reply) => {
      const file = await service.originalFile(actorOf(request), request.params.id, request.params.versionId);
      return reply.header('content-type', 'application/x-step').header('content-disposition', attachment(file.name)).send(file.content);
    },
  });

  r.get(`${base}/imports/:jobId`, {
    schema: { tags, summary: 'State of an IFC import job (for clients without server-sent events)', params: importJobParams, response: { 200: importJob, ...errorResponses(400, 401, 404) } },
    handler: async (request) => jobs.get(actorOf(request), request.params.id, request.params.jobId),
  });

  r.get(`${base}/imports/:jobId/events`, {
    schema: {
      tags,
      summary: 'Server-sent events of an import job: "progress" {phase, fraction}, then "done" {versionId} or "failed" {code, message, details}',
      params: importJobParams,
      produces: ['text/event-stream'],
      response: errorResponses(400, 401, 404),
    },
    handler: (request, reply) =>
      streamJobEvents<JobEvent>(request, reply, async (onEvent) => {
        const { state, unsubscribe } = await jobs.subscribe(actorOf(request), request.params.id, request.params.jobId, onEvent);
        const initial: JobEvent[] = [{ event: 'progress', data: { phase: state.phase, fraction: state.fraction } }];
        if (state.status === 'done' && state.versionId !== null) initial.push({ event: 'done', data: { versionId: state.versionId } });
        else if (state.status !== 'running' && state.error !== null) initial.push({ event: 'failed', data: state.error });
        return { initial, unsubscribe };
      }),
  });

  r.delete(`${base}/imports/:jobId`, {
    schema: { tags, summary: 'Cancel a running import: the worker is terminated, nothing is saved (409 import_finished when it already ended)', params: importJobParams, response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => {
      await jobs.cancel(actorOf(request), request.params.id, request.params.jobId);
      return reply.status(204).send(null);
    },
  });

  r.get('/api/organisations/:id/passport-settings', {
    schema: { tags, summary: "The organisation's passport settings (members and coordinator)", params: idParams, response: { 200: passportSettings, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => service.getSettings(actorOf(request), request.params.id),
  });

  r.put('/api/organisations/:id/passport-settings', {
    schema: { tags, summary: 'Change the passport settings, e.g. keep original IFC files (beheerder or coordinator)', params: idParams, body: passportSettings, response: { 200: passportSettings, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => service.putSettings(actorOf(request), request.params.id, request.body),
  });

  // Uploads: streamed multipart with the configured size limit, in their own scope.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: uploadLimitBytes, files: 1, fields: 5 } });
    const s = scope.withTypeProvider<ZodTypeProvider>();

    s.post(`${base}/imports/table`, {
      schema: {
        tags,
        summary: 'Import a passport table (multipart: optional field "label", then "file" = .csv, .xlsx or .json in the template columns). All rows valid → 201 with the new concept; otherwise 400 import_rejected with details [{row, column, message}] and nothing saved',
        consumes: multipartConsumes,
        params: idParams,
        response: { 201: passportVersion, ...errorResponses(400, 401, 403, 404, 413, 415) },
      },
      handler: async (request, reply) => {
        const file = await uploadedFile(request);
        let bytes: Buffer;
        try {
          bytes = await file.toBuffer();
        } catch (error) {
          if (isFileTooLarge(error)) throw tooLarge(uploadLimitBytes);
          throw error;
        }
        if (file.file.truncated) throw tooLarge(uploadLimitBytes);
        const version = await service.importTable(actorOf(request), request.params.id, { fileName: file.filename, bytes, label: fieldOf(file, 'label') });
        return reply.status(201).send(version);
      },
    });

    s.post(`${base}/imports/ifc`, {
      schema: {
        tags,
        summary: 'Import an IFC model (IFC2X3 or IFC4; multipart: optional "label", then "file"). Wrong or unsupported files are refused at once (400 / 422); otherwise 202 with a job whose progress comes over …/imports/{jobId}/events. All or nothing.',
        consumes: multipartConsumes,
        params: idParams,
        response: { 202: importJob, ...errorResponses(400, 401, 403, 404, 413, 422) },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        // Authorise before accepting a possibly large body onto disk.
        await service.editableProject(actor, request.params.id);
        const file = await uploadedFile(request);
        const filePath = path.join(tmpdir(), `kringbouw-ifc-${randomUUID()}.ifc`);
        try {
          await pipeline(file.file, createWriteStream(filePath));
          if (file.file.truncated) throw tooLarge(uploadLimitBytes);
        } catch (error) {
          await rm(filePath, { force: true });
          if (isFileTooLarge(error)) throw tooLarge(uploadLimitBytes);
          throw error;
        }
        const job = await jobs.start(actor, request.params.id, { filePath, fileName: file.filename, label: fieldOf(file, 'label') });
        return reply.status(202).send(job);
      },
    });
  });
}
