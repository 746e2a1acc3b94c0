/**
 * A housing corporation's own stock list (CSV or XLSX), one row per dwelling or per building:
 *
 * | column | required | content |
 * |---|---|---|
 * | bag_id | bag_id or adres | BAG pand id (object type 10) or verblijfsobject id (01), 16 digits, `NL.IMBAG.…` prefix allowed |
 * | adres | bag_id or adres | address as text (kept; not geocoded) |
 * | complexnummer | yes | the corporation's complex number |
 * | woningtype | yes | e.g. eengezinswoning, portiekflat, galerijflat |
 * | oppervlakte_m2 | yes | floor area, m², > 0 (decimal comma in `;` files) |
 * | energielabel | no | A++++ … G |
 * | jaar_groot_onderhoud | no | year of planned major maintenance, 2000–2100 |
 * | buurt | no | the neighbourhood (CBS buurt name or code, ≤ 100 characters); the renovation plan draws areas from it |
 *
 * All or nothing: one bad row makes the whole list rejected, with every problem listed (row, column, reason).
 */
import ExcelJS from 'exceljs';
import { decodeText, detectDialect, normaliseHeader, parseDecimal, streamCsvRecords } from './csv.ts';
import type { ImportIssue } from './issues.ts';

export const corporationStockColumns = ['bag_id', 'adres', 'complexnummer', 'woningtype', 'oppervlakte_m2', 'energielabel', 'jaar_groot_onderhoud', 'buurt'] as const;
const requiredColumns = ['complexnummer', 'woningtype', 'oppervlakte_m2'] as const;
export const energielabels = ['A++++', 'A+++', 'A++', 'A+', 'A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
export type Energielabel = (typeof energielabels)[number];

export interface CorporationStockRow {
  /** Spreadsheet row number (header = 1). */
  row: number;
  bagId: string | null;
  /** From the object type in the id: pand (10) or verblijfsobject (01). */
  bagIdType: 'pand' | 'verblijfsobject' | null;
  adres: string | null;
  complexnummer: string;
  woningtype: string;
  oppervlakteM2: number;
  energielabel: Energielabel | null;
  jaarGrootOnderhoud: number | null;
  /** Neighbourhood name or CBS buurt code as the corporation writes it (null when the column is absent or empty). */
  buurt: string | null;
}

export type CorporationStockResult =
  | { ok: true; rows: CorporationStockRow[]; ignoredColumns: string[] }
  | { ok: false; issues: ImportIssue[] };

export type Cell = string | number | null;

function validateRow(row: number, cells: Record<string, Cell>, decimalComma: boolean, issues: ImportIssue[]): CorporationStockRow | null {
  const before = issues.length;
  const str = (column: string): string => {
    const value = cells[column];
    return value === null || value === undefined ? '' : String(value).trim();
  };
  const fail = (column: string, reason: string, id?: string) => issues.push({ severity: 'error', row, column, reason, ...(id ? { id } : {}) });

  const rawId = str('bag_id');
  let bagId: string | null = null;
  let bagIdType: CorporationStockRow['bagIdType'] = null;
  if (rawId !== '') {
    const digits = rawId.replace(/^NL\.IMBAG\.(Pand|Verblijfsobject)\./, '');
    const match = /^\d{4}(10|01)\d{10}$/.exec(digits);
    if (!match) fail('bag_id', `"${rawId}" is not a BAG pand (…10…) or verblijfsobject (…01…) id of 16 digits`);
    else {
      bagId = digits;
      bagIdType = match[1] === '10' ? 'pand' : 'verblijfsobject';
    }
  }
  const adres = str('adres') || null;
  if (rawId === '' && adres === null) fail('bag_id', 'bag_id and adres are both empty; one of them is required');

  const complexnummer = str('complexnummer');
  if (complexnummer === '') fail('complexnummer', 'complexnummer is empty', bagId ?? undefined);
  const woningtype = str('woningtype');
  if (woningtype === '') fail('woningtype', 'woningtype is empty', bagId ?? undefined);

  const areaCell = cells['oppervlakte_m2'];
  const area = typeof areaCell === 'number' ? areaCell : parseDecimal(str('oppervlakte_m2'), decimalComma);
  if (str('oppervlakte_m2') === '') fail('oppervlakte_m2', 'oppervlakte_m2 is empty', bagId ?? undefined);
  else if (area === null) fail('oppervlakte_m2', `"${str('oppervlakte_m2')}" is not a number${decimalComma ? ' (use a decimal comma, e.g. 72,5)' : ' (use a decimal point, e.g. 72.5)'}`, bagId ?? undefined);
  else if (!(area > 0 && area <= 100_000)) fail('oppervlakte_m2', `${area} m² is outside 0–100000`, bagId ?? undefined);

  const labelText = str('energielabel').toUpperCase();
  const energielabel = labelText === '' ? null : (energielabels as readonly string[]).includes(labelText) ? (labelText as Energielabel) : undefined;
  if (energielabel === undefined) fail('energielabel', `"${str('energielabel')}" is not an energy label (${energielabels.join(', ')})`, bagId ?? undefined);

  const yearText = str('jaar_groot_onderhoud');
  const year = yearText === '' ? null : Number(yearText);
  if (year !== null && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) {
    fail('jaar_groot_onderhoud', `"${yearText}" is not a year between 2000 and 2100`, bagId ?? undefined);
  }

  const buurt = str('buurt') || null;
  if (buurt !== null && buurt.length > 100) fail('buurt', 'buurt is longer than 100 characters', bagId ?? undefined);

  if (issues.length > before || area === null || energielabel === undefined) return null;
  return { row, bagId, bagIdType, adres, complexnummer, woningtype, oppervlakteM2: area, energielabel, jaarGrootOnderhoud: year, buurt };
}

function checkHeader(header: string[]): { issues: ImportIssue[]; ignored: string[] } {
  const issues: ImportIssue[] = [];
  for (const column of requiredColumns) {
    if (!header.includes(column)) issues.push({ severity: 'error', row: 1, column, reason: 'required column is missing' });
  }
  if (!header.includes('bag_id') && !header.includes('adres')) issues.push({ severity: 'error', row: 1, column: 'bag_id', reason: 'a bag_id or adres column is required' });
  const ignored = header.filter((name) => name !== '' && !(corporationStockColumns as readonly string[]).includes(name));
  return { issues, ignored };
}

function finish(rows: CorporationStockRow[], issues: ImportIssue[], ignored: string[]): CorporationStockResult {
  const firstRowOfId = new Map<string, number>();
  for (const row of rows) {
    if (row.bagIdType !== 'verblijfsobject' || row.bagId === null) continue;
    const first = firstRowOfId.get(row.bagId);
    if (first !== undefined) issues.push({ severity: 'error', row: row.row, column: 'bag_id', id: row.bagId, reason: `duplicate verblijfsobject id (also in row ${first})` });
    else firstRowOfId.set(row.bagId, row.row);
  }
  if (issues.length > 0) return { ok: false, issues: issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) };
  if (rows.length === 0) return { ok: false, issues: [{ severity: 'error', row: 2, reason: 'the list has no data rows' }] };
  return { ok: true, rows, ignoredColumns: ignored };
}

