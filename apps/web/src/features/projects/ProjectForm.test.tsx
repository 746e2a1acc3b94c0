import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { createQueryClient } from '../../app/query-client.ts';
import { i18n } from '../../i18n/index.ts';
import { emptyFormValues } from './form-values.ts';
import { ProjectForm, type ProjectFormSubmit } from './ProjectForm.tsx';

const ownerId = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const partyId = '5a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d';

const municipalities = {
  items: [
    { code: 'GM0546', name: 'Leiden', cityDeal: true },
    { code: 'GM0363', name: 'Amsterdam', cityDeal: false },
  ],
};
const organisations = {
  items: [
    {
      id: partyId,
      name: 'Woonstichting De Sleutels',
      shortName: null,
      kind: 'woningcorporatie',
      municipalityCode: null,
      website: null,
      cityDealSignatory: true,
      memberCount: 3,
    },
  ],
};

beforeEach(async () => {
  await i18n.changeLanguage('nl');
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const body = url.startsWith('/api/municipalities') ? municipalities : url.startsWith('/api/organisations') ? organisations : {};
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderForm(action: ProjectFormSubmit) {
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={createQueryClient()}>
        <MemoryRouter>
          <ProjectForm initialValues={emptyFormValues(ownerId)} ownerOptions={[{ id: ownerId, name: 'Gemeente Leiden' }]} action={action} onCancel={() => undefined} />
        </MemoryRouter>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

/** The error text announced for an input (through aria-describedby). */
function describedText(element: HTMLElement): string {
  const ids = element.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

function change(label: string | RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

async function fillValidProject() {
  await screen.findByRole('option', { name: 'Leiden' });
  change('Projectnaam', 'Houtbouw Kooiplein');
  change('Gemeente', 'GM0546');
  change('Soort project', 'nieuwbouw');
  change('Type bebouwing', 'gestapeld');
  change(/^Aantal woningen/, '120');
  change('Huidige fase', 'ontwerp');
  fireEvent.click(screen.getByRole('button', { name: 'Partij toevoegen' }));
  await screen.findByRole('option', { name: 'Woonstichting De Sleutels' });
  change('Organisatie (partij 1)', partyId);
  change('Rol (partij 1)', 'corporatie');
}

describe('ProjectForm', () => {
  it('shows Dutch field errors from the shared schema before anything is sent', async () => {
    const submit = vi.fn(async () => undefined);
    renderForm({ mode: 'create', submit });
    change(/^Breedtegraad/, '52,1');
    change(/^Lengtegraad/, 'vier');
    change(/^Aantal woningen/, 'honderd');
    fireEvent.click(screen.getByRole('button', { name: 'Project opslaan' }));

    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('fouten in het formulier');
    const name = screen.getByLabelText('Projectnaam');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(name)).toContain('Vul dit veld in.');
    expect(describedText(screen.getByLabelText('Gemeente'))).toContain('Maak een keuze uit de lijst.');
    // The summary lists problems in the order of the form: name before municipality before dwellings.
    const order = [...summary.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(order.indexOf('#field-name')).toBeLessThan(order.indexOf('#field-municipalityCode'));
    expect(order.indexOf('#field-municipalityCode')).toBeLessThan(order.indexOf('#field-dwellings'));
    expect(order.indexOf('#field-dwellings')).toBeLessThan(order.indexOf('#field-location-lon'));
    expect(describedText(screen.getByLabelText(/^Aantal woningen/))).toContain('Vul een geheel getal in, zonder komma.');
    expect(describedText(screen.getByLabelText(/^Bruto vloeroppervlak/))).not.toContain('Vul');
    expect(describedText(screen.getByLabelText(/^Lengtegraad/))).toContain('Vul een getal in, bijvoorbeeld 12,5.');
    expect(screen.getByLabelText(/^Breedtegraad/).getAttribute('aria-invalid')).toBeNull();
    expect(submit).not.toHaveBeenCalled();
  });

  it('puts the details of a 400 response next to the right fields', async () => {
    const submit = vi.fn(async () => {
      throw new ApiError(400, 'validation_failed', 'Invalid input', [
        { path: 'parties.0.role', message: 'Invalid option', code: 'invalid_value' },
        { path: 'dwellings', message: 'Meer woningen dan de bestemming toestaat' },
      ]);
    });
    renderForm({ mode: 'create', submit });
    await fillValidProject();
    fireEvent.click(screen.getByRole('button', { name: 'Project opslaan' }));

    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    const body = submit.mock.calls[0]?.[0 as never] as unknown;
    expect(body).toMatchObject({ name: 'Houtbouw Kooiplein', municipalityCode: 'GM0546', dwellings: 120, ownerOrganisationId: ownerId, parties: [{ organisationId: partyId, role: 'corporatie' }] });

    const role = await screen.findByLabelText('Rol (partij 1)');
    await waitFor(() => expect(describedText(role)).toContain('Maak een keuze uit de lijst.'));
    expect(describedText(screen.getByLabelText(/^Aantal woningen/))).toContain('Meer woningen dan de bestemming toestaat');
    expect(screen.getByLabelText('Projectnaam').getAttribute('aria-invalid')).toBeNull();
    const links = screen.getAllByRole('link').map((link) => link.getAttribute('href'));
    expect(links).toEqual(expect.arrayContaining(['#field-parties-0-role', '#field-dwellings']));
  });

  it('explains a version conflict and offers a reload', async () => {
    const onReload = vi.fn();
    const submit = vi.fn(async () => {
      throw new ApiError(409, 'version_conflict', 'Project was changed');
    });
    renderForm({ mode: 'edit', version: 3, submit, onReload });
    await fillValidProject();
    fireEvent.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));

    expect(await screen.findByText(/Iemand anders heeft dit project intussen gewijzigd/)).toBeTruthy();
    expect(submit.mock.calls[0]?.[0 as never]).toMatchObject({ version: 3 });
    fireEvent.click(screen.getByRole('button', { name: 'Project herladen' }));
    expect(onReload).toHaveBeenCalledTimes(1);
  });
});
