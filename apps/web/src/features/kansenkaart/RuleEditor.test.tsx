import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { defaultOpportunityRules, type OpportunityRules } from '@kringbouw/domain/opportunities';
import { i18n } from '../../i18n/index.ts';
import { describeCondition, RuleEditor, ruleProblems } from './RuleEditor.tsx';

beforeEach(async () => {
  await i18n.changeLanguage('nl');
});
afterEach(() => cleanup());

function renderEditor(onSave: (rules: OpportunityRules, note: string) => Promise<unknown>) {
  return render(
    <I18nextProvider i18n={i18n}>
      <RuleEditor initial={defaultOpportunityRules} onSave={onSave} />
    </I18nextProvider>,
  );
}

describe('RuleEditor', () => {
  it('refuses points outside −100..100 with the path and sends nothing', () => {
    const onSave = vi.fn(async () => undefined);
    renderEditor(onSave);
    fireEvent.change(screen.getByLabelText("Punten voor 'platte dakvorm' (Optoppen)"), { target: { value: '500' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan en opnieuw scoren' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('kinds.optoppen.0.points');
  });

  it('sends the set with the changed weight and the note', async () => {
    const onSave = vi.fn(async () => undefined);
    renderEditor(onSave);
    fireEvent.change(screen.getByLabelText("Punten voor 'platte dakvorm' (Optoppen)"), { target: { value: '50' } });
    fireEvent.change(screen.getByLabelText('Toelichting bij deze versie'), { target: { value: 'Platte daken wegen zwaarder' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan en opnieuw scoren' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    const [sent, note] = onSave.mock.calls[0] as unknown as [OpportunityRules, string];
    expect(note).toBe('Platte daken wegen zwaarder');
    expect(sent.kinds.optoppen.find((r) => r.code === 'platte_dakvorm')?.points).toBe(50);
    // Everything else is unchanged.
    expect(sent.kinds.splitsen).toEqual(defaultOpportunityRules.kinds.splitsen);
  });

  it('edits conditions as JSON and reports a JSON or schema error', () => {
    const onSave = vi.fn(async () => undefined);
    renderEditor(onSave);
    fireEvent.click(screen.getByRole('button', { name: 'Voorwaarden en teksten bewerken als JSON' }));
    const textarea = screen.getByLabelText('Alle regels als JSON (voorwaarden, teksten, nieuwe regels)');
    fireEvent.change(textarea, { target: { value: '{ nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan en opnieuw scoren' }));
    expect(screen.getByRole('alert').textContent).toContain('JSON');
    const broken = structuredClone(defaultOpportunityRules) as unknown as { kinds: { optoppen: { from?: number; to?: number }[] } };
    const yearRule = broken.kinds.optoppen[1];
    if (yearRule) {
      yearRule.from = 1990;
      yearRule.to = 1980;
    }
    fireEvent.change(textarea, { target: { value: JSON.stringify(broken) } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan en opnieuw scoren' }));
    expect(screen.getByRole('alert').textContent).toContain('kinds.optoppen.1.from');
    expect(onSave).not.toHaveBeenCalled();
  });
});

describe('rule helpers', () => {
  it('describes conditions and finds problems as the server does', () => {
    expect(describeCondition({ code: 'x', type: 'buildYearRange', from: 1965, to: 1985, points: 25, text_nl: 'a', text_en: 'a', verification: 'expert-assumption' })).toBe('bouwjaar 1965–1985');
    expect(ruleProblems(defaultOpportunityRules)).toEqual([]);
    expect(ruleProblems({ ...defaultOpportunityRules, neighbours: { ...defaultOpportunityRules.neighbours, radiusM: 0 } }).map((p) => p.path)).toEqual(['neighbours.radiusM']);
  });
});
