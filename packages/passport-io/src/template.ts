import ExcelJS from 'exceljs';
import type { MaterialLine } from '@kringbouw/domain/lca';
import { passportColumns, projectFields } from './columns.ts';
import type { ProjectInput } from './table.ts';

/** A line as the workbook writer takes it: the engine's line plus the optional key and profile origin. */
export type WritableLine = MaterialLine & { key?: string | undefined; profileOrigin?: string | null | undefined };

/** A passport to write: project data and elements with lines (an element without lines writes no row). */
export interface WritablePassport {
  project: ProjectInput;
  elements: readonly { nlsfb: string; name: string; layer: string; lines: readonly WritableLine[] }[];
}

const validationRows = 500;

function passportSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet('Paspoort', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = passportColumns.map((c) => ({ header: c.name, key: c.name, width: Math.max(12, c.name.length + 4) }));
  sheet.getRow(1).font = { bold: true };
  passportColumns.forEach((column, i) => {
    const cell = sheet.getRow(1).getCell(i + 1);
    cell.note = column.description;
    if (column.kind === 'enum' && column.values) {
      const letter = sheet.getColumn(i + 1).letter;
      for (let r = 2; r <= validationRows; r++) {
        sheet.getCell(`${letter}${r}`).dataValidation = {
          type: 'list',
          allowBlank: !column.required,
          formulae: [`"${column.values.join(',')}"`],
          showErrorMessage: true,
          errorTitle: column.name,
          error: `Kies uit: ${column.values.join(', ')}`,
        };
      }
    }
  });
  return sheet;
}

const projectValue: Record<(typeof projectFields)[number]['name'], (p: ProjectInput) => string | number | undefined> = {
  bvo_m2: (p) => p.bvoM2,
  gebouwtype: (p) => p.buildingType,
  gebruiksfunctie: (p) => p.useFunction,
  rsp_jaren: (p) => p.rspYears,
  vergunningsdatum: (p) => p.permitDate,
  naam: (p) => p.name,
};

function projectSheet(workbook: ExcelJS.Workbook, values: ProjectInput): void {
  const project = workbook.addWorksheet('Project');
  project.columns = [
    { header: 'veld', key: 'veld', width: 20 },
    { header: 'waarde', key: 'waarde', width: 24 },
    { header: 'uitleg', key: 'uitleg', width: 80 },
  ];
  project.getRow(1).font = { bold: true };
  for (const field of projectFields) project.addRow({ veld: field.name, waarde: projectValue[field.name](values) ?? '', uitleg: `${field.description} (bv. ${field.example})` });
}

function helpSheet(workbook: ExcelJS.Workbook): void {
  const help = workbook.addWorksheet('Uitleg');
  help.columns = [
    { header: 'kolom', key: 'kolom', width: 22 },
    { header: 'verplicht', key: 'verplicht', width: 10 },
    { header: 'uitleg', key: 'uitleg', width: 90 },
    { header: 'toegestane waarden', key: 'waarden', width: 60 },
    { header: 'voorbeeld', key: 'voorbeeld', width: 40 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of passportColumns) {
    help.addRow({
      kolom: c.name,
      verplicht: c.required ? 'ja' : 'nee',
      uitleg: c.description,
      waarden: c.values ? c.values.join(', ') : c.kind === 'percentage' ? '0 tot 100' : c.kind === 'number' ? 'getal (komma of punt)' : c.kind === 'boolean' ? 'ja / nee' : 'tekst',
      voorbeeld: c.example,
    });
  }
  help.addRow({});
  help.addRow({ kolom: 'Let op', uitleg: 'Elke rij is één materiaalregel. Rijen met dezelfde nlsfb, element en laag vormen samen één element. CSV mag ook: puntkomma met decimale komma (zoals Nederlandse Excel opslaat) of komma met decimale punt, UTF-8 met of zonder BOM.' });
  help.addRow({ kolom: 'Resultaat', uitleg: 'Kringbouw rekent met open ÖKOBAUDAT-data (BMWSB/BBSR). De uitkomsten zijn indicatief; een officiële MPG komt alleen uit een door de NMD gevalideerd rekeninstrument.' });
}

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kringbouw';
  // A fixed date keeps the bytes of the same passport the same.
  workbook.created = new Date(Date.UTC(2026, 0, 1));
  workbook.modified = new Date(Date.UTC(2026, 0, 1));
  return workbook;
}

/**
 * The downloadable passport template: a Dutch workbook with the sheet "Paspoort" (one header row, drop-down lists for
 * the fixed-choice columns), "Project" (project data) and "Uitleg" (what every column means and which values are
 * allowed). Returns the .xlsx bytes.
 */
export async function createPassportTemplate(): Promise<Buffer> {
  const workbook = newWorkbook();
  passportSheet(workbook);
  projectSheet(workbook, {});
  helpSheet(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The cells of one line in column order: numbers stay numbers, so reading the file back gives the same values. */
function lineRow(element: WritablePassport['elements'][number], line: WritableLine): Record<string, string | number> {
  const row: Record<string, string | number> = {
    nlsfb: element.nlsfb,
    element: element.name,
    laag: element.layer,
    materiaal: line.description,
    hoeveelheid: line.quantity,
    eenheid: line.unit,
    hernieuwbaar_pct: line.origin.renewablePct,
    hergebruikt_pct: line.origin.reusedPct,
    gerecycled_pct: line.origin.recycledPct,
    eol_hergebruik_pct: line.endOfLife.reusePct,
    eol_recycling_pct: line.endOfLife.recyclingPct,
    gevaarlijk: line.hazardous ? 'ja' : 'nee',
  };
  if (line.profileId !== undefined) row.profiel = line.profileId;
  if (line.nmdCategory !== undefined) row.nmd_categorie = line.nmdCategory;
  if (line.serviceLifeYears !== undefined) row.levensduur = line.serviceLifeYears;
  if (line.massKg !== undefined) row.massa_kg = line.massKg;
  if (line.thicknessM !== undefined) row.dikte_m = line.thicknessM;
  if (line.detachability.connection !== undefined) row.verbinding = line.detachability.connection;
  if (line.detachability.accessibility !== undefined) row.toegankelijkheid = line.detachability.accessibility;
  if (line.detachability.crossings !== undefined) row.doorkruising = line.detachability.crossings;
  if (line.detachability.edgeContainment !== undefined) row.randopsluiting = line.detachability.edgeContainment;
  if (line.key !== undefined) row.regel_id = line.key;
  if (line.profileOrigin !== undefined && line.profileOrigin !== null) row.profiel_herkomst = line.profileOrigin;
  return row;
}

/**
 * A passport as a workbook in the template's layout (same sheets and columns), one row per line in passport order.
 * Reading it back with readPassportXlsx gives the same passport, line keys and profile origins included.
 */
export async function writePassportXlsx(passport: WritablePassport): Promise<Buffer> {
  const workbook = newWorkbook();
  const sheet = passportSheet(workbook);
  // Rows by number: the drop-down validations already created rows 2..500, so addRow would append after them.
  let rowNumber = 2;
  for (const element of passport.elements) {
    for (const line of element.lines) {
      sheet.getRow(rowNumber).values = lineRow(element, line);
      rowNumber += 1;
    }
  }
  projectSheet(workbook, passport.project);
  helpSheet(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
