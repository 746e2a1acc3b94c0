export { extractIfc } from './extract.ts';
export { IfcImportError, isIfcImportError } from './errors.ts';
export type { IfcImportErrorCode } from './errors.ts';
export { suggestNlsfb, layerForCode, suggestionDataVersions } from './nlsfb.ts';
export type {
  Bouwlaag,
  ExtractIfcOptions,
  IfcExtractedElement,
  IfcExtraction,
  IfcMaterialShare,
  IfcNlsfbSuggestion,
  IfcStorey,
  QuantitySource,
} from './types.ts';
export { runIfcExtractionInWorker } from './run-in-worker.ts';
export type { WorkerExtractionOptions } from './run-in-worker.ts';
export { generateIfc } from './generate.ts';
export type { ExpectedElement, SyntheticModel, SyntheticModelSpec } from './generate.ts';
