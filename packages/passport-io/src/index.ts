/**
 * @kringbouw/passport-io — reading material passports from CSV, XLSX and JSON, and the downloadable template.
 * Every reader returns either a validated Passport or the complete list of problems (row, column, reason).
 */
import type { ProjectInput, ReadResult } from './table.ts';
import { preparePassportCsv } from './csv.ts';
import { preparePassportXlsx } from './xlsx.ts';
import { preparePassportJson } from './json.ts';

export { passportColumns, projectFields } from './columns.ts';
export type { ColumnSpec } from './columns.ts';
export { parseNumber, passportFromTable } from './table.ts';
export type { ProjectInput, ReadResult, TableRow, Cell } from './table.ts';
export { readPassportCsv, preparePassportCsv, decodeText, detectDelimiter } from './csv.ts';
export { readPassportXlsx, preparePassportXlsx } from './xlsx.ts';
export { readPassportJson, preparePassportJson } from './json.ts';
export { createPassportTemplate } from './template.ts';
export { readEpdFile } from './epd.ts';
export type { EpdReadResult } from './epd.ts';

export type PassportFormat = 'csv' | 'xlsx' | 'json';

/** The format of a passport file from its name, or undefined for other extensions. */
export function passportFormatOf(fileName: string): PassportFormat | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'json') return 'json';
  return undefined;
}

/** Builds the passport of a file already read, with the given project values (see preparePassport). */
export type PreparedPassport = (project: ProjectInput) => ReadResult;

/**
 * Reads passport bytes once (the expensive part: unzipping and parsing); the returned function validates the rows
 * with the given project values and can be called again with other values without reading the file again. Never
 * throws on bad input.
 */
export async function preparePassport(bytes: Uint8Array, format: PassportFormat): Promise<PreparedPassport> {
  if (format === 'csv') return preparePassportCsv(bytes);
  if (format === 'xlsx') return preparePassportXlsx(bytes);
  return preparePassportJson(bytes);
}

/** Reads passport bytes in the given format. Never throws on bad input. */
export async function readPassport(bytes: Uint8Array, format: PassportFormat, project: ProjectInput = {}): Promise<ReadResult> {
  return (await preparePassport(bytes, format))(project);
}
export { writePassportXlsx } from './template.ts';
export type { WritableLine, WritablePassport } from './template.ts';
export { passportToLcax, LCAX_FORMAT_VERSION } from './lcax.ts';
export type { LcaxExportInput } from './lcax.ts';
export { passportPdf } from './pdf.ts';
export type { PassportPdfInput } from './pdf.ts';
export { profileOriginValues, lineKeyPattern } from './columns.ts';
export type { LineExtras } from './table.ts';
