import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  agreement,
  agreementList,
  agreementListQuery,
  agreementParams,
  agreementProgress,
  agreementTemplates,
  agreementVersion,
  agreementVersions,
  approvalParams,
  approveRequest,
  auditList,
  comment,
  commentInput,
  commentList,
  commentListQuery,
  commitmentParams,
  createAgreementRequest,
  createCommitmentRequest,
  deleteCommitmentQuery,
  diffQuery,
  evaluationQuery,
  evidence,
  evidenceInput,
  evidenceList,
  evidenceParams,
  insertTemplatesRequest,
  notificationList,
  notificationListQuery,
  notificationParams,
  okResponse,
  progressQuery,
  transitionRequest,
  updateAgreementRequest,
  updateCommitmentRequest,
  versionDiff,
  versionParams,
  withdrawApprovalQuery,
} from '@kringbouw/contracts';
import { AppError, validationFailed } from '../../errors.ts';
import { actorOf } from '../../http/auth-context.ts';
import { readMultipartForm } from '../../http/multipart.ts';
import { errorResponses } from '../../http/route-schemas.ts';
import { auditCsv } from './agreements.csv.ts';
import { buildEvaluationModel, renderEvaluationDocx, renderEvaluationPdf } from './agreements.evaluation.ts';
import type { AgreementsService } from './agreements.service.ts';

const fileResponse = z.custom<Buffer>((value) => Buffer.isBuffer(value)).describe('The file (binary)');
const csvResponse = z.string().describe('CSV (UTF-8 with BOM, semicolon-separated)');

function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function slug(text: string): string {
  return text.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').toLowerCase().slice(0, 60) || 'prestatieafspraken';
}

/** Largest document attached to evidence unless the app is configured otherwise: 20 MB. */
export const EVIDENCE_FILE_LIMIT_BYTES = 20 * 1024 * 1024;

function megabytes(bytes: number): string {
  return new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
}

