/**
 * Browser journeys for material passports (issue 4): import the Excel template with one bad row, see the problem,
 * fix it and import; map an unmapped material; edit with live indicators; publish; compare two versions; import an
 * IFC model with a progress bar.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { newContext, screenshotOnFailure, signIn } from './support/session.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ifcModel = join(root, 'packages/ifc/test/fixtures/example.ifc');
const shots = process.env.SCREENSHOTS_DIR;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Screenshots for people reviewing the pages (SCREENSHOTS_DIR=/tmp/x); not part of any assertion. */
async function shot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

async function createProject(page: Page, name: string): Promise<string> {
  await page.getByRole('link', { name: 'Nieuw project' }).click();
  await page.getByLabel('Projectnaam').fill(name);
  await page.getByLabel('Gemeente', { exact: true }).selectOption('GM0546');
  await page.getByLabel('Soort project').selectOption('nieuwbouw');
  await page.getByLabel('Type bebouwing').selectOption('gestapeld');
  await page.getByLabel('Aantal woningen').fill('120');
  await page.getByLabel('Bruto vloeroppervlak (BVO)').fill('8450');
  await page.getByLabel('Huidige fase').selectOption('ontwerp');
  await page.getByRole('button', { name: 'Project opslaan' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  return page.url();
}

type Row = [nlsfb: string, element: string, layer: string, material: string, quantity: number, unit: string, serviceLife: number];

/** Fills the template the app offers for download, as an adviser would in Excel. */
async function fillTemplate(template: Buffer, rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template.buffer.slice(template.byteOffset, template.byteOffset + template.byteLength) as ArrayBuffer);
  const sheet = workbook.getWorksheet('Paspoort');
  if (!sheet) throw new Error('template without sheet Paspoort');
  const header = (sheet.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
  const col = (name: string) => header.indexOf(name);
  rows.forEach((row, i) => {
    const r = sheet.getRow(i + 2);
    const [nlsfb, element, layer, material, quantity, unit, serviceLife] = row;
    r.getCell(col('nlsfb')).value = nlsfb;
    r.getCell(col('element')).value = element;
    r.getCell(col('laag')).value = layer;
    r.getCell(col('materiaal')).value = material;
    r.getCell(col('hoeveelheid')).value = quantity;
    r.getCell(col('eenheid')).value = unit;
    r.getCell(col('levensduur')).value = serviceLife;
  });
  // The optional "Project" sheet: BVO and building type, as the template asks.
  const project = workbook.getWorksheet('Project');
  project?.eachRow((row) => {
    const field = row.getCell(1).value;
    if (field === 'bvo_m2') row.getCell(2).value = 8450;
    if (field === 'gebouwtype') row.getCell(2).value = 'gestapeld';
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const rows: Row[] = [
  ['21.1', 'Buitenwanden', 'omhulling', 'Kalkzandsteen', 120, 'm3', 75],
  ['21.1', 'Buitenwanden', 'omhulling', 'Zeegras isolatiedeken', 900, 'm2', 40],
  ['23.1', 'Vloeren', 'constructie', 'Beton C30/37', 300, 'm3', 100],
  ['32.1', 'Binnenkozijnen', 'indeling', 'Vurenhout', 8, 'liter', 50],
];

describe('passport journeys', () => {
  it('imports the Excel template through a bad row, maps a material, edits, publishes and compares', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    screenshotOnFailure(page, 'passport-excel');
    await signIn(page, 'beleid@leiden.demo');
    const name = `Paspoort Stationsgebied ${Date.now()}`;
    const projectUrl = await createProject(page, name);

    // The project page has the passport section; start an import.
    await page.getByRole('heading', { level: 2, name: 'Materialenpaspoort' }).waitFor();
    await page.getByText('Nog geen paspoort.').waitFor();
    await page.getByRole('link', { name: 'Importeren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Paspoort importeren' }).waitFor();

    // Download the template from the page and fill it in, with one bad unit on the fourth line.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download het Excel-sjabloon (.xlsx)' }).click()]);
    const template = await readFile(await download.path());
    const bad = await fillTemplate(template, rows);
    await page.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'paspoort.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bad });
    await page.getByRole('button', { name: 'Bestand importeren' }).click();

    // The problem table names row, column and problem; nothing is saved.
    await page.getByRole('heading', { name: 'Het bestand heeft 1 probleem' }).waitFor();
    const problems = page.getByRole('table', { name: 'Problemen per rij en kolom' });
    const problemRow = problems.getByRole('row').nth(1);
    expect(await problemRow.getByRole('cell').nth(0).textContent()).toBe('5');
    expect(await problemRow.getByRole('cell').nth(1).textContent()).toBe('eenheid');
    await shot(page, 'import-problems');
    await page.goto(projectUrl);
    await page.getByText('Nog geen paspoort.').waitFor();

    // Fix the file and import again.
    await page.getByRole('link', { name: 'Importeren' }).click();
    const fixed = await fillTemplate(template, rows.map((row) => (row[5] === 'liter' ? [row[0], row[1], row[2], row[3], row[4], 'm3', row[6]] : row)));
    await page.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'paspoort.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: fixed });
    await page.getByRole('button', { name: 'Bestand importeren' }).click();
    await page.getByRole('heading', { level: 1, name: /^Versie 1/ }).waitFor();
    const editorUrl = page.url().replace(/\?.*$/, '');

    // Materials without a profile come first; map the seaweed blanket with the library search.
    await page.getByRole('tab', { name: /Materialen koppelen/ }).click();
    await page.getByText('1 materiaal heeft nog geen profiel.').waitFor();
    const seaweed = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Zeegras isolatiedeken/ }) });
    await seaweed.getByRole('heading', { name: /Zeegras/ }).waitFor();
    await shot(page, 'mapping');
    await seaweed.getByRole('button', { name: 'Zoek in de profielbibliotheek' }).click();
    const picker = page.getByRole('dialog');
    await picker.getByRole('searchbox').fill('mineralwolle');
    await picker.getByRole('button', { name: /Mineral wool \(facade insulation\)/ }).click();
    await page.getByText('Alle materialen hebben een profiel.').waitFor();
    await seaweed.getByText(/Koppeling: handmatig, door/).waitFor();

    // Lines and live indicators: every figure is marked indicatief; a change recalculates at once.
    await page.getByRole('tab', { name: 'Regels en indicatoren' }).click();
    const mpgFigure = page.locator('[data-indicator="mpg"]');
    await mpgFigure.getByText(/MKI totaal/).waitFor();
    expect(await page.locator('.figure').getByText('indicatief').count()).toBeGreaterThanOrEqual(6);
    const mkiBefore = await mpgFigure.getByText(/MKI totaal/).textContent();
    const concrete = page.getByRole('textbox', { name: /^Hoeveelheid, regel \d+ \(Beton C30\/37\)$/ });
    await concrete.fill('twaalf');
    await concrete.press('Tab');
    await page.getByText('Vul een getal in, bijvoorbeeld 12,5.').waitFor();
    expect(await concrete.getAttribute('aria-invalid')).toBe('true');
    await concrete.fill('450,5');
    await concrete.press('Enter');
    await expect.poll(() => mpgFigure.getByText(/MKI totaal/).textContent()).not.toBe(mkiBefore);
    await shot(page, 'editor');

    // How one line was calculated: its MKI cell opens the breakdown, with the new quantity in it.
    await page.getByRole('button', { name: /^Berekening van regel \d+ \(Beton C30\/37\)/ }).click();
    const calculation = page.getByRole('dialog', { name: /^Berekening van regel \d+ \(Beton C30\/37\)/ });
    await calculation.getByText('450,5 m³', { exact: true }).waitFor();
    await calculation.getByRole('table', { name: /CO₂-uitstoot per levenscyclusmodule/ }).getByRole('row', { name: /^A1-A3 / }).waitFor();
    await shot(page, 'line-calculation');
    await calculation.getByRole('button', { name: 'Sluiten' }).click();
    await calculation.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByRole('button', { name: 'Alles opgeslagen' }).waitFor();
    expect(await page.getByRole('textbox', { name: /^Hoeveelheid, regel \d+ \(Beton C30\/37\)$/ }).inputValue()).toBe('450,5');

    // Publish: a confirmation, then the version is read-only and a PDF can be downloaded.
    await page.getByRole('button', { name: 'Versie vaststellen' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Ja, vaststellen' }).click();
    await page.getByText(/Deze versie is vastgesteld/).waitFor();
    expect(await page.getByRole('textbox', { name: /^Hoeveelheid/ }).count()).toBe(0);
    await page.getByRole('link', { name: 'PDF-paspoort' }).waitFor();

    // A new concept from the published version, with one change, then compare the two.
    await page.getByRole('button', { name: 'Nieuw concept op basis van deze versie' }).click();
    await page.getByRole('heading', { level: 1, name: /^Versie 2/ }).waitFor();
    await page.getByRole('tab', { name: 'Regels en indicatoren' }).click();
    const brick = page.getByRole('textbox', { name: /^Hoeveelheid, regel \d+ \(Kalkzandsteen\)$/ });
    await brick.fill('150');
    await brick.press('Enter');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByRole('button', { name: 'Alles opgeslagen' }).waitFor();

    await page.goto(projectUrl);
    await page.getByRole('link', { name: 'Versies vergelijken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Versies vergelijken' }).waitFor();
    await page.getByText('0 toegevoegd, 0 verwijderd, 1 gewijzigd, 3 ongewijzigd').waitFor();
    await page.getByRole('row', { name: /Kalkzandsteen/ }).getByText('Hoeveelheid: 120 → 150').waitFor();
    expect(await page.getByRole('row').filter({ hasText: /MPG/ }).count()).toBeGreaterThan(0);
    await shot(page, 'compare');

    // The mapping is the organisation's: listed with its origin and who set it, for reuse in every project.
    await page.goto(projectUrl);
    await page.getByRole('link', { name: 'Gemeente Leiden' }).first().click();
    await page.getByRole('link', { name: 'Materiaalkoppelingen (milieuprofielen)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Materiaalkoppelingen' }).waitFor();
    const mappingRow = page.getByRole('row', { name: /Zeegras isolatiedeken/ });
    await mappingRow.getByText('Mineral wool (facade insulation)').waitFor();
    await mappingRow.getByText('handmatig').waitFor();
    await mappingRow.getByText(/Beleidsmedewerker Leiden/).waitFor();
    expect(editorUrl).toMatch(/\/paspoorten\/[0-9a-f-]{36}$/);
    await context.close();
  });

  it('imports an IFC model with a progress bar and shows what the model lacks', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    screenshotOnFailure(page, 'passport-ifc');
    await signIn(page, 'beleid@leiden.demo');
    await createProject(page, `Paspoort IFC ${Date.now()}`);
    await page.getByRole('link', { name: 'Importeren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Paspoort importeren' }).waitFor();

    // Record every value the progress bar shows, however fast the import runs.
    await page.evaluate(`(() => {
      const seen = [];
      window.progressSeen = seen;
      new MutationObserver(() => {
        for (const bar of document.querySelectorAll('progress')) seen.push(Number(bar.getAttribute('value')));
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
    })()`);
    await page.getByLabel('IFC-bestand').setInputFiles(ifcModel);
    await page.getByRole('button', { name: 'Model importeren' }).click();
    await page.getByText('Het model is geïmporteerd als nieuwe conceptversie.').waitFor({ timeout: 60_000 });
    const seen = (await page.evaluate('window.progressSeen')) as number[];
    expect(seen.length).toBeGreaterThan(0);
    await page.getByRole('heading', { name: /Importverslag van example\.ifc/ }).waitFor();
    await page.getByRole('heading', { name: /elementen? zonder materiaal/ }).waitFor();
    await shot(page, 'ifc-done');
    await page.getByRole('link', { name: 'Paspoort openen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Versie 1/ }).waitFor();
    await page.getByRole('tab', { name: 'Importverslag' }).waitFor();
    await context.close();
  });
});
