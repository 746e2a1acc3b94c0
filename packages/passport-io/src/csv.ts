import { parse } from 'csv-parse/sync';
import type { Cell, ProjectInput, ReadResult, TableRow } from './table.ts';
import { passportFromTable } from './table.ts';

/**
 * Decodes CSV bytes: UTF-8 (with or without BOM); bytes that are not valid UTF-8 are read as Windows-1252, which is
 * what Dutch Excel writes for "CSV (gescheiden door lijstscheidingsteken)".
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** `;` (Dutch Excel, decimal comma), tab, or `,` (decimal point), decided from the header line. */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string) => firstLine.split(ch).length - 1;
  if (count(';') > 0 && count(';') >= count(',')) return ';';
  if (count('\t') > count(',')) return '\t';
  return ',';
}

/**
 * Reads a passport CSV once (decoding, delimiter, CSV syntax); the returned function builds the passport with the given
 * project values, as often as needed without parsing the file again.
 */
export function preparePassportCsv(bytes: Uint8Array): (project: ProjectInput) => ReadResult {
  const { text } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /line (\d+)/i.exec(message)?.[1];
    return () => ({ ok: false, issues: [{ path: '(csv)', ...(line && { row: Number(line) }), message: `CSV kan niet worden gelezen: ${message}` }] });
  }
  const [header, ...body] = records;
  if (!header) return () => ({ ok: false, issues: [{ path: '(csv)', message: 'het bestand is leeg' }] });
  const rows: TableRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    rows.push({ row: i + 2, cells: cells as Cell[] });
  });
  return (project) => passportFromTable(header, rows, project, { decimalComma: delimiter === ';' });
}

/**
 * Reads a passport CSV (columns: see columns.ts; header names case-insensitive). Never throws on bad input: CSV syntax
 * errors and every row problem come back as issues.
 */
export function readPassportCsv(bytes: Uint8Array, project: ProjectInput): ReadResult {
  return preparePassportCsv(bytes)(project);
}