export function registerAgreementRoutes(app: FastifyInstance, deps: { agreements: AgreementsService; evidenceFileLimitBytes?: number }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = deps.agreements;
  const evidenceFileLimit = deps.evidenceFileLimitBytes ?? EVIDENCE_FILE_LIMIT_BYTES;
  const fileTooLarge = () => new AppError('payload_too_large', `Het document is groter dan ${megabytes(evidenceFileLimit)} MB; voeg een kleiner bestand toe.`, 413, [{ path: 'file', message: `Het document is groter dan ${megabytes(evidenceFileLimit)} MB.`, code: 'file_too_large' }]);
  const tags = ['prestatieafspraken'];
  const base = '/api/agreements/:id';

  r.get('/api/agreement-templates', {
    schema: { tags, summary: 'Templates for commitments after the Cirkelstad guide (Dutch and English, per theme, starting and advanced), with source and version', response: { 200: agreementTemplates, ...errorResponses(401) } },
    handler: async () => service.templates(),
  });

  r.get('/api/agreements', {
    schema: { tags, summary: 'Prestatieafspraken you may see (public ones, and those of your organisations); filters q, municipality, organisation, state', querystring: agreementListQuery, response: { 200: agreementList, ...errorResponses(400, 401) } },
    handler: async (request) => service.list(actorOf(request), request.query),
  });

  r.post('/api/agreements', {
    schema: {
      tags,
      summary: 'Start prestatieafspraken (state concept): one gemeente, ≥ 1 woningcorporatie, ≥ 1 huurdersorganisatie; commitments written in full and/or inserted from templates',
      body: createAgreementRequest,
      response: { 201: agreement, ...errorResponses(400, 401, 403) },
    },
    handler: async (request, reply) => reply.status(201).send(await service.create(actorOf(request), request.body)),
  });

  r.get(base, {
    schema: { tags, summary: 'One agreement: parties, working version with approvals, commitments, cycle with dates and allowed actions (404 when not visible)', params: agreementParams, response: { 200: agreement, ...errorResponses(400, 401, 404) } },
    handler: async (request) => service.get(actorOf(request), request.params.id),
  });

  r.put(base, {
    schema: {
      tags,
      summary: 'Replace the header (title, description, period, visibility, parties) of the working version; after signing this opens a new version (wijziging)',
      params: agreementParams,
      body: updateAgreementRequest,
      response: { 200: agreement, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => service.update(actorOf(request), request.params.id, request.body),
  });

  r.post(`${base}/commitments`, {
    schema: { tags, summary: 'Add a commitment to the working version', params: agreementParams, body: createCommitmentRequest, response: { 201: agreement, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request, reply) => reply.status(201).send(await service.addCommitment(actorOf(request), request.params.id, request.body.commitment, request.body.revision)),
  });

  r.post(`${base}/templates`, {
    schema: { tags, summary: 'Insert templates into the working version as editable commitments', params: agreementParams, body: insertTemplatesRequest, response: { 200: agreement, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request) => service.insertTemplates(actorOf(request), request.params.id, request.body.templateIds, request.body.revision),
  });

  r.put(`${base}/commitments/:commitmentId`, {
    schema: { tags, summary: 'Replace a commitment of the working version (its id stays)', params: commitmentParams, body: updateCommitmentRequest, response: { 200: agreement, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request) => service.updateCommitment(actorOf(request), request.params.id, request.params.commitmentId, request.body.commitment, request.body.revision),
  });

  r.delete(`${base}/commitments/:commitmentId`, {
    schema: { tags, summary: 'Remove a commitment from the working version (earlier versions keep it)', params: commitmentParams, querystring: deleteCommitmentQuery, response: { 200: agreement, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: async (request) => service.removeCommitment(actorOf(request), request.params.id, request.params.commitmentId, request.query.revision),
  });

  r.post(`${base}/transitions`, {
    schema: {
      tags,
      summary: 'A step in the yearly cycle: bod_uitbrengen (woningcorporatie), onderhandeling_starten (gemeente), evaluatie_starten / evaluatie_afronden (any party)',
      params: agreementParams,
      body: transitionRequest,
      response: { 200: agreement, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => service.transition(actorOf(request), request.params.id, request.body),
  });

  r.post(`${base}/approvals`, {
    schema: {
      tags,
      summary: 'Approve the working version as read (revision) on behalf of a party; the last party to approve signs it (state ondertekend)',
      params: agreementParams,
      body: approveRequest,
      response: { 200: agreement, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => service.approve(actorOf(request), request.params.id, request.body),
  });

  r.delete(`${base}/approvals/:organisationId`, {
    schema: {
      tags,
      summary: "Withdraw your organisation's approval of the working version (bewerker/beheerder of that party), only while it is unsigned: 409 already_signed after signing, 409 not_approved when there is none",
      params: approvalParams,
      querystring: withdrawApprovalQuery,
      response: { 200: agreement, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => service.withdrawApproval(actorOf(request), request.params.id, request.params.organisationId, request.query.revision),
  });

  r.get(`${base}/versions`, {
    schema: { tags, summary: 'All versions with their approvals; signed versions never change', params: agreementParams, response: { 200: agreementVersions, ...errorResponses(400, 401, 404) } },
    handler: async (request) => service.versions(actorOf(request), request.params.id),
  });

  r.get(`${base}/versions/:number`, {
    schema: { tags, summary: "One version's full text", params: versionParams, response: { 200: agreementVersion, ...errorResponses(400, 401, 404) } },
    handler: async (request) => service.version(actorOf(request), request.params.id, request.params.number),
  });

  r.get(`${base}/versions/:number/diff`, {
    schema: { tags, summary: 'What changed in a version against another (default the previous one)', params: versionParams, querystring: diffQuery, response: { 200: versionDiff, ...errorResponses(400, 401, 404) } },
    handler: async (request) => service.diff(actorOf(request), request.params.id, request.params.number, request.query.against),
  });

  r.get(`${base}/progress`, {
    schema: {
      tags,
      summary: 'Progress: measurable commitments from the indicator ledger (official preferred), process commitments from evidence; traffic light per commitment, theme and agreement',
      params: agreementParams,
      querystring: progressQuery,
      response: { 200: agreementProgress, ...errorResponses(400, 401, 404) },
    },
    handler: async (request) => service.progress(actorOf(request), request.params.id, request.query),
  });

  r.get(`${base}/evidence`, {
    schema: { tags, summary: 'Evidence recorded for process commitments', params: agreementParams, response: { 200: evidenceList, ...errorResponses(400, 401, 404) } },
    handler: async (request) => service.evidence(actorOf(request), request.params.id),
  });

  r.post(`${base}/evidence`, {
    schema: { tags, summary: 'Record evidence (note, date, optional document link) for a process commitment, on behalf of a party; with an uploaded document: POST …/evidence/upload', params: agreementParams, body: evidenceInput, response: { 201: evidence, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request, reply) => reply.status(201).send(await service.addEvidence(actorOf(request), request.params.id, request.body)),
  });

  r.get(`${base}/evidence/:evidenceId/file`, {
    schema: {
      tags,
      summary: 'The document attached to evidence, for whoever may see the agreement (404 otherwise or when there is none)',
      params: evidenceParams,
      produces: ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.oasis.opendocument.text', 'image/png', 'image/jpeg'],
      response: { 200: fileResponse, ...errorResponses(400, 401, 404) },
    },
    handler: async (request, reply) => {
      const file = await service.evidenceFile(actorOf(request), request.params.id, request.params.evidenceId);
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', attachment(file.name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  });

  // The upload in its own scope: multipart with the evidence size limit, one file.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: evidenceFileLimit, files: 1, fields: 10 } });
    scope.withTypeProvider<ZodTypeProvider>().post(`${base}/evidence/upload`, {
      schema: {
        tags,
        summary: `Record evidence with an uploaded document (multipart/form-data): the fields of evidenceInput (commitmentId, note, date, organisationId, optional documentTitle, documentUrl) and the file "file" — PDF, docx, xlsx, odt, png or jpeg, recognised by its content, at most ${megabytes(evidenceFileLimit)} MB. Stored with the evidence in one transaction; a wrong or empty file is a 400 at "file" and stores nothing`,
        consumes: ['multipart/form-data'],
        params: agreementParams,
        response: { 201: evidence, ...errorResponses(400, 401, 403, 404, 413) },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        // Authorise before reading a possibly large body.
        await service.assertMayAddEvidence(actor, request.params.id);
        const { fields, file } = await readMultipartForm(request, { fileField: 'file', tooLarge: fileTooLarge });
        for (const optional of ['documentTitle', 'documentUrl']) if (fields[optional]?.trim() === '') delete fields[optional];
        const parsed = evidenceInput.safeParse(fields);
        if (!parsed.success) throw validationFailed(parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
        // A form without a chosen file sends an unnamed, empty part: that is no document.
        const upload = file === null || (file.fileName === '' && file.bytes.length === 0) ? null : file;
        if (upload === null) throw validationFailed([{ path: 'file', message: 'Kies het document dat u als bewijs wilt toevoegen.', code: 'file_missing' }]);
        return reply.status(201).send(await service.addEvidence(actor, request.params.id, parsed.data, upload));
      },
    });
  });

  r.get(`${base}/comments`, {
    schema: { tags, summary: 'Comments, optionally of one commitment or one evaluation year', params: agreementParams, querystring: commentListQuery, response: { 200: commentList, ...errorResponses(400, 401, 404) } },
    handler: async (request) => service.comments(actorOf(request), request.params.id, request.query),
  });

  r.post(`${base}/comments`, {
    schema: { tags, summary: 'Comment on the agreement or a commitment on behalf of a party (huurdersorganisatie included); with evaluationYear it belongs to that evaluation', params: agreementParams, body: commentInput, response: { 201: comment, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request, reply) => reply.status(201).send(await service.addComment(actorOf(request), request.params.id, request.body)),
  });

  r.get(`${base}/audit`, {
    schema: { tags, summary: 'The audit trail (append-only): who changed what when, before → after', params: agreementParams, response: { 200: auditList, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request) => service.audit(actorOf(request), request.params.id),
  });

  r.get(`${base}/audit.csv`, {
    schema: { tags, summary: 'The audit trail as CSV (one row per changed field)', params: agreementParams, produces: ['text/csv'], response: { 200: csvResponse, ...errorResponses(400, 401, 403, 404) } },
    handler: async (request, reply) => {
      const { items } = await service.audit(actorOf(request), request.params.id);
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', attachment(`wijzigingen-${request.params.id}.csv`)).send(auditCsv(items));
    },
  });

  r.get(`${base}/evaluation`, {
    schema: {
      tags,
      summary: 'The yearly evaluation document (pdf or docx): achievements per theme and commitment, the figures behind them, evidence and each party’s comments of that year',
      params: agreementParams,
      querystring: evaluationQuery,
      produces: ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      response: { 200: fileResponse, ...errorResponses(400, 401, 404) },
    },
    handler: async (request, reply) => {
      const input = await service.evaluationInput(actorOf(request), request.params.id, request.query.year);
      const model = buildEvaluationModel(input);
      const name = `jaarevaluatie-${request.query.year}-${slug(input.agreement.title)}`;
      if (request.query.format === 'docx') {
        const bytes = await renderEvaluationDocx(model);
        return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document').header('content-disposition', attachment(`${name}.docx`)).send(bytes);
      }
      const bytes = await renderEvaluationPdf(model);
      return reply.header('content-type', 'application/pdf').header('content-disposition', attachment(`${name}.pdf`)).send(bytes);
    },
  });

  r.get('/api/notifications', {
    schema: { tags, summary: 'Your notifications (newest first) and the number unread', querystring: notificationListQuery, response: { 200: notificationList, ...errorResponses(400, 401) } },
    handler: async (request) => service.notifications(actorOf(request), request.query),
  });

  r.post('/api/notifications/read-all', {
    schema: { tags, summary: 'Mark all your notifications read', response: { 200: okResponse, ...errorResponses(401) } },
    handler: async (request) => service.markAllRead(actorOf(request)),
  });

  r.post('/api/notifications/:id/read', {
    schema: { tags, summary: 'Mark one of your notifications read (404 for someone else’s)', params: notificationParams, response: { 200: okResponse, ...errorResponses(400, 401, 404) } },
    handler: async (request) => service.markRead(actorOf(request), request.params.id),
  });
}
