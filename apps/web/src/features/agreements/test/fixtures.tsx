/** Shared fixtures for the agreements component tests: a Leiden agreement with three parties and two commitments. */
import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import type { Agreement, AgreementProgress, SessionResponse } from '@kringbouw/contracts';
import { createQueryClient } from '../../../app/query-client.ts';
import { i18n } from '../../../i18n/index.ts';

export const gemeenteId = '11111111-1111-4111-8111-111111111111';
export const corporatieId = '22222222-2222-4222-8222-222222222222';
export const huurdersId = '33333333-3333-4333-8333-333333333333';
export const agreementId = '44444444-4444-4444-8444-444444444444';
export const measurableId = '55555555-5555-4555-8555-555555555555';
export const processId = '66666666-6666-4666-8666-666666666666';
export const projectId = '77777777-7777-4777-8777-777777777777';
const userId = '88888888-8888-4888-8888-888888888888';

export const parties: Agreement['parties'] = [
  { organisationId: gemeenteId, organisationName: 'Gemeente Leiden', role: 'gemeente', tenantsOfOrganisationId: null },
  { organisationId: corporatieId, organisationName: 'Voorbeeldcorporatie Leiden (demo)', role: 'woningcorporatie', tenantsOfOrganisationId: null },
  { organisationId: huurdersId, organisationName: 'Voorbeeld Huurdersorganisatie Leiden (demo)', role: 'huurdersorganisatie', tenantsOfOrganisationId: corporatieId },
];

export function makeAgreement(overrides: Partial<Agreement> = {}): Agreement {
  return {
    id: agreementId,
    title: 'Prestatieafspraken Leiden 2027',
    description: '',
    municipalityCode: 'GM0546',
    municipalityName: 'Leiden',
    periodStartYear: 2027,
    periodEndYear: 2028,
    visibility: 'partijen',
    parties,
    workingVersion: {
      number: 1,
      signed: false,
      signedAt: null,
      createdAt: '2026-05-01T10:00:00.000Z',
      createdBy: { id: userId, name: 'Beleidsmedewerker Leiden (demo)' },
      approvals: [
        {
          organisationId: gemeenteId,
          organisationName: 'Gemeente Leiden',
          approvedBy: { id: userId, name: 'Beleidsmedewerker Leiden (demo)' },
          approvedAt: '2026-11-20T09:30:00.000Z',
          versionNumber: 1,
          note: null,
        },
      ],
      approvalStatus: [
        { organisationId: gemeenteId, organisationName: 'Gemeente Leiden', approved: true },
        { organisationId: corporatieId, organisationName: 'Voorbeeldcorporatie Leiden (demo)', approved: false },
        { organisationId: huurdersId, organisationName: 'Voorbeeld Huurdersorganisatie Leiden (demo)', approved: false },
      ],
    },
    signedVersionNumber: null,
    commitments: [
      {
        id: measurableId,
        kind: 'meetbaar',
        theme: 'nieuwbouw',
        title: 'MPG van nieuwbouw',
        text: 'Nieuwbouw van de corporatie haalt een MPG van ten hoogste 0,60.',
        responsibleOrganisationIds: [corporatieId],
        rLadder: { pbl: 'R2', guide: 'reduce' },
        templateId: null,
        templateVersion: null,
        indicatorId: 'mpg',
        comparator: 'lte',
        target: 0.6,
        scope: { type: 'alle_projecten', organisationId: corporatieId, projectKinds: ['nieuwbouw'], aggregation: 'elk_project' },
        deadline: '2028-12-31',
      },
      {
        id: processId,
        kind: 'proces',
        theme: 'proces_leren',
        title: 'Leertraject circulair bouwen',
        text: 'Gemeente en corporatie volgen samen een leertraject.',
        responsibleOrganisationIds: [gemeenteId, corporatieId],
        rLadder: { pbl: 'R1', guide: null },
        templateId: 'start-leertraject',
        templateVersion: '2026.1',
        dueDate: null,
      },
    ],
    cycle: {
      state: 'onderhandeling',
      bidDeadline: '2026-07-01',
      signDeadline: '2026-12-15',
      bidSubmittedAt: '2026-06-20T08:00:00.000Z',
      negotiationStartedAt: '2026-07-02T08:00:00.000Z',
      signedAt: null,
      bidOverdue: false,
      signOverdue: false,
      evaluations: [],
      nextEvaluationYear: 2027,
      allowedActions: [],
    },
    revision: 7,
    isExample: false,
    createdBy: { id: userId, name: 'Beleidsmedewerker Leiden (demo)' },
    createdAt: '2026-05-01T10:00:00.000Z',
    updatedAt: '2026-11-20T09:30:00.000Z',
    ...overrides,
  };
}

const counts = (groen: number, oranje: number, rood: number, grijs: number) => ({ groen, oranje, rood, grijs });

export function makeProgress(overrides: Partial<AgreementProgress> = {}): AgreementProgress {
  return {
    agreementId,
    versionNumber: 1,
    asOf: '2026-11-23',
    catalogueVersion: '2026.1',
    light: 'oranje',
    counts: counts(0, 1, 0, 1),
    themes: [
      { theme: 'bestaande_voorraad', light: 'grijs', counts: counts(0, 0, 0, 0) },
      { theme: 'verduurzaming_renovatie', light: 'grijs', counts: counts(0, 0, 0, 0) },
      { theme: 'nieuwbouw', light: 'oranje', counts: counts(0, 1, 0, 0) },
      { theme: 'proces_leren', light: 'grijs', counts: counts(0, 0, 0, 1) },
    ],
    commitments: [
      {
        commitmentId: measurableId,
        theme: 'nieuwbouw',
        kind: 'meetbaar',
        title: 'MPG van nieuwbouw',
        light: 'oranje',
        status: 'loopt',
        achieved: 0.72,
        target: 0.6,
        comparator: 'lte',
        unit: 'EUR/m2 BVO/jr',
        indicatorId: 'mpg',
        standing: 'indicatief',
        onlyIndicative: true,
        projectsInScope: 2,
        projectsWithValue: 1,
        projects: [
          { projectId, projectName: 'Voorbeeld: Fijn Wonen in Leiden', dwellings: 60, value: 0.72, standing: 'indicatief', meets: false },
          { projectId: null, projectName: null, dwellings: 24, value: null, standing: null, meets: null },
        ],
        deadline: '2028-12-31',
        evidence: [],
      },
      {
        commitmentId: processId,
        theme: 'proces_leren',
        kind: 'proces',
        title: 'Leertraject circulair bouwen',
        light: 'grijs',
        status: 'geen_gegevens',
        achieved: null,
        target: null,
        comparator: null,
        unit: null,
        indicatorId: null,
        standing: null,
        onlyIndicative: false,
        projectsInScope: 0,
        projectsWithValue: 0,
        projects: [],
        deadline: null,
        evidence: [],
      },
    ],
    ...overrides,
  };
}

export function sessionFor(memberships: { organisationId: string; organisationName: string; organisationKind: string; role: 'lezer' | 'bewerker' | 'beheerder' }[]): SessionResponse {
  return {
    user: { id: userId, email: 'test@leiden.demo', name: 'Test Gebruiker', platformRole: null, memberships },
    csrfToken: 'csrf',
  } as SessionResponse;
}

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** Renders with i18n, a fresh query client holding the given session, and a router. */
export function renderWith(ui: ReactNode, session: SessionResponse | null) {
  const client = createQueryClient();
  client.setQueryData(['session'], session);
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <MemoryRouter>{ui}</MemoryRouter>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}
