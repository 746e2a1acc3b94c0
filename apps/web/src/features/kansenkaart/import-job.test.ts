import { describe, expect, it } from 'vitest';
import { stockJobReducer, type StockJobState } from './import-job.ts';

const running: StockJobState = { stage: 'running', jobId: 'j', phase: 'read', fraction: 0.2 };
const result = { imported: 432, verblijfsobjecten: 0, rescored: 0, rulesVersion: 'rules-v1', warnings: [] };

describe('stockJobReducer', () => {
  it('moves forward only and follows the phases', () => {
    const next = stockJobReducer(running, { type: 'progress', data: JSON.stringify({ phase: 'score', fraction: 0.6 }) });
    expect(next).toEqual({ stage: 'running', jobId: 'j', phase: 'score', fraction: 0.6 });
    // A late event with a lower fraction does not move the bar back.
    expect(stockJobReducer(next, { type: 'progress', data: JSON.stringify({ phase: 'score', fraction: 0.5 }) })).toMatchObject({ fraction: 0.6 });
    // Malformed events are ignored.
    expect(stockJobReducer(next, { type: 'progress', data: '{nope' })).toBe(next);
  });

  it('ends with the result, a rejection with its issues, or a cancellation', () => {
    expect(stockJobReducer(running, { type: 'done', data: JSON.stringify({ result }) })).toEqual({ stage: 'done', result });
    const details = { errorCount: 1, issues: [{ severity: 'error', id: '12345', reason: 'not a pand id' }] };
    expect(stockJobReducer(running, { type: 'failed', data: JSON.stringify({ code: 'import_rejected', message: 'Het bestand bevat 1 fout(en)', details }) })).toEqual({
      stage: 'failed',
      code: 'import_rejected',
      message: 'Het bestand bevat 1 fout(en)',
      details,
    });
    expect(stockJobReducer(running, { type: 'failed', data: JSON.stringify({ code: 'import_cancelled', message: 'afgebroken' }) })).toEqual({ stage: 'cancelled', message: 'afgebroken' });
    expect(stockJobReducer(running, { type: 'connection-lost' })).toMatchObject({ stage: 'failed', code: 'connection_lost' });
  });

  it('ignores events once the job has ended', () => {
    const done: StockJobState = { stage: 'done', result };
    expect(stockJobReducer(done, { type: 'failed', data: JSON.stringify({ code: 'x', message: 'y' }) })).toBe(done);
  });
});
