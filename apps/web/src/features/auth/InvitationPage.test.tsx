import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { createQueryClient } from '../../app/query-client.ts';
import { i18n } from '../../i18n/index.ts';
import InvitationPage from './InvitationPage.tsx';

const token = 'a'.repeat(32);
let preview: { status: number; body: unknown };
const posted: unknown[] = [];

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

beforeEach(async () => {
  await i18n.changeLanguage('nl');
  posted.length = 0;
  preview = { status: 200, body: { organisationName: 'Gemeente Leiden', email: 'nieuw@leiden.demo', role: 'bewerker', accountExists: false } };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url === `/api/invitations/${token}`) return json(preview.status, preview.body);
      if (url === '/api/invitations/accept') {
        posted.push(JSON.parse(String(init?.body)));
        return json(200, {
          user: { id: '5a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d', email: 'nieuw@leiden.demo', name: 'Nieuwe Collega', platformRole: null, memberships: [] },
          csrfToken: 'csrf',
        });
      }
      return json(404, { error: { code: 'not_found', message: 'Niet gevonden' } });
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPage(path: string) {
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={createQueryClient()}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/uitnodiging" element={<InvitationPage />} />
            <Route path="/projecten" element={<h1>Projecten</h1>} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

describe('InvitationPage', () => {
  it('creates an account from the e-mail link (?token=…) and signs in', async () => {
    renderPage(`/uitnodiging?token=${token}`);
    expect(await screen.findByText('U bent uitgenodigd voor Gemeente Leiden met de rol Bewerker.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Uw naam'), { target: { value: 'Nieuwe Collega' } });
    fireEvent.change(screen.getByLabelText('Nieuw wachtwoord'), { target: { value: 'een lange zin als wachtwoord' } });
    fireEvent.change(screen.getByLabelText('Herhaal het wachtwoord'), { target: { value: 'een andere zin' } });
    fireEvent.click(screen.getByRole('button', { name: 'Uitnodiging accepteren' }));
    expect(await screen.findByText('De twee wachtwoorden zijn niet gelijk.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Herhaal het wachtwoord: De twee wachtwoorden zijn niet gelijk.' })).toBeTruthy();
    expect(posted).toEqual([]);

    fireEvent.change(screen.getByLabelText('Herhaal het wachtwoord'), { target: { value: 'een lange zin als wachtwoord' } });
    fireEvent.click(screen.getByRole('button', { name: 'Uitnodiging accepteren' }));
    await screen.findByRole('heading', { name: 'Projecten' });
    expect(posted).toEqual([{ token, name: 'Nieuwe Collega', password: 'een lange zin als wachtwoord' }]);
  });

  it('asks only for the password when the account exists', async () => {
    preview.body = { organisationName: 'Van Wijnen', email: 'bouwer@vanwijnen.demo', role: 'lezer', accountExists: true };
    renderPage(`/uitnodiging?token=${token}`);
    await screen.findByText('U heeft al een account. Vul uw wachtwoord in om de uitnodiging te accepteren.');
    expect(screen.queryByLabelText('Uw naam')).toBeNull();
    expect(screen.queryByLabelText('Herhaal het wachtwoord')).toBeNull();
    fireEvent.change(screen.getByLabelText('Wachtwoord'), { target: { value: 'kringbouw-demo-wachtwoord' } });
    fireEvent.click(screen.getByRole('button', { name: 'Uitnodiging accepteren' }));
    await waitFor(() => expect(posted).toEqual([{ token, password: 'kringbouw-demo-wachtwoord' }]));
  });

  it('explains an invitation that is no longer valid', async () => {
    preview = { status: 404, body: { error: { code: 'invitation_invalid', message: 'Bestaat niet' } } };
    renderPage(`/uitnodiging?token=${token}`);
    expect(await screen.findByText(/Deze uitnodiging is niet \(meer\) geldig/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Uitnodiging accepteren' })).toBeNull();
  });
});
