import { describe, expect, it } from 'vitest';
import { fixturePath, readFixture } from '../test/step-text.ts';
import { IfcImportError } from './errors.ts';
import { extractIfc } from './extract.ts';
import { runIfcExtractionInWorker } from './run-in-worker.ts';

async function failure(promise: Promise<unknown>): Promise<IfcImportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IfcImportError);
  return error as IfcImportError;
}

describe('runIfcExtractionInWorker', { timeout: 60_000 }, () => {
  it('gives the same extraction as in-process, with progress up to 1', async () => {
    const progress: number[] = [];
    const fromWorker = await runIfcExtractionInWorker(fixturePath('office-cv2.ifc'), { onProgress: (fraction) => progress.push(fraction) });
    const inProcess = await extractIfc(readFixture('office-cv2.ifc'));
    expect({ ...fromWorker, stats: null }).toEqual({ ...inProcess, stats: null });
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('accepts bytes as well as a path', async () => {
    const extraction = await runIfcExtractionInWorker(readFixture('example.ifc'), { geometry: false });
    expect(extraction.elements.length).toBe(116);
    expect(extraction.withoutQuantity.length).toBe(116);
  });

  it('turns unreadable input into IfcImportError codes', async () => {
    expect((await failure(runIfcExtractionInWorker(fixturePath('fzk-haus.ifc')))).code).toBe('unsupported_schema');
    expect((await failure(runIfcExtractionInWorker(new TextEncoder().encode('not a model')))).code).toBe('not_ifc');
    expect((await failure(runIfcExtractionInWorker(fixturePath('does-not-exist.ifc')))).code).toBe('not_ifc');
    const truncated = readFixture('office-cv2.ifc').subarray(0, 1_000_000);
    expect((await failure(runIfcExtractionInWorker(truncated))).code).toBe('corrupt');
  });

  it('cancels: the worker is terminated and the promise rejects with cancelled', async () => {
    const controller = new AbortController();
    const pending = runIfcExtractionInWorker(fixturePath('office-cv2.ifc'), {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect((await failure(pending)).code).toBe('cancelled');
    const aborted = new AbortController();
    aborted.abort();
    expect((await failure(runIfcExtractionInWorker(fixturePath('office-cv2.ifc'), { signal: aborted.signal }))).code).toBe('cancelled');
  });

  it('turns a worker that does not finish in time into corrupt (web-ifc can loop on bad input)', async () => {
    const error = await failure(runIfcExtractionInWorker(fixturePath('office-cv2.ifc'), { timeoutMs: 1 }));
    expect(error.code).toBe('corrupt');
    expect(error.detail).toMatch(/timed out/);
  });
});
