/**
 * Browser journey for the monitoring reports: a policy officer declares an official MPG with its report PDF, sees
 * the project on the municipality dashboard (table and map), downloads the yearly monitoring report as xlsx and as
 * PDF and opens both (the project's official MPG is in them), and records an experience on the City Deal page
 * (monitoring level 1).
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../apps/server/test/pdf-text.ts';
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


describe('monitoring report journeys', () => {
  it('declares an official MPG, sees it on the dashboard and map, and finds it in the downloaded yearly report', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    screenshotOnFailure(page, 'monitoring-reports');
    await signIn(page, 'beleid@leiden.demo');

    const name = `Journey Rapport Amersfoort ${Date.now()}`;
    await registerProject(page, { name, municipalityCode: 'GM0307', dwellings: 72, latitude: '52,156', longitude: '5,387' });

    await page.getByRole('button', { name: 'Officiële waarde opgeven' }).click();
    const form = page.getByRole('form', { name: 'Officiële waarde opgeven' });
    await form.getByLabel('Indicator').selectOption('mpg');
    await form.getByLabel('Waarde', { exact: true }).fill('0,37');
    await form.getByLabel('Rekeninstrument', { exact: true }).fill('GPR Materiaal');
    await form.getByLabel('Versie van het rekeninstrument').fill('5.2');
    await form.getByLabel('Versie van de NMD-data').fill('NMD 3.7');
    await form.getByLabel('Datum van de berekening').fill('2026-03-01');
    await form.getByLabel('Rapport (PDF)').setInputFiles({ name: 'MPG-rapport.pdf', mimeType: 'application/pdf', buffer: tinyPdf });
    await form.getByRole('button', { name: 'Vastleggen' }).click();
    await form.waitFor({ state: 'detached' });
    await page.locator('tr[data-indicator="mpg"]').getByText('0,37').waitFor();

    await page.getByRole('link', { name: 'Monitoring' }).click();
    await page.getByRole('heading', { level: 1, name: 'Monitoring per gemeente' }).waitFor();
    await page.getByLabel('Gemeente', { exact: true }).selectOption('GM0307');
    await page.getByRole('heading', { level: 2, name: 'Amersfoort' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
    expect(await row.getByRole('cell').nth(5).textContent()).toBe('0,37');
    // The project is placed on the map (it has a location and the viewer may see it).
    // The map reads its own endpoint (…/monitoring/map): wait until its points have arrived.
    const map = page.locator('[data-testid="project-map"][aria-busy="false"]');
    await map.waitFor();
    expect(Number(await map.getAttribute('data-points'))).toBeGreaterThanOrEqual(1);
    // The project list's CSV is the server's CSV of the whole visible list.
    const csvDownload = page.waitForEvent('download');
    await page.getByTestId('projects-csv').click();
    const csvFile = await csvDownload;
    expect(csvFile.suggestedFilename()).toBe('projecten-GM0307.csv');
    const csvPath = await csvFile.path();
    const csvText = (await readFile(csvPath)).toString('utf8');
    expect(csvText.split('\r\n')[0]).toBe('\uFEFFProject;Soort;Fase;Jaar;Woningen;MPG officieel;MPG indicatief');
    expect(csvText).toContain(`${name};`);
    expect(csvText).toContain(';0.37;');

    const reports = page.getByRole('region', { name: 'Rapportages' });
    await reports.getByLabel('Soort rapportage').selectOption('jaarrapport');
    const year = String(new Date().getFullYear());
    await reports.getByLabel('Rapportjaar').fill(year);

    const xlsxDownload = page.waitForEvent('download');
    await reports.getByRole('link', { name: 'Excel downloaden' }).click();
    const xlsxFile = await xlsxDownload;
    expect(xlsxFile.suggestedFilename()).toBe(`monitoringsrapportage-amersfoort-${year}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await xlsxFile.path())) as unknown as ArrayBuffer);
    const projects: unknown[][] = [];
    workbook.getWorksheet('Projecten')?.eachRow((r) => projects.push((r.values as unknown[]).slice(1)));
    const projectRow = projects.find((r) => r[0] === name);
    expect(projectRow?.slice(1, 7)).toEqual(['Amersfoort', 'Nieuwbouw', 'Ontwerp', year, 72, 0.37]);
    // No indicative MPG: the cell stays empty (official and indicative are separate columns, never mixed).
    expect(projectRow?.[7] ?? null).toBeNull();

    const pdfDownload = page.waitForEvent('download');
    await reports.getByRole('link', { name: 'PDF downloaden' }).click();
    const pdfFile = await pdfDownload;
    const bytes = await readFile(await pdfFile.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(bytes).replace(/\s+/g, ' ');
    expect(text).toContain(`Monitoringsrapportage ${year}`);
    expect(text).toContain(name);
    expect(text).toContain('0,37');
    await context.close();
  });

  it('records an experience (monitoring level 1) on the City Deal page and sees it in the list', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    screenshotOnFailure(page, 'monitoring-lessons');
    await signIn(page, 'beleid@leiden.demo');
    await page.goto('/monitoring/city-deal');
    await page.getByRole('heading', { level: 2, name: 'Niveau 1: ervaringen en lessen per organisatie' }).waitFor();
    await page.getByRole('button', { name: 'Ervaring vastleggen' }).click();
    const form = page.getByRole('form', { name: 'Ervaring vastleggen' });
    // Neither field filled: refused next to the field.
    await form.getByRole('button', { name: 'Ervaring opslaan' }).click();
    await form.getByText('Vul in wat versnelde of wat blokkeerde.').waitFor();
    const blocker = `Vergunning voor houtbouw duurde lang ${Date.now()}`;
    await form.getByLabel('Thema').selectOption('regelgeving');
    await form.getByLabel('Wat blokkeerde').fill(blocker);
    await form.getByRole('button', { name: 'Ervaring opslaan' }).click();
    await form.waitFor({ state: 'detached' });
    const item = page.getByTestId('lesson-list').getByRole('listitem').filter({ hasText: blocker });
    await item.waitFor();
    expect(await item.textContent()).toContain('Wet- en regelgeving');
    await context.close();
  });
});
