/** Reads the STEP header before web-ifc sees the file, so wrong files fail fast with a clear reason. */
import { IfcImportError } from './errors.ts';

/** Schemas this importer reads. web-ifc parses IFC2X_FINAL only as a best-effort alias of IFC2X3: not accepted. */
const supportedSchemas = new Set(['IFC2X3', 'IFC4', 'IFC4X3', 'IFC4X3_ADD2']);

const headerScanBytes = 64 * 1024;

export interface StepHeader {
  schema: string;
}

/** Throws IfcImportError not_ifc / unsupported_schema / corrupt; returns the schema name otherwise. */
export function readStepHeader(bytes: Uint8Array): StepHeader {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, headerScanBytes)));
  const trimmed = head.replace(/^\uFEFF/, '').trimStart();
  if (!trimmed.startsWith('ISO-10303-21')) {
    if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b) throw new IfcImportError('not_ifc', 'zip/ifcZIP');
    throw new IfcImportError('not_ifc');
  }
  const schemaMatch = /FILE_SCHEMA\s*\(\s*\(\s*'([^']*)'/i.exec(trimmed);
  if (!schemaMatch?.[1]) throw new IfcImportError('corrupt', 'FILE_SCHEMA ontbreekt / missing');
  const schema = schemaMatch[1].trim().toUpperCase();
  if (!supportedSchemas.has(schema)) throw new IfcImportError('unsupported_schema', schema);
  return { schema };
}
