/**
 * IFC imports as jobs: the upload is on disk, the header is checked at once (wrong file → 4xx before a job exists),
 * then web-ifc runs in a worker thread (runIfcExtractionInWorker) while progress goes out as events. The new concept
 * is written in one transaction at the very end, so a failed or cancelled import writes nothing. Cancelling
 * terminates the worker. Jobs live in memory (src/jobs/job-registry.ts) and are forgotten 15 minutes after they end.
 */
import { open, readFile, rm } from 'node:fs/promises';
import type { ImportJob, ImportPhase } from '@kringbouw/contracts';
import { canViewPassports, type Actor } from '@kringbouw/domain/authz';
import type { ProfileLibrary } from '@kringbouw/domain/lca';
import { IfcImportError, runIfcExtractionInWorker, type IfcExtraction } from '@kringbouw/ifc';
import { readStepHeader } from '@kringbouw/ifc/header';
import { AppError, notFound } from '../../errors.ts';
import { createJobRegistry, type JobEvent as RegistryJobEvent, type JobSnapshot, type ReportProgress } from '../../jobs/job-registry.ts';
import type { Repositories } from '../../repositories.ts';
import { documentFromIfc } from './passports.documents.ts';
import { projectDataOf, type PassportsService } from './passports.service.ts';

/** Progress events, then `done` {versionId} or `failed` {code, message, details}. */
export type JobEvent = RegistryJobEvent<ImportPhase, { versionId: string }>;

type ImportJobSnapshot = JobSnapshot<{ projectId: string; fileName: string }, ImportPhase, { versionId: string }>;

const jobNotFound = () => notFound('Deze import bestaat niet (meer).');
const retentionMs = 15 * 60 * 1000;

function presentImportJob(job: ImportJobSnapshot): ImportJob {
  const { projectId, fileName } = job.payload;
  return { id: job.id, projectId, fileName, status: job.status, phase: job.phase, fraction: job.fraction, versionId: job.result?.versionId ?? null, error: job.error };
}

/** The HTTP answer for a file the IFC reader refuses. */
export function ifcError(error: IfcImportError): AppError {
  switch (error.code) {
    case 'unsupported_schema':
      return new AppError('ifc_unsupported_schema', error.messageNl, 422, { schema: error.detail ?? null });
    case 'too_large':
      return new AppError('ifc_too_large', error.messageNl, 413);
    case 'cancelled':
      return new AppError('import_cancelled', 'De import is afgebroken; er is niets opgeslagen.', 409);
    case 'not_ifc':
      return new AppError('ifc_not_ifc', error.messageNl, 400);
    case 'corrupt':
      return new AppError('ifc_corrupt', error.messageNl, 400);
  }
}

