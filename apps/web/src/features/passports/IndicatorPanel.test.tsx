import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { calculateIndicators, methodData, oekobaudat2020II, type LcaResult } from '@kringbouw/domain/lca';
import { i18n } from '../../i18n/index.ts';
import { IndicatorPanel, warningMessage } from './IndicatorPanel.tsx';
import { IndicatorCharts } from './IndicatorCharts.tsx';
import { allChartBars, chartBars } from './chart-data.ts';
import { formatNumber } from './numbers.ts';
import { samplePassport } from './test/sample-passport.ts';

let result: LcaResult;

beforeEach(async () => {
  await i18n.changeLanguage('nl');
  result = calculateIndicators(samplePassport(), { library: oekobaudat2020II() });
});

afterEach(() => cleanup());

function renderPanel(onShowLines = vi.fn()) {
  render(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter>
        <IndicatorPanel result={result} onShowLines={onShowLines}>
          <IndicatorCharts bars={allChartBars(result)} showChart={false} />
        </IndicatorPanel>
      </MemoryRouter>
    </I18nextProvider>,
  );
}

function figure(name: string): HTMLElement {
  const heading = screen.getByRole('heading', { level: 3, name: new RegExp(`^${name}`) });
  const card = heading.closest<HTMLElement>('.figure');
  if (!card) throw new Error(`no figure ${name}`);
  return card;
}

