import ExcelJS from 'exceljs';
import { passportColumns, projectFields } from './columns.ts';

/**
 * The downloadable passport template: a Dutch workbook with the sheet "Paspoort" (one header row, drop-down lists for
 * the fixed-choice columns), "Project" (project data) and "Uitleg" (what every column means and which values are
 * allowed). Returns the .xlsx bytes.
 */
export async function createPassportTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kringbouw';
  workbook.created = new Date(Date.UTC(2026, 0, 1));

  const sheet = workbook.addWorksheet('Paspoort', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = passportColumns.map((c) => ({ header: c.name, key: c.name, width: Math.max(12, c.name.length + 4) }));
  sheet.getRow(1).font = { bold: true };
  passportColumns.forEach((column, i) => {
    const cell = sheet.getRow(1).getCell(i + 1);
    cell.note = column.description;
    if (column.kind === 'enum' && column.values) {
      const letter = sheet.getColumn(i + 1).letter;
      for (let r = 2; r <= 500; r++) {
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

  const project = workbook.addWorksheet('Project');
  project.columns = [
    { header: 'veld', key: 'veld', width: 20 },
    { header: 'waarde', key: 'waarde', width: 24 },
    { header: 'uitleg', key: 'uitleg', width: 80 },
  ];
  project.getRow(1).font = { bold: true };
  for (const field of projectFields) project.addRow({ veld: field.name, waarde: '', uitleg: `${field.description} (bv. ${field.example})` });

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

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
