import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { passportVersion, type PassportVersion } from '@kringbouw/contracts';
import { createQueryClient } from '../../app/query-client.ts';
import { i18n } from '../../i18n/index.ts';
import { setEngineClient } from './engine-client.ts';
import { MaterialsPanel } from './MaterialsPanel.tsx';
import { inPageEngine } from './test/in-page-engine.ts';

const projectId = '11111111-1111-4111-8111-111111111111';
const versionId = '22222222-2222-4222-8222-222222222222';
const organisationId = '33333333-3333-4333-8333-333333333333';
const userId = '44444444-4444-4444-8444-444444444444';
const now = '2026-11-23T00:00:00.000Z';

function version(unmapped: boolean): PassportVersion {
  return passportVersion.parse({
    id: versionId, projectId, number: 1, label: 'Import', status: 'concept', source: 'xlsx', basedOnVersionId: null,
    elementCount: 1, lineCount: 2, unmappedCount: unmapped ? 1 : 0, mpg: null, gwpA1a5: null, revision: unmapped ? 3 : 4,
    createdAt: now, createdBy: { id: userId, name: 'Adviseur' }, updatedAt: now, publishedAt: null, publishedBy: null, originalFile: null,
    passport: { project: { bvoM2: 100, buildingType: 'grondgebonden' }, elements: [] },
    indicators: null, indicatorsUnavailable: null, importReport: null, mappingOrganisationId: organisationId,
    materials: [
      { name: 'Zeegras isolatiedeken', normalizedName: 'zeegras isolatiedeken', lineCount: 1, profileId: unmapped ? null : 'p-wool', profileName: unmapped ? null : 'Mineral wool', mixedProfiles: false, profileOrigin: unmapped ? null : 'mapping', mapping: unmapped ? null : { profileId: 'p-wool', origin: 'suggested' } },
      { name: 'Beton C30/37', normalizedName: 'beton c30 37', lineCount: 1, profileId: 'p-beton', profileName: 'Ready-mix concrete C30/37', mixedProfiles: false, profileOrigin: 'suggested', mapping: null },
    ],
  });
}

const requests: { url: string; method: string; body: unknown }[] = [];

beforeAll(() => setEngineClient(inPageEngine));
afterAll(() => setEngineClient(undefined));
beforeEach(async () => {
  await i18n.changeLanguage('nl');
  requests.length = 0;
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    requests.push({ url, method, body: init.body ? JSON.parse(String(init.body)) : undefined });
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    if (url.startsWith('/api/profiles/suggestions')) {
      return json({ items: [{ profileId: 'p-wool', name: 'Mineral wool (facade insulation)', declaredUnit: 'm3', score: 0.42, reason: 'naam komt overeen (isolatie)' }] });
    }
    if (url.startsWith(`/api/organisations/${organisationId}/material-mappings`) && method === 'GET') return json({ items: [], total: 0 });
    if (url.startsWith(`/api/organisations/${organisationId}/material-mappings`) && method === 'PUT') {
      return json({ id: '55555555-5555-4555-8555-555555555555', organisationId, materialName: 'Zeegras isolatiedeken', normalizedName: 'zeegras isolatiedeken', profileId: 'p-wool', profileName: 'Mineral wool', declaredUnit: 'm3', origin: 'suggested', updatedBy: { id: userId, name: 'Adviseur' }, updatedAt: now });
    }
    if (url.endsWith('/apply-mappings')) return json(version(false));
    return new Response('{}', { status: 404 });
  }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('MaterialsPanel', () => {
  it('lists unmapped materials first with suggestions, saves the mapping and applies it to the concept', async () => {
    const client = createQueryClient();
    render(
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={client}>
          <MemoryRouter>
            <MaterialsPanel projectId={projectId} version={version(true)} mayMap mayEditLines dirty={false} onSetLocally={() => undefined} organisationName="Voorbeeldcorporatie" />
          </MemoryRouter>
        </QueryClientProvider>
      </I18nextProvider>,
    );
    expect(screen.getByText('1 materiaal heeft nog geen profiel.')).toBeTruthy();
    const items = screen.getAllByRole('listitem').filter((li) => li.classList.contains('material'));
    expect(items[0]?.textContent).toContain('Zeegras isolatiedeken');
    expect(within(items[0]!).getByText('Nog geen profiel')).toBeTruthy();

    // The first unmapped material is open, with its suggestions: name, unit, score and reason.
    const table = await screen.findByRole('table', { name: 'Voorstellen voor Zeegras isolatiedeken' });
    const row = within(table).getByRole('row', { name: /Mineral wool/ });
    expect(within(row).getByText('m³')).toBeTruthy();
    expect(within(row).getByText('0,42')).toBeTruthy();
    expect(within(row).getByText('naam komt overeen (isolatie)')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Mineral wool (facade insulation) gebruiken voor Zeegras isolatiedeken' }));

    await waitFor(() => expect(requests.some((r) => r.url.endsWith('/apply-mappings'))).toBe(true));
    const put = requests.find((r) => r.method === 'PUT');
    expect(put).toMatchObject({ url: `/api/organisations/${organisationId}/material-mappings`, body: { materialName: 'Zeegras isolatiedeken', profileId: 'p-wool', origin: 'suggested' } });
    const apply = requests.find((r) => r.url.endsWith('/apply-mappings'));
    expect(apply).toMatchObject({ method: 'POST', url: `/api/projects/${projectId}/passports/${versionId}/apply-mappings`, body: { revision: 3, replaceSuggested: true } });
    // The updated version is stored for the editor to pick up.
    expect(client.getQueryData<PassportVersion>(['passports', 'version', projectId, versionId])?.unmappedCount).toBe(0);
  });

  it('sets the profile in this passport only when the organisation\'s mapping may not be changed', async () => {
    const onSetLocally = vi.fn();
    render(
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={createQueryClient()}>
          <MemoryRouter>
            <MaterialsPanel projectId={projectId} version={version(true)} mayMap={false} mayEditLines dirty={false} onSetLocally={onSetLocally} />
          </MemoryRouter>
        </QueryClientProvider>
      </I18nextProvider>,
    );
    expect(screen.getByText(/uw keuze geldt alleen voor dit paspoort/)).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Voorstellen voor Zeegras isolatiedeken' });
    fireEvent.click(within(table).getByRole('button', { name: /gebruiken voor Zeegras/ }));
    expect(onSetLocally).toHaveBeenCalledWith('Zeegras isolatiedeken', 'p-wool');
    expect(requests.some((r) => r.method !== 'GET')).toBe(false);
  });
});
