import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useMemo, useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { passportDocument, type PassportDocument } from '@kringbouw/contracts';
import { createQueryClient } from '../../app/query-client.ts';
import { i18n } from '../../i18n/index.ts';
import { setEngineClient } from './engine-client.ts';
import { toEnginePassport } from './document.ts';
import { calculateIndicators, oekobaudat2020II } from '@kringbouw/domain/lca';
import { formatNumber } from './numbers.ts';
import { PassportWorkspace } from './PassportWorkspace.tsx';
import { useLiveIndicators } from './use-engine.ts';
import { inPageEngine } from './test/in-page-engine.ts';
import { samplePassport } from './test/sample-passport.ts';

let latest: PassportDocument;

function Harness({ initial, readOnly = false }: { initial: PassportDocument; readOnly?: boolean }) {
  const [doc, setDoc] = useState(initial);
  latest = doc;
  const passport = useMemo(() => toEnginePassport(doc), [doc]);
  const live = useLiveIndicators(passport ?? undefined);
  return (
    <PassportWorkspace doc={doc} onChange={setDoc} readOnly={readOnly} view={live.view} calculating={live.calculating} unavailable={null} showCharts={false} />
  );
}

function initialDoc(): PassportDocument {
  const sample = samplePassport();
  return passportDocument.parse({
    project: sample.project,
    elements: sample.elements.map((e, i) => ({ ...e, lines: e.lines.map((l, j) => ({ ...l, key: `r${i}-${j}` })) })),
  });
}

