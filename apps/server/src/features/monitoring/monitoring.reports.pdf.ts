/**
 * The PDF of a monitoring report: title page block, per section its text, charts (vector bars and lines drawn with
 * pdfkit, no raster images) and tables (Dutch number formats, repeated header after a page break). pdfkit's standard
 * fonts (WinAnsi), as the passport PDF in packages/passport-io.
 */
import PDFDocument from 'pdfkit';
import { cellFormat, formatReportCell, type ReportChart, type ReportModel, type ReportTable } from '@kringbouw/domain/monitoring';

/** Rows printed per table; the xlsx holds them all. */
export const PDF_MAX_TABLE_ROWS = 400;

const palette = ['#01689b', '#e17000', '#39870c', '#a90061', '#8fcae7'];
type Doc = PDFKit.PDFDocument;

/** WinAnsi has no ≥, subscripts or the like: replace what the standard fonts cannot show. */
function printable(text: string): string {
  return text.replace(/≥/g, '>=').replace(/≤/g, '<=').replace(/₂/g, '2').replace(/[^\t\n\r\x20-\xff€‘’“”–—•…]/g, '?');
}

function bottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

function drawChart(doc: Doc, chart: ReportChart): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const height = 150;
  ensureSpace(doc, height + 50);
  doc.font('Helvetica-Bold').fontSize(9).fillColor('#000000').text(printable(chart.title), left, doc.y, { width });
  const top = doc.y + 4;
  const axisLeft = left + 44;
  const plotWidth = width - 54;
  const plotHeight = height - 30;
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = niceMax(Math.max(0, ...values));
  const yOf = (v: number) => top + plotHeight - (v / max) * plotHeight;
  doc.font('Helvetica').fontSize(7).fillColor('#444444');
  for (let i = 0; i <= 4; i += 1) {
    const v = (max * i) / 4;
    const y = yOf(v);
    doc.moveTo(axisLeft, y).lineTo(axisLeft + plotWidth, y).lineWidth(0.3).strokeColor('#cccccc').stroke();
    doc.text(formatReportCell(v, max >= 10 ? 'integer' : 'decimal2'), left, y - 3, { width: 40, align: 'right' });
  }
  const n = Math.max(1, chart.labels.length);
  const slot = plotWidth / n;
  const seriesCount = Math.max(1, chart.series.length);
  chart.series.forEach((series, si) => {
    const color = palette[si % palette.length] ?? '#01689b';
    if (chart.type === 'bar') {
      const barWidth = Math.min(28, (slot * 0.7) / seriesCount);
      series.values.forEach((v, i) => {
        if (v === null || v <= 0) return;
        const x = axisLeft + i * slot + (slot - barWidth * seriesCount) / 2 + si * barWidth;
        doc.rect(x, yOf(v), barWidth, top + plotHeight - yOf(v)).fillColor(color).fill();
      });
    } else {
      let started = false;
      series.values.forEach((v, i) => {
        const x = axisLeft + i * slot + slot / 2;
        if (v === null) {
          started = false;
          return;
        }
        if (started) doc.lineTo(x, yOf(v));
        else doc.moveTo(x, yOf(v));
        started = true;
      });
      doc.lineWidth(1.5).strokeColor(color).stroke();
      series.values.forEach((v, i) => {
        if (v !== null) doc.circle(axisLeft + i * slot + slot / 2, yOf(v), 2).fillColor(color).fill();
      });
    }
  });
  doc.moveTo(axisLeft, top + plotHeight).lineTo(axisLeft + plotWidth, top + plotHeight).lineWidth(0.6).strokeColor('#333333').stroke();
  doc.font('Helvetica').fontSize(7).fillColor('#333333');
  chart.labels.forEach((label, i) => doc.text(printable(label), axisLeft + i * slot, top + plotHeight + 3, { width: slot, align: 'center', lineBreak: false, ellipsis: true }));
  let legendX = axisLeft;
  const legendY = top + plotHeight + 14;
  if (chart.series.length > 1 || chart.type === 'line') {
    chart.series.forEach((s, si) => {
      doc.rect(legendX, legendY + 1, 6, 6).fillColor(palette[si % palette.length] ?? '#01689b').fill();
      doc.fillColor('#333333').text(printable(s.name), legendX + 9, legendY, { lineBreak: false });
      legendX += 12 + doc.widthOfString(printable(s.name)) + 12;
    });
  }
  doc.x = left;
  doc.y = top + height;
  doc.fillColor('#000000');
}

