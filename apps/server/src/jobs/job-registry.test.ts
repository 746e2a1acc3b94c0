/**
 * The job registry on its own: progress order and thinning, done, cancel, failures (never an unhandled rejection),
 * subscribers, and forgetting finished jobs after the retention time (fake timers).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJobRegistry, type JobEvent, type JobFailure, type JobWorker } from './job-registry.ts';

type Phase = 'read' | 'score' | 'save';
type Result = { imported: number };

const retentionMs = 60_000;

class CancelledError extends Error {}

function failureOf(error: unknown): JobFailure {
  if (error instanceof CancelledError) return { code: 'cancelled', message: 'Afgebroken.' };
  if (error instanceof Error && error.message === 'bad row') return { code: 'rejected', message: 'Rij 3 is ongeldig.', details: { row: 3 } };
  return { code: 'failed', message: 'Er ging iets mis.' };
}

function createRegistry(options: { failureOf?: (error: unknown) => JobFailure } = {}) {
  let next = 0;
  return createJobRegistry<{ owner: string }, Phase, Result>({
    retentionMs,
    donePhase: 'save',
    cancelledCode: 'cancelled',
    failureOf: options.failureOf ?? failureOf,
    newId: () => `job-${(next += 1)}`,
  });
}

/** Starts a job for `owner` (default leiden) in phase `read`. */
function startJob(jobs: ReturnType<typeof createRegistry>, worker: JobWorker<Phase, Result>, options: { owner?: string; phase?: Phase; fraction?: number } = {}) {
  return jobs.start({ payload: { owner: options.owner ?? 'leiden' }, phase: options.phase ?? 'read', ...(options.fraction !== undefined && { fraction: options.fraction }), worker });
}

/** A promise the test resolves by hand, so a worker runs step by step. */
function gate(): { promise: Promise<void>; open: () => void } {
  const handlers: { resolve?: () => void } = {};
  const promise = new Promise<void>((resolve) => {
    handlers.resolve = resolve;
  });
  return { promise, open: () => handlers.resolve?.() };
}

