import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passportJsonSchema } from '@kringbouw/domain/lca';
import {
  createPassportTemplate, detectDelimiter, parseNumber, passportColumns, readPassport, readPassportCsv, readPassportJson,
  readPassportXlsx,
} from '../src/index.ts';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => new Uint8Array(readFileSync(join(here, 'fixtures', name)));
const project = { bvoM2: 124, buildingType: 'grondgebonden' };
const encode = (text: string) => new TextEncoder().encode(text);

describe('numbers', () => {
  it('reads decimal commas and points', () => {
    expect(parseNumber('12,5', { decimalComma: true })).toBe(12.5);
    expect(parseNumber('12.5', { decimalComma: true })).toBe(12.5);
    expect(parseNumber('1.234,5', { decimalComma: true })).toBe(1234.5);
    expect(parseNumber('1,234.5', { decimalComma: false })).toBe(1234.5);
    expect(parseNumber('12,5', { decimalComma: false })).toBeUndefined();
    expect(parseNumber('12,5x', { decimalComma: true })).toBeUndefined();
    expect(parseNumber('', { decimalComma: true })).toBeUndefined();
  });

  it('refuses to guess "1.250" in a decimal-comma file', () => {
    const header = passportColumns.filter((c) => c.required).map((c) => c.name).join(';');
    const result = readPassportCsv(encode(`${header}\n21;Gevel;omhulling;Baksteen;1.250;kg\n`), project);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message).toBe('"1.250" is dubbelzinnig (duizendtal of decimaal?): schrijf 1250 of 1,250');
  });

  it('detects the delimiter from the header', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('\uFEFFa,b,c\n1.5,2,3')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
  });
});