export function createImportJobs(deps: { service: PassportsService; repositories: Repositories; library: ProfileLibrary; timeoutMs?: number }) {
  const { service, repositories, library } = deps;
  const jobs = createJobRegistry<ImportJobSnapshot['payload'], ImportPhase, { versionId: string }>({
    retentionMs,
    donePhase: 'save',
    cancelledCode: 'import_cancelled',
    failureOf: (error) => {
      if (error instanceof IfcImportError) return ifcError(error);
      if (error instanceof AppError) return error;
      return new AppError('import_failed', 'Er ging iets mis bij het verwerken van het model; er is niets opgeslagen.', 500);
    },
  });

  /** The job's work: extract, map, calculate, save in one transaction; `signal` is checked up to the commit. */
  async function importModel({ actor, projectId, upload, report, signal }: {
    actor: Actor;
    projectId: string;
    upload: { filePath: string; fileName: string; label: string | undefined; keepOriginal: boolean };
    report: ReportProgress<ImportPhase>;
    signal: AbortSignal;
  }): Promise<{ versionId: string }> {
    const { project, actor: editor } = await service.editableProject(actor, projectId);
    report('extract', 0.05);
    const extraction: IfcExtraction = await runIfcExtractionInWorker(upload.filePath, {
      signal,
      onProgress: (fraction) => report('extract', 0.05 + 0.8 * fraction),
      ...(deps.timeoutMs !== undefined && { timeoutMs: deps.timeoutMs }),
    });
    report('map', 0.86);
    const resolver = await service.resolverFor(project.ownerOrganisationId, extraction.elements.flatMap((element) => element.materials.map((m) => m.name)));
    const { document, report: importReport } = documentFromIfc(extraction, projectDataOf(project), resolver, library, upload.fileName);
    if (document.elements.length === 0) {
      throw new AppError('ifc_no_materials', 'Het IFC-model bevat geen elementen met een materiaal; er is niets opgeslagen.', 422, { withoutMaterial: importReport.withoutMaterial.length });
    }
    if (signal.aborted) throw new IfcImportError('cancelled');
    report('calculate', 0.9);
    const file = upload.keepOriginal ? { name: upload.fileName, content: await readFile(upload.filePath) } : undefined;
    report('save', 0.95);
    const versionId = await service.insertVersion(
      editor,
      project,
      { label: upload.label ?? `IFC-import ${upload.fileName}`, source: 'ifc', basedOnVersionId: null, document, importReport },
      {
        file,
        beforeCommit: () => {
          if (signal.aborted) throw new IfcImportError('cancelled');
        },
      },
    );
    return { versionId };
  }

  async function visibleJob(actor: Actor, projectId: string, jobId: string): Promise<ImportJobSnapshot> {
    const job = jobs.find(jobId);
    if (job === undefined || job.payload.projectId !== projectId) throw jobNotFound();
    const project = await repositories.projects.findById(projectId);
    if (project === null || !canViewPassports(actor, project)) throw jobNotFound();
    return job;
  }

  return {
    /**
     * Starts a job for an uploaded file (already on disk at `filePath`; the job deletes it). Refuses at once, with
     * the reason, a file that is not IFC or has an unsupported schema.
     */
    async start(actor: Actor, projectId: string, upload: { filePath: string; fileName: string; label?: string | undefined }): Promise<ImportJob> {
      const { project } = await service.editableProject(actor, projectId);
      try {
        const handle = await open(upload.filePath, 'r');
        const head = Buffer.alloc(64 * 1024);
        const { bytesRead } = await handle.read(head, 0, head.length, 0);
        await handle.close();
        if (bytesRead === 0) throw new AppError('ifc_not_ifc', 'Het bestand is leeg.', 400);
        readStepHeader(head.subarray(0, bytesRead));
      } catch (error) {
        await rm(upload.filePath, { force: true });
        if (error instanceof IfcImportError) throw ifcError(error);
        throw error;
      }
      const settings = await service.settingsOf(project.ownerOrganisationId);
      const job = jobs.start({
        payload: { projectId, fileName: upload.fileName },
        phase: 'upload',
        fraction: 0.05,
        worker: async (report, signal) => {
          try {
            const file = { filePath: upload.filePath, fileName: upload.fileName, label: upload.label, keepOriginal: settings.keepOriginalIfc };
            return await importModel({ actor, projectId, upload: file, report, signal });
          } finally {
            await rm(upload.filePath, { force: true });
          }
        },
      });
      return presentImportJob(job);
    },

    async get(actor: Actor, projectId: string, jobId: string): Promise<ImportJob> {
      return presentImportJob(await visibleJob(actor, projectId, jobId));
    },

    /** Calls `listener` with every later event; the current state comes back first. Returns the unsubscribe. */
    async subscribe(actor: Actor, projectId: string, jobId: string, listener: (event: JobEvent) => void): Promise<{ state: ImportJob; unsubscribe: () => void }> {
      await visibleJob(actor, projectId, jobId);
      const subscription = jobs.subscribe(jobId, listener);
      if (subscription === undefined) throw jobNotFound();
      return { state: presentImportJob(subscription.snapshot), unsubscribe: subscription.unsubscribe };
    },

    async cancel(actor: Actor, projectId: string, jobId: string): Promise<void> {
      const job = await visibleJob(actor, projectId, jobId);
      await service.editableProject(actor, projectId);
      // The job itself notices the abort (the worker is terminated; the final transaction checks before commit),
      // so "cancelled" is only reported when nothing was written.
      const ended = (await jobs.cancel(jobId)) ?? job;
      if (ended.status !== 'cancelled') {
        throw new AppError('import_finished', 'Deze import is al klaar of mislukt en kan niet meer worden afgebroken.', 409, { status: ended.status, versionId: ended.result?.versionId ?? null });
      }
    },

    /** Stops every running job and waits for them to end (server shutdown). */
    cancelAll: jobs.cancelAll,
  };
}

export type ImportJobs = ReturnType<typeof createImportJobs>;