async function readCsv(text: string): Promise<CorporationStockResult> {
  const dialect = detectDialect(text);
  const rows: CorporationStockRow[] = [];
  const issues: ImportIssue[] = [];
  let ignored: string[] = [];
  for await (const item of streamCsvRecords([text], dialect)) {
    if ('header' in item) {
      const checked = checkHeader(item.header);
      if (checked.issues.length > 0) return { ok: false, issues: checked.issues };
      ignored = checked.ignored;
      continue;
    }
    if (Object.values(item.values).every((value) => value.trim() === '')) continue;
    const row = validateRow(item.row, item.values, dialect.decimalComma, issues);
    if (row) rows.push(row);
  }
  return finish(rows, issues, ignored);
}

export function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('result' in value) return cellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  return null;
}

async function readXlsx(bytes: Uint8Array): Promise<CorporationStockResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch (error) {
    return { ok: false, issues: [{ severity: 'error', reason: `not a readable .xlsx file: ${(error as Error).message}` }] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, issues: [{ severity: 'error', reason: 'the workbook has no worksheet' }] };
  const headerRow = sheet.getRow(1);
  const header: string[] = [];
  for (let col = 1; col <= sheet.columnCount; col += 1) header.push(normaliseHeader(String(cellValue(headerRow.getCell(col).value) ?? '')));
  const checked = checkHeader(header);
  if (checked.issues.length > 0) return { ok: false, issues: checked.issues };
  const rows: CorporationStockRow[] = [];
  const issues: ImportIssue[] = [];
  for (let r = 2; r <= sheet.rowCount; r += 1) {
    const excelRow = sheet.getRow(r);
    const cells: Record<string, Cell> = {};
    header.forEach((name, i) => {
      if (name !== '') cells[name] = cellValue(excelRow.getCell(i + 1).value);
    });
    if (Object.values(cells).every((value) => value === null || String(value).trim() === '')) continue;
    // Excel stores numbers as numbers; text cells holding "72,5" are read with a decimal comma.
    const row = validateRow(r, cells, true, issues);
    if (row) rows.push(row);
  }
  return finish(rows, issues, checked.ignored);
}

/** True for the ZIP signature every .xlsx starts with. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Reads a corporation stock list: XLSX bytes (detected by signature) or CSV text/bytes (Dutch or international). */
export async function readCorporationStock(input: string | Uint8Array): Promise<CorporationStockResult> {
  if (typeof input !== 'string' && isZip(input)) return readXlsx(input);
  const text = decodeText(input);
  if (text.trim() === '') return { ok: false, issues: [{ severity: 'error', reason: 'the file is empty' }] };
  return readCsv(text);
}
