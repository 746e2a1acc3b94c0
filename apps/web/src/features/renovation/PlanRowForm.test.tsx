import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { i18n } from '../../i18n/index.ts';
import { PlanRowForm } from './PlanRowForm.tsx';

beforeEach(async () => {
  await i18n.changeLanguage('nl');
});
afterEach(() => cleanup());

function renderForm(onSubmit: (row: unknown) => Promise<unknown>) {
  return render(
    <I18nextProvider i18n={i18n}>
      <PlanRowForm buurten={['Hof van Delft', 'Wippolder']} defaultYear={2027} onSubmit={onSubmit} />
    </I18nextProvider>,
  );
}

describe('PlanRowForm', () => {
  it('names every bad field and sends nothing', () => {
    const onSubmit = vi.fn(async () => undefined);
    renderForm(onSubmit);
    fireEvent.change(screen.getByLabelText('Jaar'), { target: { value: '1999' } });
    fireEvent.change(screen.getByLabelText('Aantal woningen'), { target: { value: '2,5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Regel opslaan' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Geef een jaar tussen 2000 en 2100.')).toBeTruthy();
    expect(screen.getByText('Geef een heel aantal woningen (minstens 1).')).toBeTruthy();
    expect(screen.getByText('Vul een complexnummer of een buurt in.')).toBeTruthy();
    expect(screen.getByLabelText('Jaar').getAttribute('aria-invalid')).toBe('true');
  });

  it('sends a valid row with empty fields as null, and says it is saved', async () => {
    const onSubmit = vi.fn(async () => undefined);
    renderForm(onSubmit);
    fireEvent.change(screen.getByLabelText('Ingreep'), { target: { value: 'sloop_nieuwbouw' } });
    fireEvent.change(screen.getByLabelText('Aantal woningen'), { target: { value: '48' } });
    fireEvent.change(screen.getByLabelText('Buurt'), { target: { value: ' Wippolder ' } });
    fireEvent.change(screen.getByLabelText('Circulaire ambitie'), { target: { value: 'Materialen oogsten' } });
    fireEvent.click(screen.getByRole('button', { name: 'Regel opslaan' }));
    await screen.findByText('Regel opgeslagen.');
    expect(onSubmit).toHaveBeenCalledWith({ year: 2027, intervention: 'sloop_nieuwbouw', dwellings: 48, complexnummer: null, buurt: 'Wippolder', circularAmbition: 'Materialen oogsten' });
    // The dwellings are cleared for the next row; year and buurt stay.
    expect((screen.getByLabelText('Aantal woningen') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Buurt') as HTMLInputElement).value).toBe(' Wippolder ');
  });

  it('shows the server’s field problem at the field', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError(400, 'validation_failed', 'Ongeldige invoer', [{ path: 'complexnummer', message: 'Te lang volgens de server.' }]);
    });
    renderForm(onSubmit);
    fireEvent.change(screen.getByLabelText('Aantal woningen'), { target: { value: '5' } });
    fireEvent.change(screen.getByLabelText('Complexnummer'), { target: { value: 'C-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Regel opslaan' }));
    await waitFor(() => expect(screen.getByText('Te lang volgens de server.')).toBeTruthy());
  });
});
