import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Agreement } from '@kringbouw/contracts';
import { i18n } from '../../i18n/index.ts';
import { AgreementView } from './AgreementPage.tsx';
import { agreementId, gemeenteId, huurdersId, json, makeAgreement, makeProgress, renderWith, sessionFor } from './test/fixtures.tsx';

let calls: { url: string; method: string; body: unknown }[] = [];
let approveAnswer: () => Response = () => json(500, {});
let updateAnswer: () => Response = () => json(500, {});
let evidenceAnswer: () => Response = () => json(500, {});

beforeEach(async () => {
  await i18n.changeLanguage('nl');
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      calls.push({ url, method, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      if (url.startsWith(`/api/agreements/${agreementId}/progress`)) return json(200, makeProgress());
      if (url.startsWith(`/api/agreements/${agreementId}/comments`) && method === 'GET') {
        return json(200, {
          items: [
            {
              id: '99999999-9999-4999-8999-999999999999',
              commitmentId: '55555555-5555-4555-8555-555555555555',
              body: 'Kunnen we de MPG-grens per project afspreken?',
              organisationId: huurdersId,
              organisationName: 'Voorbeeld Huurdersorganisatie Leiden (demo)',
              evaluationYear: null,
              author: { id: '88888888-8888-4888-8888-888888888888', name: 'Bestuurslid Huurdersorganisatie (demo)' },
              createdAt: '2026-11-21T10:00:00.000Z',
            },
          ],
        });
      }
      if (url.startsWith(`/api/agreements/${agreementId}/evidence`) && method === 'POST') return evidenceAnswer();
      if (url.startsWith(`/api/agreements/${agreementId}/evidence`)) return json(200, { items: [] });
      if (url.startsWith(`/api/agreements/${agreementId}/versions`)) return json(200, { items: [makeAgreement().workingVersion] });
      if (url.startsWith(`/api/agreements/${agreementId}/approvals`)) return approveAnswer();
      if (url === `/api/agreements/${agreementId}` && method === 'PUT') return updateAnswer();
      return json(404, { error: { code: 'not_found', message: 'Niet gevonden' } });
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const huurdersBewerker = sessionFor([{ organisationId: huurdersId, organisationName: 'Voorbeeld Huurdersorganisatie Leiden (demo)', organisationKind: 'huurdersorganisatie', role: 'bewerker' }]);
const gemeenteLezer = sessionFor([{ organisationId: gemeenteId, organisationName: 'Gemeente Leiden', organisationKind: 'gemeente', role: 'lezer' }]);
const outsider = sessionFor([{ organisationId: '12121212-1212-4212-8212-121212121212', organisationName: 'Gemeente Utrecht', organisationKind: 'gemeente', role: 'bewerker' }]);

describe('AgreementView', () => {
  it('shows the yearly cycle with its Woningwet dates and the current state', async () => {
    renderWith(<AgreementView agreement={makeAgreement()} />, huurdersBewerker);
    const cycle = screen.getByRole('heading', { name: 'Jaarcyclus' }).closest('section');
    expect(cycle).not.toBeNull();
    const steps = within(cycle as HTMLElement).getAllByRole('listitem');
    expect(steps.map((step) => step.querySelector('.timeline__label')?.textContent)).toEqual([
      'Concept',
      'Bod van de corporatie',
      'Onderhandeling',
      'Ondertekend door alle partijen',
      'Jaarlijkse evaluatie',
      'Afgerond',
    ]);
    expect(steps[1]?.textContent).toContain('uiterlijk 1 juli 2026');
    expect(steps[3]?.textContent).toContain('uiterlijk 15 december 2026');
    expect(steps[2]?.getAttribute('aria-current')).toBe('step');
    expect(steps[0]?.className).toContain('timeline__step--done');
    expect(steps[3]?.className).toContain('timeline__step--upcoming');
    expect(screen.getByTestId('agreement-state').textContent).toBe('Onderhandeling');
    expect(steps[4]?.textContent).toContain('0 van 2 jaren geëvalueerd');
  });

  it('lets a huurdersorganisatie member approve for their own organisation only, and sends the revision read', async () => {
    approveAnswer = () => json(200, makeAgreement());
    renderWith(<AgreementView agreement={makeAgreement()} />, huurdersBewerker);
    const approvals = screen.getByRole('heading', { name: 'Goedkeuring van versie 1' }).closest('section') as HTMLElement;
    expect(within(approvals).getByText(/Goedgekeurd door Beleidsmedewerker Leiden \(demo\) op/)).toBeTruthy();
    const buttons = within(approvals).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual(['Goedkeuren namens Voorbeeld Huurdersorganisatie Leiden (demo)']);
    fireEvent.change(within(approvals).getByLabelText(/Toelichting bij de goedkeuring/), { target: { value: 'Akkoord namens de huurders' } });
    fireEvent.click(buttons[0] as HTMLElement);
    await waitFor(() => expect(calls.some((call) => call.method === 'POST')).toBe(true));
    const post = calls.find((call) => call.method === 'POST');
    expect(post?.url).toBe(`/api/agreements/${agreementId}/approvals`);
    expect(post?.body).toEqual({ organisationId: huurdersId, revision: 7, note: 'Akkoord namens de huurders' });
  });

  it('shows no approve, edit or comment actions to a lezer, and hides the audit trail from non-parties', async () => {
    renderWith(<AgreementView agreement={makeAgreement()} />, gemeenteLezer);
    await screen.findByTestId('agreement-light');
    expect(screen.queryByRole('button', { name: /Goedkeuren namens/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Wijzigen:/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reactie plaatsen' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Logboek' })).toBeTruthy();
    cleanup();

    renderWith(<AgreementView agreement={makeAgreement({ visibility: 'openbaar' })} />, outsider);
    await screen.findByTestId('agreement-light');
    expect(screen.queryByRole('heading', { name: 'Logboek' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Goedkeuren namens/ })).toBeNull();
  });

  it('shows traffic lights per theme and says loudly when a result rests on indicative values only', async () => {
    renderWith(<AgreementView agreement={makeAgreement()} />, huurdersBewerker);
    const overall = await screen.findByTestId('agreement-light');
    expect(overall.textContent).toContain('Alle afspraken: Oranje: loopt');
    expect(overall.textContent).toContain('1 oranje · 1 grijs');
    const nieuwbouwRow = document.querySelector('.progress-themes tr[data-theme="nieuwbouw"]') as HTMLElement;
    expect(nieuwbouwRow.querySelector('[data-light]')?.getAttribute('data-light')).toBe('oranje');

    const card = document.querySelector('[data-commitment-id="55555555-5555-4555-8555-555555555555"]') as HTMLElement;
    expect(within(card).getByTestId('commitment-target').textContent).toBe('MPG (milieuprestatie gebouw) ≤ 0,60 EUR/m2 BVO/jr');
    const figures = within(card).getByTestId('commitment-progress');
    expect(figures.textContent).toContain('Gerealiseerd: 0,72 EUR/m2 BVO/jr');
    expect(figures.textContent).toContain('alleen indicatieve waarden');
    expect(within(figures).getByRole('note').textContent).toContain('alleen indicatieve waarden beschikbaar');
    expect(figures.textContent).toContain('1 van 2 projecten die meetellen hebben een waarde.');
    // The confidential projects are counted but neither named nor shown.
    expect(figures.textContent).toContain('Vertrouwelijke projecten: meegeteld, maar naam en cijfers zijn voor u niet zichtbaar');
    expect(within(card).getByText('Meetbare afspraak')).toBeTruthy();
    expect(within(card).getByText(/R2 Reduce \(verminderen\) · Reduce: compacter/)).toBeTruthy();
    // The huurdersorganisatie's comment on this commitment, with who and when.
    expect(await within(card).findByText('Kunnen we de MPG-grens per project afspreken?')).toBeTruthy();
    expect(within(card).getByText('1 reactie')).toBeTruthy();
    expect(within(card).getByRole('textbox', { name: 'Reactie op “MPG van nieuwbouw”' })).toBeTruthy();
  });

  it('groups commitments by the four themes and offers editing in the negotiation', async () => {
    renderWith(<AgreementView agreement={makeAgreement()} />, huurdersBewerker);
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual([
      'Beter benutten bestaande voorraad (0)',
      'Verduurzaming en renovatie (0)',
      'Nieuwbouw (1)',
      'Proces en leren (1)',
    ].map((text) => expect.stringContaining(text)));
    fireEvent.click(screen.getByRole('button', { name: 'Wijzigen: MPG van nieuwbouw' }));
    const form = screen.getByRole('form', { name: 'Afspraak opslaan' });
    expect((within(form).getByLabelText('Doelwaarde') as HTMLInputElement).value).toBe('0,6');
    // Focus moves into the form that replaced the button.
    expect(document.activeElement).toBe(within(form).getByLabelText('Thema'));
  });

  it('shows that saving a signed text opens a new version', async () => {
    const signed: Agreement = makeAgreement({
      cycle: { ...makeAgreement().cycle, state: 'ondertekend', signedAt: '2026-12-10T10:00:00.000Z' },
      signedVersionNumber: 1,
    });
    renderWith(<AgreementView agreement={signed} />, huurdersBewerker);
    fireEvent.click(screen.getByRole('button', { name: 'Wijzigen: MPG van nieuwbouw' }));
    expect(screen.getByText(/Opslaan opent versie 2; alle partijen keuren die opnieuw goed/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Goedkeuren namens/ })).toBeNull();
  });

  it('marks per party whether it approved: the gemeente did, corporation and huurdersorganisatie not yet', () => {
    renderWith(<AgreementView agreement={makeAgreement()} />, huurdersBewerker);
    const items = [...document.querySelectorAll('.approval-list__item')];
    expect(items.map((item) => [item.querySelector('strong')?.textContent, item.getAttribute('data-approved')])).toEqual([
      ['Gemeente Leiden', 'true'],
      ['Voorbeeldcorporatie Leiden (demo)', 'false'],
      ['Voorbeeld Huurdersorganisatie Leiden (demo)', 'false'],
    ]);
  });

  it('changes the details with the parties unchanged and shows a 400 at its field', async () => {
    updateAnswer = () => json(400, { error: { code: 'validation_failed', message: 'Invoer klopt niet', details: [{ path: 'periodEndYear', message: 'Een periode duurt ten hoogste 10 jaar.' }] } });
    renderWith(<AgreementView agreement={makeAgreement()} />, huurdersBewerker);
    fireEvent.click(screen.getByRole('button', { name: 'Gegevens wijzigen' }));
    const form = screen.getByRole('form', { name: 'Gegevens wijzigen' });
    fireEvent.change(within(form).getByLabelText('Laatste jaar'), { target: { value: '2040' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Gegevens opslaan' }));
    expect(await within(form).findByText('Een periode duurt ten hoogste 10 jaar.')).toBeTruthy();
    const put = calls.find((call) => call.method === 'PUT');
    expect(put?.body).toMatchObject({
      title: 'Prestatieafspraken Leiden 2027',
      periodStartYear: 2027,
      periodEndYear: 2040,
      visibility: 'partijen',
      revision: 7,
      parties: [
        { organisationId: gemeenteId, tenantsOfOrganisationId: null },
        { organisationId: '22222222-2222-4222-8222-222222222222', tenantsOfOrganisationId: null },
        { organisationId: huurdersId, tenantsOfOrganisationId: '22222222-2222-4222-8222-222222222222' },
      ],
    });
    expect(within(form).getByLabelText('Laatste jaar').getAttribute('aria-invalid')).toBe('true');
  });

  it('records evidence for a procesafspraak on behalf of the party and shows a 400 at its field', async () => {
    evidenceAnswer = () => json(400, { error: { code: 'validation_failed', message: 'Invoer klopt niet', details: [{ path: 'date', message: 'Bewijs kan niet in de toekomst liggen.' }] } });
    renderWith(<AgreementView agreement={makeAgreement()} />, huurdersBewerker);
    const card = document.querySelector('[data-commitment-id="66666666-6666-4666-8666-666666666666"]') as HTMLElement;
    fireEvent.click(within(card).getByRole('button', { name: 'Bewijs vastleggen' }));
    const form = within(card).getByRole('form', { name: 'Bewijs vastleggen' });
    fireEvent.click(within(form).getByRole('button', { name: 'Bewijs opslaan' }));
    expect(within(form).getAllByText('Vul dit veld in.')).toHaveLength(2);
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
    fireEvent.change(within(form).getByLabelText('Wat is er gedaan?'), { target: { value: 'Eerste bijeenkomst van het leertraject gehouden.' } });
    fireEvent.change(within(form).getByLabelText('Datum'), { target: { value: '2027-03-14' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Bewijs opslaan' }));
    expect(await within(form).findByText('Bewijs kan niet in de toekomst liggen.')).toBeTruthy();
    expect(within(form).getByLabelText('Datum').getAttribute('aria-invalid')).toBe('true');
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({
      commitmentId: '66666666-6666-4666-8666-666666666666',
      note: 'Eerste bijeenkomst van het leertraject gehouden.',
      date: '2027-03-14',
      organisationId: huurdersId,
      documentTitle: null,
      documentUrl: null,
    });
  });

  it('offers a cycle action only to the party whose step it is', () => {
    const concept = makeAgreement({ cycle: { ...makeAgreement().cycle, state: 'concept', bidSubmittedAt: null, negotiationStartedAt: null, allowedActions: ['bod_uitbrengen'] } });
    renderWith(<AgreementView agreement={concept} />, huurdersBewerker);
    expect(screen.queryByRole('button', { name: 'Bod uitbrengen' })).toBeNull();
    cleanup();
    const corporation = sessionFor([{ organisationId: '22222222-2222-4222-8222-222222222222', organisationName: 'Voorbeeldcorporatie Leiden (demo)', organisationKind: 'woningcorporatie', role: 'bewerker' }]);
    renderWith(<AgreementView agreement={concept} />, corporation);
    expect(screen.getByRole('button', { name: 'Bod uitbrengen' })).toBeTruthy();
    // Approving waits for the negotiation.
    expect(screen.queryByRole('button', { name: /Goedkeuren namens/ })).toBeNull();
  });
});
