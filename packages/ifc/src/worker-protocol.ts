/** Messages between runIfcExtractionInWorker and worker.ts. */
import type { IfcImportErrorCode } from './errors.ts';
import type { IfcExtraction } from './types.ts';

export interface WorkerInput {
  filePath?: string;
  bytes?: Uint8Array;
  options: { geometry?: boolean; geometryOnly?: boolean };
}

export type WorkerMessage =
  | { kind: 'progress'; fraction: number }
  | { kind: 'result'; extraction: IfcExtraction }
  | { kind: 'error'; code: IfcImportErrorCode; detail: string | undefined };
