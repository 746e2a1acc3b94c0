/**
 * The printable material passport (PDF, Dutch) of a vastgesteld version: project data, the indicator summary marked
 * "indicatief" with the data versions used, and per element its materials with quantity, profile, origin and
 * detachability. Built with pdfkit and its standard fonts (WinAnsi: no subscript characters, so "CO2").
 */
import PDFDocument from 'pdfkit';
import type { LcaResult } from '@kringbouw/domain/lca';
import type { WritablePassport } from './template.ts';

export interface PassportPdfInput {
  projectName: string;
  municipality: string | null;
  owner: string | null;
  versionNumber: number;
  versionLabel: string;
  publishedAt: Date;
  publishedBy: string | null;
  passport: WritablePassport;
  /** calculateIndicators of the passport with the line breakdown. */
  result: LcaResult;
  /** Lines beyond this number are summarised (the xlsx export has them all). */
  maxLines?: number;
}

const nl = (value: number | null | undefined, digits = 0): string =>
  value === null || value === undefined || Number.isNaN(value)
    ? '–'
    : value.toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (value: number | null | undefined): string => (value === null || value === undefined ? '–' : `${nl(value, 1)} %`);
const dateNl = (date: Date): string => date.toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });

const layerNames: Record<string, string> = {
  plek: 'Plek', constructie: 'Constructie', omhulling: 'Omhulling', installaties: 'Installaties', indeling: 'Indeling', inventaris: 'Inventaris',
};

