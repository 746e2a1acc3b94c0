/**
 * The yearly evaluation of prestatieafspraken as a document: what was achieved per theme and commitment, the
 * figures behind it (per project, official or indicative), the evidence of process commitments and each party's
 * comments for that year. One neutral model, rendered to PDF (pdfkit standard fonts, as the passport PDF) and to
 * docx (WordprocessingML written directly into a zip with jszip).
 */
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import type { Agreement, AgreementProgress, CommentDto } from '@kringbouw/contracts';
import { agreementThemes, type AgreementTheme, type Commitment, type Comparator } from '@kringbouw/domain/agreements';
import { catalogueIndicator } from '@kringbouw/domain/monitoring';

export interface EvaluationTable {
  columns: string[];
  rows: string[][];
}

export interface EvaluationSection {
  heading: string;
  level: 1 | 2;
  paragraphs: string[];
  tables: EvaluationTable[];
}

export interface EvaluationModel {
  title: string;
  subtitle: string;
  generatedAt: string;
  sections: EvaluationSection[];
}

export const themeNames: Record<AgreementTheme, string> = {
  bestaande_voorraad: 'Beter benutten bestaande voorraad',
  verduurzaming_renovatie: 'Verduurzaming en renovatie',
  nieuwbouw: 'Nieuwbouw',
  proces_leren: 'Proces en leren',
};

const lightNames = { groen: 'groen (behaald)', oranje: 'oranje (loopt)', rood: 'rood (niet behaald)', grijs: 'grijs (nog geen gegevens)' } as const;
const statusNames = { behaald: 'behaald', niet_behaald: 'niet behaald', loopt: 'loopt nog', geen_gegevens: 'nog geen gegevens' } as const;
const comparatorText: Record<Comparator, string> = { lte: '≤', gte: '≥', lt: '<', gt: '>', eq: '=' };
const stateNames: Record<string, string> = { concept: 'concept', bod: 'bod uitgebracht', onderhandeling: 'in onderhandeling', ondertekend: 'ondertekend', wijziging: 'wijziging ter goedkeuring', evaluatie: 'in evaluatie', afgerond: 'afgerond' };

function number(value: number, decimals = 2): string {
  return new Intl.NumberFormat('nl-NL', { maximumFractionDigits: decimals }).format(value);
}

