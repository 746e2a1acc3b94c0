import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passportColumns, readPassportXlsx, writePassportXlsx, type WritablePassport } from '../src/index.ts';
import { readPassportXlsxWhole } from '../src/xlsx.ts';
import { NotStreamable, streamWorkbookTable } from '../src/xlsx-stream.ts';

const project = { bvoM2: 124, buildingType: 'grondgebonden' };
const header = passportColumns.map((c) => c.name);
const asBytes = async (workbook: ExcelJS.Workbook) => new Uint8Array(await workbook.xlsx.writeBuffer());
/** Whether the streaming reader takes the workbook itself (true) or hands it to the whole-workbook reader. */
const streams = async (bytes: Uint8Array) =>
  streamWorkbookTable(bytes, () => undefined).then(
    () => true,
    (error: unknown) => {
      if (error instanceof NotStreamable) return false;
      throw error;
    },
  );

function largePassport(count: number): WritablePassport {
  const units = ['m3', 'm2', 'kg', 'st', 'm'] as const;
  const elements: WritablePassport['elements'][number][] = [];
  for (let e = 0; e < count / 20; e++) {
    elements.push({
      nlsfb: String(21 + (e % 20)),
      name: `Element ${e} — ½ "wand" & <kozijn>`,
      layer: 'constructie',
      lines: Array.from({ length: 20 }, (_, l) => ({
        key: `k-${e}-${l}`,
        description: l % 2 === 0 ? 'Vurenhout' : `Baksteen ${l}`,
        quantity: 1 + ((e * 31 + l * 7) % 97) / 8,
        unit: units[l % units.length] ?? 'm3',
        ...(l % 3 === 0 && { serviceLifeYears: 50 }),
        ...(l % 4 === 0 && { thicknessM: 0.14 }),
        origin: { renewablePct: l % 3 === 0 ? 100 : 0, reusedPct: 0, recycledPct: l % 3 === 0 ? 0 : 12.5 },
        endOfLife: { reusePct: 10, recyclingPct: 50 },
        detachability: l % 2 === 0 ? { connection: 'droog' as const, accessibility: 'vrij' as const } : {},
        hazardous: l === 7,
      })),
    });
  }
  return { project: { bvoM2: 5000, buildingType: 'gestapeld', name: 'Groot', permitDate: '2025-03-01' }, elements };
}

