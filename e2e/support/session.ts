import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject, onTestFailed } from 'vitest';

export const DEMO_PASSWORD = 'kringbouw-demo';

export function baseUrl(): string {
  return inject('baseUrl');
}

/** A fresh browser context (own cookies and storage) with Dutch as the browser language. */
export async function newContext(browser: Browser, locale = 'nl-NL'): Promise<BrowserContext> {
  return browser.newContext({ baseURL: baseUrl(), locale, viewport: { width: 1280, height: 900 } });
}

/** Signs in through the real sign-in page, as a user would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Projecten' }).waitFor();
}

/** Saves a screenshot to test-results/ when the current test fails, to see what the user saw. */
export function screenshotOnFailure(page: Page, name: string): void {
  onTestFailed(async () => {
    await page.screenshot({ path: `test-results/${name}.png`, fullPage: true }).catch(() => undefined);
  });
}
