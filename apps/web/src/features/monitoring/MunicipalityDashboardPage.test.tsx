import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, useLocation } from 'react-router';
import type { DashboardProject, MunicipalityDashboard } from '@kringbouw/contracts';
import { createQueryClient } from '../../app/query-client.ts';
import { i18n } from '../../i18n/index.ts';
import MunicipalityDashboardPage from './MunicipalityDashboardPage.tsx';

// jsdom has neither canvas (ECharts) nor WebGL (MapLibre): the chart is left out, the map shows the props it receives
// and reads the real map hook, so the test sees which endpoint the map uses.
vi.mock('./ColumnChart.tsx', () => ({ ColumnChart: () => null }));
vi.mock('../municipalities/MunicipalityPicker.tsx', () => ({ MunicipalityPicker: () => null }));
vi.mock('./ProjectMap.tsx', async () => {
  const { useDashboardMap } = await import('./api.ts');
  return {
    ProjectMap: ({ municipalityCode, kind, year, total }: { municipalityCode: string; kind: string; year: string; total: number }) => {
      const points = useDashboardMap(municipalityCode, kind as '', year).data;
      return <div data-testid="project-map" data-total={total} data-points={points === undefined ? '' : points.name.join(',')} />;
    },
  };
});

const TOTAL = 120;
const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const all: DashboardProject[] = Array.from({ length: TOTAL }, (_, i) => ({
  id: uuid(i),
  name: `Project ${String(i).padStart(3, '0')}`,
  kind: 'nieuwbouw',
  phase: 'ontwerp',
  year: 2020 + (i % 7),
  dwellings: (i * 37) % 101,
  officialMpg: null,
  indicativeMpg: null,
  lat: 52.16,
  lon: 4.49,
}));

function dashboard(): MunicipalityDashboard {
  const hnn = { met: 0, checked: 0, share: null };
  return {
    municipalityCode: 'GM0546',
    municipalityName: 'Leiden',
    filter: { kind: null, year: null },
    totals: {
      projects: TOTAL, dwellings: 1000, averageOfficialMpg: null, projectsWithOfficialMpg: 0, storedCarbonT: { officieel: 0, indicatief: 0 },
      hnnShare: { mpg: hnn, embodiedCarbon: hnn, materialOrigin: hnn, detachability: hnn }, industrialisedShare: null, confidentialCounted: 0,
    },
    pipeline: [],
    byYear: [],
    projects: all.slice(0, 50),
    projectsTotal: TOTAL,
  };
}

/** The server's paging, as the tests of the endpoint pin it down (sort by a key, ties by name). */
function page(query: URLSearchParams) {
  const sort = query.get('sort') ?? 'name';
  const pageNumber = Number(query.get('page') ?? 1);
  const size = Number(query.get('pageSize') ?? 50);
  const key = sort.replace(/^-/, '') as 'name' | 'dwellings' | 'year';
  const sign = sort.startsWith('-') ? -1 : 1;
  const items = [...all].sort((a, b) => sign * (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : a.name < b.name ? -1 : 1));
  return { page: pageNumber, pageSize: size, total: TOTAL, sort, items: items.slice((pageNumber - 1) * size, pageNumber * size) };
}

let calls: string[] = [];
function stub() {
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      calls.push(input);
      const url = new URL(input, 'http://localhost');
      const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
      if (url.pathname === '/api/municipalities/GM0546/monitoring') return json(dashboard());
      if (url.pathname === '/api/municipalities/GM0546/monitoring/projects') return json(page(url.searchParams));
      if (url.pathname === '/api/municipalities/GM0546/monitoring/map') return json({ id: [uuid(1)], name: ['Op de kaart'], phase: ['ontwerp'], lat: [52.16], lon: [4.49], dwellings: [10], mpg: [0.5], standing: ['officieel'] });
      return new Response(JSON.stringify({ error: { code: 'not_found', message: 'niet gevonden' } }), { status: 404, headers: { 'content-type': 'application/json' } });
    }),
  );
}

function Location() {
  const location = useLocation();
  return <output data-testid="location">{location.search}</output>;
}

