/**
 * Browser journeys for the foundation: sign in, create a project, edit it through a validation error,
 * confidentiality across organisations, and switching language.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { newContext, screenshotOnFailure, signIn } from './support/session.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('foundation journeys', () => {
  it('signs in after a wrong password and lands on the project list', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();

    await page.getByLabel('E-mailadres').fill('beleid@leiden.demo');
    await page.getByLabel('Wachtwoord', { exact: true }).fill('dit-is-niet-goed');
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByText('Het e-mailadres of het wachtwoord klopt niet.').waitFor();

    await page.getByLabel('Wachtwoord', { exact: true }).fill('kringbouw-demo');
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Projecten' }).waitFor();
    // The demo projects are there and labelled as examples.
    const rows = page.getByRole('row').filter({ hasText: 'Voorbeeld:' });
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(1);
    await context.close();
  });

  it('creates a project, then edits it through a validation error', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    screenshotOnFailure(page, 'create-edit-project');
    await signIn(page, 'beleid@leiden.demo');

    await page.getByRole('link', { name: 'Nieuw project' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuw project' }).waitFor();
    const name = `Journey Stationsgebied ${Date.now()}`;
    await page.getByLabel('Projectnaam').fill(name);
    await page.getByLabel('Gemeente', { exact: true }).selectOption('GM0546');
    await page.getByLabel('Soort project').selectOption('nieuwbouw');
    await page.getByLabel('Type bebouwing').selectOption('gestapeld');
    await page.getByLabel('Aantal woningen').fill('120');
    await page.getByLabel('Huidige fase').selectOption('ontwerp');
    await page.getByRole('button', { name: 'Project opslaan' }).click();

    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(page.url()).toMatch(/\/projecten\/[0-9a-f-]{36}$/);
    await expect(page.getByText('120 woningen').first().isVisible()).resolves.toBe(true);

    await page.getByRole('link', { name: 'Bewerken' }).click();
    await page.getByLabel('Aantal woningen').fill('honderd');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    // The error is shown next to the field, and the page stays on the form.
    await page.getByText('Er is 1 fout in het formulier').waitFor();
    expect(await page.getByLabel('Aantal woningen').getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).toMatch(/bewerken$/);

    await page.getByLabel('Aantal woningen').fill('132');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByText('132 woningen').first().waitFor();

    // The change is stored: a fresh load shows it.
    await page.reload();
    await page.getByText('132 woningen').first().waitFor();
    await context.close();
  });

  it('keeps a confidential project invisible to another organisation', async () => {
    const confidential = 'Voorbeeld: vertrouwelijke verkenning Leiden';

    const party = await newContext(browser);
    const partyPage = await party.newPage();
    screenshotOnFailure(partyPage, 'confidential-party');
    await signIn(partyPage, 'corporatie@leiden.demo');
    await partyPage.getByRole('link', { name: confidential }).click();
    await partyPage.getByRole('heading', { level: 1, name: confidential }).waitFor();
    const url = partyPage.url();
    await party.close();

    const outsider = await newContext(browser);
    const page = await outsider.newPage();
    await signIn(page, 'beleid@utrecht.demo');
    screenshotOnFailure(page, 'confidential-outsider');
    await page.getByRole('searchbox', { name: 'Zoeken' }).fill('vertrouwelijke');
    await page.getByText('Geen projecten gevonden die passen bij uw zoekopdracht en filters.').waitFor();
    expect(await page.getByRole('link', { name: confidential }).count()).toBe(0);

    // Even with the address, the project does not exist for an outsider.
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: /niet gevonden/ }).waitFor();
    expect(await page.getByRole('heading', { name: confidential }).count()).toBe(0);
    await outsider.close();
  });

  it('switches to English and keeps the choice after a reload', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'lezer@leiden.demo');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Projects' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Projects' }).waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: 'Projecten' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await context.close();
  });
});