/** Resolves when `signal` aborts: how a worker that honours cancellation waits. */
function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new CancelledError()), { once: true }));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('job registry', () => {
  it('reports progress in order, clamped, only forward and in steps of at least 1 % within a phase, then done', async () => {
    const jobs = createRegistry();
    const step = gate();
    const job = startJob(jobs, async (report) => {
      await step.promise;
      report('read', 0.2);
      report('read', 0.205); // less than 1 % further in the same phase: left out
      report('read', 0.1); // backwards within the phase: left out
      report('score', 0.1); // a new phase is always reported, but the fraction never goes back: 0.2
      report('score', 0.66666); // rounded to 3 decimals: 0.667
      report('save', 1.5); // clamped to 1
      return { imported: 432 };
    });
    expect(job).toEqual({ id: 'job-1', payload: { owner: 'leiden' }, status: 'running', phase: 'read', fraction: 0, result: null, error: null });
    const events: JobEvent<Phase, Result>[] = [];
    jobs.subscribe(job.id, (event) => events.push(event));
    step.open();
    await jobs.settled(job.id);
    expect(events).toEqual([
      { event: 'progress', data: { phase: 'read', fraction: 0.2 } },
      { event: 'progress', data: { phase: 'score', fraction: 0.2 } },
      { event: 'progress', data: { phase: 'score', fraction: 0.667 } },
      { event: 'progress', data: { phase: 'save', fraction: 1 } },
      { event: 'done', data: { imported: 432 } },
    ]);
    expect(jobs.find(job.id)).toMatchObject({ status: 'done', phase: 'save', fraction: 1, result: { imported: 432 }, error: null });
  });

  it('a successful job ends in the done phase with fraction 1 even when the worker never reported', async () => {
    const jobs = createRegistry();
    const job = startJob(jobs, async () => ({ imported: 0 }), { fraction: 0.05 });
    expect(job.fraction).toBe(0.05);
    await jobs.settled(job.id);
    expect(jobs.find(job.id)).toMatchObject({ status: 'done', phase: 'save', fraction: 1 });
  });

  it('cancel aborts the worker, waits for it and ends the job as cancelled with the failure as last event', async () => {
    const jobs = createRegistry();
    const job = startJob(jobs, (_report, signal) => aborted(signal));
    const events: JobEvent<Phase, Result>[] = [];
    jobs.subscribe(job.id, (event) => events.push(event));
    const ended = await jobs.cancel(job.id);
    expect(ended).toMatchObject({ status: 'cancelled', result: null, error: { code: 'cancelled', message: 'Afgebroken.' } });
    expect(events).toEqual([{ event: 'failed', data: { code: 'cancelled', message: 'Afgebroken.' } }]);
    // Cancelling again changes nothing and answers the same final state.
    expect(await jobs.cancel(job.id)).toBe(ended);
  });

  it('a job that finishes although cancel was asked stays done; cancelling a finished job leaves it as it is', async () => {
    const jobs = createRegistry();
    const step = gate();
    const stubborn = startJob(jobs, async () => {
      await step.promise;
      return { imported: 1 };
    });
    const cancelling = jobs.cancel(stubborn.id);
    step.open();
    expect(await cancelling).toMatchObject({ status: 'done', result: { imported: 1 } });

    const quick = startJob(jobs, async () => ({ imported: 2 }));
    await jobs.settled(quick.id);
    expect(await jobs.cancel(quick.id)).toMatchObject({ status: 'done', result: { imported: 2 } });
  });

  it('an error in the worker becomes a failed state with a message, never an unhandled rejection', async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const jobs = createRegistry();
      const rejected = startJob(jobs, () => Promise.reject(new Error('bad row')), { owner: 'a' });
      const throwsAtOnce = () => {
        throw new TypeError('not even async');
      };
      const thrown = startJob(jobs, throwsAtOnce, { owner: 'b' });
      const strangeRegistry = createRegistry({
        failureOf: () => {
          throw new Error('the mapper itself fails');
        },
      });
      const strange = startJob(strangeRegistry, () => Promise.reject(new Error('x')), { owner: 'c', phase: 'score' });
      await Promise.all([jobs.settled(rejected.id), jobs.settled(thrown.id), strangeRegistry.settled(strange.id)]);
      // Let any stray rejection surface before looking.
      await new Promise((resolve) => setImmediate(resolve));

      expect(jobs.find(rejected.id)).toMatchObject({ status: 'failed', result: null, error: { code: 'rejected', message: 'Rij 3 is ongeldig.', details: { row: 3 } } });
      expect(jobs.find(thrown.id)).toMatchObject({ status: 'failed', error: { code: 'failed', message: 'Er ging iets mis.' } });
      // Without details the failure has no `details` key at all (the SSE payload stays {code, message}).
      expect(jobs.find(thrown.id)?.error).toEqual({ code: 'failed', message: 'Er ging iets mis.' });
      expect(strangeRegistry.find(strange.id)).toMatchObject({ status: 'failed', error: { code: 'job_failed', message: expect.stringMatching(/\S/) } });
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });

  it('forgets a finished job after the retention time, but never a running one', async () => {
    vi.useFakeTimers();
    const jobs = createRegistry();
    const finished = startJob(jobs, async () => ({ imported: 1 }));
    const running = startJob(jobs, (_report, signal) => aborted(signal));
    await jobs.settled(finished.id);
    vi.advanceTimersByTime(retentionMs - 1);
    expect(jobs.find(finished.id)?.status).toBe('done');
    vi.advanceTimersByTime(1);
    expect(jobs.find(finished.id)).toBeUndefined();
    expect(jobs.subscribe(finished.id, () => undefined)).toBeUndefined();
    expect(await jobs.cancel(finished.id)).toBeUndefined();

    vi.advanceTimersByTime(10 * retentionMs);
    expect(jobs.find(running.id)?.status).toBe('running');
    // Once cancelled, the retention time starts for it too.
    await jobs.cancel(running.id);
    vi.advanceTimersByTime(retentionMs);
    expect(jobs.find(running.id)).toBeUndefined();
  });

  it('subscribers: unsubscribe stops events, all are dropped when the job ends, a job that ended takes none, a throwing one is dropped', async () => {
    const jobs = createRegistry();
    const steps = [gate(), gate()];
    const job = startJob(jobs, async (report) => {
      await steps[0]?.promise;
      report('read', 0.3);
      await steps[1]?.promise;
      report('read', 0.6);
      return { imported: 3 };
    });
    const staying: string[] = [];
    const leaving: string[] = [];
    const broken = vi.fn(() => {
      throw new Error('socket gone');
    });
    jobs.subscribe(job.id, (event) => staying.push(event.event));
    const { unsubscribe, snapshot } = jobs.subscribe(job.id, (event) => leaving.push(event.event)) ?? {};
    jobs.subscribe(job.id, broken);
    expect(snapshot).toMatchObject({ status: 'running', phase: 'read', fraction: 0 });
    expect(jobs.subscriberCount(job.id)).toBe(3);

    steps[0]?.open();
    await vi.waitFor(() => expect(staying).toEqual(['progress']));
    expect(leaving).toEqual(['progress']);
    // The throwing subscriber got the event once and was dropped; the others still got it.
    expect(broken).toHaveBeenCalledTimes(1);
    expect(jobs.subscriberCount(job.id)).toBe(2);

    unsubscribe?.();
    expect(jobs.subscriberCount(job.id)).toBe(1);
    steps[1]?.open();
    await jobs.settled(job.id);
    expect(staying).toEqual(['progress', 'progress', 'done']);
    expect(leaving).toEqual(['progress']);
    expect(jobs.subscriberCount(job.id)).toBe(0);

    const late = vi.fn();
    const afterEnd = jobs.subscribe(job.id, late);
    expect(afterEnd?.snapshot).toMatchObject({ status: 'done', result: { imported: 3 } });
    expect(jobs.subscriberCount(job.id)).toBe(0);
    expect(late).not.toHaveBeenCalled();
  });

  it('cancelAll aborts every running job and waits for all of them; finished jobs keep their state', async () => {
    const jobs = createRegistry();
    const done = startJob(jobs, async () => ({ imported: 1 }), { owner: 'a' });
    await jobs.settled(done.id);
    const first = startJob(jobs, (_report, signal) => aborted(signal), { owner: 'a' });
    const second = startJob(jobs, (_report, signal) => aborted(signal), { owner: 'b', phase: 'score' });
    await jobs.cancelAll();
    expect([jobs.find(first.id)?.status, jobs.find(second.id)?.status, jobs.find(done.id)?.status]).toEqual(['cancelled', 'cancelled', 'done']);
  });

  it('unknown ids: nothing found, nothing to subscribe to or cancel, no subscribers', async () => {
    const jobs = createRegistry();
    expect(jobs.find('nope')).toBeUndefined();
    expect(jobs.subscribe('nope', () => undefined)).toBeUndefined();
    expect(await jobs.cancel('nope')).toBeUndefined();
    expect(jobs.subscriberCount('nope')).toBe(0);
    await expect(jobs.settled('nope')).resolves.toBeUndefined();
  });
});
