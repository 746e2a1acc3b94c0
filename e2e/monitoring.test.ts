/**
 * Browser journey for monitoring (journey 3, "Official MPG"): a policy officer registers a project, declares the
 * official MPG from a validated tool with its report PDF, sees it on the project page as official with its HNN check,
 * downloads the report back, and finds it in the municipality dashboard's average official MPG.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { registerProject, tinyPdf } from './support/projects.ts';
import { newContext, screenshotOnFailure, signIn } from './support/session.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});


describe('monitoring journeys', () => {
  it('declares an official MPG with a PDF and sees it on the municipality dashboard', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    screenshotOnFailure(page, 'monitoring-official-mpg');
    await signIn(page, 'beleid@leiden.demo');

    const name = `Journey MPG Dordrecht ${Date.now()}`;
    await registerProject(page, { name, municipalityCode: 'GM0505', dwellings: 64 });

    await page.getByRole('heading', { level: 2, name: 'Indicatoren' }).waitFor();
    // Nothing declared for dwellings: the project record's 64 is shown, labelled as such (the dashboards count it).
    const dwellingsRow = page.locator('tr[data-indicator="dwellings"]');
    expect(await dwellingsRow.getByText('uit projectgegevens').isVisible()).toBe(true);
    expect(await dwellingsRow.textContent()).toContain('64 woningen');
    await page.getByRole('button', { name: 'Officiële waarde opgeven' }).click();
    const form = page.getByRole('form', { name: 'Officiële waarde opgeven' });
    await form.getByLabel('Indicator').selectOption('mpg');
    await form.getByLabel('Waarde', { exact: true }).fill('0,42');
    await form.getByLabel('Rekeninstrument', { exact: true }).fill('GPR Materiaal');
    await form.getByLabel('Versie van het rekeninstrument').fill('5.2');
    await form.getByLabel('Versie van de NMD-data').fill('NMD 3.7');
    await form.getByLabel('Datum van de berekening').fill('2026-03-01');

    // Without the report the MPG is refused, next to the field.
    await form.getByRole('button', { name: 'Vastleggen' }).click();
    await form.getByText('Voeg het rapport (PDF) van de MPG-berekening toe.').waitFor();

    await form.getByLabel('Rapport (PDF)').setInputFiles({ name: 'MPG-rapport.pdf', mimeType: 'application/pdf', buffer: tinyPdf });
    await form.getByRole('button', { name: 'Vastleggen' }).click();
    await form.waitFor({ state: 'detached' });

    const mpgRow = page.locator('tr[data-indicator="mpg"]');
    await mpgRow.getByText('0,42').waitFor();
    expect(await mpgRow.getByText('officieel', { exact: true }).isVisible()).toBe(true);
    expect(await mpgRow.getByText(/voldoet aan HNN/).isVisible()).toBe(true);

    await mpgRow.getByRole('button', { name: /Geschiedenis/ }).click();
    // The trend: ECharts draws on a canvas; the table alternative holds the same value with the HNN level.
    await page.getByRole('heading', { name: 'Verloop van MPG (milieuprestatie gebouw)' }).waitFor();
    await page.getByRole('img', { name: /Grafiek: verloop van MPG/ }).locator('canvas').first().waitFor();
    await page.getByText('Verloop als tabel').click();
    const trendRow = page.getByRole('table', { name: /Verloop van MPG/ }).getByRole('row').nth(1);
    // The phase is the project's phase stored with the entry when it was recorded (no "afgeleid" label).
    expect(await trendRow.getByRole('cell').allTextContents()).toEqual([expect.any(String), 'Ontwerp', '—', '0,42', '—', '≤ 0,50']);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Rapport: MPG-rapport.pdf' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('MPG-rapport.pdf');

    await page.getByRole('link', { name: 'Monitoring' }).click();
    await page.getByRole('heading', { level: 1, name: 'Monitoring per gemeente' }).waitFor();
    await page.getByLabel('Gemeente', { exact: true }).selectOption('GM0505');
    await page.getByRole('heading', { level: 2, name: 'Dordrecht' }).waitFor();
    await page.getByRole('link', { name }).waitFor();
    const average = await page.getByTestId('average-official-mpg').textContent();
    expect(average).toBe('0,42');
    expect(page.url()).toContain('gemeente=GM0505');

    // The City Deal overview shows Dordrecht with the same official average.
    await page.getByRole('link', { name: 'City Deal: steden naast elkaar' }).click();
    await page.getByRole('heading', { level: 1, name: 'City Deal: steden naast elkaar' }).waitFor();
    const dordrecht = page.getByTestId('city-deal-table').getByRole('row').filter({ hasText: 'Dordrecht' });
    await dordrecht.waitFor();
    expect(await dordrecht.getByRole('cell').nth(2).textContent()).toBe('0,42');
    await context.close();
  });
});
