/**
 * IFC imports as jobs: the upload is on disk, the header is checked at once (wrong file → 4xx before a job exists),
 * then web-ifc runs in a worker thread (runIfcExtractionInWorker) while progress goes out as events. The new concept
 * is written in one transaction at the very end, so a failed or cancelled import writes nothing. Cancelling
 * terminates the worker. Jobs live in memory and are forgotten 15 minutes after they end.
 */
import { randomUUID } from 'node:crypto';
import { open, readFile, rm } from 'node:fs/promises';
import type { ImportJob, ImportPhase } from '@kringbouw/contracts';
import { canViewPassports, type Actor } from '@kringbouw/domain/authz';
import type { ProfileLibrary } from '@kringbouw/domain/lca';
import { IfcImportError, runIfcExtractionInWorker, type IfcExtraction } from '@kringbouw/ifc';
import { readStepHeader } from '@kringbouw/ifc/header';
import { AppError, notFound } from '../../errors.ts';
import type { Repositories } from '../../repositories.ts';
import { documentFromIfc } from './passports.documents.ts';
import { projectDataOf, type PassportsService } from './passports.service.ts';

export type JobEvent =
  | { event: 'progress'; data: { phase: ImportPhase; fraction: number } }
  | { event: 'done'; data: { versionId: string } }
  | { event: 'failed'; data: { code: string; message: string; details?: unknown } };

interface Job {
  state: ImportJob;
  controller: AbortController;
  listeners: Set<(event: JobEvent) => void>;
  /** Resolves when the job has ended, whichever way. */
  settled: Promise<void>;
}

const jobNotFound = () => notFound('Deze import bestaat niet (meer).');
const retentionMs = 15 * 60 * 1000;

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
  const jobs = new Map<string, Job>();

  function emit(job: Job, event: JobEvent): void {
    for (const listener of job.listeners) listener(event);
  }

  function progress(job: Job, phase: ImportPhase, fraction: number): void {
    const rounded = Math.round(Math.min(1, Math.max(0, fraction)) * 1000) / 1000;
    if (job.state.phase === phase && rounded - job.state.fraction < 0.01) return;
    job.state = { ...job.state, phase, fraction: Math.max(job.state.fraction, rounded) };
    emit(job, { event: 'progress', data: { phase, fraction: job.state.fraction } });
  }

  function finish(job: Job, outcome: { versionId: string } | { error: AppError }): void {
    if (job.state.status !== 'running') return;
    if ('versionId' in outcome) {
      job.state = { ...job.state, status: 'done', phase: 'save', fraction: 1, versionId: outcome.versionId };
      emit(job, { event: 'done', data: { versionId: outcome.versionId } });
    } else {
      const { code, message, details } = outcome.error;
      job.state = { ...job.state, status: code === 'import_cancelled' ? 'cancelled' : 'failed', error: { code, message, ...(details !== undefined && { details }) } };
      emit(job, { event: 'failed', data: { code, message, ...(details !== undefined && { details }) } });
    }
    job.listeners.clear();
    setTimeout(() => jobs.delete(job.state.id), retentionMs).unref();
  }

  async function run(job: Job, actor: Actor, upload: { filePath: string; fileName: string; label: string | undefined; keepOriginal: boolean }): Promise<void> {
    const { signal } = job.controller;
    try {
      const { project, actor: editor } = await service.editableProject(actor, job.state.projectId);
      progress(job, 'extract', 0.05);
      const extraction: IfcExtraction = await runIfcExtractionInWorker(upload.filePath, {
        signal,
        onProgress: (fraction) => progress(job, 'extract', 0.05 + 0.8 * fraction),
        ...(deps.timeoutMs !== undefined && { timeoutMs: deps.timeoutMs }),
      });
      progress(job, 'map', 0.86);
      const resolver = await service.resolverFor(project.ownerOrganisationId, extraction.elements.flatMap((element) => element.materials.map((m) => m.name)));
      const { document, report } = documentFromIfc(extraction, projectDataOf(project), resolver, library, upload.fileName);
      if (document.elements.length === 0) {
        throw new AppError('ifc_no_materials', 'Het IFC-model bevat geen elementen met een materiaal; er is niets opgeslagen.', 422, { withoutMaterial: report.withoutMaterial.length });
      }
      if (signal.aborted) throw new IfcImportError('cancelled');
      progress(job, 'calculate', 0.9);
      const file = upload.keepOriginal ? { name: upload.fileName, content: await readFile(upload.filePath) } : undefined;
      progress(job, 'save', 0.95);
      const versionId = await service.insertVersion(
        editor,
        project,
        { label: upload.label ?? `IFC-import ${upload.fileName}`, source: 'ifc', basedOnVersionId: null, document, importReport: report },
        {
          file,
          beforeCommit: () => {
            if (signal.aborted) throw new IfcImportError('cancelled');
          },
        },
      );
      finish(job, { versionId });
    } catch (error) {
      if (error instanceof IfcImportError) finish(job, { error: ifcError(error) });
      else if (error instanceof AppError) finish(job, { error });
      else finish(job, { error: new AppError('import_failed', 'Er ging iets mis bij het verwerken van het model; er is niets opgeslagen.', 500) });
    } finally {
      await rm(upload.filePath, { force: true });
    }
  }

  async function visibleJob(actor: Actor, projectId: string, jobId: string): Promise<Job> {
    const job = jobs.get(jobId);
    if (job === undefined || job.state.projectId !== projectId) throw jobNotFound();
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
      const job: Job = {
        state: { id: randomUUID(), projectId, fileName: upload.fileName, status: 'running', phase: 'upload', fraction: 0.05, versionId: null, error: null },
        controller: new AbortController(),
        listeners: new Set(),
        settled: Promise.resolve(),
      };
      jobs.set(job.state.id, job);
      job.settled = run(job, actor, { filePath: upload.filePath, fileName: upload.fileName, label: upload.label, keepOriginal: settings.keepOriginalIfc });
      return job.state;
    },

    async get(actor: Actor, projectId: string, jobId: string): Promise<ImportJob> {
      return (await visibleJob(actor, projectId, jobId)).state;
    },

    /** Calls `listener` with every later event; the current state comes back first. Returns the unsubscribe. */
    async subscribe(actor: Actor, projectId: string, jobId: string, listener: (event: JobEvent) => void): Promise<{ state: ImportJob; unsubscribe: () => void }> {
      const job = await visibleJob(actor, projectId, jobId);
      if (job.state.status === 'running') job.listeners.add(listener);
      return { state: job.state, unsubscribe: () => job.listeners.delete(listener) };
    },

    async cancel(actor: Actor, projectId: string, jobId: string): Promise<void> {
      const job = await visibleJob(actor, projectId, jobId);
      await service.editableProject(actor, projectId);
      if (job.state.status === 'running') {
        // The job itself notices the abort (the worker is terminated; the final transaction checks before commit),
        // so "cancelled" is only reported when nothing was written.
        job.controller.abort();
        await job.settled;
      }
      if (job.state.status !== 'cancelled') throw new AppError('import_finished', 'Deze import is al klaar of mislukt en kan niet meer worden afgebroken.', 409, { status: job.state.status, versionId: job.state.versionId });
    },

    /** Stops every running job and waits for them to end (server shutdown). */
    async cancelAll(): Promise<void> {
      const running = [...jobs.values()].filter((job) => job.state.status === 'running');
      for (const job of running) job.controller.abort();
      await Promise.all(running.map((job) => job.settled));
    },
  };
}

export type ImportJobs = ReturnType<typeof createImportJobs>;
