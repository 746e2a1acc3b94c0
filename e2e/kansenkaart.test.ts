/**
 * Browser journey for the kansenkaart (journey 5): a corporation imports the Delft 3D BAG tile, sees the
 * footprints coloured by score on the map, opens the best candidate for topping up, marks it as a candidate
 * after talking to the tenants' organisation, and turns it into a project that appears in the project register.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { newContext, screenshotOnFailure, signIn } from './support/session.ts';

const delftTile = join(dirname(fileURLToPath(import.meta.url)), '../packages/stock-io/test/fixtures/3dbag_v210908_tile5910_delft.city.json');

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * Pixels of the map canvas drawn in one of the score colours (ColorBrewer YlOrRd, see colour-scale.ts), read
 * back through a 2D canvas. The map keeps its drawing buffer, so this sees what the user sees.
 */
async function scoreColouredPixels(page: Page): Promise<number> {
  return page.evaluate(`(() => {
    const source = document.querySelector('[data-testid="kansenkaart-map"] canvas');
    if (!source) return -1;
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    const context = copy.getContext('2d');
    context.drawImage(source, 0, 0);
    const data = context.getImageData(0, 0, copy.width, copy.height).data;
    const palette = [[255, 255, 178], [254, 204, 92], [253, 141, 60], [240, 59, 32], [189, 0, 38]];
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      for (const [r, g, b] of palette) {
        if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 40) { count++; break; }
      }
    }
    return count;
  })()`);
}

async function mapStatus(page: Page): Promise<{ mode: string; count: number }> {
  const status = page.getByTestId('kansenkaart-status');
  return { mode: (await status.getAttribute('data-mode')) ?? '', count: Number(await status.getAttribute('data-count')) };
}

