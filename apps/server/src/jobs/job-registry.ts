/**
 * Background jobs kept in memory, for long imports whose progress goes out as server-sent events and that a user
 * can cancel. The registry owns the bookkeeping only: ids, state, progress (clamped, only forward, thinned to
 * steps of 1 %), subscribers, the AbortController, and forgetting a job `retentionMs` after it ended. What a job
 * does, who may see or cancel it and how its state is presented belong to the feature. No I/O besides timers.
 */
import { randomUUID } from 'node:crypto';

export type JobStatus = 'running' | 'done' | 'failed' | 'cancelled';

/** What a failed or cancelled job reports: the same fields as an API error body. */
export interface JobFailure {
  code: string;
  message: string;
  details?: unknown;
}

export interface JobSnapshot<Payload, Phase extends string, Result> {
  readonly id: string;
  /** What the feature passed to `start`, unchanged (e.g. the project or organisation the job belongs to). */
  readonly payload: Payload;
  readonly status: JobStatus;
  readonly phase: Phase;
  /** 0..1 over the whole job. */
  readonly fraction: number;
  /** What the worker resolved with, once `status` is `done`. */
  readonly result: Result | null;
  readonly error: JobFailure | null;
}

/** Events to subscribers: any number of `progress`, then exactly one `done` (data: the worker's result) or `failed`. */
export type JobEvent<Phase extends string, Result> =
  | { event: 'progress'; data: { phase: Phase; fraction: number } }
  | { event: 'done'; data: Result }
  | { event: 'failed'; data: JobFailure };

export type ReportProgress<Phase extends string> = (phase: Phase, fraction: number) => void;

/** The job's work. It should stop soon after `signal` aborts, by throwing the feature's cancellation error. */
export type JobWorker<Phase extends string, Result> = (report: ReportProgress<Phase>, signal: AbortSignal) => Promise<Result>;

export interface JobRegistryOptions<Phase extends string> {
  /** How long a job that ended stays visible (ms); afterwards it is forgotten. */
  retentionMs: number;
  /** The phase a successful job ends in (with fraction 1). */
  donePhase: Phase;
  /** Turns whatever the worker threw into the failure to report; an `AppError` fits as it is. */
  failureOf: (error: unknown) => JobFailure;
  /** A failure with this code ends the job as `cancelled` instead of `failed`. */
  cancelledCode: string;
  /** Job ids; random UUIDs unless given. */
  newId?: () => string;
}

interface Job<Payload, Phase extends string, Result> {
  snapshot: JobSnapshot<Payload, Phase, Result>;
  controller: AbortController;
  listeners: Set<(event: JobEvent<Phase, Result>) => void>;
  /** Resolves (never rejects) when the job has ended, whichever way. */
  settled: Promise<void>;
}

/** Used when `failureOf` itself throws, so a job always ends with a message. */
const fallbackFailure: JobFailure = { code: 'job_failed', message: 'Er ging iets mis bij het uitvoeren van deze taak.' };