function drawTable(doc: Doc, table: ReportTable): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  // Numeric columns get a fixed 58 pt; text columns share the rest by the length of their longest text (capped).
  const numeric = table.columns.map((c) => c.format !== 'text');
  const weights = table.columns.map((c, ci) => (numeric[ci] ? 0 : Math.min(40, Math.max(6, c.header.length, ...table.rows.map((r) => String(r[ci] ?? '').length)))));
  const rest = width - 58 * numeric.filter(Boolean).length;
  const weightSum = weights.reduce((s, w) => s + w, 0) || 1;
  const widths = table.columns.map((_, ci) => (numeric[ci] ? 58 : (rest * (weights[ci] ?? 0)) / weightSum));
  const scale = width / widths.reduce((s, w) => s + w, 0);
  for (let i = 0; i < widths.length; i += 1) widths[i] = (widths[i] ?? 0) * scale;

  ensureSpace(doc, 50);
  doc.font('Helvetica-Bold').fontSize(9).fillColor('#000000').text(printable(table.title), left, doc.y, { width });
  doc.moveDown(0.2);
  const header = () => {
    doc.font('Helvetica-Bold').fontSize(7);
    const heights = table.columns.map((c, i) => doc.heightOfString(printable(c.header), { width: (widths[i] ?? 40) - 4 }));
    const h = Math.max(...heights) + 3;
    let x = left;
    const y = doc.y;
    table.columns.forEach((c, i) => {
      doc.text(printable(c.header), x, y, { width: (widths[i] ?? 40) - 4, align: numeric[i] ? 'right' : 'left' });
      x += widths[i] ?? 40;
    });
    doc.y = y + h;
    doc.moveTo(left, doc.y - 1).lineTo(left + width, doc.y - 1).lineWidth(0.5).strokeColor('#333333').stroke();
  };
  header();
  if (table.rows.length === 0) {
    doc.font('Helvetica-Oblique').fontSize(8).text('Geen gegevens.', left, doc.y + 2, { width });
  }
  table.rows.slice(0, PDF_MAX_TABLE_ROWS).forEach((row, ri) => {
    const bold = table.totalRows.includes(ri);
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(7.5);
    const texts = row.map((value, ci) => printable(formatReportCell(value, cellFormat(table, ri, ci))));
    const h = Math.max(...texts.map((t, ci) => doc.heightOfString(t, { width: (widths[ci] ?? 40) - 4 }))) + 3;
    if (doc.y + h > bottom(doc)) {
      doc.addPage();
      header();
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(7.5);
    }
    const y = doc.y + 1;
    let x = left;
    texts.forEach((t, ci) => {
      doc.text(t, x, y, { width: (widths[ci] ?? 40) - 4, align: numeric[ci] ? 'right' : 'left' });
      x += widths[ci] ?? 40;
    });
    doc.y = y + h;
    doc.moveTo(left, doc.y - 1).lineTo(left + width, doc.y - 1).lineWidth(0.2).strokeColor('#bbbbbb').stroke();
  });
  if (table.rows.length > PDF_MAX_TABLE_ROWS) {
    doc.font('Helvetica-Oblique').fontSize(7.5).fillColor('#000000').text(`… en nog ${formatReportCell(table.rows.length - PDF_MAX_TABLE_ROWS, 'integer')} rijen: het Excel-bestand bevat de hele tabel.`, left, doc.y + 3, { width });
  }
  if (table.note !== null) doc.font('Helvetica-Oblique').fontSize(7).fillColor('#444444').text(printable(table.note), left, doc.y + 3, { width });
  doc.fillColor('#000000').moveDown(0.8);
}

/** Renders the report model to PDF bytes. The creation date is the generation time of the model. */
export function renderReportPdf(model: ReportModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    bufferPages: true,
    info: { Title: printable(`${model.title} — ${model.subtitle}`), Author: 'Kringbouw', Producer: 'Kringbouw', Creator: 'Kringbouw', CreationDate: new Date(model.generatedAt) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font('Helvetica-Bold').fontSize(20).text(printable(model.title));
  doc.font('Helvetica').fontSize(13).text(printable(model.subtitle));
  doc.fontSize(8).fillColor('#555555').text(`Gegenereerd op ${model.generatedAt.slice(0, 10)}`);
  doc.fillColor('#000000').moveDown(1);

  for (const section of model.sections) {
    ensureSpace(doc, 60);
    doc.font('Helvetica-Bold').fontSize(13).fillColor('#01689b').text(printable(section.heading), left, doc.y, { width });
    doc.fillColor('#000000').moveDown(0.3);
    for (const paragraph of section.paragraphs) {
      doc.font('Helvetica').fontSize(9).text(printable(paragraph), left, doc.y, { width });
      doc.moveDown(0.4);
    }
    for (const chart of section.charts) drawChart(doc, chart);
    for (const table of section.tables) drawTable(doc, table);
    doc.moveDown(0.5);
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // The footer lies in the bottom margin; without lifting the margin pdfkit would start a new page for it.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(7).fillColor('#777777').text(printable(`${model.title} — ${model.subtitle} — pagina ${i + 1} van ${range.count}`), left, doc.page.height - margin + 16, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}
