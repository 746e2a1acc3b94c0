import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { i18n } from '../../i18n/index.ts';
import AgreementCreatePage from './AgreementCreatePage.tsx';
import { corporatieId, gemeenteId, huurdersId, json, makeAgreement, renderWith, sessionFor } from './test/fixtures.tsx';

const organisation = (id: string, name: string, kind: string) => ({ id, name, shortName: null, kind, municipalityCode: kind === 'gemeente' ? 'GM0546' : null, website: null, cityDealSignatory: false, memberCount: 1 });

const templates = {
  version: '2026.1',
  source: 'Cirkelstad, Handreiking circulaire prestatieafspraken',
  verification: 'test',
  templates: [
    {
      id: 'start-leertraject',
      theme: 'proces_leren',
      level: 'start',
      kind: 'proces',
      nl: { title: 'Samen een leertraject circulair bouwen volgen', text: 'Gemeente en corporatie volgen een leertraject.' },
      en: { title: 'Follow a learning track on circular building together', text: 'Municipality and corporation follow a learning track.' },
      responsibleRoles: ['gemeente', 'woningcorporatie'],
      rLadder: { pbl: 'R1', guide: null },
      measure: null,
      guideSection: '7',
    },
    {
      id: 'nieuwbouw-losmaakbaarheid',
      theme: 'nieuwbouw',
      level: 'gevorderd',
      kind: 'meetbaar',
      nl: { title: 'Losmaakbaar bouwen op het basisniveau', text: 'Nieuwbouw haalt een losmaakbaarheid van ten minste 50 %.' },
      en: { title: 'Detachable building at the basic level', text: 'New build reaches a detachability of at least 50 %.' },
      responsibleRoles: ['woningcorporatie'],
      rLadder: { pbl: 'R2', guide: 'reduce' },
      measure: { indicatorId: 'detachability', comparator: 'gte', target: 50, scopeType: 'alle_projecten', aggregation: 'elk_project', projectKinds: ['nieuwbouw'], projectComparator: null, projectThreshold: null },
      guideSection: '8.3',
    },
  ],
};

let posted: unknown[] = [];
let createAnswer: () => Response = () => json(201, makeAgreement());

beforeEach(async () => {
  await i18n.changeLanguage('nl');
  posted = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url.startsWith('/api/organisations')) {
        return json(200, {
          items: [
            organisation(gemeenteId, 'Gemeente Leiden', 'gemeente'),
            organisation(corporatieId, 'Voorbeeldcorporatie Leiden (demo)', 'woningcorporatie'),
            organisation(huurdersId, 'Voorbeeld Huurdersorganisatie Leiden (demo)', 'huurdersorganisatie'),
          ],
        });
      }
      if (url.startsWith('/api/agreement-templates')) return json(200, templates);
      if (url === '/api/agreements' && init?.method === 'POST') {
        posted.push(JSON.parse(String(init.body)));
        return createAnswer();
      }
      return json(404, { error: { code: 'not_found', message: 'Niet gevonden' } });
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const corporationMember = sessionFor([{ organisationId: corporatieId, organisationName: 'Voorbeeldcorporatie Leiden (demo)', organisationKind: 'woningcorporatie', role: 'beheerder' }]);

async function fillParties() {
  await screen.findByRole('option', { name: 'Gemeente Leiden' });
  fireEvent.change(screen.getByLabelText('Titel'), { target: { value: 'Prestatieafspraken Leiden 2027' } });
  fireEvent.change(screen.getByLabelText('Gemeente'), { target: { value: gemeenteId } });
  fireEvent.click(screen.getByLabelText('Voorbeeldcorporatie Leiden (demo)'));
  fireEvent.click(screen.getByLabelText('Voorbeeld Huurdersorganisatie Leiden (demo)'));
}

describe('AgreementCreatePage', () => {
  it('sends the three parties, the period and the chosen templates', async () => {
    renderWith(<AgreementCreatePage />, corporationMember);
    await fillParties();
    // The huurdersorganisatie represents the tenants of the one corporation chosen.
    expect((screen.getByLabelText(/vertegenwoordigt de huurders van/) as HTMLSelectElement).value).toBe(corporatieId);
    fireEvent.change(screen.getByLabelText('Eerste jaar'), { target: { value: '2027' } });
    fireEvent.change(screen.getByLabelText('Laatste jaar'), { target: { value: '2028' } });
    fireEvent.change(screen.getByLabelText('Niveau'), { target: { value: 'gevorderd' } });
    expect(screen.queryByLabelText('Samen een leertraject circulair bouwen volgen')).toBeNull();
    fireEvent.click(screen.getByLabelText('Losmaakbaar bouwen op het basisniveau'));
    expect(screen.getByText('1 voorbeeld gekozen')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Prestatieafspraken aanmaken' }));

    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({
      title: 'Prestatieafspraken Leiden 2027',
      description: '',
      periodStartYear: 2027,
      periodEndYear: 2028,
      visibility: 'partijen',
      parties: [
        { organisationId: gemeenteId, tenantsOfOrganisationId: null },
        { organisationId: corporatieId, tenantsOfOrganisationId: null },
        { organisationId: huurdersId, tenantsOfOrganisationId: corporatieId },
      ],
      commitments: [],
      templateIds: ['nieuwbouw-losmaakbaarheid'],
    });
  });

  it('shows templates in the UI language', async () => {
    await i18n.changeLanguage('en');
    renderWith(<AgreementCreatePage />, corporationMember);
    expect(await screen.findByLabelText('Follow a learning track on circular building together')).toBeTruthy();
    expect(screen.getByText(/New build reaches a detachability of at least 50 %/)).toBeTruthy();
    expect(screen.queryByText('Samen een leertraject circulair bouwen volgen')).toBeNull();
  });

  it('refuses too few parties before sending and shows a 400 at its field', async () => {
    renderWith(<AgreementCreatePage />, corporationMember);
    await screen.findByRole('option', { name: 'Gemeente Leiden' });
    fireEvent.change(screen.getByLabelText('Titel'), { target: { value: 'Te weinig partijen' } });
    fireEvent.click(screen.getByLabelText('Voorbeeldcorporatie Leiden (demo)'));
    fireEvent.click(screen.getByRole('button', { name: 'Prestatieafspraken aanmaken' }));
    expect(await screen.findByText('Een gemeente, een woningcorporatie en een huurdersorganisatie zijn nodig.', { selector: '.field__error' })).toBeTruthy();
    expect(posted).toHaveLength(0);

    createAnswer = () => json(400, { error: { code: 'validation_failed', message: 'Invoer klopt niet', details: [{ path: 'periodEndYear', message: 'Het laatste jaar ligt vóór het eerste jaar.' }] } });
    fireEvent.change(screen.getByLabelText('Gemeente'), { target: { value: gemeenteId } });
    fireEvent.click(screen.getByLabelText('Voorbeeld Huurdersorganisatie Leiden (demo)'));
    fireEvent.click(screen.getByRole('button', { name: 'Prestatieafspraken aanmaken' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    const endYear = screen.getByLabelText(/^Laatste jaar/);
    await waitFor(() => expect(endYear.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(endYear.getAttribute('aria-describedby')?.split(' ').at(-1) ?? '')?.textContent).toBe('Het laatste jaar ligt vóór het eerste jaar.');
  });
});