export function createJobRegistry<Payload, Phase extends string, Result>(options: JobRegistryOptions<Phase>) {
  const { retentionMs, donePhase, failureOf, cancelledCode, newId = randomUUID } = options;
  const jobs = new Map<string, Job<Payload, Phase, Result>>();

  function emit(job: Job<Payload, Phase, Result>, event: JobEvent<Phase, Result>): void {
    for (const listener of job.listeners) {
      try {
        listener(event);
      } catch {
        // A broken subscriber must not break the job or the other subscribers: it gets no further events.
        job.listeners.delete(listener);
      }
    }
  }

  function progress(job: Job<Payload, Phase, Result>, phase: Phase, fraction: number): void {
    const state = job.snapshot;
    if (state.status !== 'running') return;
    const rounded = Math.round(Math.min(1, Math.max(0, fraction)) * 1000) / 1000;
    if (state.phase === phase && rounded - state.fraction < 0.01) return;
    job.snapshot = { ...state, phase, fraction: Math.max(state.fraction, rounded) };
    emit(job, { event: 'progress', data: { phase, fraction: job.snapshot.fraction } });
  }

  function describeFailure(error: unknown): JobFailure {
    try {
      const { code, message, details } = failureOf(error);
      return { code, message, ...(details !== undefined && { details }) };
    } catch {
      return fallbackFailure;
    }
  }

  function finish(job: Job<Payload, Phase, Result>, outcome: { result: Result } | { error: unknown }): void {
    if (job.snapshot.status !== 'running') return;
    if ('result' in outcome) {
      job.snapshot = { ...job.snapshot, status: 'done', phase: donePhase, fraction: 1, result: outcome.result };
      emit(job, { event: 'done', data: outcome.result });
    } else {
      const failure = describeFailure(outcome.error);
      job.snapshot = { ...job.snapshot, status: failure.code === cancelledCode ? 'cancelled' : 'failed', error: failure };
      emit(job, { event: 'failed', data: failure });
    }
    job.listeners.clear();
    setTimeout(() => jobs.delete(job.snapshot.id), retentionMs).unref();
  }

  async function run(job: Job<Payload, Phase, Result>, worker: JobWorker<Phase, Result>): Promise<void> {
    try {
      const result = await worker((phase, fraction) => progress(job, phase, fraction), job.controller.signal);
      finish(job, { result });
    } catch (error) {
      finish(job, { error });
    }
  }

  return {
    /** Registers a running job and starts `worker` on it; the first snapshot comes back at once. */
    start(input: { payload: Payload; phase: Phase; fraction?: number; worker: JobWorker<Phase, Result> }): JobSnapshot<Payload, Phase, Result> {
      const job: Job<Payload, Phase, Result> = {
        snapshot: { id: newId(), payload: input.payload, status: 'running', phase: input.phase, fraction: input.fraction ?? 0, result: null, error: null },
        controller: new AbortController(),
        listeners: new Set(),
        settled: Promise.resolve(),
      };
      jobs.set(job.snapshot.id, job);
      job.settled = run(job, input.worker);
      return job.snapshot;
    },

    /** The job's current state; undefined for an unknown or forgotten job. Who may see it is the caller's check. */
    find(jobId: string): JobSnapshot<Payload, Phase, Result> | undefined {
      return jobs.get(jobId)?.snapshot;
    },

    /**
     * Calls `listener` with every later event of a running job (nothing for a job that already ended); the current
     * state comes back with the unsubscribe. Undefined for an unknown job.
     */
    subscribe(jobId: string, listener: (event: JobEvent<Phase, Result>) => void): { snapshot: JobSnapshot<Payload, Phase, Result>; unsubscribe: () => void } | undefined {
      const job = jobs.get(jobId);
      if (job === undefined) return undefined;
      if (job.snapshot.status === 'running') job.listeners.add(listener);
      return { snapshot: job.snapshot, unsubscribe: () => job.listeners.delete(listener) };
    },

    /** How many subscribers a job has (0 once it ended). */
    subscriberCount(jobId: string): number {
      return jobs.get(jobId)?.listeners.size ?? 0;
    },

    /**
     * Aborts a running job and waits until it has ended; returns the final state. The worker decides how it ends:
     * `cancelled` only when it stopped with the cancellation code, so a job that finished first stays `done`.
     */
    async cancel(jobId: string): Promise<JobSnapshot<Payload, Phase, Result> | undefined> {
      const job = jobs.get(jobId);
      if (job === undefined) return undefined;
      if (job.snapshot.status === 'running') {
        job.controller.abort();
        await job.settled;
      }
      return job.snapshot;
    },

    /** Waits for a job to end (tests). */
    async settled(jobId: string): Promise<void> {
      await jobs.get(jobId)?.settled;
    },

    /** Aborts every running job and waits for them to end (server shutdown). */
    async cancelAll(): Promise<void> {
      const running = [...jobs.values()].filter((job) => job.snapshot.status === 'running');
      for (const job of running) job.controller.abort();
      await Promise.all(running.map((job) => job.settled));
    },
  };
}

export type JobRegistry<Payload, Phase extends string, Result> = ReturnType<typeof createJobRegistry<Payload, Phase, Result>>;
