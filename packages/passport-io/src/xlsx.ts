import ExcelJS from 'exceljs';
import type { PassportIssue } from '@kringbouw/domain/lca';
import type { Cell, ProjectInput, ReadResult, TableRow } from './table.ts';
import { parseNumber, passportFromTable } from './table.ts';
import { streamWorkbookTable, type RawCellValue, type WorkbookTable } from './xlsx-stream.ts';

function cellValue(value: ExcelJS.CellValue | RawCellValue): Cell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('richText' in value) return (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    if ('text' in value) return String((value as ExcelJS.CellHyperlinkValue).text);
    if ('error' in value) return undefined;
  }
  return undefined;
}

function rowCells(row: ExcelJS.Row, width: number): Cell[] {
  const cells: Cell[] = [];
  for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value));
  return cells;
}

const isBlankRow = (cells: Cell[]) => cells.every((c) => c === undefined || (typeof c === 'string' && c.trim() === ''));

/** The whole-workbook reader (exceljs `xlsx.load`): the fallback for workbooks the streaming reader hands back. */
async function loadWorkbookTable(bytes: Uint8Array): Promise<WorkbookTable | { issues: PassportIssue[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (error) {
    return { issues: [{ path: '(xlsx)', message: `XLSX kan niet worden gelezen: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const sheet =
    workbook.getWorksheet('Paspoort') ?? workbook.worksheets.find((ws) => !['uitleg', 'project'].includes(ws.name.toLowerCase()));
  const projectRows: WorkbookTable['projectRows'] = [];
  workbook.worksheets
    .find((ws) => ws.name.toLowerCase() === 'project')
    ?.eachRow((row) => {
      projectRows.push({ key: cellValue(row.getCell(1).value), value: cellValue(row.getCell(2).value) });
    });
  if (!sheet) return { found: false, header: [], rows: [], projectRows };
  const width = sheet.columnCount;
  const header = rowCells(sheet.getRow(1), width);
  const rows: TableRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cells = rowCells(sheet.getRow(r), width);
    if (!isBlankRow(cells)) rows.push({ row: r, cells });
  }
  return { found: true, header, rows, projectRows };
}

/**
 * The passport sheet and Project sheet of a workbook: streamed (xlsx-stream.ts) when the workbook allows it, else
 * read whole with exceljs — the same cells either way.
 */
async function readWorkbookTable(bytes: Uint8Array): Promise<WorkbookTable | { issues: PassportIssue[] }> {
  try {
    return await streamWorkbookTable(bytes, cellValue);
  } catch {
    // NotStreamable or a damaged file: the whole-workbook reader gives the result (or the error message) it always gave.
    return loadWorkbookTable(bytes);
  }
}

function projectFromSheet(projectRows: WorkbookTable['projectRows']): ProjectInput {
  const fromSheet: ProjectInput = {};
  for (const { key: keyCell, value } of projectRows) {
    const key = String(keyCell ?? '').trim().toLowerCase();
    if (value === undefined || value === '') continue;
    const num = typeof value === 'number' ? value : parseNumber(String(value), { decimalComma: true });
    switch (key) {
      case 'bvo_m2':
        if (num !== undefined) fromSheet.bvoM2 = num;
        break;
      case 'gebouwtype':
        fromSheet.buildingType = String(value).trim().toLowerCase();
        break;
      case 'gebruiksfunctie':
        fromSheet.useFunction = String(value).trim().toLowerCase();
        break;
      case 'rsp_jaren':
        if (num !== undefined) fromSheet.rspYears = num;
        break;
      case 'vergunningsdatum':
        fromSheet.permitDate = String(value).trim();
        break;
      case 'naam':
        fromSheet.name = String(value).trim();
        break;
    }
  }
  return fromSheet;
}

/**
 * Reads a workbook once; the returned function builds the passport with the given project values (`project`
 * overrides the Project sheet), as often as needed without reading the file again.
 */
export async function preparePassportXlsx(bytes: Uint8Array): Promise<(project: ProjectInput) => ReadResult> {
  return passportOfTable(await readWorkbookTable(bytes));
}

function passportOfTable(table: WorkbookTable | { issues: PassportIssue[] }): (project: ProjectInput) => ReadResult {
  if ('issues' in table) return () => ({ ok: false, issues: table.issues });
  if (!table.found) return () => ({ ok: false, issues: [{ path: '(xlsx)', message: 'geen werkblad "Paspoort" gevonden' }] });
  const fromSheet = projectFromSheet(table.projectRows);
  return (project) => {
    const merged: ProjectInput = { ...fromSheet };
    for (const [key, value] of Object.entries(project) as [keyof ProjectInput, ProjectInput[keyof ProjectInput]][]) {
      if (value !== undefined) Object.assign(merged, { [key]: value });
    }
    return passportFromTable(table.header, table.rows, merged, { decimalComma: true });
  };
}

/**
 * Reads a passport workbook: the sheet "Paspoort" (else the first sheet that is not "Uitleg" or "Project") with the
 * same columns as the CSV; an optional sheet "Project" (column A field, column B value) gives project data, which
 * `project` (CLI flags) overrides. Large workbooks are streamed (see xlsx-stream.ts). Never throws on bad input.
 */
export async function readPassportXlsx(bytes: Uint8Array, project: ProjectInput): Promise<ReadResult> {
  return (await preparePassportXlsx(bytes))(project);
}

/** readPassportXlsx without the streaming path: exceljs loads the whole workbook (tests compare both readers). */
export async function readPassportXlsxWhole(bytes: Uint8Array, project: ProjectInput): Promise<ReadResult> {
  return passportOfTable(await loadWorkbookTable(bytes))(project);
}
