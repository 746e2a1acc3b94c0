import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { createQueryClient } from '../../app/query-client.ts';
import { i18n } from '../../i18n/index.ts';
import AgreementListPage from './AgreementListPage.tsx';
import { agreementId, corporatieId, json, makeProgress, parties, sessionFor } from './test/fixtures.tsx';

const otherId = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';
const item = (id: string, title: string, start: number, end: number, state: string, commitmentCount: number) => ({
  id,
  title,
  municipalityCode: 'GM0546',
  municipalityName: 'Leiden',
  periodStartYear: start,
  periodEndYear: end,
  state,
  visibility: 'partijen',
  parties,
  commitmentCount,
  workingVersionNumber: 1,
  signedVersionNumber: null,
  isExample: false,
  updatedAt: '2026-11-20T09:30:00.000Z',
});
let requested: string[] = [];

beforeEach(async () => {
  await i18n.changeLanguage('nl');
  requested = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      requested.push(url);
      if (url.startsWith('/api/municipalities')) return json(200, { items: [{ code: 'GM0546', name: 'Leiden', cityDeal: true }] });
      if (url.startsWith(`/api/agreements/${agreementId}/progress`)) return json(200, makeProgress({ light: 'groen' }));
      if (url.startsWith('/api/agreements?')) {
        return json(200, { items: [item(agreementId, 'Prestatieafspraken Leiden 2027', 2027, 2028, 'ondertekend', 2), item(otherId, 'Prestatieafspraken Leiden 2025', 2025, 2025, 'afgerond', 0)], total: 2, page: 1, pageSize: 200 });
      }
      return json(404, { error: { code: 'not_found', message: 'Niet gevonden' } });
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderAt(path: string, role: 'lezer' | 'bewerker') {
  const client = createQueryClient();
  client.setQueryData(['session'], sessionFor([{ organisationId: corporatieId, organisationName: 'Voorbeeldcorporatie Leiden (demo)', organisationKind: 'woningcorporatie', role }]));
  render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[path]}>
          <AgreementListPage />
        </MemoryRouter>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

describe('AgreementListPage', () => {
  it('lists agreements with their phase and traffic light, and filters on a year within the period', async () => {
    renderAt('/prestatieafspraken?gemeente=GM0546&jaar=2028&status=ondertekend', 'bewerker');
    const row = (await screen.findByRole('link', { name: 'Prestatieafspraken Leiden 2027' })).closest('tr') as HTMLElement;
    expect(within(row).getByText('Ondertekend')).toBeTruthy();
    expect(within(row).getByText('2027–2028')).toBeTruthy();
    expect((await within(row).findByText('Groen: behaald')).closest('[data-light]')?.getAttribute('data-light')).toBe('groen');
    // 2025 is outside the filter year 2028.
    expect(screen.queryByRole('link', { name: 'Prestatieafspraken Leiden 2025' })).toBeNull();
    expect(screen.getByText('1 prestatieafspraak')).toBeTruthy();
    const listRequest = requested.find((url) => url.startsWith('/api/agreements?')) ?? '';
    expect(new URLSearchParams(listRequest.split('?')[1]).get('municipality')).toBe('GM0546');
    expect(new URLSearchParams(listRequest.split('?')[1]).get('state')).toBe('ondertekend');
    expect(screen.getByRole('link', { name: 'Nieuwe prestatieafspraken' })).toBeTruthy();
  });

  it('asks no progress for an agreement without commitments and offers no create button to a lezer', async () => {
    renderAt('/prestatieafspraken', 'lezer');
    const row = (await screen.findByRole('link', { name: 'Prestatieafspraken Leiden 2025' })).closest('tr') as HTMLElement;
    expect(within(row).getByText('nog geen afspraken')).toBeTruthy();
    expect(requested.some((url) => url.includes(`${otherId}/progress`))).toBe(false);
    expect(screen.queryByRole('link', { name: 'Nieuwe prestatieafspraken' })).toBeNull();
  });
});