function renderPage(search = '?gemeente=GM0546') {
  render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={createQueryClient()}>
        <MemoryRouter initialEntries={[`/monitoring${search}`]}>
          <MunicipalityDashboardPage />
          <Location />
        </MemoryRouter>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

const projectTable = () => {
  const table = screen.getByRole('heading', { name: 'Projecten die u mag zien' }).parentElement?.querySelector('table');
  if (!table) throw new Error('no project table');
  return table;
};
const firstNames = () => within(projectTable()).getAllByRole('link').slice(0, 2).map((a) => a.textContent);
const listCalls = () => calls.filter((c) => c.includes('/monitoring/projects?'));

beforeEach(async () => {
  await i18n.changeLanguage('nl');
  stub();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('municipality dashboard project list', () => {
  it('shows the first page from the dashboard response without a list request, then pages through the server with the page in the URL', async () => {
    renderPage();
    await screen.findByText('Project 000');
    expect(within(projectTable()).getAllByRole('link')).toHaveLength(50);
    expect(listCalls()).toEqual([]);
    expect(screen.getByText('1–50 van 120 (pagina 1 van 3)')).toBeTruthy();
    // No project checked against an HNN level: a sentence instead of an empty chart.
    expect(screen.getByText(/^Nog geen project getoetst aan een niveau van Het Nieuwe Normaal/)).toBeTruthy();
    expect(screen.queryByRole('img', { name: 'Aandeel dat het HNN-niveau haalt (%)' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Volgende' }));
    await screen.findByText('Project 050');
    expect(screen.getByTestId('location').textContent).toContain('pagina=2');
    expect(listCalls().at(-1)).toContain('page=2');
    expect(listCalls().at(-1)).toContain('pageSize=50');
    fireEvent.click(screen.getByRole('button', { name: 'Volgende' }));
    await screen.findByText('Project 100');
    expect(within(projectTable()).getAllByRole('link')).toHaveLength(20);
    expect(screen.getByText('101–120 van 120 (pagina 3 van 3)')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Volgende' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('sorts by a column header through the server, keeps the sort in the URL and restarts at page 1', async () => {
    renderPage('?gemeente=GM0546&pagina=2');
    await screen.findByText('Project 050');
    fireEvent.click(within(projectTable()).getByRole('button', { name: /Woningen/ }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toContain('sortering=-dwellings'));
    expect(screen.getByTestId('location').textContent).not.toContain('pagina');
    const expected = page(new URLSearchParams('sort=-dwellings')).items.slice(0, 2).map((p) => p.name);
    await waitFor(() => expect(firstNames()).toEqual(expected));
    expect(listCalls().at(-1)).toContain('sort=-dwellings');
    expect(within(projectTable()).getByRole('columnheader', { name: /Woningen/ }).getAttribute('aria-sort')).toBe('descending');

    fireEvent.click(within(projectTable()).getByRole('button', { name: /Woningen/ }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toContain('sortering=dwellings'));
    await waitFor(() => expect(firstNames()).toEqual(page(new URLSearchParams('sort=dwellings')).items.slice(0, 2).map((p) => p.name)));
  });

  it('opens a shared link with page and sort from the URL; the CSV button is the server CSV with the filters; the map reads the map endpoint', async () => {
    renderPage('?gemeente=GM0546&jaar=2024&sortering=-year&pagina=3');
    await waitFor(() => expect(listCalls().some((c) => c.includes('page=3') && c.includes('sort=-year') && c.includes('year=2024'))).toBe(true));
    const csv = await screen.findByTestId('projects-csv');
    expect(csv.getAttribute('href')).toBe('/api/municipalities/GM0546/monitoring/projects.csv?year=2024');
    expect(csv.textContent).toBe('CSV van alle 120 projecten downloaden');
    await waitFor(() => expect(screen.getByTestId('project-map').getAttribute('data-points')).toBe('Op de kaart'));
    expect(screen.getByTestId('project-map').getAttribute('data-total')).toBe('120');
    expect(calls.some((c) => c.startsWith('/api/municipalities/GM0546/monitoring/map') && c.includes('year=2024'))).toBe(true);
  });
});
