import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, useLocation } from 'react-router';
import { i18n } from '../i18n/index.ts';
import { createQueryClient } from './query-client.ts';
import { AppRoutes } from './routes.tsx';

const organisationId = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const session = {
  user: {
    id: '5a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d',
    email: 'beleid@leiden.demo',
    name: 'Beleidsmedewerker Leiden',
    platformRole: null,
    memberships: [{ organisationId, organisationName: 'Gemeente Leiden', organisationKind: 'gemeente', role: 'lezer' }],
  },
  csrfToken: 'csrf',
};

let signedIn = true;
let role: 'lezer' | 'bewerker' | 'beheerder' = 'lezer';
let listTotal = 0;
let sessionEnded = false;
const requests: string[] = [];
const projectId = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const project = {
  id: projectId,
  name: 'Voorbeeld: Fijn Wonen in Leiden',
  description: '',
  municipalityCode: 'GM0546',
  municipalityName: 'Leiden',
  location: { lat: 52.1601, lon: 4.497 },
  kind: 'nieuwbouw',
  phase: 'ontwerp',
  phaseDates: { initiatief: '2025-03-01', ontwerp: null, realisatie: null, opgeleverd: null },
  dwellings: 60,
  bvoM2: 5400.5,
  buildingType: 'grondgebonden',
  concept: { name: 'Fijn Wonen', supplier: 'Van Wijnen' },
  parties: [{ organisationId, organisationName: 'Gemeente Leiden', role: 'gemeente' }],
  visibility: 'vertrouwelijk',
  isExample: true,
  ownerOrganisationId: organisationId,
  createdAt: '2026-11-22T23:00:00+00:00',
  updatedAt: '2026-11-22T23:30:00+00:00',
  version: 2,
};

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