function renderWorkspace(readOnly = false) {
  render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={createQueryClient()}>
        <MemoryRouter>
          <Harness initial={initialDoc()} readOnly={readOnly} />
        </MemoryRouter>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

const quantityOf = (line: number, description: string) => screen.getByRole('textbox', { name: `Hoeveelheid, regel ${line} (${description})` });
const mkiTotal = () => document.querySelector('[data-indicator="mpg"]')?.textContent ?? '';

beforeAll(() => setEngineClient(inPageEngine));
afterAll(() => setEngineClient(undefined));
beforeEach(async () => {
  await i18n.changeLanguage('nl');
});
afterEach(() => cleanup());

async function ready() {
  await screen.findByText(/MKI totaal/);
}

describe('PassportWorkspace: editing lines', () => {
  it('reads a Dutch decimal, stores it and recalculates the indicators', async () => {
    renderWorkspace();
    await ready();
    const before = mkiTotal();
    const cell = quantityOf(3, 'Beton C30/37');
    expect((cell as HTMLInputElement).value).toBe('300');
    fireEvent.change(cell, { target: { value: '1.250,5' } });
    fireEvent.blur(cell);
    expect(latest.elements[1]!.lines[0]!.quantity).toBe(1250.5);
    expect(latest.elements[1]!.lines[0]!.key).toBe('r1-0');
    await waitFor(() => expect(mkiTotal()).not.toBe(before));
    expect((quantityOf(3, 'Beton C30/37') as HTMLInputElement).value).toBe('1250,5');
  });

  it('keeps a value that is not a number in the cell, marked invalid, and changes nothing', async () => {
    renderWorkspace();
    await ready();
    const cell = quantityOf(1, 'Kalkzandsteen');
    fireEvent.change(cell, { target: { value: 'twaalf' } });
    fireEvent.blur(cell);
    expect(cell.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(cell.getAttribute('aria-describedby') ?? '');
    expect(error?.textContent).toBe('Vul een getal in, bijvoorbeeld 12,5.');
    expect(latest.elements[0]!.lines[0]!.quantity).toBe(120);
    // Escape restores the stored value.
    fireEvent.keyDown(cell, { key: 'Escape' });
    expect((cell as HTMLInputElement).value).toBe('120');
    expect(cell.getAttribute('aria-invalid')).toBeNull();
  });

  it('refuses origin shares above 100 % together with the schema\'s reason', async () => {
    renderWorkspace();
    await ready();
    const recycled = screen.getByRole('textbox', { name: 'Gerecycled, regel 4 (Vurenhout)' });
    fireEvent.change(recycled, { target: { value: '10' } });
    fireEvent.blur(recycled);
    expect(recycled.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('hernieuwbaar + hergebruikt + gerecycled is meer dan 100 %')).toBeTruthy();
    expect(latest.elements[2]!.lines[0]!.origin.recycledPct).toBe(0);
  });

  it('sets a detachability factor from a list', async () => {
    renderWorkspace();
    await ready();
    fireEvent.change(screen.getByRole('combobox', { name: 'Type verbinding, regel 2 (Minerale wol)' }), { target: { value: 'droog' } });
    expect(latest.elements[0]!.lines[1]!.detachability.connection).toBe('droog');
  });

  it('edits the selected lines at once, all or nothing', async () => {
    renderWorkspace();
    await ready();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Selecteer regel 1 (Kalkzandsteen)' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Selecteer regel 4 (Vurenhout)' }));
    const bar = screen.getByRole('form', { name: 'Geselecteerde regels tegelijk aanpassen' });
    expect(within(bar).getByText('2 regels geselecteerd')).toBeTruthy();
    fireEvent.change(within(bar).getByLabelText('Veld'), { target: { value: 'serviceLifeYears' } });
    fireEvent.change(within(bar).getByLabelText('Nieuwe waarde'), { target: { value: '60' } });
    fireEvent.click(within(bar).getByRole('button', { name: 'Toepassen op selectie' }));
    expect(latest.elements.flatMap((e) => e.lines.map((l) => l.serviceLifeYears))).toEqual([60, 40, 100, 60]);

    // Recycled 10 % does not fit line 4 (100 % renewable): nothing changes, the refusal names the line.
    fireEvent.change(within(bar).getByLabelText('Veld'), { target: { value: 'recycledPct' } });
    fireEvent.change(within(bar).getByLabelText('Nieuwe waarde'), { target: { value: '10' } });
    fireEvent.click(within(bar).getByRole('button', { name: 'Toepassen op selectie' }));
    expect(within(bar).getByRole('alert').textContent).toContain('Regel 4: hernieuwbaar + hergebruikt + gerecycled is meer dan 100 %');
    expect(latest.elements[0]!.lines[0]!.origin.recycledPct).toBe(0);
  });

  it('shows how one line was calculated, with the same MKI as the engine, and follows an edit', async () => {
    renderWorkspace();
    await ready();
    const engineLine = (line: number) => calculateIndicators(toEnginePassport(latest)!, { library: oekobaudat2020II() }).lines.at(line - 1)!;
    const expected = engineLine(3);
    fireEvent.click(screen.getByRole('button', { name: /^Berekening van regel 3 \(Beton C30\/37\)/ }));
    const dialog = screen.getByRole('dialog', { name: /Berekening van regel 3 \(Beton C30\/37\)/ });
    expect(within(dialog).getByText(expected.profileName!, { exact: false })).toBeTruthy();
    expect(within(dialog).getByText('voorgesteld door Kringbouw')).toBeTruthy();
    expect(dialog.textContent).toContain(`€ ${formatNumber(expected.mkiEur!, 2)}`);
    // 75 years ÷ 100 years of service life: one placement, no replacement.
    expect(dialog.textContent).toContain('0 vervangingen');
    const gwp = within(dialog).getByRole('table', { name: /CO₂-uitstoot per levenscyclusmodule/ });
    expect(within(gwp).getByRole('row', { name: new RegExp(`^A1-A3 ${formatNumber(expected.gwpKgCO2['A1-A3']!, 2).replace('.', '\\.')}$`) })).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sluiten' }));
    expect(screen.queryByRole('dialog')).toBeNull();

    // After doubling the quantity the dialog shows the recalculated MKI.
    const cell = quantityOf(3, 'Beton C30/37');
    fireEvent.change(cell, { target: { value: '600' } });
    fireEvent.blur(cell);
    const doubled = engineLine(3).mkiEur!;
    await waitFor(() => {
      fireEvent.click(screen.getByRole('button', { name: /^Berekening van regel 3 / }));
      expect(screen.getByRole('dialog').textContent).toContain(`€ ${formatNumber(doubled, 2)}`);
    });
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('filters the table through the element tree and the search box', async () => {
    renderWorkspace();
    await ready();
    const tree = screen.getByRole('navigation', { name: 'Elementen' });
    fireEvent.click(within(tree).getByRole('button', { name: /^23\.1 Vloeren/ }));
    expect(screen.getAllByRole('row').filter((r) => r.querySelector('.line-table__material')).map((r) => r.querySelector('.line-table__material')?.textContent)).toEqual(['Beton C30/37']);
    fireEvent.click(within(tree).getByRole('radio', { name: 'Bouwlaag' }));
    fireEvent.click(within(tree).getByRole('button', { name: /^Omhulling \d+$/ }));
    expect(screen.getByText('2 van 4 regels')).toBeTruthy();
    fireEvent.click(within(tree).getByRole('button', { name: /^Alle elementen/ }));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Zoeken in regels' }), { target: { value: 'wol' } });
    expect(screen.getByText('1 van 4 regels')).toBeTruthy();
  });

  it('shows a published version read-only', async () => {
    renderWorkspace(true);
    await ready();
    expect(screen.queryByRole('textbox', { name: /Hoeveelheid/ })).toBeNull();
    expect(screen.queryByRole('checkbox', { name: /Selecteer/ })).toBeNull();
    await act(async () => undefined);
  });
});
