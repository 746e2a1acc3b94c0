/**
 * Runs extractIfc in a worker thread so a server stays responsive, and so a web-ifc crash (wasm abort, memory
 * exhaustion) ends the worker rather than the process. Cancelling terminates the worker; web-ifc's memory goes
 * with it.
 */
import { Worker } from 'node:worker_threads';
import { IfcImportError } from './errors.ts';
import type { ExtractIfcOptions, IfcExtraction } from './types.ts';
import type { WorkerInput, WorkerMessage } from './worker-protocol.ts';

export interface WorkerExtractionOptions extends ExtractIfcOptions {
  /** Wall-clock limit; the worker is terminated and the import fails with `corrupt` (default: none). */
  timeoutMs?: number;
}

/**
 * `source` is a path (preferred: the worker reads the file itself) or the bytes (copied to the worker).
 * Resolves with the extraction or rejects with an IfcImportError, never with anything else.
 */
export function runIfcExtractionInWorker(source: string | Uint8Array, options: WorkerExtractionOptions = {}): Promise<IfcExtraction> {
  const { signal, onProgress, timeoutMs } = options;
  if (signal?.aborted) return Promise.reject(new IfcImportError('cancelled'));
  const input: WorkerInput = {
    ...(typeof source === 'string' ? { filePath: source } : { bytes: source }),
    options: {
      ...(options.geometry !== undefined ? { geometry: options.geometry } : {}),
      ...(options.geometryOnly !== undefined ? { geometryOnly: options.geometryOnly } : {}),
    },
  };
  return new Promise<IfcExtraction>((resolve, reject) => {
    let settled = false;
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
      workerData: input,
      execArgv: [],
      stdout: true,
      stderr: true,
    });
    // web-ifc writes diagnostics to stdout/stderr; keep them out of the host's output.
    worker.stdout.resume();
    worker.stderr.resume();
    let timer: NodeJS.Timeout | undefined;
    const finish = (outcome: { result: IfcExtraction } | { error: IfcImportError }) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      if (timer) clearTimeout(timer);
      void worker.terminate();
      if ('result' in outcome) resolve(outcome.result);
      else reject(outcome.error);
    };
    const onAbort = () => finish({ error: new IfcImportError('cancelled') });
    signal?.addEventListener('abort', onAbort, { once: true });
    if (timeoutMs !== undefined) timer = setTimeout(() => finish({ error: new IfcImportError('corrupt', `geen resultaat binnen ${timeoutMs} ms / timed out`) }), timeoutMs);
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') onProgress?.(message.fraction);
      else if (message.kind === 'result') finish({ result: message.extraction });
      else finish({ error: new IfcImportError(message.code, message.detail) });
    });
    worker.on('error', (error) => {
      const code = /memory|allocation/i.test(error.message) ? 'too_large' : 'corrupt';
      finish({ error: new IfcImportError(code, `worker: ${error.message.split('\n')[0] ?? ''}`) });
    });
    worker.on('exit', (exitCode) => {
      finish({ error: new IfcImportError('corrupt', `worker stopte onverwacht / worker exited (${exitCode})`) });
    });
  });
}
