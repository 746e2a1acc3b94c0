/**
 * Browser journey for prestatieafspraken (journey 4, "Making agreements"): the corporation registers a new-build
 * project and drafts agreements from a template of the Cirkelstad guide, edits the measurable commitment to look
 * at that project, submits its bid; the gemeente opens the negotiation; the gemeente, the corporation and the
 * huurdersorganisatie each approve on behalf of their organisation, which signs the agreements; then the
 * corporation declares the project's official value and the commitment turns green, changes the text after signing,
 * and records evidence for the procesafspraak with a PDF attached.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { registerProject, tinyPdf } from './support/projects.ts';
import { newContext, screenshotOnFailure, signIn } from './support/session.ts';

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
});

const templateTitle = 'Materiaalgebonden CO2 binnen het basisniveau van Het Nieuwe Normaal';
/** A procesafspraak from the guide's templates: fulfilled by evidence. */
const processTitle = 'Verkennend gesprek over ambities';
const corporation = 'Voorbeeldcorporatie Leiden (demo)';
const tenants = 'Voorbeeld Huurdersorganisatie Leiden (demo)';

async function pageFor(email: string, name: string): Promise<Page> {
  const context = await newContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  screenshotOnFailure(page, name);
  await signIn(page, email);
  return page;
}

