/**
 * Building imports as jobs, following the IFC import pattern of the passports feature: the upload is on disk, the
 * rights and municipality are checked at once (4xx before a job exists), then the import runs in the background
 * while progress goes out as events. Everything is written in one transaction at the end, so a failed or
 * cancelled import writes nothing (cancelling is checked between batches inside that transaction, which rolls
 * back). Jobs live in memory (src/jobs/job-registry.ts), are visible to members of the importing organisation and
 * the coordinator, and are forgotten 15 minutes after they end.
 */
import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import type { StockImportJob, StockImportResult } from '@kringbouw/contracts';
import { canActForOrganisation, canViewStockList, type StockActor } from '@kringbouw/domain/opportunities';
import { AppError, forbidden, notFound, validationFailed } from '../../errors.ts';
import { createJobRegistry, type JobEvent, type JobSnapshot } from '../../jobs/job-registry.ts';
import type { StockRepository } from './stock.repository.ts';
import type { StockImportPhase, StockService } from './stock.service.ts';

/** Progress events, then `done` {result} or `failed` {code, message, details}. */
export type StockJobEvent = JobEvent<StockImportPhase, { result: StockImportResult }>;

type StockJob = JobSnapshot<{ municipalityCode: string; organisationId: string; fileName: string }, StockImportPhase, { result: StockImportResult }>;

const retentionMs = 15 * 60 * 1000;
const jobNotFound = () => notFound('Deze import bestaat niet (meer).');

function presentStockImportJob(job: StockJob): StockImportJob {
  const { municipalityCode, organisationId, fileName } = job.payload;
  return { id: job.id, municipalityCode, organisationId, fileName, status: job.status, phase: job.phase, fraction: job.fraction, result: job.result?.result ?? null, error: job.error };
}

export function createStockImportJobs(deps: { service: StockService; repository: StockRepository }) {
  const { service, repository } = deps;
  const jobs = createJobRegistry<StockJob['payload'], StockImportPhase, { result: StockImportResult }>({
    retentionMs,
    donePhase: 'save',
    cancelledCode: 'import_cancelled',
    failureOf: (error) => (error instanceof AppError ? error : new AppError('import_failed', 'Er ging iets mis bij het verwerken van het bestand; er is niets opgeslagen.', 500)),
  });

  function visibleJob(actor: StockActor, jobId: string): StockJob {
    const job = jobs.find(jobId);
    // Members of the importing organisation (any role) and the coordinator see the job.
    if (job === undefined || !canViewStockList(actor, { ownerOrganisationId: job.payload.organisationId, sharedWithOrganisationIds: [] })) throw jobNotFound();
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
      const { municipalityCode, organisationId, filePath, fileName } = input;
      const job = jobs.start({
        payload: { municipalityCode, organisationId, fileName },
        phase: 'read',
        worker: async (report, signal) => {
          try {
            const { size } = await stat(filePath);
            const chunks = createReadStream(filePath, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>;
            return { result: await service.importBuildings(actor, { municipalityCode, organisationId, chunks }, { totalBytes: size, signal, onProgress: report }) };
          } finally {
            await rm(filePath, { force: true });
          }
        },
      });
      return presentStockImportJob(job);
    },

    get(actor: StockActor, jobId: string): StockImportJob {
      return presentStockImportJob(visibleJob(actor, jobId));
    },

    /** Calls `listener` with every later event; the current state comes back first. */
    subscribe(actor: StockActor, jobId: string, listener: (event: StockJobEvent) => void): { state: StockImportJob; unsubscribe: () => void } {
      const subscription = jobs.subscribe(visibleJob(actor, jobId).id, listener);
      if (subscription === undefined) throw jobNotFound();
      return { state: presentStockImportJob(subscription.snapshot), unsubscribe: subscription.unsubscribe };
    },

    async cancel(actor: StockActor, jobId: string): Promise<void> {
      const job = visibleJob(actor, jobId);
      if (!canActForOrganisation(actor, job.payload.organisationId)) throw forbidden('Alleen bewerkers en beheerders van de importerende organisatie breken een import af.');
      const ended = (await jobs.cancel(jobId)) ?? job;
      if (ended.status !== 'cancelled') {
        throw new AppError('import_finished', 'Deze import is al klaar of mislukt en kan niet meer worden afgebroken.', 409, { status: ended.status });
      }
    },

    /** Waits for a job to end (tests). */
    settled: jobs.settled,

    cancelAll: jobs.cancelAll,
  };
}

export type StockImportJobs = ReturnType<typeof createStockImportJobs>;
