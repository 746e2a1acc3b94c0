/**
 * @kringbouw/passport-io — reading material passports from CSV, XLSX and JSON, and the downloadable template.
 * Every reader returns either a validated Passport or the complete list of problems (row, column, reason).
 */
import type { ProjectInput, ReadResult } from './table.ts';
import { readPassportCsv } from './csv.ts';
import { readPassportXlsx } from './xlsx.ts';
import { readPassportJson } from './json.ts';

export { passportColumns, projectFields } from './columns.ts';
export type { ColumnSpec } from './columns.ts';
export { parseNumber, passportFromTable } from './table.ts';
export type { ProjectInput, ReadResult, TableRow, Cell } from './table.ts';
export { readPassportCsv, decodeText, detectDelimiter } from './csv.ts';
export { readPassportXlsx } from './xlsx.ts';
export { readPassportJson } from './json.ts';
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

/** Reads passport bytes in the given format. Never throws on bad input. */
export async function readPassport(bytes: Uint8Array, format: PassportFormat, project: ProjectInput = {}): Promise<ReadResult> {
  if (format === 'csv') return readPassportCsv(bytes, project);
  if (format === 'xlsx') return readPassportXlsx(bytes, project);
  return readPassportJson(bytes, project);
}
export { writePassportXlsx } from './template.ts';
export type { WritableLine, WritablePassport } from './template.ts';
export { passportToLcax, LCAX_FORMAT_VERSION } from './lcax.ts';
export type { LcaxExportInput } from './lcax.ts';
export { passportPdf } from './pdf.ts';
export type { PassportPdfInput } from './pdf.ts';
export { profileOriginValues, lineKeyPattern } from './columns.ts';
export type { LineExtras } from './table.ts';
