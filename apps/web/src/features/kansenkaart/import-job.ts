/**
 * Following a building import job (POST …/buildings/jobs, then GET /api/stock/imports/:jobId/events): a pure
 * reducer over the server-sent events, as the passports IFC import does. `progress` moves the bar (phase read,
 * score or save), then exactly one `done` (with the import result) or `failed` (a rejected file carries its issues
 * in `details`; a cancelled job has code `import_cancelled`).
 */
import { stockImportDoneEvent, stockImportFailedEvent, stockImportProgressEvent, type StockImportPhase, type StockImportResult } from '@kringbouw/contracts';
import type { ImportEvent } from '../passports/import-progress.ts';

export type StockJobState =
  | { stage: 'idle' }
  | { stage: 'uploading'; fraction: number }
  | { stage: 'running'; jobId: string; phase: StockImportPhase; fraction: number }
  | { stage: 'done'; result: StockImportResult }
  | { stage: 'failed'; code: string; message: string; details: unknown }
  | { stage: 'cancelled'; message: string };

export type StockJobAction = ImportEvent | { type: 'uploading'; fraction: number } | { type: 'started'; jobId: string } | { type: 'rejected'; code: string; message: string; details: unknown } | { type: 'reset' };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function stockJobReducer(state: StockJobState, action: StockJobAction): StockJobState {
  switch (action.type) {
    case 'reset':
      return { stage: 'idle' };
    case 'uploading':
      return { stage: 'uploading', fraction: action.fraction };
    case 'started':
      return { stage: 'running', jobId: action.jobId, phase: 'read', fraction: 0 };
    case 'rejected':
      return action.code === 'import_cancelled' ? { stage: 'cancelled', message: action.message } : { stage: 'failed', code: action.code, message: action.message, details: action.details };
    default:
      break;
  }
  if (state.stage !== 'running') return state;
  if (action.type === 'connection-lost') return { stage: 'failed', code: 'connection_lost', message: '', details: undefined };
  const data = parseJson(action.data);
  if (action.type === 'progress') {
    const progress = stockImportProgressEvent.safeParse(data);
    return progress.success ? { ...state, phase: progress.data.phase, fraction: Math.max(state.fraction, progress.data.fraction) } : state;
  }
  if (action.type === 'done') {
    const done = stockImportDoneEvent.safeParse(data);
    return done.success ? { stage: 'done', result: done.data.result } : state;
  }
  const failed = stockImportFailedEvent.safeParse(data);
  if (!failed.success) return state;
  if (failed.data.code === 'import_cancelled') return { stage: 'cancelled', message: failed.data.message };
  return { stage: 'failed', code: failed.data.code, message: failed.data.message, details: failed.data.details };
}
