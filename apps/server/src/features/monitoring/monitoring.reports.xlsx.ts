/**
 * The xlsx of a monitoring report, from the same model as the PDF: a sheet "Rapport" with the text of every section,
 * one sheet per table (numbers as numbers with a Dutch-readable number format), and a sheet "Grafieken" with the data
 * behind each chart (exceljs writes no native charts).
 */
import ExcelJS from 'exceljs';
import { cellFormat, type ColumnFormat, type ReportModel } from '@kringbouw/domain/monitoring';

const numFmt: Record<ColumnFormat, string | undefined> = { text: undefined, integer: '#,##0', decimal1: '#,##0.0', decimal2: '#,##0.00', percent: '0%', row: undefined };

/** Sheet names: ≤ 31 characters, no []:*?/\ and unique within the workbook. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28) || 'Tabel';
  let candidate = base;
  for (let i = 2; used.has(candidate.toLowerCase()); i += 1) candidate = `${base.slice(0, 26)} ${i}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

export async function renderReportXlsx(model: ReportModel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kringbouw';
  workbook.created = new Date(model.generatedAt);
  workbook.title = `${model.title} — ${model.subtitle}`;
  const used = new Set<string>();

  const summary = workbook.addWorksheet(sheetName('Rapport', used));
  summary.getColumn(1).width = 120;
  summary.addRow([model.title]).font = { bold: true, size: 16 };
  summary.addRow([model.subtitle]).font = { size: 12 };
  summary.addRow([`Gegenereerd op ${model.generatedAt.slice(0, 10)}`]);
  for (const section of model.sections) {
    summary.addRow([]);
    summary.addRow([section.heading]).font = { bold: true, size: 13 };
    for (const paragraph of section.paragraphs) summary.addRow([paragraph]).alignment = { wrapText: true, vertical: 'top' };
    for (const table of section.tables) summary.addRow([`Tabel: ${table.title} (tabblad "${table.id}")`]).font = { italic: true };
  }

  for (const section of model.sections) {
    for (const table of section.tables) {
      const sheet = workbook.addWorksheet(sheetName(table.id, used));
      sheet.addRow([table.title]).font = { bold: true, size: 12 };
      const header = sheet.addRow(table.columns.map((c) => c.header));
      header.font = { bold: true };
      sheet.views = [{ state: 'frozen', ySplit: 2 }];
      table.rows.forEach((row, ri) => {
        const added = sheet.addRow(row);
        row.forEach((_, ci) => {
          const fmt = numFmt[cellFormat(table, ri, ci)];
          if (fmt !== undefined) added.getCell(ci + 1).numFmt = fmt;
        });
        if (table.totalRows.includes(ri)) added.font = { bold: true };
      });
      table.columns.forEach((c, ci) => {
        sheet.getColumn(ci + 1).width = c.format === 'text' ? Math.min(60, Math.max(14, ...table.rows.map((r) => String(r[ci] ?? '').length))) : 16;
      });
      if (table.note !== null) {
        sheet.addRow([]);
        sheet.addRow([table.note]).font = { italic: true };
      }
    }
  }

  const charts = model.sections.flatMap((s) => s.charts);
  if (charts.length > 0) {
    const sheet = workbook.addWorksheet(sheetName('Grafieken', used));
    sheet.getColumn(1).width = 28;
    for (const chart of charts) {
      sheet.addRow([`${chart.title}`]).font = { bold: true };
      sheet.addRow(['', ...chart.series.map((s) => s.name)]).font = { bold: true };
      chart.labels.forEach((label, i) => sheet.addRow([label, ...chart.series.map((s) => s.values[i] ?? null)]));
      sheet.addRow([]);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