describe('IndicatorPanel', () => {
  it('shows the engine result in Dutch notation, each figure marked indicatief', () => {
    renderPanel();
    // The engine's own numbers, formatted — not recomputed here.
    expect(result.mpg.value).not.toBeNull();
    const mpg = figure('MPG');
    expect(within(mpg).getByText(formatNumber(result.mpg.value ?? 0, 3, 2))).toBeTruthy();
    expect(within(mpg).getByText(/grenswaarde 0,8 · binnen de grenswaarde/)).toBeTruthy();
    expect(within(mpg).getByText(`MKI totaal € ${formatNumber(result.mki.total ?? 0, 0)}`)).toBeTruthy();
    expect(within(figure('Materiaalgebonden CO₂')).getByText(formatNumber(result.gwp.parisProofPerM2, 1))).toBeTruthy();
    expect(within(figure('Losmaakbaarheid')).getByText('75 %')).toBeTruthy();
    for (const card of document.querySelectorAll<HTMLElement>('.figure')) {
      expect(within(card).getByText('indicatief')).toBeTruthy();
    }
    expect(screen.getByRole('button', { name: /Waarom indicatief/ })).toBeTruthy();
  });

  it('flags unverified method constants from the method data files', () => {
    renderPanel();
    const mpg = figure('MPG');
    expect(within(mpg).getByText('Bevat niet-geverifieerde methodeconstanten')).toBeTruthy();
    expect(within(mpg).getByText(`nmd-shadow-prices-a1 ${methodData.a1Prices.version}`)).toBeTruthy();
    // Material origin has no unverified constants.
    expect(within(figure('Herkomst materialen')).queryByText('Bevat niet-geverifieerde methodeconstanten')).toBeNull();
  });

  it('lists the HNN levels met and not met', () => {
    renderPanel();
    const table = screen.getByRole('table', { name: /Het Nieuwe Normaal/ });
    const row = (name: string) => within(table).getByRole('row', { name: new RegExp(`^${name}`) });
    expect(within(row('MPG')).getByText('voldoet')).toBeTruthy();
    expect(within(row('Herkomst materialen')).getByText('voldoet niet')).toBeTruthy();
    expect(within(row('Herkomst materialen')).getByText('≥ 20')).toBeTruthy();
    expect(within(row('Opgeslagen CO₂')).getByText('geen niveau')).toBeTruthy();
  });

  it('shows the engine warnings and leads to their lines', () => {
    const onShowLines = vi.fn();
    renderPanel(onShowLines);
    const suggested = result.warnings.find((w) => w.code === 'PROFIEL_VOORGESTELD');
    expect(suggested).toBeDefined();
    const item = screen.getAllByText('Standaardprofiel gebruikt')[0]!.closest('li')!;
    expect(within(item).getByText(suggested!.message)).toBeTruthy();
    fireEvent.click(within(item).getByRole('button', { name: /Toon de/ }));
    expect(onShowLines).toHaveBeenCalledWith(suggested!.lines, suggested);
  });

  it('renders in English too', async () => {
    await i18n.changeLanguage('en');
    renderPanel();
    expect(within(figure('MPG')).getByText(/limit 0,8 · within the limit/)).toBeTruthy();
    expect(screen.getAllByText('indicative').length).toBeGreaterThanOrEqual(6);
    expect(screen.getByRole('table', { name: /Het Nieuwe Normaal indicators/ })).toBeTruthy();
    const suggested = result.warnings.find((w) => w.code === 'PROFIEL_VOORGESTELD');
    const item = screen.getAllByText('Default profile used')[0]!.closest('li')!;
    expect(within(item).getByText(/^No profile given for ".+": default profile ".+" \(.+\) used — please check\.$/)).toBeTruthy();
    expect(within(item).queryByText(suggested!.message)).toBeNull();
  });

  it('words every engine warning in Dutch exactly as the engine does, and differently in English', async () => {
    // A passport that triggers every warning variant the engine has.
    const library = oekobaudat2020II();
    const timber = [...library.profiles.values()].find((p) => p.timber !== undefined && p.biogenicCarbonKgC === undefined);
    const withoutBio = [...library.profiles.values()].find((p) => p.timber === undefined && p.biogenicCarbonKgC === undefined && p.declaredUnit === 'm3');
    const base = { origin: { renewablePct: 0, reusedPct: 0, recycledPct: 0 }, endOfLife: { reusePct: 0, recyclingPct: 0 }, hazardous: false, detachability: {} };
    const lines = [
      { ...base, description: 'onbekend spul', quantity: 1, unit: 'st' as const },
      { ...base, description: 'x', quantity: 1, unit: 'st' as const, profileId: 'bestaat-niet' },
      ...(timber ? [{ ...base, description: 'hout', quantity: 1, unit: 'st' as const, profileId: timber.id }] : []),
      ...(withoutBio ? [{ ...base, description: 'steen', quantity: 2, unit: 'm2' as const, thicknessM: 0.1, profileId: withoutBio.id, origin: { renewablePct: 10, reusedPct: 0, recycledPct: 0 }, detachability: { connection: 'droog' as const, accessibility: 'vrij' as const } }] : []),
    ];
    const own = calculateIndicators({ project: { bvoM2: 100, buildingType: 'gestapeld' }, elements: [{ nlsfb: '21', name: 'Wanden', layer: 'constructie', lines }] }, { library });
    const warnings = [...own.warnings, ...result.warnings];
    expect(new Set(warnings.map((w) => w.code)).size).toBeGreaterThanOrEqual(8);
    await i18n.changeLanguage('nl');
    for (const warning of warnings) expect(warningMessage(warning, i18n.t)).toBe(warning.message);
    await i18n.changeLanguage('en');
    for (const warning of warnings) {
      const english = warningMessage(warning, i18n.t);
      expect(english).not.toBe(warning.message);
      expect(english).not.toMatch(/{{|}}/);
    }
  });
});

describe('drill-down charts', () => {
  it('adds up to the totals the panel shows', () => {
    const byElement = chartBars(result, 'element', 'mki').reduce((s, b) => s + b.value, 0);
    const byLayer = chartBars(result, 'layer', 'mki').reduce((s, b) => s + b.value, 0);
    const byModule = chartBars(result, 'module', 'mki').reduce((s, b) => s + b.value, 0);
    expect(byElement).toBeCloseTo(result.mki.total ?? 0, 6);
    expect(byLayer).toBeCloseTo(result.mki.total ?? 0, 6);
    expect(byModule).toBeCloseTo(result.mki.total ?? 0, 6);
  });

  it('switches dimension and offers the bars as a table that filters the lines', () => {
    const onDrill = vi.fn();
    render(
      <I18nextProvider i18n={i18n}>
        <IndicatorCharts bars={allChartBars(result)} showChart={false} onDrill={onDrill} />
      </I18nextProvider>,
    );
    fireEvent.click(screen.getByRole('radio', { name: 'Bouwlaag' }));
    const table = screen.getByRole('table', { name: 'MKI (€) per Bouwlaag' });
    fireEvent.click(within(table).getByRole('button', { name: 'Constructie' }));
    expect(onDrill).toHaveBeenCalledWith('layer:constructie');
  });
});
