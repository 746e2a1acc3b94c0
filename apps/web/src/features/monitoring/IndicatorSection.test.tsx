import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import type { ProjectIndicators } from '@kringbouw/contracts';
import { createQueryClient } from '../../app/query-client.ts';
import { i18n } from '../../i18n/index.ts';
import { IndicatorSection } from './IndicatorSection.tsx';
import type * as TrendChartModule from './IndicatorTrendChart.tsx';
import type { TrendChartOption } from './IndicatorTrendChart.tsx';

// jsdom has no canvas for ECharts: the chart is replaced by an element carrying the option it would draw (the option
// itself is built by the real `trendChartOption`; indicatorTrend.test.ts tests it directly).
vi.mock('./IndicatorTrendChart.tsx', async (importOriginal) => ({
  ...(await importOriginal<typeof TrendChartModule>()),
  IndicatorTrendChart: ({ option, ariaLabel }: { option: TrendChartOption; ariaLabel: string }) => (
    <div role="img" aria-label={ariaLabel} data-labels={JSON.stringify(option.xAxis.data)} data-series={JSON.stringify(option.series.map((s) => [s.name, s.data]))} />
  ),
}));

const projectId = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
type PhaseOfEntry = Pick<ProjectIndicators['indicators'][number]['history'][number]['entry'], 'phase' | 'phaseSource'>;
const entry = (id: string, source: 'berekend' | 'opgegeven', value: number, recorded: PhaseOfEntry = { phase: 'realisatie', phaseSource: 'vastgelegd' }) => ({
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
  ...recorded,
});
const official = '6a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d';
const computed = '7a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d';

type IndicatorRow = ProjectIndicators['indicators'][number];

const defaultHistory: IndicatorRow['history'] = [
  { entry: entry(official, 'opgegeven', 0.42, { phase: 'ontwerp', phaseSource: 'vastgelegd' }), withdrawn: false, superseded: false },
  { entry: entry(computed, 'berekend', 0.61), withdrawn: false, superseded: false },
];

function state(canDeclare: boolean, extra: IndicatorRow[] = [], mpgHistory: IndicatorRow['history'] = defaultHistory): ProjectIndicators {
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
        history: mpgHistory,
        hnnReference: { level: 0.5, comparison: 'max' },
      },
      ...extra,
    ],
  };
}

const recordRow = (id: 'dwellings' | 'industrialisedShare', nl: string, unit: string, history: IndicatorRow['history'] = []): IndicatorRow => {
  const last = history[0]?.entry;
  return {
    indicator: { id, nl, en: nl, unit, direction: id === 'dwellings' ? 'none' : 'higher', decimals: 0, hasHnnLevel: false, computed: false, declarable: true, officialSource: 'Opgave' },
    official: last && last.value !== null ? { entryId: last.id, value: last.value, standing: 'officieel', hnnLevel: null, hnnComparison: 'none', hnnStatus: 'geen niveau' } : null,
    indicative: null,
    display: last ? 'officieel' : null,
    history,
    hnnReference: null,
  };
};

const project = {
  id: projectId,
  dwellings: 48,
  concept: { name: 'Finch Buildings', supplier: null } as { name: string; supplier: string | null } | null,
};

let calls: { url: string; method: string; body: unknown }[] = [];
function stub(canDeclare: boolean, declareResponse?: { status: number; body: unknown }, extra: IndicatorRow[] = [], mpgHistory?: IndicatorRow['history']) {
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, method: init?.method ?? 'GET', body: init?.body });
      if (init?.method === 'POST' && declareResponse) return new Response(JSON.stringify(declareResponse.body), { status: declareResponse.status, headers: { 'content-type': 'application/json' } });
      return new Response(JSON.stringify(state(canDeclare, extra, mpgHistory)), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
}