function dateNl(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** Builds the evaluation's content; no layout. */
export function buildEvaluationModel(input: { agreement: Agreement; progress: AgreementProgress; comments: readonly CommentDto[]; year: number; commitments: readonly Commitment[]; generatedAt: Date }): EvaluationModel {
  const { agreement, progress, comments, year } = input;
  const nameOf = new Map(agreement.parties.map((p) => [p.organisationId, p.organisationName]));
  const sections: EvaluationSection[] = [];
  const indicative = progress.commitments.filter((c) => c.standing === 'indicatief' || c.standing === 'gemengd').length;
  sections.push({
    heading: 'Samenvatting',
    level: 1,
    paragraphs: [
      `Partijen: ${agreement.parties.map((p) => `${p.organisationName} (${p.role})`).join(', ')}.`,
      `Periode ${agreement.periodStartYear}–${agreement.periodEndYear}; status: ${stateNames[agreement.cycle.state] ?? agreement.cycle.state}; beoordeelde versie: ${progress.versionNumber}${agreement.signedVersionNumber === progress.versionNumber ? ' (ondertekend)' : ' (niet ondertekend)'}.`,
      `Stand per ${dateNl(progress.asOf)}: ${progress.counts.groen} behaald, ${progress.counts.oranje} lopend, ${progress.counts.rood} niet behaald, ${progress.counts.grijs} zonder gegevens. Totaal: ${lightNames[progress.light]}.`,
      indicative > 0
        ? `Let op: bij ${indicative} meetbare afspraak/afspraken rust het resultaat geheel of deels op indicatieve waarden (door Kringbouw berekend, niet officieel opgegeven).`
        : 'Alle meetbare resultaten rusten op officieel opgegeven waarden, of er zijn geen meetbare resultaten.',
    ],
    tables: [{ columns: ['Thema', 'Stand', 'Groen', 'Oranje', 'Rood', 'Grijs'], rows: progress.themes.map((t) => [themeNames[t.theme], lightNames[t.light], String(t.counts.groen), String(t.counts.oranje), String(t.counts.rood), String(t.counts.grijs)]) }],
  });
  for (const theme of agreementThemes) {
    const items = progress.commitments.filter((c) => c.theme === theme);
    if (items.length === 0) continue;
    sections.push({ heading: themeNames[theme], level: 1, paragraphs: [], tables: [] });
    for (const p of items) {
      const c = input.commitments.find((x) => x.id === p.commitmentId);
      if (c === undefined) continue;
      const responsible = c.responsibleOrganisationIds.map((id) => nameOf.get(id) ?? '—').join(', ');
      const paragraphs = [c.text, `Verantwoordelijk: ${responsible}. R-ladder: ${c.rLadder.pbl}${c.rLadder.guide ? ` (${c.rLadder.guide})` : ''}. Stand: ${lightNames[p.light]} — ${statusNames[p.status]}.`];
      const tables: EvaluationTable[] = [];
      if (c.kind === 'meetbaar') {
        const indicator = catalogueIndicator(c.indicatorId);
        const unit = p.unit ?? indicator.unit;
        const scopeText =
          c.scope.type === 'project'
            ? 'één project'
            : c.scope.type === 'alle_projecten'
              ? `alle projecten (${c.scope.projectKinds.join(', ')}) van ${nameOf.get(c.scope.organisationId) ?? '—'}, ${c.scope.aggregation === 'elk_project' ? 'elk project afzonderlijk' : c.scope.aggregation === 'gemiddelde' ? 'gemiddelde gewogen naar woningen' : 'opgeteld'}`
              : `aandeel ${c.scope.basis} in projecten (${c.scope.projectKinds.join(', ')}) van ${nameOf.get(c.scope.organisationId) ?? '—'} met ${indicator.nl} ${comparatorText[c.scope.projectComparator]} ${number(c.scope.projectThreshold)} ${indicator.unit}`;
        paragraphs.push(
          `Doel: ${indicator.nl} ${comparatorText[c.comparator]} ${number(c.target)} ${unit}, uiterlijk ${dateNl(c.deadline)}; reikwijdte: ${scopeText}.`,
          p.achieved === null ? 'Bereikt: nog geen waarde.' : `Bereikt: ${number(p.achieved)} ${unit}${p.standing === null ? '' : ` (${p.standing === 'officieel' ? 'officiële waarden' : p.standing === 'indicatief' ? 'ALLEEN INDICATIEVE WAARDEN' : 'deels indicatieve waarden'})`}; ${p.projectsWithValue} van ${p.projectsInScope} projecten hebben een waarde.`,
        );
        if (p.projects.length > 0) {
          tables.push({
            columns: ['Project', 'Woningen', `Waarde (${indicator.unit})`, 'Soort waarde', 'Voldoet'],
            rows: p.projects.map((f) => [f.projectName ?? 'vertrouwelijke projecten (waarden niet getoond)', String(f.dwellings), f.value === null ? '—' : number(f.value, indicator.decimals), f.standing ?? '—', f.meets === null ? '—' : f.meets ? 'ja' : 'nee']),
          });
        }
      } else {
        paragraphs.push(c.dueDate === null ? `Termijn: binnen de periode.` : `Termijn: ${dateNl(c.dueDate)}.`);
        if (p.evidence.length === 0) paragraphs.push('Nog geen bewijs vastgelegd.');
        else tables.push({ columns: ['Datum', 'Bewijs', 'Document', 'Namens'], rows: p.evidence.map((e) => [dateNl(e.date), e.note, [e.documentTitle ?? e.documentUrl, e.file?.name].filter((x) => x !== null && x !== undefined).join(' · ') || '—', e.organisationName]) });
      }
      const own = comments.filter((x) => x.commitmentId === c.id);
      for (const x of own) paragraphs.push(`Reactie ${x.organisationName}${x.author ? ` (${x.author.name})` : ''}: ${x.body}`);
      sections.push({ heading: c.title, level: 2, paragraphs, tables });
    }
  }
  const general = comments.filter((x) => x.commitmentId === null);
  sections.push({
    heading: `Reacties van de partijen op ${year}`,
    level: 1,
    paragraphs:
      general.length === 0
        ? ['Nog geen algemene reacties voor dit jaar vastgelegd.']
        : agreement.parties.flatMap((party) => general.filter((x) => x.organisationId === party.organisationId).map((x) => `${party.organisationName}${x.author ? ` (${x.author.name})` : ''}: ${x.body}`)),
    tables: [],
  });
  sections.push({
    heading: 'Hoe de stand is bepaald',
    level: 1,
    paragraphs: [
      'Meetbare afspraken: per project telt de actuele officiële waarde (opgegeven of geaudit) uit het indicatorregister; alleen als die ontbreekt de indicatieve waarde die Kringbouw uit een vastgesteld paspoort berekende. Waarden worden zonder afronding met het doel vergeleken.',
      'Aandeel-doelen: het aandeel woningen (of projecten) in projecten waarvan de eigen waarde aan de drempel voldoet, gedeeld door alle woningen (of projecten) in de reikwijdte; projecten zonder waarde tellen mee in de noemer en voldoen niet.',
      'Procesafspraken: behaald zodra er bewijs met een datum tot en met de peildatum is vastgelegd. Na de termijn zonder bewijs: rood.',
      `Indicatorcatalogus ${progress.catalogueVersion}. Vertrouwelijke projecten worden meegeteld maar niet genoemd.`,
    ],
    tables: [],
  });
  return { title: `Jaarevaluatie ${year}`, subtitle: agreement.title, generatedAt: input.generatedAt.toISOString(), sections };
}

/** WinAnsi (pdfkit's standard fonts) has no ≥ or ≤: replace what cannot be shown. */
function printable(text: string): string {
  return text.replace(/≥/g, '>=').replace(/≤/g, '<=').replace(/₂/g, '2').replace(/[^\t\n\r\x20-\xff€‘’“”–—•…]/g, '?');
}

export function renderEvaluationPdf(model: EvaluationModel): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 48, bufferPages: true, info: { Title: printable(`${model.title} — ${model.subtitle}`), Author: 'Kringbouw', Producer: 'Kringbouw', Creator: 'Kringbouw', CreationDate: new Date(model.generatedAt) } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const ensure = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
  };
  doc.font('Helvetica-Bold').fontSize(20).text(printable(model.title));
  doc.font('Helvetica').fontSize(13).text(printable(model.subtitle));
  doc.fontSize(8).fillColor('#555555').text(`Gegenereerd op ${model.generatedAt.slice(0, 10)} met Kringbouw`);
  doc.fillColor('#000000').moveDown(1);
  for (const section of model.sections) {
    ensure(50);
    if (section.level === 1) doc.font('Helvetica-Bold').fontSize(13).fillColor('#01689b');
    else doc.font('Helvetica-Bold').fontSize(10).fillColor('#000000');
    doc.text(printable(section.heading), left, doc.y, { width });
    doc.fillColor('#000000').moveDown(0.3);
    for (const p of section.paragraphs) {
      doc.font('Helvetica').fontSize(9).text(printable(p), left, doc.y, { width });
      doc.moveDown(0.3);
    }
    for (const table of section.tables) {
      const colWidth = width / table.columns.length;
      const drawRow = (cells: string[], bold: boolean) => {
        doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(7.5);
        const height = Math.max(...cells.map((c) => doc.heightOfString(printable(c), { width: colWidth - 4 }))) + 4;
        if (doc.y + height > bottom()) doc.addPage();
        const y = doc.y;
        cells.forEach((c, i) => doc.text(printable(c), left + i * colWidth, y + 2, { width: colWidth - 4 }));
        doc.moveTo(left, y + height).lineTo(left + width, y + height).lineWidth(0.3).strokeColor('#cccccc').stroke();
        doc.y = y + height;
      };
      drawRow(table.columns, true);
      for (const row of table.rows) drawRow(row, false);
      doc.moveDown(0.5);
    }
    doc.moveDown(0.4);
  }
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    doc.font('Helvetica').fontSize(7).fillColor('#777777').text(printable(`${model.title} — ${model.subtitle} — pagina ${i + 1} van ${range.count}`), left, doc.page.height - doc.page.margins.bottom + 16, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function paragraph(text: string, style?: string, bold = false): string {
  const props = style === undefined ? '' : `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>`;
  const run = bold ? '<w:rPr><w:b/></w:rPr>' : '';
  return `<w:p>${props}<w:r>${run}<w:t xml:space="preserve">${xml(text)}</w:t></w:r></w:p>`;
}

function table(t: EvaluationTable): string {
  const border = '<w:tblBorders><w:top w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/></w:tblBorders>';
  const cell = (text: string, bold: boolean) => `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>${paragraph(text, undefined, bold)}</w:tc>`;
  const row = (cells: string[], bold: boolean) => `<w:tr>${cells.map((c) => cell(c, bold)).join('')}</w:tr>`;
  return `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/>${border}</w:tblPr>${row(t.columns, true)}${t.rows.map((r) => row(r, false)).join('')}</w:tbl>${paragraph('')}`;
}

/** A minimal, valid .docx (document, styles for Title/Heading1/Heading2, relationships, content types). */
export async function renderEvaluationDocx(model: EvaluationModel): Promise<Buffer> {
  const body = [
    paragraph(model.title, 'Title'),
    paragraph(model.subtitle, 'Heading1'),
    paragraph(`Gegenereerd op ${model.generatedAt.slice(0, 10)} met Kringbouw`),
    ...model.sections.flatMap((s) => [paragraph(s.heading, s.level === 1 ? 'Heading1' : 'Heading2'), ...s.paragraphs.map((p) => paragraph(p)), ...s.tables.map(table)]),
  ].join('');
  const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${ns}><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  const style = (id: string, size: number, color: string) =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${id === 'Title' ? 'Title' : id.replace('Heading', 'heading ')}"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="240" w:after="80"/></w:pPr><w:rPr><w:b/><w:color w:val="${color}"/><w:sz w:val="${size}"/></w:rPr></w:style>`;
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${ns}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="20"/><w:lang w:val="nl-NL"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:spacing w:after="80"/></w:pPr></w:style>${style('Title', 40, '000000')}${style('Heading1', 28, '01689B')}${style('Heading2', 22, '000000')}</w:styles>`;
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/_rels/document.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>');
  zip.file('word/document.xml', document);
  zip.file('word/styles.xml', styles);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
