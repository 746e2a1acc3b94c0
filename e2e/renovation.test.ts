/**
 * Browser journey for the renovation plans (kansenkaart §5): a corporation imports the Delft tile and its stock
 * list with buurten (shared with Gemeente Leiden), starts a 10-year plan shared with the municipality, enters a
 * row and sees it on the timeline and the map; the municipality designates that buurt for extra attention and
 * sees it outlined on the map; the tenants' organisation, with whom nothing is shared, sees neither.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { newContext, screenshotOnFailure, signIn } from './support/session.ts';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../packages/stock-io/test/fixtures');

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Pixels of a canvas inside `selector` within 40 (sum of channel differences) of an RGB colour. */
async function pixelsOfColour(page: Page, selector: string, rgb: [number, number, number]): Promise<number> {
  // A string, not a function: the e2e project compiles without the DOM library (as e2e/kansenkaart.test.ts does).
  return page.evaluate(`(() => {
    const source = document.querySelector(${JSON.stringify(`${selector} canvas`)});
    if (!source) return -1;
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    const context = copy.getContext('2d');
    context.drawImage(source, 0, 0);
    const data = context.getImageData(0, 0, copy.width, copy.height).data;
    const [r, g, b] = ${JSON.stringify(rgb)};
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 40) count++;
    }
    return count;
  })()`);
}

