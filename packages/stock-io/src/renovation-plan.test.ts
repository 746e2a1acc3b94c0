import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readFixture, readFixtureBytes } from '../test/helpers.ts';
import { parseIntervention, readRenovationPlan } from './renovation-plan.ts';

describe('readRenovationPlan', () => {
  it('reads a Dutch CSV with intervention aliases and a thousands point', async () => {
    const result = await readRenovationPlan(readFixtureBytes('renovatieplan_nl.csv'));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.rows).toEqual([
      { row: 2, year: 2027, intervention: 'verduurzamen', dwellings: 120, complexnummer: 'C-101', buurt: 'Hof van Delft', circularAmbition: 'Biobased isolatie, kozijnen hergebruiken' },
      { row: 3, year: 2028, intervention: 'groot_onderhoud', dwellings: 1200, complexnummer: 'C-102', buurt: null, circularAmbition: null },
      { row: 4, year: 2029, intervention: 'sloop_nieuwbouw', dwellings: 48, complexnummer: null, buurt: 'Wippolder', circularAmbition: 'Materialen oogsten voor de nieuwbouw' },
      { row: 5, year: 2031, intervention: 'transformatie', dwellings: 16, complexnummer: 'C-104', buurt: 'Hof van Delft', circularAmbition: null },
    ]);
  });

  it('rejects the whole file and names every bad row and column', async () => {
    const result = await readRenovationPlan(readFixture('renovatieplan_fout.csv'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.row, i.column])).toEqual([
      [3, 'jaar'],
      [4, 'ingreep'],
      [5, 'aantal_woningen'],
      [5, 'complexnummer'],
      [6, 'aantal_woningen'],
    ]);
    expect(result.issues[1]?.reason).toContain('"schilderen" is not a known intervention');
  });

  it('refuses a file without the required columns, an empty file and one without rows', async () => {
    expect(await readRenovationPlan('jaar;aantal_woningen\n2027;3\n')).toEqual({
      ok: false,
      issues: [
        { severity: 'error', row: 1, column: 'ingreep', reason: 'required column is missing' },
        { severity: 'error', row: 1, column: 'complexnummer', reason: 'a complexnummer or buurt column is required' },
      ],
    });
    expect(await readRenovationPlan('')).toEqual({ ok: false, issues: [{ severity: 'error', reason: 'the file is empty' }] });
    expect((await readRenovationPlan('jaar;ingreep;aantal_woningen;buurt\n')).ok).toBe(false);
  });

  it('reads an XLSX plan (first sheet, numbers as numbers)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Plan');
    sheet.addRow(['Jaar', 'Ingreep', 'Aantal woningen', 'Buurt', 'Opmerking']);
    sheet.addRow([2030, 'Renovatie', 64, 'Tanthof-Oost', 'x']);
    sheet.addRow([2031, 'Verduurzamen', 'veel', 'Tanthof-Oost', '']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await readRenovationPlan(bytes);
    expect(!result.ok && result.issues.map((i) => [i.row, i.column])).toEqual([[3, 'aantal_woningen']]);
    sheet.spliceRows(3, 1);
    const fixed = await readRenovationPlan(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(fixed).toEqual({ ok: true, ignoredColumns: ['opmerking'], rows: [{ row: 2, year: 2030, intervention: 'renovatie', dwellings: 64, complexnummer: null, buurt: 'Tanthof-Oost', circularAmbition: null }] });
  });

  it('recognises intervention words', () => {
    expect(['isoleren', 'Groot onderhoud', 'sloop-nieuwbouw', 'Sloop en nieuwbouw', 'TRANSFORMATIE', 'schilderen'].map(parseIntervention)).toEqual([
      'verduurzamen',
      'groot_onderhoud',
      'sloop_nieuwbouw',
      'sloop_nieuwbouw',
      'transformatie',
      null,
    ]);
  });
});
