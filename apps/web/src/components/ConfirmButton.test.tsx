import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ConfirmButton } from './ConfirmButton.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ConfirmButton', () => {
  it('acts only after the user confirms the question', () => {
    const onConfirm = vi.fn();
    const confirm = vi.fn<(question: string) => boolean>().mockReturnValueOnce(false).mockReturnValueOnce(true);
    vi.stubGlobal('confirm', confirm);
    render(<ConfirmButton label="Verwijderen" question="Lijst A verwijderen?" onConfirm={onConfirm} />);
    const button = screen.getByRole('button', { name: 'Verwijderen' });
    fireEvent.click(button);
    expect(confirm).toHaveBeenLastCalledWith('Lijst A verwijderen?');
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.click(button);
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('can be disabled while a deletion runs', () => {
    render(<ConfirmButton label="Verwijderen" question="?" disabled onConfirm={vi.fn()} />);
    expect((screen.getByRole('button', { name: 'Verwijderen' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
