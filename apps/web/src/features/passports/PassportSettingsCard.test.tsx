import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import type { MembershipRole } from '@kringbouw/domain/organisations';
import { createQueryClient } from '../../app/query-client.ts';
import { i18n } from '../../i18n/index.ts';
import { sessionQueryKey } from '../auth/session.ts';
import { PassportSettingsCard } from './PassportSettingsCard.tsx';

const organisationId = '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e';
let stored = { keepOriginalIfc: false };
let puts: unknown[] = [];

function renderCard(role: MembershipRole) {
  const client = createQueryClient();
  client.setQueryData(sessionQueryKey, {
    csrfToken: 'token',
    user: {
      id: '2b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
      email: 'corporatie@leiden.demo',
      name: 'Assetmanager',
      platformRole: null,
      memberships: [{ organisationId, organisationName: 'Voorbeeldcorporatie Leiden (demo)', organisationKind: 'woningcorporatie', role }],
    },
  });
  render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <PassportSettingsCard organisationId={organisationId} />
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

beforeEach(async () => {
  await i18n.changeLanguage('nl');
  stored = { keepOriginalIfc: false };
  puts = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      expect(url).toBe(`/api/organisations/${organisationId}/passport-settings`);
      if (init?.method === 'PUT') {
        const body = JSON.parse(String(init.body)) as typeof stored;
        puts.push(body);
        stored = body;
      }
      return new Response(JSON.stringify(stored), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('PassportSettingsCard', () => {
  it('lets a beheerder switch on keeping original IFC files', async () => {
    renderCard('beheerder');
    const checkbox = await screen.findByRole('checkbox', { name: 'Originele IFC-bestanden bewaren' });
    expect((checkbox as HTMLInputElement).checked).toBe(false);
    fireEvent.click(checkbox);
    expect(await screen.findByText('Instelling opgeslagen.')).toBeTruthy();
    expect(puts).toEqual([{ keepOriginalIfc: true }]);
    expect((screen.getByRole('checkbox', { name: 'Originele IFC-bestanden bewaren' }) as HTMLInputElement).checked).toBe(true);
  });

  it('shows the setting read-only to a bewerker', async () => {
    stored = { keepOriginalIfc: true };
    renderCard('bewerker');
    const checkbox = (await screen.findByRole('checkbox', { name: 'Originele IFC-bestanden bewaren' })) as HTMLInputElement;
    expect(checkbox.checked).toBe(true);
    expect(checkbox.disabled).toBe(true);
    expect(screen.getByText(/Alleen een beheerder van de organisatie kan dit wijzigen/)).toBeTruthy();
  });
});
