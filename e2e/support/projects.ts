import type { Page } from 'playwright-core';

/** The smallest valid PDF, standing in for an MPG report or another attached document. */
export const tinyPdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/**
 * Registers a new-build project through the "Nieuw project" form, as a user would, and waits on its page.
 * Coordinates (decimal comma, as a Dutch user types them) are optional.
 */
export async function registerProject(
  page: Page,
  project: { name: string; municipalityCode: string; dwellings: number; latitude?: string; longitude?: string },
): Promise<void> {
  await page.getByRole('link', { name: 'Nieuw project' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nieuw project' }).waitFor();
  await page.getByLabel('Projectnaam').fill(project.name);
  await page.getByLabel('Gemeente', { exact: true }).selectOption(project.municipalityCode);
  await page.getByLabel('Soort project').selectOption('nieuwbouw');
  await page.getByLabel('Type bebouwing').selectOption('gestapeld');
  await page.getByLabel('Aantal woningen').fill(String(project.dwellings));
  await page.getByLabel('Huidige fase').selectOption('ontwerp');
  if (project.latitude !== undefined) await page.getByLabel('Breedtegraad').fill(project.latitude);
  if (project.longitude !== undefined) await page.getByLabel('Lengtegraad').fill(project.longitude);
  await page.getByRole('button', { name: 'Project opslaan' }).click();
  await page.getByRole('heading', { level: 1, name: project.name }).waitFor();
}
