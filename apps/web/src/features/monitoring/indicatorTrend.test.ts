import { describe, expect, it } from 'vitest';
import type { ProjectIndicators } from '@kringbouw/contracts';
import { indicatorTrend } from './indicatorTrend.ts';
import { TREND_COLORS, trendChartOption } from './IndicatorTrendChart.tsx';

type Row = ProjectIndicators['indicators'][number];
type Entry = Row['history'][number]['entry'];

let seq = 0;
function entry(source: 'berekend' | 'opgegeven', value: number | null, recordedAt: string, extra: Partial<Entry> = {}): Entry {
  seq += 1;
  const id = `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`;
  return {
    id,
    indicatorId: 'mpg',
    source,
    standing: source === 'berekend' ? 'indicatief' : 'officieel',
    value,
    withdrawsEntryId: null,
    passportVersion: null,
    dataVersions: null,
    tool: null,
    toolVersion: null,
    nmdVersion: null,
    calculationDate: null,
    note: null,
    report: null,
    recordedBy: null,
    recordedAt,
    phase: 'realisatie',
    phaseSource: 'vastgelegd',
    ...extra,
  };
}
const computed = (value: number, version: number, recordedAt: string, extra: Partial<Entry> = {}) => entry('berekend', value, recordedAt, { passportVersion: { id: null, number: version }, ...extra });

function row(history: Row['history'], hnnReference: Row['hnnReference'] = { level: 0.5, comparison: 'max' }): Row {
  return {
    indicator: { id: 'mpg', nl: 'MPG', en: 'MPG', unit: 'EUR/m2 BVO/jr', direction: 'lower', decimals: 2, hasHnnLevel: true, computed: true, declarable: true, officialSource: 'NMD' },
    official: null,
    indicative: null,
    display: null,
    history,
    hnnReference,
  };
}

describe('indicatorTrend', () => {
  // History as the server sends it (newest first is not guaranteed; the trend sorts by recording time).
  const v1 = computed(0.61, 1, '2025-07-01T09:00:00.000Z', { phase: 'ontwerp', phaseSource: 'afgeleid' });
  const declared = entry('opgegeven', 0.48, '2025-10-01T09:00:00.000Z', { phase: null, phaseSource: 'afgeleid' });
  const v2 = computed(0.55, 2, '2026-03-01T09:00:00.000Z', { phase: 'ontwerp' });
  const wrong = entry('opgegeven', 0.09, '2026-03-05T09:00:00.000Z');
  const withdrawal = entry('opgegeven', null, '2026-03-06T09:00:00.000Z', { withdrawsEntryId: wrong.id });
  const declared2 = entry('opgegeven', 0.45, '2026-04-01T09:00:00.000Z');
  const history: Row['history'] = [
    { entry: declared2, withdrawn: false, superseded: false },
    { entry: withdrawal, withdrawn: false, superseded: false },
    { entry: wrong, withdrawn: true, superseded: false },
    { entry: v2, withdrawn: false, superseded: false },
    { entry: declared, withdrawn: false, superseded: true },
    { entry: v1, withdrawn: false, superseded: true },
  ];

  it('gives one point per recorded value in time order, with passport version and the phase stored with it; withdrawn values left out', () => {
    const trend = indicatorTrend(row(history));
    // The phase is the entry's own (a phase re-entered or skipped stays as recorded), with its source.
    expect(trend.points.map((p) => [p.value, p.standing, p.passportVersion, p.phase, p.phaseSource])).toEqual([
      [0.61, 'indicatief', 1, 'ontwerp', 'afgeleid'],
      [0.48, 'officieel', null, null, 'afgeleid'],
      [0.55, 'indicatief', 2, 'ontwerp', 'vastgelegd'],
      [0.45, 'officieel', null, 'realisatie', 'vastgelegd'],
    ]);
    expect(trend.withdrawnLeftOut).toBe(1);
  });

  it('keeps official and indicative values in separate series, each null at the other one’s points', () => {
    const trend = indicatorTrend(row(history));
    expect(trend.official).toEqual([null, 0.48, null, 0.45]);
    expect(trend.indicative).toEqual([0.61, null, 0.55, null]);
    for (let i = 0; i < trend.points.length; i += 1) expect(trend.official[i] === null || trend.indicative[i] === null).toBe(true);
  });

  it('builds the chart option: two value lines and the HNN level as a constant dashed line over every point', () => {
    const trend = indicatorTrend(row(history));
    const labels = trend.points.map((p) => p.recordedAt.slice(0, 10));
    const option = trendChartOption(trend, labels, { official: 'Officieel', indicative: 'Indicatief', reference: 'HNN-niveau (≤ 0,50)' }, (v) => v.toFixed(2));
    expect(option.xAxis.data).toEqual(labels);
    expect(option.series.map((s) => [s.name, s.data, s.lineStyle.type, s.itemStyle.color])).toEqual([
      ['Officieel', [null, 0.48, null, 0.45], 'solid', TREND_COLORS.official],
      ['Indicatief', [0.61, null, 0.55, null], 'solid', TREND_COLORS.indicative],
      ['HNN-niveau (≤ 0,50)', [0.5, 0.5, 0.5, 0.5], 'dashed', TREND_COLORS.reference],
    ]);
    // The reference also spans the plot as a mark line (visible with a single point too); the value lines have none.
    expect(option.series.map((s) => s.markLine?.data)).toEqual([undefined, undefined, [{ yAxis: 0.5 }]]);
  });

  it('draws no level line when the indicator has no HNN level for the building type', () => {
    const trend = indicatorTrend(row([{ entry: v1, withdrawn: false, superseded: false }], null));
    expect(trend.reference).toBeNull();
    const option = trendChartOption(trend, ['a'], { official: 'O', indicative: 'I', reference: null }, String);
    expect(option.series.map((s) => s.name)).toEqual(['O', 'I']);
  });

  it('is empty for a ledger without values', () => {
    const trend = indicatorTrend(row([{ entry: wrong, withdrawn: true, superseded: false }, { entry: withdrawal, withdrawn: false, superseded: false }]));
    expect(trend.points).toEqual([]);
    expect(trend.withdrawnLeftOut).toBe(1);
  });
});