beforeEach(async () => {
  signedIn = true;
  role = 'lezer';
  listTotal = 0;
  sessionEnded = false;
  requests.length = 0;
  await i18n.changeLanguage('nl');
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      requests.push(url);
      if (url.startsWith('/api/auth/session')) {
        const user = { ...session.user, memberships: session.user.memberships.map((m) => ({ ...m, role })) };
        return signedIn ? json(200, { ...session, user }) : json(401, { error: { code: 'unauthenticated', message: 'Niet ingelogd' } });
      }
      if (url === `/api/projects/${projectId}`) return json(200, project);
      if (url === `/api/organisations/${organisationId}`) {
        return json(200, {
          id: organisationId,
          name: 'Gemeente Leiden',
          shortName: 'Leiden',
          kind: 'gemeente',
          municipalityCode: 'GM0546',
          website: null,
          cityDealSignatory: true,
          memberCount: 1,
          members: [{ userId: session.user.id, name: session.user.name, email: session.user.email, role, joinedAt: '2026-11-22T23:00:00+00:00' }],
          invitations: role === 'beheerder' ? [] : null,
        });
      }
      if (url.startsWith('/api/organisations')) return json(200, { items: [] });
      if (url.startsWith('/api/auth/config')) return json(200, { oidc: { enabled: false, label: null } });
      if (url.startsWith('/api/municipalities')) return json(200, { items: [{ code: 'GM0546', name: 'Leiden', cityDeal: true }] });
      if (url.startsWith('/api/projects') && sessionEnded) {
        signedIn = false;
        return json(401, { error: { code: 'unauthenticated', message: 'Sessie verlopen' } });
      }
      if (url.startsWith('/api/projects')) {
        const page = Number(new URLSearchParams(url.split('?')[1]).get('page') ?? '1');
        const items = listTotal > 0 ? [project] : [];
        return json(200, { items, total: listTotal, page, pageSize: 20 });
      }
      return json(404, { error: { code: 'not_found', message: 'Niet gevonden' } });
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

function LocationProbe() {
  const location = useLocation();
  return <output aria-label="location">{`${location.pathname}${location.search}`}</output>;
}

function renderAt(path: string) {
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={createQueryClient()}>
        <MemoryRouter initialEntries={[path]}>
          <AppRoutes />
          <LocationProbe />
        </MemoryRouter>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

const currentLocation = () => screen.getByRole('status', { name: 'location' }).textContent;

describe('routes', () => {
  it('shows a 404 page for unknown paths', async () => {
    renderAt('/bestaat-niet');
    expect(await screen.findByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeTruthy();
  });

  it('sends signed-out visitors to the sign-in page and remembers where they were going', async () => {
    signedIn = false;
    renderAt('/projecten?kind=optopping');
    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeTruthy();
    expect(currentLocation()).toBe('/inloggen?terug=%2Fprojecten%3Fkind%3Doptopping');
    expect(screen.queryByRole('navigation', { name: 'Hoofdmenu' })).toBeNull();
  });

  it('shows only the navigation that exists, and no create button for a lezer', async () => {
    renderAt('/projecten');
    const nav = await screen.findByRole('navigation', { name: 'Hoofdmenu' });
    expect([...nav.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['Projecten', 'Kansenkaart', 'Monitoring', 'Prestatieafspraken', 'Organisaties']);
    expect(await screen.findByText('Er zijn nog geen projecten.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Nieuw project' })).toBeNull();
  });

  it('reads the project filters from the URL and writes changes back to it', async () => {
    renderAt('/projecten?kind=optopping&sort=name&order=asc&page=2');
    await screen.findByText('Geen projecten gevonden die passen bij uw zoekopdracht en filters.');
    const listRequest = requests.find((url) => url.startsWith('/api/projects'));
    expect(listRequest).toBe('/api/projects?page=2&sort=name&order=asc&kind=optopping&pageSize=20');
    expect((screen.getByLabelText('Soort project') as HTMLSelectElement).value).toBe('optopping');

    fireEvent.change(screen.getByLabelText('Fase'), { target: { value: 'ontwerp' } });
    await waitFor(() => expect(currentLocation()).toBe('/projecten?kind=optopping&phase=ontwerp&sort=name&order=asc'));
    await waitFor(() => expect(requests.at(-1)).toContain('phase=ontwerp'));
  });

  it('switches the language, sets <html lang> and remembers the choice', async () => {
    renderAt('/bestaat-niet');
    await screen.findByRole('heading', { level: 1, name: 'Pagina niet gevonden' });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'English' }));
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('kringbouw.language')).toBe('en');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Nederlands' }));
    });
    expect(document.documentElement.lang).toBe('nl');
  });

  it('pages through the list with the page number in the URL', async () => {
    listTotal = 45;
    renderAt('/projecten');
    expect(await screen.findByText('1–20 van 45 (pagina 1 van 3)')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: '45 projecten' })).toBeTruthy();
    expect(screen.getByText('Voorbeeld')).toBeTruthy();
    expect(screen.getByText('Vertrouwelijk')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Volgende' }));
    await waitFor(() => expect(currentLocation()).toBe('/projecten?page=2'));
    expect(await screen.findByText('21–40 van 45 (pagina 2 van 3)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^Naam/ }));
    await waitFor(() => expect(currentLocation()).toBe('/projecten?sort=name&order=asc'));
  });

  it.each([
    ['lezer', false, false],
    ['bewerker', true, false],
    ['beheerder', true, true],
  ] as const)('shows edit and delete on a project per the shared policy (%s)', async (memberRole, mayEdit, mayDelete) => {
    role = memberRole;
    renderAt(`/projecten/${projectId}`);
    await screen.findByRole('heading', { level: 1, name: /Fijn Wonen in Leiden/ });
    expect(screen.getByText('1 maart 2025')).toBeTruthy();
    expect(screen.getByText('5.400,5 m²')).toBeTruthy();
    expect(screen.getByText('52,16010° N, 4,49700° O')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Bewerken' }) !== null).toBe(mayEdit);
    expect(screen.queryByRole('button', { name: 'Project verwijderen' }) !== null).toBe(mayDelete);
  });

  it('goes to the sign-in page when the session ends while working', async () => {
    renderAt('/organisaties/bestaat-niet-meer');
    await screen.findByRole('navigation', { name: 'Hoofdmenu' });
    sessionEnded = true;
    fireEvent.click(screen.getByRole('link', { name: 'Projecten' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeTruthy();
    expect(currentLocation()).toBe('/inloggen?terug=%2Fprojecten');
  });

  it.each([
    ['lezer', false],
    ['beheerder', true],
  ] as const)('shows member management on an organisation only to those who manage it (%s)', async (memberRole, manages) => {
    role = memberRole;
    renderAt(`/organisaties/${organisationId}`);
    await screen.findByRole('heading', { level: 1, name: /Gemeente Leiden/ });
    expect(screen.getByRole('heading', { level: 2, name: 'Leden (1)' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Iemand uitnodigen' }) !== null).toBe(manages);
    expect(screen.queryByRole('link', { name: 'Gegevens bewerken' }) !== null).toBe(manages);
    expect(screen.queryByLabelText('Rol van Beleidsmedewerker Leiden') !== null).toBe(manages);
    expect(screen.queryByRole('heading', { name: 'Uitnodigingen' }) !== null).toBe(manages);
  });
});