describe('kansenkaart journey', () => {
  it('imports the Delft tile, shows coloured footprints, selects a pilot and creates a project from it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    screenshotOnFailure(page, 'kansenkaart-journey');
    await signIn(page, 'corporatie@leiden.demo');

    // Import the 3D BAG tile for Delft on behalf of the corporation.
    await page.getByRole('link', { name: 'Kansenkaart' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kansenkaart' }).waitFor();
    await page.getByRole('link', { name: 'Gegevens importeren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Voorraad importeren' }).waitFor();
    await page.getByLabel('Gemeente', { exact: true }).selectOption('GM0503');
    const buildings = page.getByRole('region', { name: 'Panden: 3D BAG-tegel of GeoJSON' });
    await buildings.getByLabel('Bestand').setInputFiles(delftTile);
    await buildings.getByRole('button', { name: 'Panden importeren' }).click();
    await buildings.getByText('432 panden geïmporteerd', { exact: false }).waitFor({ timeout: 60_000 });

    // The map of Delft: the server sends points at the municipality's zoom level.
    await buildings.getByRole('link', { name: 'Bekijk op de kaart' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kansenkaart' }).waitFor();
    expect(page.url()).toContain('gemeente=GM0503');
    await page.getByTestId('kansenkaart-status').filter({ hasText: 'panden in beeld' }).waitFor({ timeout: 30_000 });
    expect((await mapStatus(page)).count).toBe(432);

    // Journey 5: topping up, flat roofs built 1965–1985. The filter narrows map and list alike.
    await page.getByLabel('Bouwjaar vanaf').fill('1965');
    await page.getByLabel('Bouwjaar tot en met').fill('1985');
    await page.getByLabel('Bouwjaar tot en met').press('Enter');
    await page.waitForURL(/vanaf=1965&tot=1985/);
    await expect
      .poll(async () => {
        const status = await mapStatus(page);
        return status.mode !== '' && status.count > 0 && status.count < 432;
      }, { timeout: 15_000 })
      .toBe(true);
    const list = page.getByRole('region', { name: 'Kandidaten voor Optoppen' });
    await list.getByRole('row').nth(1).filter({ hasText: 'bouwjaar 19' }).waitFor();
    const years = (await list.getByRole('cell', { name: /^19\d\d$/ }).allTextContents()).map(Number);
    expect(years.length).toBeGreaterThan(0);
    expect(years.every((year) => year >= 1965 && year <= 1985)).toBe(true);
    const firstCandidate = list.getByRole('row').nth(1).getByRole('button');
    const bagId = (await firstCandidate.textContent())?.trim() ?? '';
    expect(bagId).toMatch(/^0503100000\d{6}$/);
    await firstCandidate.click();

    // The panel opens with the reasons, and the map moves in far enough for footprints.
    const panel = page.getByRole('complementary', { name: `Pand ${bagId}` });
    await panel.waitFor();
    await panel.getByText('platte dakvorm').first().waitFor();
    expect(page.url()).toContain(`pand=${bagId}`);
    await page.getByTestId('kansenkaart-status').and(page.locator('[data-mode="footprints"]')).waitFor({ timeout: 30_000 });
    const { count } = await mapStatus(page);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(432);
    // Footprints are drawn in the score colours.
    await expect.poll(() => scoreColouredPixels(page), { timeout: 15_000 }).toBeGreaterThan(2_000);

    // Select it as candidate for a pilot, with the tenants' organisation's view in the explanation.
    await panel.getByLabel('Kandidaat (pilot)').check();
    await panel.getByLabel('Toelichting').fill('Plat dak, lager dan de buren: kansrijk voor een pilot optoppen.');
    await panel.getByLabel('De huurdersorganisatie is geraadpleegd').check();
    await panel.getByLabel('Datum van het overleg').fill('2026-11-20');
    await panel.getByLabel('Oordeel van de huurdersorganisatie').fill('Positief, mits de bewoners kunnen blijven wonen.');
    await panel.getByRole('button', { name: 'Beoordeling opslaan' }).click();
    await panel.getByText('Beoordeling opgeslagen.').waitFor();
    await panel.getByText('Voorbeeldcorporatie Leiden (demo)', { exact: false }).first().waitFor();
    await panel.getByText('Huurdersorganisatie geraadpleegd op 20 november 2026: Positief, mits de bewoners kunnen blijven wonen.').waitFor();

    // The candidate list goes to the tenants' organisation as Excel.
    const [download] = await Promise.all([page.waitForEvent('download'), list.getByRole('link', { name: 'Exporteren naar Excel' }).click()]);
    expect(download.suggestedFilename()).toBe('kansenkaart-GM0503-optoppen.xlsx');
    expect(await download.failure()).toBeNull();

    // Create the project from the candidate.
    await panel.getByRole('button', { name: 'Project aanmaken' }).click();
    const name = `Optoppen Delft ${Date.now()}`;
    await panel.getByLabel('Projectnaam').fill(name);
    await panel.getByLabel('Aantal woningen').fill('8');
    await panel.getByRole('button', { name: 'Project aanmaken' }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByText(bagId, { exact: false }).first().waitFor();
    await page.getByText('Optopping').first().waitFor();
    const projectUrl = page.url();

    // The building keeps the link to its project.
    await page.goBack();
    await panel.getByRole('link', { name: 'Project bij dit pand bekijken' }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(page.url()).toBe(projectUrl);

    // It is in the project register.
    await page.getByRole('link', { name: 'Projecten', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Projecten' }).waitFor();
    await page.getByRole('link', { name }).waitFor();
    await context.close();
  });

  it('reports every bad row of a rejected stock list and stores nothing', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    screenshotOnFailure(page, 'kansenkaart-rejected-list');
    await signIn(page, 'corporatie@leiden.demo');
    await page.goto('/kansenkaart/importeren?gemeente=GM0503');
    const section = page.getByRole('region', { name: 'Voorraadlijst van een corporatie' });
    await section.getByLabel('Naam van de lijst').fill('Bezit Delft met fouten');
    await section.getByLabel('Bestand').setInputFiles(join(dirname(delftTile), 'corporatie_voorraad_fout.csv'));
    await section.getByRole('button', { name: 'Voorraadlijst uploaden' }).click();
    const report = section.getByRole('alert');
    await report.getByText('er is niets opgeslagen', { exact: false }).waitFor();
    expect(await report.getByRole('row').count()).toBeGreaterThan(3);
    await report.getByRole('cell', { name: 'regel 3' }).first().waitFor();
    expect(await page.getByRole('link', { name: 'Bezit Delft met fouten' }).count()).toBe(0);
    await context.close();
  });
});