describe('XLSX streaming reader', () => {
  it('reads a large exported workbook by streaming, with the same passport, rows and keys as the whole-workbook reader', async () => {
    const bytes = new Uint8Array(await writePassportXlsx(largePassport(20_000)));
    expect(await streams(bytes)).toBe(true);
    const streamed = await readPassportXlsx(bytes, {});
    const whole = await readPassportXlsxWhole(bytes, {});
    expect(streamed.ok).toBe(true);
    expect(streamed).toEqual(whole);
    if (!streamed.ok) return;
    expect(streamed.passport.elements.reduce((n, e) => n + e.lines.length, 0)).toBe(20_000);
    expect(streamed.passport.project).toMatchObject({ bvoM2: 5000, buildingType: 'gestapeld', name: 'Groot', permitDate: '2025-03-01' });
    expect(streamed.passport.elements[3]?.name).toBe('Element 3 — ½ "wand" & <kozijn>');
    expect(streamed.lineExtras?.[19_999]).toEqual({ key: 'k-999-19' });
    expect(streamed.sourceRows?.[19_999]).toBe(20_001);
  });

  it('reports a bad row deep in a large sheet with its row number and column, and accepts nothing', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Paspoort');
    sheet.addRow(header.map((h) => h.toUpperCase()));
    for (let i = 0; i < 15_000; i++) sheet.addRow(['21', 'Gevel', 'omhulling', 'Baksteen', i === 12_345 ? '12,5x' : 1 + i / 100, 'm3']);
    const bytes = await asBytes(workbook);
    expect(await streams(bytes)).toBe(true);
    const result = await readPassportXlsx(bytes, project);
    expect(result).toEqual(await readPassportXlsxWhole(bytes, project));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toEqual([{ path: 'rij 12347.hoeveelheid', row: 12_347, column: 'hoeveelheid', message: '"12,5x" is geen getal' }]);
  });

  it('reads dates, formulas, rich text, booleans, Dutch number text and the 1904 date system like the whole-workbook reader', async () => {
    for (const date1904 of [false, true]) {
      const workbook = new ExcelJS.Workbook();
      workbook.properties.date1904 = date1904;
      workbook.addWorksheet('Uitleg').addRow(['niet dit blad']);
      const sheet = workbook.addWorksheet('Gegevens');
      sheet.addRow(['Nlsfb', 'ELEMENT', 'laag', 'materiaal', 'hoeveelheid', 'eenheid', 'gevaarlijk', 'levensduur', 'dikte_m', 'profiel']);
      sheet.addRow(['21', { richText: [{ text: 'Buiten' }, { font: { bold: true }, text: 'wand' }] }, 'Omhulling', 'Baksteen', '1.234,5', 'M³', true, { formula: '25*3', result: 75 }, '0,14']);
      sheet.addRow([]);
      sheet.addRow(['22', 'Vloer', 'constructie', { formula: '"Beton"&""', result: 'Beton' }, 12.25, 'm3', 'nee', { formula: '1/0', result: { error: '#DIV/0!' } }, null, '  ']);
      sheet.addRow(['23', 'Dak', 'constructie', 'Hout_x000D_', 2, 'm2', false, 40, new Date(Date.UTC(2025, 2, 1))]);
      const projectSheet = workbook.addWorksheet('project');
      projectSheet.addRow(['BVO_M2', '1.250,5']);
      projectSheet.addRow(['gebouwtype', { formula: '"gestapeld"', result: 'gestapeld' }]);
      projectSheet.addRow(['vergunningsdatum', new Date(Date.UTC(2025, 5, 1))]);
      projectSheet.addRow(['rsp_jaren', { formula: '25*3', result: 75 }]);
      const bytes = await asBytes(workbook);
      expect(await streams(bytes)).toBe(true);
      const streamed = await readPassportXlsx(bytes, {});
      expect(streamed).toEqual(await readPassportXlsxWhole(bytes, {}));
      // row 5 has a date in dikte_m: not a number, reported like before
      expect(streamed.ok).toBe(false);
      if (!streamed.ok) expect(streamed.issues.map((i) => `${i.row}:${i.column}`)).toEqual(['5:dikte_m']);
    }
  });

  it('hands merged cells and hyperlinks to the whole-workbook reader, which fills merged cells from their first cell', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Paspoort');
    sheet.addRow(['nlsfb', 'element', 'laag', 'materiaal', 'hoeveelheid', 'eenheid']);
    sheet.addRow(['21', 'Gevel', 'omhulling', 'Baksteen', 3, 'm3']);
    sheet.addRow(['21', null, 'omhulling', 'Mortel', 1, 'm3']);
    sheet.mergeCells('B2:B3');
    const merged = await asBytes(workbook);
    expect(await streams(merged)).toBe(false);
    const result = await readPassportXlsx(merged, project);
    expect(result).toEqual(await readPassportXlsxWhole(merged, project));
    expect(result.ok && result.passport.elements.map((e) => [e.name, e.lines.length])).toEqual([['Gevel', 2]]);

    const linked = new ExcelJS.Workbook();
    const linkSheet = linked.addWorksheet('Paspoort');
    linkSheet.addRow(['nlsfb', 'element', 'laag', 'materiaal', 'hoeveelheid', 'eenheid', 'profiel']);
    linkSheet.addRow(['21', 'Gevel', 'omhulling', 'Baksteen', 3, 'm3', { text: 'abc-profiel', hyperlink: 'https://example.org/abc' }]);
    const linkBytes = await asBytes(linked);
    expect(await streams(linkBytes)).toBe(false);
    expect(await readPassportXlsx(linkBytes, project)).toEqual(await readPassportXlsxWhole(linkBytes, project));
  });

  it('gives the same result as the whole-workbook reader for arbitrary cell contents', async () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.string({ maxLength: 6 }),
      fc.constantFrom('21', '21.1', 'omhulling', 'constructie', 'm3', 'kg', 'ja', 'nee', '12,5', '1.250', '1.250,5', '-3', ' 7 ', '50%', '&amp;', '<b>', '_x0041_'),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.integer({ min: 0, max: 200 }),
      fc.boolean(),
      fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2090, 0, 1)), noInvalidDate: true }),
      fc.record({ formula: fc.constant('1+1'), result: fc.oneof(fc.integer(), fc.string({ maxLength: 4 }), fc.constant({ error: '#N/A' as const })) }),
      fc.array(fc.string({ maxLength: 3 }), { minLength: 1, maxLength: 3 }).map((texts) => ({ richText: texts.map((text) => ({ text })) })),
    );
    let streamed = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(header, { minLength: 4, maxLength: 12 }),
        fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 6 }),
        fc.option(fc.array(fc.tuple(fc.constantFrom('bvo_m2', 'gebouwtype', 'naam', 'vergunningsdatum', 'rsp_jaren', 'x'), cell), { maxLength: 5 }), { nil: undefined }),
        async (columns, rows, projectRows) => {
          const workbook = new ExcelJS.Workbook();
          const sheet = workbook.addWorksheet('Paspoort');
          sheet.addRow(['nlsfb', 'element', 'laag', 'materiaal', 'hoeveelheid', 'eenheid', ...columns.filter((c) => !['nlsfb', 'element', 'laag', 'materiaal', 'hoeveelheid', 'eenheid'].includes(c))]);
          for (const row of rows) sheet.addRow(row);
          if (projectRows) {
            const projectSheet = workbook.addWorksheet('Project');
            for (const [key, value] of projectRows) projectSheet.addRow([key, value]);
          }
          const bytes = await asBytes(workbook).catch(() => null);
          if (bytes === null) return;
          if (await streams(bytes)) streamed += 1;
          expect(await readPassportXlsx(bytes, project)).toEqual(await readPassportXlsxWhole(bytes, project));
        },
      ),
      { numRuns: 60 },
    );
    // the comparison is about the streaming path: most generated workbooks must take it
    expect(streamed).toBeGreaterThan(40);
  });
});
