/**
 * The CLI as advisers use it: spawn `node packages/cli/bin/kringbouw.js calc …` and check exit codes and output.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const bin = join(root, 'packages', 'cli', 'bin', 'kringbouw.js');
const fixtures = join(root, 'packages', 'passport-io', 'test', 'fixtures');

async function kringbouw(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: root, maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

let xlsxFile = '';
let ifcFile = '';
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kringbouw-cli-'));
  const { generateIfc } = await import('@kringbouw/ifc/generate');
  ifcFile = join(dir, 'model.ifc');
  writeFileSync(ifcFile, generateIfc({ storeys: 2, wallsPerStorey: 2, slabsPerStorey: 1, columnsPerStorey: 1 }).text);
  const lines = readFileSync(join(fixtures, 'tussenwoning.en.csv'), 'utf8').trim().split(/\r?\n/).map((l) => l.split(','));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Paspoort');
  for (const row of lines) sheet.addRow(row);
  xlsxFile = join(dir, 'tussenwoning.xlsx');
  writeFileSync(xlsxFile, new Uint8Array(await workbook.xlsx.writeBuffer()));
}, 30_000);

describe('kringbouw calc', () => {
  it('Dutch CSV (; and decimal comma): readable Dutch summary', async () => {
    const r = await kringbouw('calc', join(fixtures, 'tussenwoning.nl.csv'), '--bvo', '124', '--gebouwtype', 'grondgebonden', '--vergunningsdatum', '2025-06-01');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('INDICATIEF');
    expect(r.stdout).toMatch(/MPG\s+0,\d{3}\s+€\/m² BVO\/jr\s+≤ 0,80: voldoet/);
    expect(r.stdout).toContain('Het Nieuwe Normaal 1.0 (geen totaalscore)');
    expect(r.stdout).toContain('Niet gewogen categorieën (A1): htp');
    expect(r.stdout).toContain('[rij 20]');
    expect(r.stderr).not.toMatch(/at .+\.ts:\d+/);
  }, 60_000);

  it('CSV, XLSX and JSON of the same house give the same JSON result', async () => {
    const args = ['--bvo', '124', '--gebouwtype', 'grondgebonden', '--vergunningsdatum', '2025-06-01', '--json'];
    const [csv, xlsx, json] = await Promise.all([
      kringbouw('calc', join(fixtures, 'tussenwoning.nl.csv'), ...args),
      kringbouw('calc', xlsxFile, ...args),
      kringbouw('calc', join(fixtures, 'tussenwoning.json'), '--json'),
    ]);
    for (const r of [csv, xlsx, json]) expect(r.code).toBe(0);
    const a = JSON.parse(csv.stdout);
    const b = JSON.parse(xlsx.stdout);
    const c = JSON.parse(json.stdout);
    expect(b.mki).toEqual(a.mki);
    expect(c.mki).toEqual(a.mki);
    expect(c.gwp).toEqual(a.gwp);
    // the fields the CLI promises
    expect(Object.keys(a.mpg)).toEqual(expect.arrayContaining(['value', 'limit', 'pass', 'weightingSet', 'unweightedCategories']));
    expect(Object.keys(a.mki)).toEqual(expect.arrayContaining(['total', 'byModule', 'byCategory', 'byElement', 'byLayer']));
    expect(Object.keys(a.gwp)).toEqual(expect.arrayContaining(['a1a3', 'a1a5', 'total', 'd', 'parisProofPerM2']));
    expect(Object.keys(a.materialOrigin)).toEqual(['massKg', 'renewablePct', 'reusedPct', 'recycledPct', 'primaryPct']);
    expect(a).toHaveProperty('biogenicCarbonKgCO2');
    expect(a).toHaveProperty('detachability.index');
    expect(a).toHaveProperty('detachability.byLayer');
    expect(a).toHaveProperty('mci');
    expect(a.hnn).toHaveLength(6);
    expect(a.endOfLife).toHaveProperty("reusePct");
    expect(a.lines).toHaveLength(19);
    expect(a.dataVersions.profiles).toBe('oekobaudat-2020-II@2020-II+kringbouw.1');
    expect(a.mpg.limit).toBe(0.8);
  }, 90_000);

  it('same input and data give byte-identical JSON across processes', async () => {
    const args = ['calc', join(fixtures, 'tussenwoning.nl.csv'), '--bvo', '124', '--gebouwtype', 'grondgebonden', '--json'];
    const [a, b] = await Promise.all([kringbouw(...args), kringbouw(...args)]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  }, 60_000);

  it('--vervanging en15978 and --weging a2 change the calculation', async () => {
    const base = ['calc', join(fixtures, 'tussenwoning.json'), '--json'];
    const [nmd, en, a2] = await Promise.all([kringbouw(...base), kringbouw(...base, '--vervanging', 'en15978'), kringbouw(...base, '--weging', 'a2')]);
    const n = JSON.parse(nmd.stdout);
    const e = JSON.parse(en.stdout);
    const w = JSON.parse(a2.stdout);
    // glass (SL 30, RSP 75): nmd 2.5 placements, en15978 3
    const glass = (r: { lines: { description: string; placements: number }[] }) => r.lines.find((l) => l.description === 'HR++ isolatieglas')?.placements;
    expect(glass(n)).toBe(2.5);
    expect(glass(e)).toBe(3);
    expect(e.mki.total).toBeGreaterThan(n.mki.total);
    // ÖKOBAUDAT 2020-II has no A2 data: no MKI, no MPG — missing, not zero
    expect(w.mki.total).toBeNull();
    expect(w.mpg.value).toBeNull();
    expect(w.mpg.unweightedCategories.map((u: { category: string }) => u.category)).toContain('pm');
  }, 90_000);

  it('invalid file: exit 1 and every problem listed, nothing calculated', async () => {
    const r = await kringbouw('calc', join(fixtures, 'ongeldig.nl.csv'), '--bvo', '124');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('bevat 8 fouten; er is niets berekend');
    expect(r.stderr).toContain('rij 2, kolom hoeveelheid: "12,5x" is geen getal');
    expect(r.stderr).toContain('rij 3, kolom eenheid: "liter" is geen geldige waarde');
    expect(r.stderr).toContain('rij 4, kolom element: verplicht veld is leeg');
    expect(r.stderr).toContain('gebouwtype ontbreekt');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('IFC model: materials mapped with the default profiles, reported as warnings', async () => {
    const r = await kringbouw('calc', ifcFile, '--bvo', '150', '--gebouwtype', 'gestapeld', '--json');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.lines.length).toBeGreaterThan(0);
    expect(result.lines.every((l: { profileSource: string }) => l.profileSource === 'suggested')).toBe(true);
    const suggested = result.warnings.filter((w: { code: string }) => w.code === 'PROFIEL_VOORGESTELD').map((w: { message: string }) => w.message);
    expect(suggested.join('\n')).toContain('"Beton C30/37": standaardprofiel "Ready-mix concrete C30/37"');
    expect(result.mki.total).toBeGreaterThan(0);
    const missing = await kringbouw('calc', ifcFile);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('BVO ontbreekt');
  }, 90_000);

  it('--epd adds an LCAx EPD profile; an invalid EPD is refused with its problems', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kringbouw-epd-'));
    const epdFile = join(dir, 'glas.json');
    writeFileSync(epdFile, JSON.stringify({ id: 'epd-glas', name: 'Glas merk Y', declared_unit: 'M2', standard: 'EN15804A1', impacts: { gwp: { a1a3: 40 } } }));
    const passport = JSON.parse(readFileSync(join(fixtures, 'tussenwoning.json'), 'utf8'));
    passport.elements.find((e: { nlsfb: string }) => e.nlsfb === '31').lines[1].profileId = 'epd-glas';
    const passportFile = join(dir, 'paspoort.json');
    writeFileSync(passportFile, JSON.stringify(passport));
    const ok = await kringbouw('calc', passportFile, '--epd', epdFile, '--json');
    expect(ok.code).toBe(0);
    const glass = JSON.parse(ok.stdout).lines.find((l: { profileId: string }) => l.profileId === 'epd-glas');
    // 17.5 m2 × 40 kg CO2-eq × 75/30 placements = 1750
    expect(glass.gwpKgCO2['A1-A3']).toBeCloseTo(1750, 9);
    const badFile = join(dir, 'kapot.json');
    writeFileSync(badFile, JSON.stringify({ id: 'x', name: 'y', declared_unit: 'liter', standard: 'EN15804A1', impacts: {} }));
    const bad = await kringbouw('calc', passportFile, '--epd', badFile);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('kapot.json, declared_unit: gedeclareerde eenheid "liter" wordt niet ondersteund');
  }, 60_000);

  it('usage errors exit 2; a missing file exits 1', async () => {
    const bad = await kringbouw('calc', join(fixtures, 'tussenwoning.json'), '--weging', 'a3', '--rsp', 'nul');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--weging "a3"');
    expect(bad.stderr).toContain('--rsp "nul" is geen positief getal');
    const missing = await kringbouw('calc', join(fixtures, 'bestaat-niet.csv'), '--bvo', '100', '--gebouwtype', 'gestapeld');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('bestand bestaat niet');
    const none = await kringbouw('calc');
    expect(none.code).toBe(2);
  }, 60_000);
});
