import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { i18n } from '../../i18n/index.ts';
import { NotificationBell } from './NotificationBell.tsx';
import { agreementId, json, renderWith, sessionFor } from './test/fixtures.tsx';

const unreadId = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const readId = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
let calls: { url: string; method: string }[] = [];
let unread = 1;

beforeEach(async () => {
  await i18n.changeLanguage('nl');
  calls = [];
  unread = 1;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      calls.push({ url, method });
      if (method === 'POST') {
        unread = 0;
        return json(200, { ok: true });
      }
      return json(200, {
        unreadCount: unread,
        items: [
          {
            id: unreadId,
            kind: 'goedgekeurd',
            agreementId,
            agreementTitle: 'Prestatieafspraken Leiden 2027',
            commitmentId: null,
            actor: { id: '88888888-8888-4888-8888-888888888888', name: 'Bestuurslid Huurdersorganisatie (demo)' },
            organisationName: 'Voorbeeld Huurdersorganisatie Leiden (demo)',
            createdAt: '2026-11-22T10:00:00.000Z',
            readAt: unread > 0 ? null : '2026-11-22T11:00:00.000Z',
          },
          {
            id: readId,
            kind: 'reactie',
            agreementId,
            agreementTitle: 'Prestatieafspraken Leiden 2027',
            commitmentId: null,
            actor: null,
            organisationName: 'Gemeente Leiden',
            createdAt: '2026-11-21T10:00:00.000Z',
            readAt: '2026-11-21T12:00:00.000Z',
          },
          {
            id: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
            kind: 'onderhandeling_gestart',
            agreementId,
            agreementTitle: 'Prestatieafspraken Leiden 2027',
            commitmentId: null,
            actor: { id: '99999999-9999-4999-8999-999999999999', name: 'Beleidsmedewerker Leiden (demo)' },
            organisationName: null,
            createdAt: '2026-11-20T10:00:00.000Z',
            readAt: '2026-11-20T12:00:00.000Z',
          },
        ],
      });
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('NotificationBell', () => {
  it('shows the unread count, words each notification, and marks one read', async () => {
    renderWith(<NotificationBell />, sessionFor([]));
    const toggle = await screen.findByLabelText('Meldingen: 1 ongelezen');
    fireEvent.click(toggle);
    const link = screen.getByRole('link', { name: /Bestuurslid Huurdersorganisatie \(demo\) keurde “Prestatieafspraken Leiden 2027” goed namens Voorbeeld Huurdersorganisatie Leiden \(demo\)/ });
    expect(link.getAttribute('href')).toBe(`/prestatieafspraken/${agreementId}`);
    expect(screen.getByText('Onbekend (Gemeente Leiden) reageerde op “Prestatieafspraken Leiden 2027”')).toBeTruthy();
    // Without an organisation the person alone is named (no empty brackets).
    expect(screen.getByText('Beleidsmedewerker Leiden (demo) startte de onderhandeling over “Prestatieafspraken Leiden 2027”')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Markeer als gelezen' })).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Markeer als gelezen' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'POST' && call.url === `/api/notifications/${unreadId}/read`)).toBe(true));
    expect(await screen.findByLabelText('Meldingen: 0 ongelezen')).toBeTruthy();
  });

  it('marks all read in one request', async () => {
    renderWith(<NotificationBell />, sessionFor([]));
    fireEvent.click(await screen.findByLabelText('Meldingen: 1 ongelezen'));
    fireEvent.click(screen.getByRole('button', { name: 'Alles gelezen' }));
    await waitFor(() => expect(calls.filter((call) => call.method === 'POST').map((call) => call.url)).toEqual(['/api/notifications/read-all']));
  });
});
