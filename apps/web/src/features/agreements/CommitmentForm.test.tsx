import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { ApiError } from '../../api/client.ts';
import { i18n } from '../../i18n/index.ts';
import { CommitmentForm } from './CommitmentForm.tsx';
import { commitmentBodyFrom, commitmentValuesFrom, emptyCommitmentValues } from './commitment-values.ts';
import { corporatieId, gemeenteId, json, makeAgreement, parties, renderWith } from './test/fixtures.tsx';

beforeEach(async () => {
  await i18n.changeLanguage('nl');
  vi.stubGlobal('fetch', vi.fn(async () => json(200, { items: [], total: 0, page: 1, pageSize: 200 })));
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function describedText(element: HTMLElement): string {
  const ids = element.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

function change(label: string | RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function renderForm(onSubmit: (input: unknown) => Promise<unknown>) {
  return renderWith(
    <CommitmentForm
      initialValues={emptyCommitmentValues('nieuwbouw')}
      parties={parties}
      municipalityCode="GM0546"
      submitLabel="Afspraak toevoegen"
      onSubmit={onSubmit}
      onCancel={() => undefined}
    />,
    null,
  );
}

describe('CommitmentForm', () => {
  it('checks a measurable commitment with the shared schema before sending and names each field', async () => {
    const onSubmit = vi.fn(async () => undefined);
    renderForm(onSubmit);
    change('Soort afspraak', 'meetbaar');
    change('Doelwaarde', 'veel');
    fireEvent.click(screen.getByRole('button', { name: 'Afspraak toevoegen' }));

    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('fouten in het formulier');
    expect(describedText(screen.getByLabelText('Titel van de afspraak'))).toContain('Vul dit veld in.');
    expect(describedText(screen.getByLabelText('Doelwaarde'))).toContain('Vul een getal in');
    expect(describedText(screen.getByLabelText('Indicator'))).toContain('Maak een keuze uit de lijst.');
    expect(summary.textContent).toContain('Verantwoordelijke partijen');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends a share target with Dutch decimals as numbers', async () => {
    const onSubmit = vi.fn(async (_input: unknown) => undefined);
    renderForm(onSubmit);
    change('Titel van de afspraak', 'Biobased nieuwbouw');
    change('Tekst van de afspraak', 'Ten minste 30 % van de nieuwe woningen heeft ten minste 30 % biobased materiaal (massa).');
    fireEvent.click(screen.getByLabelText(/Voorbeeldcorporatie Leiden \(demo\)/));
    change('Stap op de R-ladder (PBL)', 'R2');
    change(/^Stap volgens de handreiking/, 'redesign');
    change('Soort afspraak', 'meetbaar');
    change('Indicator', 'materialOrigin');
    change('Te halen op', '2028-12-31');
    change('Welke projecten tellen mee', 'aandeel');
    change('Woningcorporatie', corporatieId);
    change('Drempel per project', '30');
    change('Vergelijking', 'gte');
    change('Doelwaarde', '30,5');
    fireEvent.click(screen.getByRole('button', { name: 'Afspraak toevoegen' }));

    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
      kind: 'meetbaar',
      theme: 'nieuwbouw',
      responsibleOrganisationIds: [corporatieId],
      rLadder: { pbl: 'R2', guide: 'redesign' },
      indicatorId: 'materialOrigin',
      comparator: 'gte',
      target: 30.5,
      deadline: '2028-12-31',
      scope: { type: 'aandeel', organisationId: corporatieId, projectKinds: ['nieuwbouw'], basis: 'woningen', projectComparator: 'gte', projectThreshold: 30 },
    });
  });

  it('puts the field problems of a 400 answer at the fields (paths inside { commitment })', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError(400, 'validation_failed', 'Invoer klopt niet', [
        { path: 'commitment.responsibleOrganisationIds.0', message: 'Deze organisatie is geen partij van de afspraken.' },
        { path: ['commitment', 'text'], message: 'Te lang voor het evaluatiedocument.' },
      ]);
    });
    renderForm(onSubmit);
    change('Titel van de afspraak', 'Leertraject');
    change('Tekst van de afspraak', 'Samen een leertraject volgen.');
    fireEvent.click(screen.getByLabelText(/Gemeente Leiden/));
    change('Stap op de R-ladder (PBL)', 'R1');
    fireEvent.click(screen.getByRole('button', { name: 'Afspraak toevoegen' }));

    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(describedText(screen.getByLabelText('Tekst van de afspraak'))).toContain('Te lang voor het evaluatiedocument.'));
    expect(await screen.findByText('Deze organisatie is geen partij van de afspraken.')).toBeTruthy();
    const links = screen.getAllByRole('link').map((link) => link.getAttribute('href'));
    expect(links).toEqual(expect.arrayContaining(['#field-text', '#field-responsibleOrganisationIds']));
  });
});

describe('commitment values', () => {
  it('round-trip a stored commitment through the form values into the same body', () => {
    const [measurable, process] = makeAgreement().commitments;
    if (measurable?.kind !== 'meetbaar' || process?.kind !== 'proces') throw new Error('fixture');
    const body = commitmentBodyFrom(commitmentValuesFrom(measurable));
    expect(body).toMatchObject({ kind: 'meetbaar', indicatorId: 'mpg', comparator: 'lte', target: 0.6, deadline: '2028-12-31', scope: measurable.scope });
    const processBody = commitmentBodyFrom(commitmentValuesFrom(process));
    expect(processBody).toEqual({
      theme: 'proces_leren',
      title: process.title,
      text: process.text,
      responsibleOrganisationIds: [gemeenteId, corporatieId],
      rLadder: { pbl: 'R1', guide: null },
      templateId: 'start-leertraject',
      templateVersion: '2026.1',
      kind: 'proces',
      dueDate: null,
    });
  });
});
