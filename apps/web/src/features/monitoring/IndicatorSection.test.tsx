import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import type { ProjectIndicators } from '@kringbouw/contracts';
import { createQueryClient } from '../../app/query-client.ts';
import { i18n } from '../../i18n/index.ts';
import { IndicatorSection } from './IndicatorSection.tsx';

const projectId = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const entry = (id: string, source: 'berekend' | 'opgegeven', value: number) => ({
  id,
  indicatorId: 'mpg' as const,
  source,
  standing: source === 'berekend' ? ('indicatief' as const) : ('officieel' as const),
  value,
  withdrawsEntryId: null,
  passportVersion: source === 'berekend' ? { id: '5a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d', number: 2 } : null,
  dataVersions: null,
  tool: source === 'berekend' ? 'Kringbouw' : 'GPR Materiaal',
  toolVersion: source === 'berekend' ? null : '5.2',
  nmdVersion: null,
  calculationDate: '2026-03-01',
  note: null,
  report: source === 'opgegeven' ? { name: 'mpg.pdf', sizeBytes: 100 } : null,
  recordedBy: null,
  recordedAt: '2026-03-02T10:00:00.000Z',
});
const official = '6a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d';
const computed = '7a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d';

function state(canDeclare: boolean): ProjectIndicators {
  return {
    projectId,
    buildingType: 'gestapeld',
    catalogueVersion: '2026.1',
    hnnVersion: '2026.2',
    canDeclare,
    indicators: [
      {
        indicator: { id: 'mpg', nl: 'MPG', en: 'MPG', unit: 'EUR/m2 BVO/jr', direction: 'lower', decimals: 2, hasHnnLevel: true, computed: true, declarable: true, officialSource: 'NMD' },
        official: { entryId: official, value: 0.42, standing: 'officieel', hnnLevel: 0.5, hnnComparison: 'max', hnnStatus: 'voldoet' },
        indicative: { entryId: computed, value: 0.61, standing: 'indicatief', hnnLevel: 0.5, hnnComparison: 'max', hnnStatus: 'voldoet niet' },
        display: 'officieel',
        history: [
          { entry: entry(official, 'opgegeven', 0.42), withdrawn: false, superseded: false },
          { entry: entry(computed, 'berekend', 0.61), withdrawn: false, superseded: false },
        ],
      },
    ],
  };
}

let calls: { url: string; method: string; body: unknown }[] = [];
function stub(canDeclare: boolean, declareResponse?: { status: number; body: unknown }) {
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, method: init?.method ?? 'GET', body: init?.body });
      if (init?.method === 'POST' && declareResponse) return new Response(JSON.stringify(declareResponse.body), { status: declareResponse.status, headers: { 'content-type': 'application/json' } });
      return new Response(JSON.stringify(state(canDeclare)), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
}

function renderSection() {
  render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={createQueryClient()}>
        <MemoryRouter>
          <IndicatorSection projectId={projectId} />
        </MemoryRouter>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

beforeEach(async () => {
  await i18n.changeLanguage('nl');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('IndicatorSection', () => {
  it('shows the official and the indicative value apart, each with its badge and HNN check', async () => {
    stub(false);
    renderSection();
    const row = (await screen.findByText('MPG')).closest('tr');
    if (!row) throw new Error('no MPG row');
    const cells = within(row).getAllByRole('cell');
    expect(cells[0]?.textContent).toContain('0,42');
    expect(cells[0]?.textContent).toContain('officieel');
    expect(cells[0]?.textContent).toContain('voldoet aan HNN (≤ 0,50)');
    expect(cells[1]?.textContent).toContain('0,61');
    expect(cells[1]?.textContent).toContain('indicatief');
    expect(cells[1]?.textContent).toContain('voldoet niet aan HNN');
    // A lezer gets no declare button and no withdraw buttons.
    expect(screen.queryByRole('button', { name: 'Officiële waarde opgeven' })).toBeNull();
    fireEvent.click(within(row).getByRole('button', { name: /Geschiedenis/ }));
    expect(await screen.findByRole('link', { name: 'Rapport: mpg.pdf' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Intrekken' })).toBeNull();
  });

  it('sends a declaration as multipart and shows field errors from the server next to the field', async () => {
    stub(true, { status: 400, body: { error: { code: 'validation_failed', message: 'De invoer is niet geldig.', details: [{ path: 'report', message: 'Voeg het rapport (PDF) van de MPG-berekening toe.' }] } } });
    renderSection();
    fireEvent.click(await screen.findByRole('button', { name: 'Officiële waarde opgeven' }));
    fireEvent.change(screen.getByLabelText('Waarde'), { target: { value: '0,45' } });
    fireEvent.change(screen.getByLabelText('Rekeninstrument'), { target: { value: 'GPR Materiaal' } });
    fireEvent.change(screen.getByLabelText('Versie van het rekeninstrument'), { target: { value: '5.2' } });
    fireEvent.change(screen.getByLabelText('Datum van de berekening'), { target: { value: '2026-03-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Vastleggen' }));
    expect(await screen.findByText('Voeg het rapport (PDF) van de MPG-berekening toe.')).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.url).toBe(`/api/projects/${projectId}/indicators`);
    const form = post?.body;
    if (!(form instanceof FormData)) throw new Error('the declaration was not sent as multipart');
    expect(form.get('value')).toBe('0.45');
    expect(form.get('indicatorId')).toBe('mpg');
    // Only the declared (official) value can be withdrawn, not the computed one.
    fireEvent.click(screen.getByRole('button', { name: /Geschiedenis/ }));
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Intrekken' })).toHaveLength(1));
  });
});
