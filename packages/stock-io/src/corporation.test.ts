import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readFixture, readFixtureBytes } from '../test/helpers.ts';
import { readCorporationStock } from './corporation.ts';

describe('readCorporationStock — CSV', () => {
  it('reads a Dutch Excel CSV: `;`, decimal comma, thousands point, lower-case label, address-only row', async () => {
    const result = await readCorporationStock(readFixtureBytes('corporatie_voorraad_nl.csv'));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.ignoredColumns).toEqual(['opmerking']);
    expect(result.rows).toEqual([
      { row: 2, bagId: '0503100000004563', bagIdType: 'pand', adres: 'Voorbeeldstraat 1, 2611 AA Delft', complexnummer: 'C-101', woningtype: 'herenhuis', oppervlakteM2: 210.5, energielabel: 'E', jaarGrootOnderhoud: 2029, buurt: null },
      { row: 3, bagId: '0503100000028401', bagIdType: 'pand', adres: null, complexnummer: 'C-102', woningtype: 'garagebox', oppervlakteM2: 18, energielabel: null, jaarGrootOnderhoud: null, buurt: null },
      { row: 4, bagId: '0503010000900002', bagIdType: 'verblijfsobject', adres: 'Voorbeeldstraat 2, 2611 AA Delft', complexnummer: 'C-103', woningtype: 'portiekflat', oppervlakteM2: 60, energielabel: 'B', jaarGrootOnderhoud: 2031, buurt: null },
      { row: 5, bagId: null, bagIdType: null, adres: 'Molenstraat 7, 2611 AB Delft', complexnummer: 'C-104', woningtype: 'eengezinswoning', oppervlakteM2: 1104, energielabel: 'A+', jaarGrootOnderhoud: null, buurt: null },
    ]);
  });

  it('reads the optional buurt column and refuses an over-long one', async () => {
    const ok = await readCorporationStock('bag_id;complexnummer;woningtype;oppervlakte_m2;buurt\n0503100000004563;C-1;herenhuis;120;Hof van Delft\n0503100000004564;C-2;flat;60;\n');
    expect(ok.ok && ok.rows.map((r) => r.buurt)).toEqual(['Hof van Delft', null]);
    const bad = await readCorporationStock(`bag_id;complexnummer;woningtype;oppervlakte_m2;buurt\n0503100000004563;C-1;herenhuis;120;${'x'.repeat(101)}\n`);
    expect(!bad.ok && bad.issues.map((i) => [i.row, i.column])).toEqual([[2, 'buurt']]);
  });

  it('reads an international CSV: `,`, decimal point, quoted comma', async () => {
    const result = await readCorporationStock(readFixture('corporatie_voorraad_intl.csv'));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.rows.map((r) => [r.oppervlakteM2, r.woningtype])).toEqual([[210.5, 'herenhuis'], [60, 'portiekflat, 3 hoog']]);
  });

  it('reads a Windows-1252 file (Excel "CSV (puntkomma gescheiden)") with accented text', async () => {
    const text = 'bag_id;complexnummer;woningtype;oppervlakte_m2\n0503100000004563;Zuidërpark;bovenwoning;72,5\n';
    const bytes = new Uint8Array([...text].map((c) => (c === 'ë' ? 0xeb : c.charCodeAt(0))));
    const result = await readCorporationStock(bytes);
    expect(result.ok && result.rows[0]?.complexnummer).toBe('Zuidërpark');
  });

  it('rejects the whole list and names every bad row, column and reason', async () => {
    const result = await readCorporationStock(readFixture('corporatie_voorraad_fout.csv'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.row, i.column, i.reason])).toEqual([
      [3, 'bag_id', '"12345" is not a BAG pand (…10…) or verblijfsobject (…01…) id of 16 digits'],
      [4, 'complexnummer', 'complexnummer is empty'],
      [4, 'oppervlakte_m2', '"60.5" is not a number (use a decimal comma, e.g. 72,5)'],
      [4, 'energielabel', '"H" is not an energy label (A++++, A+++, A++, A+, A, B, C, D, E, F, G)'],
      [4, 'jaar_groot_onderhoud', '"1850" is not a year between 2000 and 2100'],
      [5, 'bag_id', 'bag_id and adres are both empty; one of them is required'],
      [5, 'oppervlakte_m2', '-3 m² is outside 0–100000'],
      [7, 'bag_id', 'duplicate verblijfsobject id (also in row 6)'],
    ]);
  });

  it('missing columns and an empty file are reported, not thrown', async () => {
    expect(await readCorporationStock('bag_id;woningtype\n0503100000004563;flat\n')).toEqual({
      ok: false,
      issues: [
        { severity: 'error', row: 1, column: 'complexnummer', reason: 'required column is missing' },
        { severity: 'error', row: 1, column: 'oppervlakte_m2', reason: 'required column is missing' },
      ],
    });
    expect(await readCorporationStock('')).toEqual({ ok: false, issues: [{ severity: 'error', reason: 'the file is empty' }] });
    expect(await readCorporationStock('bag_id;complexnummer;woningtype;oppervlakte_m2\n')).toEqual({ ok: false, issues: [{ severity: 'error', row: 2, reason: 'the list has no data rows' }] });
  });
});

describe('readCorporationStock — XLSX', () => {
  async function workbook(rows: (string | number | null)[][]): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Voorraad');
    for (const row of rows) sheet.addRow(row);
    return new Uint8Array(await book.xlsx.writeBuffer());
  }

  it('reads numbers as numbers, text "72,5" with a decimal comma, and formula results', async () => {
    const bytes = await workbook([
      ['BAG_id', 'Complexnummer', 'Woningtype', 'Oppervlakte m2', 'Energielabel', 'Jaar groot onderhoud'],
      ['0503100000004563', 'C-101', 'herenhuis', 210.5, 'E', 2029],
      ['0503010000900002', 'C-103', 'portiekflat', '72,5', 'b', null],
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('fixture');
    sheet.getCell('D2').value = { formula: '200+10.5', result: 210.5 };
    const withFormula = new Uint8Array(await book.xlsx.writeBuffer());
    const result = await readCorporationStock(withFormula);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.rows.map((r) => [r.row, r.bagIdType, r.oppervlakteM2, r.energielabel, r.jaarGrootOnderhoud])).toEqual([
      [2, 'pand', 210.5, 'E', 2029],
      [3, 'verblijfsobject', 72.5, 'B', null],
    ]);
  });

  it('reports bad rows by their Excel row number', async () => {
    const bytes = await workbook([
      ['bag_id', 'complexnummer', 'woningtype', 'oppervlakte_m2'],
      ['0503100000004563', 'C-101', 'herenhuis', 210],
      [null, null, null, null],
      ['0503100000004563', 'C-101', '', 'veel'],
    ]);
    const result = await readCorporationStock(bytes);
    expect(result).toEqual({
      ok: false,
      issues: [
        { severity: 'error', row: 4, column: 'woningtype', reason: 'woningtype is empty', id: '0503100000004563' },
        { severity: 'error', row: 4, column: 'oppervlakte_m2', reason: '"veel" is not a number (use a decimal comma, e.g. 72,5)', id: '0503100000004563' },
      ],
    });
  });

  it('a damaged xlsx is reported', async () => {
    const bytes = await workbook([['bag_id']]);
    const result = await readCorporationStock(bytes.slice(0, 200));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]?.reason).toMatch(/^not a readable \.xlsx file/);
  });
});
