/**
 * A corporation's 10-year renovation and sustainability plan as a table (CSV or XLSX), one row per intervention:
 *
 * | column | required | content |
 * |---|---|---|
 * | jaar | yes | year of the intervention, 2000–2100 |
 * | ingreep | yes | verduurzamen (also: isoleren), groot_onderhoud, renovatie, sloop_nieuwbouw, transformatie — case, spaces, `-` and `/` ignored |
 * | aantal_woningen | yes | number of dwellings, whole, 1–100 000 |
 * | complexnummer | complexnummer or buurt | the corporation's complex number (as in its stock list) |
 * | buurt | complexnummer or buurt | neighbourhood name or CBS buurt code |
 * | circulaire_ambitie | no | free text, ≤ 2000 characters (e.g. "hergebruik kozijnen, biobased isolatie") |
 *
 * All or nothing: any bad row rejects the file, with every problem listed (row as the spreadsheet shows it,
 * column, reason).
 */
import ExcelJS from 'exceljs';
import { renovationInterventions, type RenovationIntervention } from '@kringbouw/domain/renovation';
import { cellValue, isZip, type Cell } from './corporation.ts';
import { decodeText, detectDialect, normaliseHeader, streamCsvRecords } from './csv.ts';
import type { ImportIssue } from './issues.ts';

export const renovationPlanColumns = ['jaar', 'ingreep', 'aantal_woningen', 'complexnummer', 'buurt', 'circulaire_ambitie'] as const;
const requiredColumns = ['jaar', 'ingreep', 'aantal_woningen'] as const;

export interface RenovationPlanRow {
  /** Spreadsheet row number (header = 1). */
  row: number;
  year: number;
  intervention: RenovationIntervention;
  dwellings: number;
  complexnummer: string | null;
  buurt: string | null;
  circularAmbition: string | null;
}

export type RenovationPlanResult = { ok: true; rows: RenovationPlanRow[]; ignoredColumns: string[] } | { ok: false; issues: ImportIssue[] };

/** Words corporations write for an intervention, after lower-casing and turning spaces, `-` and `/` into `_`. */
const interventionAliases: Record<string, RenovationIntervention> = {
  verduurzamen: 'verduurzamen',
  verduurzaming: 'verduurzamen',
  isoleren: 'verduurzamen',
  isolatie: 'verduurzamen',
  isoleren_verduurzamen: 'verduurzamen',
  groot_onderhoud: 'groot_onderhoud',
  grootonderhoud: 'groot_onderhoud',
  renovatie: 'renovatie',
  renoveren: 'renovatie',
  sloop_nieuwbouw: 'sloop_nieuwbouw',
  sloop_en_nieuwbouw: 'sloop_nieuwbouw',
  sloopnieuwbouw: 'sloop_nieuwbouw',
  transformatie: 'transformatie',
  transformeren: 'transformatie',
};

/** The intervention a cell names, or null. */
export function parseIntervention(text: string): RenovationIntervention | null {
  const key = text.trim().toLowerCase().replace(/[\s\-/]+/g, '_');
  return interventionAliases[key] ?? null;
}

function validateRow(row: number, cells: Record<string, Cell>, issues: ImportIssue[]): RenovationPlanRow | null {
  const before = issues.length;
  const str = (column: string): string => {
    const value = cells[column];
    return value === null || value === undefined ? '' : String(value).trim();
  };
  const fail = (column: string, reason: string) => issues.push({ severity: 'error', row, column, reason });

  const yearText = str('jaar');
  const year = Number(yearText);
  if (yearText === '') fail('jaar', 'jaar is empty');
  else if (!(Number.isInteger(year) && year >= 2000 && year <= 2100)) fail('jaar', `"${yearText}" is not a year between 2000 and 2100`);

  const interventionText = str('ingreep');
  const intervention = parseIntervention(interventionText);
  if (interventionText === '') fail('ingreep', 'ingreep is empty');
  else if (intervention === null) fail('ingreep', `"${interventionText}" is not a known intervention (${renovationInterventions.join(', ')})`);

  const dwellingsText = str('aantal_woningen').replace(/\.(?=\d{3}(\D|$))/g, '');
  const dwellings = Number(dwellingsText);
  if (dwellingsText === '') fail('aantal_woningen', 'aantal_woningen is empty');
  else if (!(Number.isInteger(dwellings) && dwellings >= 1 && dwellings <= 100_000)) fail('aantal_woningen', `"${str('aantal_woningen')}" is not a whole number of dwellings between 1 and 100000`);

  const complexnummer = str('complexnummer') || null;
  const buurt = str('buurt') || null;
  if (complexnummer === null && buurt === null) fail('complexnummer', 'complexnummer and buurt are both empty; one of them is required');
  if (complexnummer !== null && complexnummer.length > 100) fail('complexnummer', 'complexnummer is longer than 100 characters');
  if (buurt !== null && buurt.length > 100) fail('buurt', 'buurt is longer than 100 characters');
  const circularAmbition = str('circulaire_ambitie') || null;
  if (circularAmbition !== null && circularAmbition.length > 2000) fail('circulaire_ambitie', 'circulaire_ambitie is longer than 2000 characters');

  if (issues.length > before || intervention === null) return null;
  return { row, year, intervention, dwellings, complexnummer, buurt, circularAmbition };
}