describe('renovation plan journey', () => {
  it('enters a plan row, sees it on the timeline and map, and a designated buurt is visible only to the parties', async () => {
    const planName = `Meerjarenplan Delft ${Date.now()}`;

    // The corporation: buildings and its stock list with buurten, shared with the municipality.
    const corporation = await newContext(browser);
    const page = await corporation.newPage();
    screenshotOnFailure(page, 'renovation-journey-corporation');
    await signIn(page, 'corporatie@leiden.demo');
    await page.goto('/kansenkaart/importeren?gemeente=GM0503');
    await page.getByRole('heading', { level: 1, name: 'Voorraad importeren' }).waitFor();
    const buildings = page.getByRole('region', { name: 'Panden: 3D BAG-tegel of GeoJSON' });
    await buildings.getByLabel('Bestand').setInputFiles(join(fixtures, '3dbag_v210908_tile5910_delft.city.json'));
    await buildings.getByRole('button', { name: 'Panden importeren' }).click();
    await buildings.getByText('432 panden geïmporteerd', { exact: false }).waitFor({ timeout: 60_000 });
    const list = page.getByRole('region', { name: 'Voorraadlijst van een corporatie' });
    await list.getByLabel('Naam van de lijst').fill(`Bezit Delft met buurten ${Date.now()}`);
    await list.getByLabel('Gemeente Leiden', { exact: true }).check();
    await list.getByLabel('Bestand').setInputFiles(join(fixtures, 'corporatie_voorraad_buurten.csv'));
    await list.getByRole('button', { name: 'Voorraadlijst uploaden' }).click();
    await list.getByRole('status').waitFor();

    // The renovation page of Delft, reached from the kansenkaart.
    await page.goto('/kansenkaart?gemeente=GM0503');
    await page.getByRole('link', { name: 'Renovatieplannen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Renovatie- en verduurzamingsplannen' }).waitFor();
    expect(page.url()).toContain('gemeente=GM0503');

    // A new plan, shared with the municipality.
    const newPlan = page.getByRole('form', { name: 'Nieuw plan' });
    await newPlan.getByLabel('Naam van het plan').fill(planName);
    await newPlan.getByLabel('Gemeente Leiden', { exact: true }).check();
    await newPlan.getByRole('button', { name: 'Plan aanmaken' }).click();
    const detail = page.getByRole('region', { name: `Plan: ${planName}` });
    await detail.waitFor();

    // A row through the form: 120 dwellings in Hof van Delft insulated in 2027.
    const row = detail.getByRole('form', { name: 'Regel toevoegen' });
    await row.getByLabel('Jaar').fill('2027');
    await row.getByLabel('Ingreep').selectOption('verduurzamen');
    await row.getByLabel('Aantal woningen').fill('120');
    await row.getByLabel('Buurt').fill('Hof van Delft');
    await row.getByLabel('Circulaire ambitie').fill('Biobased isolatie');
    await row.getByRole('button', { name: 'Regel opslaan' }).click();
    await row.getByText('Regel opgeslagen.').waitFor();
    await detail.getByRole('cell', { name: 'Biobased isolatie' }).waitFor();

    // Timeline and map: the year 2027 and the area Hof van Delft (outline of the four panden in the stock list).
    const areas = page.getByRole('table', { name: /Woningen per gebied en jaar/ });
    const hof = areas.getByRole('row', { name: /Hof van Delft/ });
    await hof.waitFor();
    await hof.getByText('omtrek van 4 panden').waitFor();
    await expect.poll(async () => Number(await page.getByTestId('renovation-map-status').getAttribute('data-areas')), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    // The stacked bar of 2027 is drawn in the colour of "isoleren / verduurzamen" (#009E73).
    await expect.poll(() => pixelsOfColour(page, '[data-testid="renovation-timeline"]', [0, 158, 115]), { timeout: 15_000 }).toBeGreaterThan(200);
    // The area is filled on the map (the busiest class, #08519c).
    await expect.poll(() => pixelsOfColour(page, '[data-testid="renovation-map"]', [8, 81, 156]), { timeout: 15_000 }).toBeGreaterThan(20);
    await corporation.close();

    // The municipality sees the shared plan and designates the buurt as climate-adaptive.
    const municipality = await newContext(browser);
    const gemeente = await municipality.newPage();
    screenshotOnFailure(gemeente, 'renovation-journey-gemeente');
    await signIn(gemeente, 'beleid@leiden.demo');
    await gemeente.goto('/kansenkaart/renovatie?gemeente=GM0503');
    await gemeente.getByRole('button', { name: planName }).waitFor();
    const designate = gemeente.getByRole('form', { name: 'Buurt aanwijzen' });
    await designate.getByLabel('Buurt', { exact: true }).fill('Hof van Delft');
    await designate.getByLabel('Klimaatadaptief').check();
    await designate.getByLabel('Toelichting').fill('Wateroverlast bij hevige buien: groene daken meenemen.');
    await designate.getByLabel('Voorbeeldcorporatie Leiden (demo)', { exact: true }).check();
    await designate.getByRole('button', { name: 'Buurt aanwijzen' }).click();
    await designate.getByText('Buurt aangewezen.').waitFor();
    await gemeente.getByText('Wateroverlast bij hevige buien: groene daken meenemen.').waitFor();
    await expect.poll(async () => Number(await gemeente.getByTestId('renovation-map-status').getAttribute('data-designations')), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    // The dashed outline in the climate-adaptive colour (#0072B2).
    await expect.poll(() => pixelsOfColour(gemeente, '[data-testid="renovation-map"]', [0, 114, 178]), { timeout: 15_000 }).toBeGreaterThan(5);
    await municipality.close();

    // The tenants' organisation: nothing is shared with it.
    const tenants = await newContext(browser);
    const huurders = await tenants.newPage();
    screenshotOnFailure(huurders, 'renovation-journey-huurders');
    await signIn(huurders, 'huurders@leiden.demo');
    await huurders.goto('/kansenkaart/renovatie?gemeente=GM0503');
    await huurders.getByRole('heading', { level: 2, name: 'Plannen' }).waitFor();
    await huurders.getByText('Geen plannen die u mag zien.').waitFor();
    expect(await huurders.getByRole('button', { name: planName }).count()).toBe(0);
    expect(await huurders.getByText('Wateroverlast bij hevige buien', { exact: false }).count()).toBe(0);
    await tenants.close();
  });

  it('a gemeente changes the weight of a kansenkaart rule, sees a refused value named, and saves a new version', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    screenshotOnFailure(page, 'kansenkaart-rules');
    await signIn(page, 'beleid@leiden.demo');
    await page.goto('/kansenkaart?gemeente=GM0546');
    await page.getByRole('link', { name: 'Regels', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Regels van de kansenkaart' }).waitFor();
    const version = page.getByTestId('kk-rules-version');
    await version.getByText('De standaardregels (rules-v1) gelden', { exact: false }).waitFor();
    const points = page.getByLabel("Punten voor 'platte dakvorm' (Optoppen)");
    await points.fill('500');
    await page.getByRole('button', { name: 'Opslaan en opnieuw scoren' }).click();
    await page.getByRole('alert').getByText('kinds.optoppen.0.points').waitFor();
    await points.fill('50');
    await page.getByLabel('Toelichting bij deze versie').fill('Platte daken wegen zwaarder in Leiden');
    await page.getByRole('button', { name: 'Opslaan en opnieuw scoren' }).click();
    await page.getByRole('status').getByText('Versie 1 opgeslagen', { exact: false }).waitFor();
    await version.getByText('Versie 1 (GM0546-v1) geldt.').waitFor();
    await page.getByRole('table', { name: 'Eerdere versies' }).getByRole('cell', { name: 'Platte daken wegen zwaarder in Leiden' }).waitFor();
    expect(await page.getByLabel("Punten voor 'platte dakvorm' (Optoppen)").inputValue()).toBe('50');
    await context.close();
  });
});
