import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { createQueryClient } from '../../app/query-client.ts';
import { i18n } from '../../i18n/index.ts';
import AgreementListPage from './AgreementListPage.tsx';
import { agreementId, corporatieId, json, parties, sessionFor } from './test/fixtures.tsx';

const otherId = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';
const item = (id: string, title: string, start: number, end: number, state: string, commitmentCount: number, light = 'grijs') => ({
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
  light,
  isExample: false,
  updatedAt: '2026-11-20T09:30:00.000Z',
});
let requested: string[] = [];
/** Agreements the fake server holds; it filters on year and pages like the real one. */
let held: ReturnType<typeof item>[] = [];

beforeEach(async () => {
  await i18n.changeLanguage('nl');
  requested = [];
  held = [item(agreementId, 'Prestatieafspraken Leiden 2027', 2027, 2028, 'ondertekend', 2, 'groen'), item(otherId, 'Prestatieafspraken Leiden 2025', 2025, 2025, 'afgerond', 0)];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      requested.push(url);
      if (url.startsWith('/api/municipalities')) return json(200, { items: [{ code: 'GM0546', name: 'Leiden', cityDeal: true }] });
      if (url.startsWith('/api/agreements?')) {
        const query = new URLSearchParams(url.split('?')[1]);
        const year = Number(query.get('year') ?? NaN);
        const page = Number(query.get('page') ?? 1);
        const pageSize = Number(query.get('pageSize') ?? 25);
        const matching = held.filter((a) => Number.isNaN(year) || (a.periodStartYear <= year && year <= a.periodEndYear));
        return json(200, { items: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length, page, pageSize });
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
  it('lists agreements with their phase and the traffic light of the list, and lets the server filter on the year', async () => {
    renderAt('/prestatieafspraken?gemeente=GM0546&jaar=2028&status=ondertekend', 'bewerker');
    const row = (await screen.findByRole('link', { name: 'Prestatieafspraken Leiden 2027' })).closest('tr') as HTMLElement;
    expect(within(row).getByText('Ondertekend')).toBeTruthy();
    expect(within(row).getByText('2027–2028')).toBeTruthy();
    expect(within(row).getByText('Groen: behaald').closest('[data-light]')?.getAttribute('data-light')).toBe('groen');
    // 2025 is outside the filter year 2028: the server left it out.
    expect(screen.queryByRole('link', { name: 'Prestatieafspraken Leiden 2025' })).toBeNull();
    expect(screen.getByText('1 prestatieafspraak')).toBeTruthy();
    const listRequests = requested.filter((url) => url.startsWith('/api/agreements?'));
    expect(listRequests).toHaveLength(1);
    const query = new URLSearchParams(listRequests[0]?.split('?')[1]);
    expect([query.get('municipality'), query.get('state'), query.get('year'), query.get('page')]).toEqual(['GM0546', 'ondertekend', '2028', '1']);
    // one request for the whole list: no progress per row
    expect(requested.filter((url) => url.includes('/progress'))).toEqual([]);
    expect(screen.getByRole('link', { name: 'Nieuwe prestatieafspraken' })).toBeTruthy();
  });

  it('pages through the server’s total and starts again at page 1 when a filter changes', async () => {
    held = Array.from({ length: 60 }, (_, i) => item(`eeeeeeee-eeee-4eee-8eee-${String(i).padStart(12, '0')}`, `Afspraken ${String(i + 1).padStart(2, '0')}`, 2027, 2028, 'concept', 1, i % 2 === 0 ? 'oranje' : 'rood'));
    renderAt('/prestatieafspraken', 'lezer');
    await screen.findByRole('link', { name: 'Afspraken 01' });
    expect(screen.getByText('60 prestatieafspraken')).toBeTruthy();
    expect(screen.getAllByRole('row')).toHaveLength(51);
    expect(screen.getByText('1–50 van 60 (pagina 1 van 2)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Volgende' }));
    const last = await screen.findByRole('link', { name: 'Afspraken 60' });
    expect(within(last.closest('tr') as HTMLElement).getByText('Rood: niet behaald')).toBeTruthy();
    expect(screen.getByText('51–60 van 60 (pagina 2 van 2)')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Jaar'), { target: { value: '2027' } });
    await screen.findByRole('link', { name: 'Afspraken 01' });
    const pages = requested.filter((url) => url.startsWith('/api/agreements?')).map((url) => [new URLSearchParams(url.split('?')[1]).get('page'), new URLSearchParams(url.split('?')[1]).get('year')]);
    expect(pages).toEqual([['1', null], ['2', null], ['1', '2027']]);
    expect(requested.filter((url) => url.includes('/progress'))).toEqual([]);
  });

  it('asks no progress for an agreement without commitments and offers no create button to a lezer', async () => {
    renderAt('/prestatieafspraken', 'lezer');
    const row = (await screen.findByRole('link', { name: 'Prestatieafspraken Leiden 2025' })).closest('tr') as HTMLElement;
    expect(within(row).getByText('nog geen afspraken')).toBeTruthy();
    expect(requested.some((url) => url.includes(`${otherId}/progress`))).toBe(false);
    expect(screen.queryByRole('link', { name: 'Nieuwe prestatieafspraken' })).toBeNull();
  });
});
