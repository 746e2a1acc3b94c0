import { describe, expect, it } from 'vitest';
import { followImportEvents, importReducer, type EventSourceLike, type ImportState } from './import-progress.ts';

const jobId = '11111111-1111-4111-8111-111111111111';
const versionId = '22222222-2222-4222-8222-222222222222';
const running: ImportState = { stage: 'running', jobId, phase: 'upload', fraction: 0 };

class FakeEventSource implements EventSourceLike {
  readyState = 1;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string, data: unknown) {
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
  fail(readyState: number) {
    this.readyState = readyState;
    this.onerror?.(new Event('error'));
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
}

function run(source: FakeEventSource) {
  let state: ImportState = running;
  const seen: ImportState[] = [];
  followImportEvents(source, (event) => {
    state = importReducer(state, event);
    seen.push(state);
  });
  return { current: () => state, seen };
}

describe('import progress over server-sent events', () => {
  it('moves the bar with progress events and ends with the new version', () => {
    const source = new FakeEventSource();
    const job = run(source);
    source.emit('progress', { phase: 'extract', fraction: 0.25 });
    expect(job.current()).toEqual({ stage: 'running', jobId, phase: 'extract', fraction: 0.25 });
    source.emit('progress', { phase: 'map', fraction: 0.6 });
    // A late event never moves the bar back.
    source.emit('progress', { phase: 'extract', fraction: 0.3 });
    expect(job.current()).toMatchObject({ phase: 'extract', fraction: 0.6 });
    source.emit('done', { versionId });
    expect(job.current()).toEqual({ stage: 'done', versionId });
    expect(source.closed).toBe(true);
    // Nothing after the end counts.
    source.emit('failed', { code: 'x', message: 'y' });
    expect(job.current()).toEqual({ stage: 'done', versionId });
  });

  it('shows a failure with its problems', () => {
    const source = new FakeEventSource();
    const job = run(source);
    source.emit('failed', { code: 'ifc_unsupported_schema', message: 'IFC2X2 wordt niet ondersteund', details: [{ row: null, column: null, message: 'schema IFC2X2' }] });
    expect(job.current()).toEqual({
      stage: 'failed', code: 'ifc_unsupported_schema', message: 'IFC2X2 wordt niet ondersteund',
      problems: [{ row: null, column: null, message: 'schema IFC2X2' }],
    });
  });

  it('tells a cancelled import apart from a failed one', () => {
    const source = new FakeEventSource();
    const job = run(source);
    source.emit('failed', { code: 'import_cancelled', message: 'Import geannuleerd: er is niets opgeslagen.' });
    expect(job.current()).toEqual({ stage: 'cancelled', message: 'Import geannuleerd: er is niets opgeslagen.' });
  });

  it('ignores malformed events and temporary connection drops, but not a closed connection', () => {
    const source = new FakeEventSource();
    const job = run(source);
    source.emit('progress', { phase: 'nonsense', fraction: 2 });
    source.fail(0); // CONNECTING: the browser retries by itself
    expect(job.current()).toEqual(running);
    source.fail(2);
    expect(job.current()).toMatchObject({ stage: 'failed', code: 'connection_lost' });
    expect(source.closed).toBe(true);
  });
});
