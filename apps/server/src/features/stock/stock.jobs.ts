/**
 * Building imports as jobs, following the IFC import pattern of the passports feature: the upload is on disk, the
 * rights and municipality are checked at once (4xx before a job exists), then the import runs in the background
 * while progress goes out as events. Everything is written in one transaction at the end, so a failed or
 * cancelled import writes nothing (cancelling is checked between batches inside that transaction, which rolls
 * back). Jobs live in memory, are visible to members of the importing organisation and the coordinator, and are
 * forgotten 15 minutes after they end.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import type { StockImportJob, StockImportResult } from '@kringbouw/contracts';
import { canActForOrganisation, canViewStockList, type StockActor } from '@kringbouw/domain/opportunities';
import { AppError, forbidden, notFound, validationFailed } from '../../errors.ts';
import type { StockRepository } from './stock.repository.ts';
import type { StockImportPhase, StockService } from './stock.service.ts';

export type StockJobEvent =
  | { event: 'progress'; data: { phase: StockImportPhase; fraction: number } }
  | { event: 'done'; data: { result: StockImportResult } }
  | { event: 'failed'; data: { code: string; message: string; details?: unknown } };

interface Job {
  state: StockImportJob;
  controller: AbortController;
  listeners: Set<(event: StockJobEvent) => void>;
  settled: Promise<void>;
}

const retentionMs = 15 * 60 * 1000;
const jobNotFound = () => notFound('Deze import bestaat niet (meer).');

export function createStockImportJobs(deps: { service: StockService; repository: StockRepository }) {
  const { service, repository } = deps;
  const jobs = new Map<string, Job>();

  function emit(job: Job, event: StockJobEvent): void {
    for (const listener of job.listeners) listener(event);
  }

  function progress(job: Job, phase: StockImportPhase, fraction: number): void {
    if (job.state.status !== 'running') return;
    const rounded = Math.round(Math.min(1, Math.max(0, fraction)) * 1000) / 1000;
    if (job.state.phase === phase && rounded - job.state.fraction < 0.01) return;
    job.state = { ...job.state, phase, fraction: Math.max(job.state.fraction, rounded) };
    emit(job, { event: 'progress', data: { phase, fraction: job.state.fraction } });
  }

  function finish(job: Job, outcome: { result: StockImportResult } | { error: AppError }): void {
    if (job.state.status !== 'running') return;
    if ('result' in outcome) {
      job.state = { ...job.state, status: 'done', phase: 'save', fraction: 1, result: outcome.result };
      emit(job, { event: 'done', data: { result: outcome.result } });
    } else {
      const { code, message, details } = outcome.error;
      job.state = { ...job.state, status: code === 'import_cancelled' ? 'cancelled' : 'failed', error: { code, message, ...(details !== undefined && { details }) } };
      emit(job, { event: 'failed', data: { code, message, ...(details !== undefined && { details }) } });
    }
    job.listeners.clear();
    setTimeout(() => jobs.delete(job.state.id), retentionMs).unref();
  }

  async function run(job: Job, actor: StockActor, filePath: string): Promise<void> {
    try {
      const { size } = await stat(filePath);
      const result = await service.importBuildings(
        actor,
        { municipalityCode: job.state.municipalityCode, organisationId: job.state.organisationId, chunks: createReadStream(filePath, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer> },
        { totalBytes: size, signal: job.controller.signal, onProgress: (phase, fraction) => progress(job, phase, fraction) },
      );
      finish(job, { result });
    } catch (error) {
      if (error instanceof AppError) finish(job, { error });
      else finish(job, { error: new AppError('import_failed', 'Er ging iets mis bij het verwerken van het bestand; er is niets opgeslagen.', 500) });
    } finally {
      await rm(filePath, { force: true });
    }
  }

  function visibleJob(actor: StockActor, jobId: string): Job {
    const job = jobs.get(jobId);
    // Members of the importing organisation (any role) and the coordinator see the job.
    if (job === undefined || !canViewStockList(actor, { ownerOrganisationId: job.state.organisationId, sharedWithOrganisationIds: [] })) throw jobNotFound();
    return job;
  }

  return {
    /** Checks rights and municipality before anything is accepted onto disk. */
    async authorise(actor: StockActor, input: { municipalityCode: string; organisationId: string }): Promise<void> {
      if (!canActForOrganisation(actor, input.organisationId)) throw forbidden('U kunt alleen gebouwen importeren voor een organisatie waar u bewerker of beheerder bent.');
      if (!(await repository.municipalityExists(input.municipalityCode))) throw validationFailed([{ path: 'code', message: `Onbekende CBS-gemeentecode: ${input.municipalityCode}` }]);
    },

    /** Starts a job for an upload already on disk at `filePath` (the job deletes it). */
    async start(actor: StockActor, input: { municipalityCode: string; organisationId: string; filePath: string; fileName: string }): Promise<StockImportJob> {
      await this.authorise(actor, input);
      const job: Job = {
        state: { id: randomUUID(), municipalityCode: input.municipalityCode, organisationId: input.organisationId, fileName: input.fileName, status: 'running', phase: 'read', fraction: 0, result: null, error: null },
        controller: new AbortController(),
        listeners: new Set(),
        settled: Promise.resolve(),
      };
      jobs.set(job.state.id, job);
      job.settled = run(job, actor, input.filePath);
      return job.state;
    },

    get(actor: StockActor, jobId: string): StockImportJob {
      return visibleJob(actor, jobId).state;
    },

    /** Calls `listener` with every later event; the current state comes back first. */
    subscribe(actor: StockActor, jobId: string, listener: (event: StockJobEvent) => void): { state: StockImportJob; unsubscribe: () => void } {
      const job = visibleJob(actor, jobId);
      if (job.state.status === 'running') job.listeners.add(listener);
      return { state: job.state, unsubscribe: () => job.listeners.delete(listener) };
    },

    async cancel(actor: StockActor, jobId: string): Promise<void> {
      const job = visibleJob(actor, jobId);
      if (!canActForOrganisation(actor, job.state.organisationId)) throw forbidden('Alleen bewerkers en beheerders van de importerende organisatie breken een import af.');
      if (job.state.status === 'running') {
        job.controller.abort();
        await job.settled;
      }
      if (job.state.status !== 'cancelled') {
        throw new AppError('import_finished', 'Deze import is al klaar of mislukt en kan niet meer worden afgebroken.', 409, { status: job.state.status });
      }
    },

    /** Waits for a job to end (tests). */
    async settled(jobId: string): Promise<void> {
      await jobs.get(jobId)?.settled;
    },

    async cancelAll(): Promise<void> {
      const running = [...jobs.values()].filter((job) => job.state.status === 'running');
      for (const job of running) job.controller.abort();
      await Promise.all(running.map((job) => job.settled));
    },
  };
}

export type StockImportJobs = ReturnType<typeof createStockImportJobs>;