/** Renders the PDF; resolves with its bytes. Deterministic apart from nothing: the creation date is the publication date. */
export function passportPdf(input: PassportPdfInput): Promise<Buffer> {
  const { result, passport } = input;
  const maxLines = input.maxLines ?? 2000;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: `Materiaalpaspoort ${input.projectName}`, Author: 'Kringbouw', Producer: 'Kringbouw', Creator: 'Kringbouw', CreationDate: input.publishedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  doc.font('Helvetica-Bold').fontSize(20).text('Materiaalpaspoort');
  doc.font('Helvetica').fontSize(13).text(input.projectName);
  doc.moveDown(0.5);
  doc.fontSize(9).fillColor('#333333');
  const facts: [string, string][] = [
    ['Versie', `${input.versionNumber} — ${input.versionLabel} (vastgesteld op ${dateNl(input.publishedAt)}${input.publishedBy ? ` door ${input.publishedBy}` : ''})`],
    ['Gemeente', input.municipality ?? '–'],
    ['Eigenaar', input.owner ?? '–'],
    ['Gebouwtype', `${result.project.buildingType}, ${result.project.useFunction}`],
    ['BVO', `${nl(result.project.bvoM2)} m²`],
    ['Referentieperiode', `${nl(result.project.rspYears)} jaar, vervanging volgens ${result.project.replacementRule}`],
  ];
  for (const [label, value] of facts) doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);
  doc.moveDown(0.8);

  doc.fillColor('#000000').font('Helvetica-Bold').fontSize(12).text('Indicatoren (indicatief)');
  doc.font('Helvetica-Oblique').fontSize(8).fillColor('#8a4b00').text(`INDICATIEF — ${result.label}`);
  doc.fillColor('#000000').moveDown(0.3);
  const rows: [string, string][] = [
    ['MPG (indicatief)', result.mpg.value === null ? '–' : `${nl(result.mpg.value, 3)} €/m² BVO/jr${result.mpg.limit === null ? '' : ` (grenswaarde ${nl(result.mpg.limit, 2)}: ${result.mpg.pass ? 'voldoet' : 'voldoet niet'})`}`],
    ['MKI totaal (indicatief)', result.mki.total === null ? '–' : `€ ${nl(result.mki.total)}`],
    ['CO2 A1-A3 (indicatief)', `${nl(result.gwp.a1a3)} kg CO2-eq`],
    ['CO2 A1-A5 (indicatief)', `${nl(result.gwp.a1a5)} kg CO2-eq (${nl(result.gwp.perM2.a1a5, 1)} kg/m² BVO)`],
    ['CO2 alle modules excl. D (indicatief)', `${nl(result.gwp.total)} kg CO2-eq`],
    ['Opgeslagen biogene CO2 (indicatief)', `${nl(result.biogenicCarbonKgCO2)} kg CO2`],
    ['Herkomst: hernieuwbaar / hergebruikt / gerecycled / primair', `${pct(result.materialOrigin.renewablePct)} / ${pct(result.materialOrigin.reusedPct)} / ${pct(result.materialOrigin.recycledPct)} / ${pct(result.materialOrigin.primaryPct)}`],
    ['Totale massa', `${nl(result.materialOrigin.massKg / 1000, 1)} t`],
    ['Losmaakbaarheid (LI v2.0)', result.detachability.index === null ? '–' : pct(result.detachability.index * 100)],
    ['MCI', result.mci === null ? '–' : pct(result.mci * 100)],
  ];
  doc.fontSize(9);
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font('Helvetica').text(label, left, y, { width: width * 0.48 });
    const afterLabel = doc.y;
    doc.font('Helvetica-Bold').text(value, left + width * 0.5, y, { width: width * 0.5 });
    doc.y = Math.max(afterLabel, doc.y);
  }
  doc.x = left;
  doc.moveDown(0.4);
  doc.font('Helvetica').fontSize(7).fillColor('#444444');
  doc.text(`Gegevensversies: ${Object.entries(result.dataVersions).map(([k, v]) => `${k} ${v}`).join('; ')}`, left, doc.y, { width });
  if (result.warnings.length > 0) {
    doc.moveDown(0.3).text(`Waarschuwingen van de berekening (${result.warnings.length}): ${result.warnings.slice(0, 8).map((w) => w.message).join(' · ')}${result.warnings.length > 8 ? ' …' : ''}`, { width });
  }
  doc.fillColor('#000000').moveDown(0.8);

  doc.font('Helvetica-Bold').fontSize(12).text('Elementen en materialen', left);
  doc.moveDown(0.3);
  const columns = [
    { title: 'Materiaal', width: 0.27 },
    { title: 'Hoeveelheid', width: 0.12 },
    { title: 'Profiel', width: 0.25 },
    { title: 'Herkomst (hernieuwb./herg./recycl.)', width: 0.2 },
    { title: 'Losmaakb.', width: 0.08 },
    { title: 'Massa', width: 0.08 },
  ];
  const bottom = () => doc.page.height - doc.page.margins.bottom - 20;
  const header = () => {
    let x = left;
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(7);
    for (const c of columns) {
      doc.text(c.title, x, y, { width: c.width * width - 4 });
      x += c.width * width;
    }
    doc.y = y + 12;
    doc.moveTo(left, doc.y - 2).lineTo(left + width, doc.y - 2).lineWidth(0.5).stroke();
  };

  let lineNo = 0;
  let printed = 0;
  for (const element of passport.elements) {
    if (element.lines.length === 0) continue;
    if (printed >= maxLines) {
      lineNo += element.lines.length;
      continue;
    }
    if (doc.y > bottom() - 40) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(9).text(`${element.nlsfb}  ${element.name}`, left, doc.y, { width });
    doc.font('Helvetica').fontSize(7).fillColor('#555555').text(`Bouwlaag: ${layerNames[element.layer] ?? element.layer}`, left, doc.y, { width });
    doc.fillColor('#000000').moveDown(0.2);
    header();
    for (const line of element.lines) {
      const lineResult = result.lines.at(lineNo);
      lineNo += 1;
      if (printed >= maxLines) continue;
      printed += 1;
      if (doc.y > bottom()) {
        doc.addPage();
        header();
      }
      const cells = [
        line.description,
        `${nl(line.quantity, 2)} ${line.unit}`,
        lineResult?.profileName ? `${lineResult.profileName}${lineResult.profileSource === 'suggested' ? ' (voorgesteld)' : ''}` : 'geen profiel',
        `${nl(line.origin.renewablePct)} / ${nl(line.origin.reusedPct)} / ${nl(line.origin.recycledPct)} %`,
        lineResult?.detachability === null || lineResult?.detachability === undefined ? '–' : nl(lineResult.detachability, 2),
        lineResult?.massKg === null || lineResult?.massKg === undefined ? '–' : `${nl(lineResult.massKg)} kg`,
      ];
      let x = left;
      const y = doc.y;
      let maxY = y;
      doc.font('Helvetica').fontSize(7);
      cells.forEach((cell, i) => {
        const w = (columns[i]?.width ?? 0.1) * width;
        doc.text(cell, x, y, { width: w - 4 });
        maxY = Math.max(maxY, doc.y);
        x += w;
      });
      doc.y = maxY + 2;
    }
    doc.moveDown(0.5);
  }
  const total = lineNo;
  if (printed < total) {
    doc.font('Helvetica-Oblique').fontSize(8).text(`… en nog ${nl(total - printed)} regels; de xlsx-export bevat het volledige paspoort.`, left, doc.y, { width });
  }
  doc.moveDown(1);
  doc.font('Helvetica').fontSize(7).fillColor('#444444').text(
    'Dit paspoort is gemaakt met Kringbouw. De milieu-indicatoren zijn berekend met open data (ÖKOBAUDAT, BMWSB/BBSR) en zijn indicatief; een officiële MPG komt alleen uit een door de NMD gevalideerd rekeninstrument. Losmaakbaarheid volgens LI v2.0 (0 = niet, 1 = volledig losmaakbaar).',
    left,
    doc.y,
    { width },
  );
  doc.end();
  return done;
}
