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
const requests: string[] = [];

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

beforeEach(async () => {
  signedIn = true;
  requests.length = 0;
  await i18n.changeLanguage('nl');
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      requests.push(url);
      if (url.startsWith('/api/auth/session')) return signedIn ? json(200, session) : json(401, { error: { code: 'unauthenticated', message: 'Niet ingelogd' } });
      if (url.startsWith('/api/auth/config')) return json(200, { oidc: { enabled: false, label: null } });
      if (url.startsWith('/api/municipalities')) return json(200, { items: [{ code: 'GM0546', name: 'Leiden', cityDeal: true }] });
      if (url.startsWith('/api/projects')) return json(200, { items: [], total: 0, page: 1, pageSize: 20 });
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
    expect([...nav.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['Projecten', 'Organisaties']);
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
});
