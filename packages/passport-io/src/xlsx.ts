import ExcelJS from 'exceljs';
import type { Cell, ProjectInput, ReadResult, TableRow } from './table.ts';
import { parseNumber, passportFromTable } from './table.ts';

function cellValue(value: ExcelJS.CellValue): Cell {
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

/**
 * Reads a passport workbook: the sheet "Paspoort" (else the first sheet that is not "Uitleg" or "Project") with the
 * same columns as the CSV; an optional sheet "Project" (column A field, column B value) gives project data, which
 * `project` (CLI flags) overrides. Never throws on bad input.
 */
export async function readPassportXlsx(bytes: Uint8Array, project: ProjectInput): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (error) {
    return { ok: false, issues: [{ path: '(xlsx)', message: `XLSX kan niet worden gelezen: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const sheet =
    workbook.getWorksheet('Paspoort') ?? workbook.worksheets.find((ws) => !['uitleg', 'project'].includes(ws.name.toLowerCase()));
  if (!sheet) return { ok: false, issues: [{ path: '(xlsx)', message: 'geen werkblad "Paspoort" gevonden' }] };

  const fromSheet: ProjectInput = {};
  const projectSheet = workbook.worksheets.find((ws) => ws.name.toLowerCase() === 'project');
  projectSheet?.eachRow((row) => {
    const key = String(cellValue(row.getCell(1).value) ?? '').trim().toLowerCase();
    const value = cellValue(row.getCell(2).value);
    if (value === undefined || value === '') return;
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
  });

  const width = sheet.columnCount;
  const header = rowCells(sheet.getRow(1), width);
  const rows: TableRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cells = rowCells(sheet.getRow(r), width);
    if (cells.every((c) => c === undefined || (typeof c === 'string' && c.trim() === ''))) continue;
    rows.push({ row: r, cells });
  }
  const merged: ProjectInput = { ...fromSheet };
  for (const [key, value] of Object.entries(project) as [keyof ProjectInput, ProjectInput[keyof ProjectInput]][]) {
    if (value !== undefined) Object.assign(merged, { [key]: value });
  }
  return passportFromTable(header, rows, merged, { decimalComma: true });
}