describe('prestatieafspraken journey', () => {
  it('drafts from a template, is approved by all three parties, and a new official value turns a commitment green', async () => {
    const stamp = Date.now();
    const projectName = `Journey PA houtbouw Leiden ${stamp}`;
    const title = `Prestatieafspraken Leiden journey ${stamp}`;

    // 1. The corporation registers the new-build project the commitment will look at.
    const corp = await pageFor('corporatie@leiden.demo', 'agreements-corporation');
    await registerProject(corp, { name: projectName, municipalityCode: 'GM0546', dwellings: 48 });
    const projectUrl = corp.url();

    // 2. New agreements from a template of the guide.
    await corp.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Prestatieafspraken' }).click();
    await corp.getByRole('heading', { level: 1, name: 'Prestatieafspraken' }).waitFor();
    await corp.getByRole('link', { name: 'Nieuwe prestatieafspraken' }).click();
    await corp.getByRole('heading', { level: 1, name: 'Nieuwe prestatieafspraken' }).waitFor();
    await corp.getByLabel('Titel', { exact: true }).fill(title);
    await corp.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Gemeente Leiden' });
    await corp.getByLabel(corporation, { exact: true }).check();
    await corp.getByLabel(tenants, { exact: true }).check();
    await corp.getByLabel(templateTitle).check();
    await corp.getByLabel(processTitle, { exact: true }).check();
    await corp.getByText('2 voorbeelden gekozen').waitFor();
    await corp.getByRole('button', { name: 'Prestatieafspraken aanmaken' }).click();
    await corp.getByRole('heading', { level: 1, name: title }).waitFor();
    const agreementUrl = corp.url();
    expect(agreementUrl).toMatch(/\/prestatieafspraken\/[0-9a-f-]{36}$/);
    expect(await corp.getByTestId('agreement-state').textContent()).toBe('Concept');

    // 3. Edit the inserted commitment: a stricter target, for the project just registered.
    const card = corp.locator('article.commitment', { hasText: templateTitle });
    await card.getByTestId('commitment-target').waitFor();
    expect(await card.getByTestId('commitment-target').textContent()).toContain('≤ 240');
    await corp.getByRole('button', { name: `Wijzigen: ${templateTitle}` }).click();
    const form = corp.getByRole('form', { name: 'Afspraak opslaan' });
    await form.getByLabel('Welke projecten tellen mee').selectOption('project');
    await form.getByRole('option', { name: projectName }).waitFor({ state: 'attached' });
    await form.getByLabel('Project', { exact: true }).selectOption({ label: projectName });
    await form.getByLabel('Doelwaarde').fill('220');
    await form.getByRole('button', { name: 'Afspraak opslaan' }).click();
    await form.waitFor({ state: 'detached' });
    await card.getByText(`Project ${projectName}`).waitFor();
    expect(await card.getByTestId('commitment-target').textContent()).toContain('≤ 220');
    // No figures yet: the project has no value, so the commitment is not green.
    const light = card.getByTestId('commitment-progress').locator('[data-light]').first();
    await light.waitFor();
    expect(await light.getAttribute('data-light')).not.toBe('groen');

    // 4. The corporation submits its bid; the gemeente opens the negotiation and approves.
    await corp.getByRole('button', { name: 'Bod uitbrengen' }).click();
    await corp.getByTestId('agreement-state').getByText('Bod uitgebracht').waitFor();

    const gemeente = await pageFor('beleid@leiden.demo', 'agreements-gemeente');
    await gemeente.goto(agreementUrl);
    await gemeente.getByRole('heading', { level: 1, name: title }).waitFor();
    await gemeente.getByRole('button', { name: 'Onderhandeling starten' }).click();
    await gemeente.getByTestId('agreement-state').getByText('Onderhandeling').waitFor();
    // A member of the gemeente approves for the gemeente only.
    expect(await gemeente.getByRole('button', { name: `Goedkeuren namens ${corporation}` }).count()).toBe(0);
    await gemeente.getByRole('button', { name: 'Goedkeuren namens Gemeente Leiden' }).click();
    await gemeente.getByText(/Goedgekeurd door Beleidsmedewerker Leiden \(demo\) op/).waitFor();

    // 5. The corporation approves.
    await corp.goto(agreementUrl);
    await corp.getByRole('button', { name: `Goedkeuren namens ${corporation}` }).click();
    await corp.getByText(/Goedgekeurd door Assetmanager Voorbeeldcorporatie \(demo\) op/).waitFor();

    // 6. The huurdersorganisatie comments as an equal party and gives the last approval, which signs.
    const huurders = await pageFor('huurders@leiden.demo', 'agreements-huurders');
    await huurders.goto(agreementUrl);
    await huurders.getByRole('heading', { level: 1, name: title }).waitFor();
    // The bell tells the huurdersorganisatie that the gemeente opened the negotiation.
    await huurders.getByLabel(/^Meldingen: [1-9]\d* ongelezen$/).click();
    await huurders.getByRole('link', { name: `Beleidsmedewerker Leiden (demo) startte de onderhandeling over “${title}”` }).waitFor();
    await huurders.getByRole('button', { name: 'Alles gelezen' }).click();
    await huurders.getByLabel('Meldingen: 0 ongelezen').waitFor();
    await huurders.keyboard.press('Escape');
    const tenantsCard = huurders.locator('article.commitment', { hasText: templateTitle });
    await tenantsCard.getByRole('textbox', { name: `Reactie op “${templateTitle}”` }).fill('Graag ook de huurders betrekken bij de keuze van materialen.');
    await tenantsCard.getByRole('button', { name: 'Reactie plaatsen' }).click();
    await tenantsCard.getByText('Graag ook de huurders betrekken bij de keuze van materialen.').waitFor();
    await huurders.getByRole('button', { name: `Goedkeuren namens ${tenants}` }).click();
    await huurders.getByTestId('agreement-state').getByText('Ondertekend').waitFor();
    await huurders.getByText(/Ondertekend door alle partijen op/).waitFor();

    // 7. The corporation declares the project's official embodied carbon; the commitment turns green.
    await corp.goto(projectUrl);
    await corp.getByRole('heading', { level: 2, name: 'Indicatoren' }).waitFor();
    await corp.getByRole('button', { name: 'Officiële waarde opgeven' }).click();
    const declare = corp.getByRole('form', { name: 'Officiële waarde opgeven' });
    await declare.getByLabel('Indicator').selectOption('embodiedCarbon');
    await declare.getByLabel('Waarde', { exact: true }).fill('180');
    await declare.getByLabel('Rekeninstrument', { exact: true }).fill('DGBC Paris Proof-rekentool');
    await declare.getByLabel('Versie van het rekeninstrument').fill('2.1');
    await declare.getByLabel('Datum van de berekening').fill('2026-11-01');
    await declare.getByLabel('Rapport (PDF)').setInputFiles({ name: 'paris-proof.pdf', mimeType: 'application/pdf', buffer: tinyPdf });
    await declare.getByRole('button', { name: 'Vastleggen' }).click();
    await declare.waitFor({ state: 'detached' });

    await corp.goto(agreementUrl);
    const signedCard = corp.locator('article.commitment', { hasText: templateTitle });
    await signedCard.getByTestId('commitment-progress').locator('[data-light="groen"]').waitFor();
    const figures = await signedCard.getByTestId('commitment-progress').textContent();
    expect(figures).toContain('Gerealiseerd: 180');
    expect(figures).toContain('officiële waarden');
    expect(figures).not.toContain('alleen indicatieve waarden beschikbaar');

    // 8. The yearly evaluation: a comment for the year goes into the document, which downloads as PDF and Word.
    const evaluation = corp.locator('section', { has: corp.getByRole('heading', { level: 2, name: 'Jaarlijkse evaluatie' }) });
    const year = await evaluation.getByLabel('Jaar', { exact: true }).inputValue();
    await evaluation.getByRole('textbox', { name: `Reactie voor de evaluatie ${year} (komt in het evaluatiedocument)` }).fill('Het eerste project haalt het doel ruim.');
    await evaluation.getByRole('button', { name: 'Reactie plaatsen' }).click();
    await evaluation.getByText('Het eerste project haalt het doel ruim.').waitFor();
    const pdfDownload = corp.waitForEvent('download');
    await evaluation.getByRole('link', { name: `Evaluatie ${year} downloaden (PDF)` }).click();
    expect((await pdfDownload).suggestedFilename()).toMatch(new RegExp(`^jaarevaluatie-${year}-.*\\.pdf$`));
    const docxDownload = corp.waitForEvent('download');
    await evaluation.getByRole('link', { name: `Evaluatie ${year} downloaden (Word)` }).click();
    expect((await docxDownload).suggestedFilename()).toMatch(/\.docx$/);

    // 9. A change after signing opens version 2: what changed is shown and every party approves again.
    await corp.getByRole('button', { name: `Wijzigen: ${templateTitle}` }).click();
    const change = corp.getByRole('form', { name: 'Afspraak opslaan' });
    await change.getByText(/Opslaan opent versie 2/).waitFor();
    await change.getByLabel('Doelwaarde').fill('200');
    await change.getByRole('button', { name: 'Afspraak opslaan' }).click();
    await change.waitFor({ state: 'detached' });
    await corp.getByTestId('agreement-state').getByText('Wijziging ter goedkeuring').waitFor();
    const diff = corp.getByTestId('version-diff');
    await diff.getByText('Wat is er veranderd van versie 1 naar versie 2:').waitFor();
    expect(await diff.textContent()).toContain('Doelwaarde: 220 → 200');
    await corp.getByRole('heading', { level: 2, name: 'Goedkeuring van versie 2' }).waitFor();
    expect(await corp.locator('.approval-list__item[data-approved="true"]').count()).toBe(0);
    await corp.getByText(/Tot alle partijen die goedkeuren, geldt versie 1/).waitFor();

    // 10. The audit trail names who did what, before → after, and downloads as CSV.
    await corp.getByRole('button', { name: 'Logboek tonen' }).click();
    const trail = corp.locator('.audit-table');
    await trail.getByText('Ondertekend', { exact: true }).first().waitFor();
    expect(await trail.getByRole('row').filter({ hasText: 'Goedgekeurd' }).count()).toBe(3);
    expect(await trail.textContent()).toContain('Bestuurslid Huurdersorganisatie (demo)');
    const csvDownload = corp.waitForEvent('download');
    await corp.getByRole('link', { name: 'Logboek downloaden (CSV)' }).click();
    expect((await csvDownload).suggestedFilename()).toMatch(/\.csv$/);

    // 11. Evidence for the procesafspraak with the meeting's report attached as a PDF: listed with name, type and size.
    const processCard = corp.locator('article.commitment', { hasText: processTitle });
    await processCard.getByRole('button', { name: 'Bewijs vastleggen' }).click();
    const evidenceForm = processCard.getByRole('form', { name: 'Bewijs vastleggen' });
    await evidenceForm.getByLabel('Wat is er gedaan?').fill('Verkennend gesprek gevoerd met gemeente en huurders.');
    await evidenceForm.getByLabel('Datum').fill(new Date().toISOString().slice(0, 10));
    await evidenceForm.getByLabel('Document (niet verplicht)', { exact: true }).setInputFiles({ name: 'verslag-gesprek.pdf', mimeType: 'application/pdf', buffer: tinyPdf });
    await evidenceForm.getByRole('button', { name: 'Bewijs opslaan' }).click();
    await evidenceForm.waitFor({ state: 'detached' });
    const attached = processCard.getByTestId('evidence-file');
    await attached.getByRole('link', { name: 'verslag-gesprek.pdf' }).waitFor();
    expect(await attached.textContent()).toBe('verslag-gesprek.pdf (PDF, 1 kB)');
    const evidenceDownload = corp.waitForEvent('download');
    await attached.getByRole('link', { name: 'verslag-gesprek.pdf' }).click();
    expect((await evidenceDownload).suggestedFilename()).toBe('verslag-gesprek.pdf');
  });
});
