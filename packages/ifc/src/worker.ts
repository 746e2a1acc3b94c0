/** Worker-thread entry: runs extractIfc and reports progress, the result or an IfcImportError code to the parent. */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { IfcImportError } from './errors.ts';
import { extractIfc } from './extract.ts';
import type { WorkerInput, WorkerMessage } from './worker-protocol.ts';

const input = workerData as WorkerInput;

function post(message: WorkerMessage): void {
  parentPort?.postMessage(message);
}

async function run(): Promise<void> {
  try {
    let bytes: Uint8Array;
    if (input.filePath !== undefined) {
      try {
        bytes = await readFile(input.filePath);
      } catch (error) {
        post({ kind: 'error', code: 'not_ifc', detail: `bestand niet leesbaar / file not readable: ${error instanceof Error ? error.message : String(error)}` });
        return;
      }
    } else {
      bytes = input.bytes ?? new Uint8Array();
    }
    let last = -1;
    const extraction = await extractIfc(bytes, {
      ...input.options,
      onProgress: (fraction) => {
        // Round so a large model does not flood the message channel.
        const rounded = Math.round(fraction * 100) / 100;
        if (rounded !== last) {
          last = rounded;
          post({ kind: 'progress', fraction: rounded });
        }
      },
    });
    post({ kind: 'result', extraction });
  } catch (error) {
    if (error instanceof IfcImportError) post({ kind: 'error', code: error.code, detail: error.detail });
    else post({ kind: 'error', code: 'corrupt', detail: error instanceof Error ? error.message : String(error) });
  }
}

await run();