describe('CSV', () => {
  it('reads Dutch Excel CSV (;, decimal comma, BOM) and English CSV (,, decimal point, upper-case headers) alike', () => {
    const nl = readPassportCsv(fixture('tussenwoning.nl.csv'), project);
    const en = readPassportCsv(fixture('tussenwoning.en.csv'), project);
    expect(nl.ok && en.ok).toBe(true);
    if (!nl.ok || !en.ok) return;
    expect(nl.passport).toEqual(en.passport);
    // rows with the same nlsfb/element/laag form one element, in order of first appearance
    expect(nl.passport.elements.map((e) => e.nlsfb)).toEqual(['16', '17', '13', '21', '22', '23', '27', '31', '43']);
    const wall = nl.passport.elements[3];
    expect(wall?.lines[2]).toMatchObject({ quantity: 58, unit: 'm2', thicknessM: 0.14, serviceLifeYears: 75 });
    // the cellulose row (row 20) joined the element "Binnenwanden" as its third line → passport line 11
    expect(nl.sourceRows?.[10]).toBe(20);
  });

  it('reads Windows-1252 bytes (Dutch Excel "CSV (gescheiden door lijstscheidingsteken)")', () => {
    const header = passportColumns.filter((c) => c.required).map((c) => c.name).join(';');
    const latin1 = Uint8Array.from(`${header}\n21;Gevel;omhulling;Baksteen ü;9,5;m3\n`, (ch) => ch.charCodeAt(0));
    const result = readPassportCsv(latin1, project);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.passport.elements[0]?.lines[0]?.description).toBe('Baksteen ü');
  });

  it('reports every problem with row and column and accepts nothing', () => {
    const result = readPassportCsv(fixture('ongeldig.nl.csv'), { bvoM2: 124 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const where = result.issues.map((i) => `${i.row ?? '-'}:${i.column ?? i.path}`);
    expect(where).toEqual([
      '-:project.buildingType',
      '2:hoeveelheid',
      '2:verbinding',
      '3:laag',
      '3:eenheid',
      '3:hernieuwbaar_pct/hergebruikt_pct/gerecycled_pct',
      '3:nlsfb',
      '4:element',
    ]);
    expect(result.issues[1]?.message).toBe('"12,5x" is geen getal');
  });

  it('reports unknown and missing columns', () => {
    const result = readPassportCsv(encode('nlsfb;element;laag;materiaal;hoeveelheidd;eenheid\n21;A;omhulling;x;1;m3\n'), project);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.message)).toEqual([
      expect.stringContaining('onbekende kolom "hoeveelheidd"'),
      'verplichte kolom "hoeveelheid" ontbreekt',
    ]);
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const result = readPassportCsv(bytes, project);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 8 }), { maxLength: 20 }), { maxLength: 6 }), (rows) => {
        const header = passportColumns.map((c) => c.name).join(';');
        const text = `${header}\n${rows.map((r) => r.join(';')).join('\n')}`;
        const result = readPassportCsv(encode(text), project);
        if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('XLSX', () => {
  it('reads the same passport from a workbook, with project data from the Project sheet', async () => {
    const csv = readPassportCsv(fixture('tussenwoning.en.csv'), project);
    if (!csv.ok) throw new Error('fixture invalid');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Paspoort');
    const lines = readFileSync(join(here, 'fixtures', 'tussenwoning.en.csv'), 'utf8').trim().split(/\r?\n/);
    const rows = lines.map((l) => l.split(','));
    sheet.addRow(rows[0] ?? []);
    for (const row of rows.slice(1)) sheet.addRow(row.map((cell) => (cell !== '' && !Number.isNaN(Number(cell)) && !/^\d{2}$/.test(cell) ? Number(cell) : cell)));
    const projectSheet = workbook.addWorksheet('Project');
    projectSheet.addRow(['bvo_m2', 124]);
    projectSheet.addRow(['gebouwtype', 'grondgebonden']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await readPassportXlsx(bytes, {});
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.passport).toEqual(csv.passport);
  });

  it('never throws on arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const result = await readPassportXlsx(bytes, project);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 50 },
    );
  });

  it('reports a damaged file instead of throwing', async () => {
    const result = await readPassport(encode('PK not really a zip'), 'xlsx', project);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message).toMatch(/XLSX kan niet worden gelezen/);
  });

  it('template: Dutch workbook with the columns, a Project sheet and an Uitleg sheet', async () => {
    const buffer = await createPassportTemplate();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Paspoort', 'Project', 'Uitleg']);
    const header = (workbook.getWorksheet('Paspoort')?.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(passportColumns.map((c) => c.name));
    const help = workbook.getWorksheet('Uitleg');
    expect(help?.getCell('A2').value).toBe('nlsfb');
    expect(String(help?.getCell('D4').value)).toContain('constructie');
    // the empty template itself reads as "no lines", not as a crash
    const read = await readPassportXlsx(new Uint8Array(buffer), project);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issues.map((i) => i.message)).toContain('het paspoort bevat geen regels');
  });
});

describe('JSON', () => {
  it('reads the JSON fixture; CLI project values override the file', () => {
    const result = readPassportJson(fixture('tussenwoning.json'), { bvoM2: 130 });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.passport.project.bvoM2).toBe(130);
      expect(result.passport.project.permitDate).toBe('2025-06-01');
    }
  });

  it('reports invalid JSON and schema problems with their path', () => {
    const syntax = readPassportJson(encode('{"project": '), {});
    expect(syntax.ok).toBe(false);
    const schema = readPassportJson(encode(JSON.stringify({ project: { bvoM2: -1, buildingType: 'villa' }, elements: [{ nlsfb: '21', name: 'x', layer: 'dak', lines: [] }] })), {});
    expect(schema.ok).toBe(false);
    if (!schema.ok) expect(schema.issues.map((i) => i.path)).toEqual(['project.bvoM2', 'project.buildingType', 'elements.0.layer', 'elements.0.lines']);
  });

  it('docs/passport.schema.json is generated from the zod schema and up to date', () => {
    const committed = readFileSync(join(here, '..', '..', '..', 'docs', 'passport.schema.json'), 'utf8');
    expect(JSON.parse(committed)).toEqual(JSON.parse(JSON.stringify(passportJsonSchema())));
  });
});