function checkHeader(header: string[]): { issues: ImportIssue[]; ignored: string[] } {
  const issues: ImportIssue[] = requiredColumns.filter((c) => !header.includes(c)).map((column) => ({ severity: 'error' as const, row: 1, column, reason: 'required column is missing' }));
  if (!header.includes('complexnummer') && !header.includes('buurt')) issues.push({ severity: 'error', row: 1, column: 'complexnummer', reason: 'a complexnummer or buurt column is required' });
  return { issues, ignored: header.filter((name) => name !== '' && !(renovationPlanColumns as readonly string[]).includes(name)) };
}

function finish(rows: RenovationPlanRow[], issues: ImportIssue[], ignored: string[]): RenovationPlanResult {
  if (issues.length > 0) return { ok: false, issues: issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) };
  if (rows.length === 0) return { ok: false, issues: [{ severity: 'error', row: 2, reason: 'the plan has no data rows' }] };
  return { ok: true, rows, ignoredColumns: ignored };
}

/** Reads a renovation plan: XLSX bytes (detected by the ZIP signature) or CSV text/bytes (`;` or `,`). */
export async function readRenovationPlan(input: string | Uint8Array): Promise<RenovationPlanResult> {
  if (typeof input !== 'string' && isZip(input)) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(Buffer.from(input) as unknown as ExcelJS.Buffer);
    } catch (error) {
      return { ok: false, issues: [{ severity: 'error', reason: `not a readable .xlsx file: ${(error as Error).message}` }] };
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) return { ok: false, issues: [{ severity: 'error', reason: 'the workbook has no worksheet' }] };
    const header: string[] = [];
    for (let col = 1; col <= sheet.columnCount; col += 1) header.push(normaliseHeader(String(cellValue(sheet.getRow(1).getCell(col).value) ?? '')));
    const checked = checkHeader(header);
    if (checked.issues.length > 0) return { ok: false, issues: checked.issues };
    const rows: RenovationPlanRow[] = [];
    const issues: ImportIssue[] = [];
    for (let r = 2; r <= sheet.rowCount; r += 1) {
      const excelRow = sheet.getRow(r);
      const cells: Record<string, Cell> = {};
      header.forEach((name, i) => {
        if (name !== '') cells[name] = cellValue(excelRow.getCell(i + 1).value);
      });
      if (Object.values(cells).every((value) => value === null || String(value).trim() === '')) continue;
      const row = validateRow(r, cells, issues);
      if (row) rows.push(row);
    }
    return finish(rows, issues, checked.ignored);
  }
  const text = decodeText(input);
  if (text.trim() === '') return { ok: false, issues: [{ severity: 'error', reason: 'the file is empty' }] };
  const rows: RenovationPlanRow[] = [];
  const issues: ImportIssue[] = [];
  let ignored: string[] = [];
  for await (const item of streamCsvRecords([text], detectDialect(text))) {
    if ('header' in item) {
      const checked = checkHeader(item.header);
      if (checked.issues.length > 0) return { ok: false, issues: checked.issues };
      ignored = checked.ignored;
      continue;
    }
    if (Object.values(item.values).every((value) => value.trim() === '')) continue;
    const row = validateRow(item.row, item.values, issues);
    if (row) rows.push(row);
  }
  return finish(rows, issues, ignored);
}
