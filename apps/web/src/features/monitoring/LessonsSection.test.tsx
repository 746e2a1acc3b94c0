import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import type { LessonList } from '@kringbouw/contracts';
import { createQueryClient } from '../../app/query-client.ts';
import { i18n } from '../../i18n/index.ts';
import { LessonsSection } from './LessonsSection.tsx';
import { ReportDownloads } from './ReportDownloads.tsx';

const leiden = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const list = (canRecord: boolean): LessonList => ({
  items: [
    {
      id: '5a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d',
      organisation: { id: leiden, name: 'Gemeente Leiden', municipalityCode: 'GM0546' },
      author: { id: '6a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d', name: 'Beleidsmedewerker' },
      year: 2026,
      theme: 'biobased',
      accelerators: 'Vroeg overleg met de leverancier',
      blockers: '',
      createdAt: '2026-03-02T10:00:00.000Z',
    },
  ],
  canRecordFor: canRecord ? [{ id: leiden, name: 'Gemeente Leiden' }] : [],
});

let posts: unknown[] = [];
function stub(canRecord: boolean, postResponse: { status: number; body: unknown }) {
  posts = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        posts.push(JSON.parse(String(init.body)));
        return new Response(JSON.stringify(postResponse.body), { status: postResponse.status, headers: { 'content-type': 'application/json' } });
      }
      return new Response(JSON.stringify(list(canRecord)), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
}

function renderWith(node: React.ReactNode) {
  render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={createQueryClient()}>
        <MemoryRouter>{node}</MemoryRouter>
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

describe('LessonsSection', () => {
  it('lists lessons and offers no form to someone who may not record', async () => {
    stub(false, { status: 201, body: {} });
    renderWith(<LessonsSection year="" />);
    const item = await screen.findByText(/Vroeg overleg met de leverancier/);
    expect(item.closest('li')?.textContent).toContain('Biobased bouwen');
    expect(screen.queryByRole('button', { name: 'Ervaring vastleggen' })).toBeNull();
  });

  it('sends the lesson and shows the server’s field error next to the field', async () => {
    stub(true, { status: 400, body: { error: { code: 'validation_failed', message: 'De invoer is niet geldig.', details: [{ path: 'accelerators', message: 'Vul in wat versnelde of wat blokkeerde.' }] } } });
    renderWith(<LessonsSection year="" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Ervaring vastleggen' }));
    const form = screen.getByRole('form', { name: 'Ervaring vastleggen' });
    fireEvent.change(within(form).getByLabelText('Thema'), { target: { value: 'regelgeving' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Ervaring opslaan' }));
    expect(await within(form).findByText('Vul in wat versnelde of wat blokkeerde.')).toBeTruthy();
    expect(posts[0]).toMatchObject({ organisationId: leiden, theme: 'regelgeving', accelerators: '', blockers: '' });
  });
});

describe('ReportDownloads', () => {
  it('links to the report endpoint with kind, year and format, and hides the links for an invalid year', () => {
    renderWith(<ReportDownloads scope={{ municipalityCode: 'GM0546' }} />);
    fireEvent.change(screen.getByLabelText('Soort rapportage'), { target: { value: 'tussentijdse-evaluatie' } });
    fireEvent.change(screen.getByLabelText('Rapportjaar'), { target: { value: '2022' } });
    expect(screen.getByRole('link', { name: 'PDF downloaden' }).getAttribute('href')).toBe('/api/municipalities/GM0546/monitoring/report?kind=tussentijdse-evaluatie&year=2022&format=pdf');
    expect(screen.getByRole('link', { name: 'Excel downloaden' }).getAttribute('href')).toBe('/api/municipalities/GM0546/monitoring/report?kind=tussentijdse-evaluatie&year=2022&format=xlsx');
    fireEvent.change(screen.getByLabelText('Rapportjaar'), { target: { value: '19' } });
    expect(screen.queryByRole('link', { name: 'PDF downloaden' })).toBeNull();
    expect(screen.getByText('Vul een jaar in tussen 2000 en 2100.')).toBeTruthy();
  });
});
