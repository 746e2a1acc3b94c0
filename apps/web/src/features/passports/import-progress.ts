/**
 * Following an import job through its server-sent events (GET …/imports/:jobId/events): `progress` events move the
 * bar, then exactly one `done` or `failed` ends it (a cancelled job ends with `failed`, code `import_cancelled`).
 * The event parsing is a pure reducer so it can be tested without a server.
 */
import { importDoneEvent, importFailedEvent, importProblem, importProgressEvent, type ImportPhase, type ImportProblem } from '@kringbouw/contracts';
import { z } from 'zod';

export type ImportState =
  | { stage: 'idle' }
  | { stage: 'uploading'; fraction: number }
  | { stage: 'running'; jobId: string; phase: ImportPhase; fraction: number }
  | { stage: 'done'; versionId: string }
  | { stage: 'failed'; code: string; message: string; problems: ImportProblem[] }
  | { stage: 'cancelled'; message: string };

export type ImportEvent =
  | { type: 'progress'; data: string }
  | { type: 'done'; data: string }
  | { type: 'failed'; data: string }
  | { type: 'connection-lost' };

export const IMPORT_CANCELLED = 'import_cancelled';

const problemList = z.array(importProblem);

/** Problems named in an error's details (row, column, message), when it has them. */
export function problemsOf(details: unknown): ImportProblem[] {
  const parsed = problemList.safeParse(details);
  return parsed.success ? parsed.data : [];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The next state after one event. Finished states ignore further events; malformed events are ignored. */
export function importReducer(state: ImportState, event: ImportEvent): ImportState {
  if (state.stage !== 'running') return state;
  if (event.type === 'connection-lost') {
    return { stage: 'failed', code: 'connection_lost', message: '', problems: [] };
  }
  const data = parseJson(event.data);
  if (event.type === 'progress') {
    const progress = importProgressEvent.safeParse(data);
    if (!progress.success) return state;
    // Progress only moves forward, even if events arrive late.
    return { ...state, phase: progress.data.phase, fraction: Math.max(state.fraction, progress.data.fraction) };
  }
  if (event.type === 'done') {
    const done = importDoneEvent.safeParse(data);
    return done.success ? { stage: 'done', versionId: done.data.versionId } : state;
  }
  const failed = importFailedEvent.safeParse(data);
  if (!failed.success) return state;
  if (failed.data.code === IMPORT_CANCELLED) return { stage: 'cancelled', message: failed.data.message };
  return { stage: 'failed', code: failed.data.code, message: failed.data.message, problems: problemsOf(failed.data.details) };
}

/** What an EventSource offers that this module uses (so tests can pass a fake). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  onerror: ((event: Event) => void) | null;
  close(): void;
}

const CLOSED = 2;

/**
 * Feeds a job's events into `dispatch` until the job ends; returns a function that stops listening. A connection
 * the browser gives up on (readyState CLOSED) ends the import as `connection_lost`; a temporary drop is retried by
 * the EventSource itself.
 */
export function followImportEvents(source: EventSourceLike, dispatch: (event: ImportEvent) => void): () => void {
  let finished = false;
  const finish = () => {
    finished = true;
    source.close();
  };
  source.addEventListener('progress', (event) => {
    if (!finished) dispatch({ type: 'progress', data: event.data });
  });
  source.addEventListener('done', (event) => {
    if (finished) return;
    dispatch({ type: 'done', data: event.data });
    finish();
  });
  source.addEventListener('failed', (event) => {
    if (finished) return;
    dispatch({ type: 'failed', data: event.data });
    finish();
  });
  source.onerror = () => {
    if (finished) return;
    if (source.readyState === CLOSED) {
      dispatch({ type: 'connection-lost' });
      finish();
    }
  };
  return finish;
}