function renderSection(forProject: typeof project = project) {
  render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={createQueryClient()}>
        <MemoryRouter>
          <IndicatorSection project={forProject} />
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

  it('per indicator a trend: values per passport version, official and indicative apart, the HNN level, as a table too', async () => {
    stub(false);
    renderSection();
    const row = (await screen.findByText('MPG')).closest('tr');
    if (!row) throw new Error('no MPG row');
    fireEvent.click(within(row).getByRole('button', { name: /Geschiedenis/ }));
    expect(await screen.findByRole('heading', { name: 'Verloop van MPG' })).toBeTruthy();
    const chart = screen.getByRole('img', { name: /Grafiek: verloop van MPG/ });
    const series = JSON.parse(chart.getAttribute('data-series') ?? '[]') as [string, (number | null)[]][];
    expect(series.map(([name]) => name)).toEqual(['Officieel (opgegeven)', 'Indicatief (berekend)', 'HNN-niveau (≤ 0,50)']);
    const [officialSeries, indicativeSeries, level] = series.map(([, data]) => data);
    expect([...(officialSeries ?? [])].sort()).toEqual([0.42, null]);
    expect([...(indicativeSeries ?? [])].sort()).toEqual([0.61, null]);
    expect(level).toEqual([0.5, 0.5]);
    expect(chart.getAttribute('data-labels')).toContain('paspoort v2');
    const table = screen.getByRole('table', { name: 'Verloop van MPG (EUR/m2 BVO/jr)' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Vastgelegd', 'Fase bij vastleggen', 'Paspoortversie', 'Officieel (opgegeven)', 'Indicatief (berekend)', 'HNN-niveau']);
    const lines = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    // Each point shows the phase stored with its ledger entry (same recording day, different phases).
    expect(lines).toHaveLength(2);
    const officialLine = lines.find((l) => l[3] !== '—');
    const computedLine = lines.find((l) => l[4] !== '—');
    expect(officialLine?.slice(1)).toEqual(['Ontwerp', '—', '0,42', '—', '≤ 0,50']);
    expect(computedLine?.slice(1)).toEqual(['Realisatie', 'paspoort v2', '—', '0,61', '≤ 0,50']);
    // Only stored phases: no point and no note says "afgeleid".
    expect(screen.queryByText(/afgeleid/)).toBeNull();
    expect(screen.getByText(/Fase = de fase van het project op het moment dat de waarde werd vastgelegd/)).toBeTruthy();
  });

  it('labels only the points whose phase was derived afterwards as "afgeleid", and then explains it', async () => {
    stub(false, undefined, [], [
      { entry: entry(official, 'opgegeven', 0.42, { phase: 'opgeleverd', phaseSource: 'vastgelegd' }), withdrawn: false, superseded: false },
      { entry: entry(computed, 'berekend', 0.61, { phase: 'ontwerp', phaseSource: 'afgeleid' }), withdrawn: false, superseded: true },
      { entry: { ...entry('8a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d', 'berekend', 0.7, { phase: null, phaseSource: 'afgeleid' }), passportVersion: { id: null, number: 1 } }, withdrawn: false, superseded: true },
    ]);
    renderSection();
    const row = (await screen.findByText('MPG')).closest('tr');
    if (!row) throw new Error('no MPG row');
    fireEvent.click(within(row).getByRole('button', { name: /Geschiedenis/ }));
    const table = await screen.findByRole('table', { name: 'Verloop van MPG (EUR/m2 BVO/jr)' });
    const phaseOf = (value: string) => {
      const line = within(table).getAllByRole('row').find((r) => within(r).queryByText(value) !== null);
      if (!line) throw new Error(`no trend line with ${value}`);
      return within(line).getAllByRole('cell')[1];
    };
    expect(phaseOf('0,42')?.textContent).toBe('Opgeleverd');
    expect(phaseOf('0,61')?.textContent).toBe('Ontwerp afgeleid');
    expect(phaseOf('0,70')?.textContent).toBe('onbekend (geen startdatum) afgeleid');
    const label = within(phaseOf('0,61') ?? table).getByText('afgeleid');
    expect(label.getAttribute('title')).toBe('Fase afgeleid uit de startdata van de fasen, niet opgeslagen bij het vastleggen van deze waarde.');
    expect(within(table).getAllByText('afgeleid')).toHaveLength(2);
    expect(screen.getByText(/Bij waarden met ‘afgeleid’ is de fase niet bij het vastleggen opgeslagen/)).toBeTruthy();
  });

  it('says "derived" in English too', async () => {
    await i18n.changeLanguage('en');
    stub(false, undefined, [], [{ entry: entry(computed, 'berekend', 0.61, { phase: 'ontwerp', phaseSource: 'afgeleid' }), withdrawn: false, superseded: false }]);
    renderSection();
    const row = (await screen.findByText('MPG')).closest('tr');
    if (!row) throw new Error('no MPG row');
    fireEvent.click(within(row).getByRole('button', { name: /History/ }));
    const table = await screen.findByRole('table', { name: 'Trend of MPG (EUR/m2 BVO/jr)' });
    expect(within(table).getByRole('columnheader', { name: 'Phase when recorded' })).toBeTruthy();
    expect(within(table).getAllByRole('row')[1]?.textContent).toContain('Design derived');
  });

  it('shows dwellings and the building concept from the project record when the ledger has none, labelled as such', async () => {
    stub(false, undefined, [recordRow('dwellings', 'Aantal woningen', 'woningen'), recordRow('industrialisedShare', 'Aandeel industrieel / conceptueel gebouwd', '% woningen')]);
    renderSection();
    const dwellings = (await screen.findByText('Aantal woningen')).closest('tr');
    const share = screen.getByText('Aandeel industrieel / conceptueel gebouwd').closest('tr');
    if (!dwellings || !share) throw new Error('rows missing');
    const [dwellingsCell] = within(dwellings).getAllByRole('cell');
    expect(dwellingsCell?.getAttribute('colspan')).toBe('2');
    expect(dwellingsCell?.textContent).toContain('48 woningen');
    expect(dwellingsCell?.textContent).toContain('uit projectgegevens');
    expect(dwellingsCell?.textContent).toContain('De dashboards tellen het aantal woningen uit de projectgegevens.');
    expect(dwellingsCell?.textContent).not.toContain('officieel');
    const [shareCell] = within(share).getAllByRole('cell');
    expect(shareCell?.textContent).toContain('100 % woningen');
    expect(shareCell?.textContent).toContain('Bouwconcept: Finch Buildings');
    expect(shareCell?.textContent).toContain('uit projectgegevens');
  });

  it('without a building concept the share from the project record is 0 %; a declared value stays the shown value', async () => {
    const declared = { ...entry('8a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d', 'opgegeven', 50), indicatorId: 'dwellings' as const, report: null };
    stub(false, undefined, [recordRow('dwellings', 'Aantal woningen', 'woningen', [{ entry: declared, withdrawn: false, superseded: false }]), recordRow('industrialisedShare', 'Aandeel industrieel / conceptueel gebouwd', '% woningen')]);
    renderSection({ ...project, concept: null });
    const dwellings = (await screen.findByText('Aantal woningen')).closest('tr');
    const share = screen.getByText('Aandeel industrieel / conceptueel gebouwd').closest('tr');
    if (!dwellings || !share) throw new Error('rows missing');
    const cells = within(dwellings).getAllByRole('cell');
    // The declared 50 is the official value; the project record's 48 is shown apart as what the dashboards count.
    expect(cells[0]?.textContent).toMatch(/^50 woningen officieel/);
    expect(cells[0]?.textContent).toContain('48 woningen uit projectgegevens');
    const [shareCell] = within(share).getAllByRole('cell');
    expect(shareCell?.textContent).toContain('0 % woningen');
    expect(shareCell?.textContent).toContain('Geen bouwconcept in de projectgegevens.');
    expect(shareCell?.textContent).toContain('De dashboards tellen dit project niet als industrieel / conceptueel gebouwd');
  });
});
