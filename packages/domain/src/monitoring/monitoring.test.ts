import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import hnnJson from '../../data/methods/hnn-levels.json' with { type: 'json' };
import { projectKinds, projectPhases } from '../projects/index.ts';
import {
  checkHnnLevel,
  computedLedgerValues,
  countableRows,
  dashboardOf,
  hnnIndicatorIds,
  indicatorCatalogue,
  ledgerFigures,
  ledgerState,
  monitoringYear,
  projectAggregate,
  withdrawalProblem,
  type LedgerEntry,
  type ProjectAggregate,
} from './index.ts';

let seq = 0;
function entry(partial: Partial<LedgerEntry> & Pick<LedgerEntry, 'indicatorId' | 'source'>): LedgerEntry {
  seq += 1;
  return { id: `e${seq}`, seq, value: 1, withdrawsEntryId: null, ...partial };
}

describe('catalogue', () => {
  it('references HNN levels from hnn-levels.json instead of copying them', () => {
    const mpg = hnnJson.indicators.find((i) => i.id === 'mpg');
    expect(checkHnnLevel('mpg', 0.3, 'gestapeld').level).toBe(mpg?.levels.gestapeld);
    expect(checkHnnLevel('mpg', 0.5, 'gestapeld').status).toBe('voldoet');
    expect(checkHnnLevel('mpg', 0.51, 'gestapeld').status).toBe('voldoet niet');
    expect(checkHnnLevel('detachability', 49, 'gestapeld').status).toBe('voldoet niet');
    expect(checkHnnLevel('detachability', 50, 'gestapeld').status).toBe('voldoet');
    expect(checkHnnLevel('embodiedCarbon', 999, 'utiliteit').status).toBe('geen niveau');
    expect(checkHnnLevel('mci', 0.5, 'gestapeld').status).toBe('geen niveau');
    expect(checkHnnLevel('mpg', null, 'gestapeld').status).toBe('niet berekend');
    expect(indicatorCatalogue.indicators.map((i) => i.id)).toContain('industrialisedShare');
  });
});

describe('ledger', () => {
  it('keeps official and indicative apart and prefers the official value for display', () => {
    const computed = entry({ indicatorId: 'mpg', source: 'berekend', value: 0.62 });
    const declared = entry({ indicatorId: 'mpg', source: 'opgegeven', value: 0.41 });
    const mpg = ledgerState([computed, declared], 'gestapeld').find((s) => s.indicatorId === 'mpg');
    expect(mpg?.official?.entry.value).toBe(0.41);
    expect(mpg?.indicative?.entry.value).toBe(0.62);
    expect(mpg?.display).toBe('officieel');
    expect(mpg?.official?.hnn.status).toBe('voldoet');
    expect(mpg?.indicative?.hnn.status).toBe('voldoet niet');
  });

  it('shows indicative when there is no official value, newest computed value wins', () => {
    const a = entry({ indicatorId: 'storedCarbon', source: 'berekend', value: 10 });
    const b = entry({ indicatorId: 'storedCarbon', source: 'berekend', value: 12 });
    const s = ledgerState([b, a], 'grondgebonden').find((x) => x.indicatorId === 'storedCarbon');
    expect(s?.display).toBe('indicatief');
    expect(s?.indicative?.entry.id).toBe(b.id);
    expect(s?.history.map((h) => [h.entry.id, h.superseded])).toEqual([[b.id, false], [a.id, true]]);
  });

  it('a withdrawal falls back to the previous official value; history keeps everything', () => {
    const first = entry({ indicatorId: 'mpg', source: 'opgegeven', value: 0.4 });
    const second = entry({ indicatorId: 'mpg', source: 'opgegeven', value: 0.9 });
    const withdrawal = entry({ indicatorId: 'mpg', source: 'opgegeven', value: null, withdrawsEntryId: second.id });
    const s = ledgerState([first, second, withdrawal], 'gestapeld').find((x) => x.indicatorId === 'mpg');
    expect(s?.official?.entry.id).toBe(first.id);
    expect(s?.history).toHaveLength(3);
    expect(s?.history.find((h) => h.entry.id === second.id)?.withdrawn).toBe(true);
    expect(withdrawalProblem([first, second, withdrawal], second.id)).toMatch(/al ingetrokken/);
    expect(withdrawalProblem([first, second, withdrawal], withdrawal.id)).toMatch(/intrekking/);
    expect(withdrawalProblem([first], 'nope')).toMatch(/bestaat niet/);
    expect(withdrawalProblem([first], first.id)).toBeNull();
    expect(withdrawalProblem([entry({ indicatorId: 'mpg', source: 'berekend' })], `e${seq}`)).toMatch(/paspoortversie/);
  });

  it('maps stored passport indicators to catalogue units; no MPG under A2', () => {
    const summary = {
      project: { weightingSet: 'a1' },
      mpg: { value: 0.55 },
      mki: { total: 123456 },
      gwp: { parisProofPerM2: 210 },
      biogenicCarbonKgCO2: 45000,
      materialOrigin: { renewablePct: 10, reusedPct: 5, recycledPct: null },
      detachability: { index: 0.6 },
      mci: null,
    };
    const values = Object.fromEntries(computedLedgerValues(summary).map((v) => [v.indicatorId, v.value]));
    expect(values).toEqual({ mpg: 0.55, mki: 123456, embodiedCarbon: 210, storedCarbon: 45, materialOrigin: 15, detachability: 60 });
    expect(computedLedgerValues({ ...summary, project: { weightingSet: 'a2' } }).some((v) => v.indicatorId === 'mpg')).toBe(false);
  });
});

describe('aggregates', () => {
  const aggregateArb = fc.record({
    projectId: fc.uuid(),
    municipalityCode: fc.constantFrom('GM0546', 'GM0518'),
    kind: fc.constantFrom(...projectKinds),
    phase: fc.constantFrom(...projectPhases),
    year: fc.integer({ min: 2022, max: 2026 }),
    dwellings: fc.integer({ min: 0, max: 400 }),
    buildingType: fc.constantFrom('grondgebonden' as const, 'gestapeld' as const, 'utiliteit' as const),
    industrialised: fc.boolean(),
    confidential: fc.boolean(),
    officialMpg: fc.option(fc.double({ min: 0.2, max: 1.2, noNaN: true })),
    indicativeMpg: fc.option(fc.double({ min: 0.2, max: 1.2, noNaN: true })),
    officialStoredCarbonT: fc.option(fc.double({ min: 0, max: 500, noNaN: true })),
    indicativeStoredCarbonT: fc.option(fc.double({ min: 0, max: 500, noNaN: true })),
    hnn: fc.record({
      mpg: fc.constantFrom('voldoet' as const, 'voldoet niet' as const, 'niet berekend' as const),
      embodiedCarbon: fc.constantFrom('voldoet' as const, 'voldoet niet' as const, 'geen niveau' as const),
      materialOrigin: fc.constantFrom('voldoet' as const, 'voldoet niet' as const),
      detachability: fc.constantFrom('voldoet' as const, 'niet berekend' as const),
    }),
  });
  const viewedArb = fc.array(fc.record({ row: aggregateArb, visible: fc.boolean() }), { maxLength: 40 }).map((rows) =>
    // Public projects are visible to everyone.
    rows.map((r) => ({ row: r.row, visible: r.visible || !r.row.confidential })),
  );

  /** Brute force: one loop per figure, straight from the definition, over the given rows. */
  function bruteForce(counted: ProjectAggregate[]) {
    const official = counted.filter((r) => r.officialMpg !== null).map((r) => r.officialMpg ?? 0);
    const dwellings = counted.reduce((s, r) => s + r.dwellings, 0);
    const share = (id: (typeof hnnIndicatorIds)[number]) => {
      const checked = counted.filter((r) => r.hnn[id] === 'voldoet' || r.hnn[id] === 'voldoet niet');
      return checked.length === 0 ? null : checked.filter((r) => r.hnn[id] === 'voldoet').length / checked.length;
    };
    return {
      projects: counted.length,
      dwellings,
      average: official.length === 0 ? null : official.reduce((a, b) => a + b, 0) / official.length,
      storedOfficial: counted.reduce((s, r) => s + (r.officialStoredCarbonT ?? 0), 0),
      storedIndicative: counted.reduce((s, r) => s + (r.officialStoredCarbonT === null ? (r.indicativeStoredCarbonT ?? 0) : 0), 0),
      industrial: dwellings === 0 ? null : counted.filter((r) => r.industrialised).reduce((s, r) => s + r.dwellings, 0) / dwellings,
      pipeline: projectPhases.map((phase) => counted.filter((r) => r.phase === phase).length),
      shares: hnnIndicatorIds.map(share),
    };
  }

  it('matches a brute-force recomputation on generated data, with and without filters', () => {
    fc.assert(
      fc.property(viewedArb, fc.option(fc.constantFrom(...projectKinds), { nil: undefined }), fc.option(fc.integer({ min: 2022, max: 2026 }), { nil: undefined }), (rows, kind, year) => {
        const d = dashboardOf(rows, { kind, year });
        const inFilter = rows.filter((r) => (kind === undefined || r.row.kind === kind) && (year === undefined || r.row.year === year));
        // Every visible row in the filter is counted, nothing outside it.
        const countedIds = new Set(d.counted.map((r) => r.projectId));
        for (const r of inFilter) if (r.visible) expect(countedIds.has(r.row.projectId)).toBe(true);
        for (const r of d.counted) expect(inFilter.some((v) => v.row === r)).toBe(true);
        const b = bruteForce(d.counted);
        expect(d.totals.projects).toBe(b.projects);
        expect(d.totals.dwellings).toBe(b.dwellings);
        if (b.average === null) expect(d.totals.averageOfficialMpg).toBeNull();
        else expect(d.totals.averageOfficialMpg).toBeCloseTo(b.average, 9);
        expect(d.totals.storedCarbonT.officieel).toBeCloseTo(b.storedOfficial, 6);
        expect(d.totals.storedCarbonT.indicatief).toBeCloseTo(b.storedIndicative, 6);
        expect(d.totals.industrialisedShare).toBe(b.industrial);
        expect(d.pipeline.map((p) => p.projects)).toEqual(b.pipeline);
        expect(hnnIndicatorIds.map((id) => d.totals.hnnShare[id].share)).toEqual(b.shares);
        // With every row visible the figures are the plain figures over the filter.
        const allVisible = dashboardOf(rows.map((r) => ({ row: r.row, visible: true })), { kind, year });
        expect(allVisible.totals.projects).toBe(inFilter.length);
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it('counts hidden confidential projects only in groups of at least 3, consistently across total, phases and years', () => {
    fc.assert(
      fc.property(viewedArb, (rows) => {
        const d = dashboardOf(rows);
        const hidden = new Set<ProjectAggregate>(rows.filter((r) => !r.visible).map((r) => r.row));
        const countedHidden = d.counted.filter((r) => hidden.has(r));
        expect(d.totals.confidentialCounted).toBe(countedHidden.length);
        const groups = (key: (r: ProjectAggregate) => string) => {
          const counts = new Map<string, number>();
          for (const r of countedHidden) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
          return [...counts.values()];
        };
        for (const n of [countedHidden.length, ...groups((r) => r.phase), ...groups((r) => String(r.year))]) expect(n === 0 || n >= 3).toBe(true);
        // No figure can be subtracted from another to isolate a project: the breakdowns add up to the total.
        expect(d.pipeline.reduce((s, p) => s + p.projects, 0)).toBe(d.totals.projects);
        expect(d.byYear.reduce((s, y) => s + y.projects, 0)).toBe(d.totals.projects);
        expect(d.pipeline.reduce((s, p) => s + p.dwellings, 0)).toBe(d.totals.dwellings);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('counts three hidden projects in the same phase and year, not when one of them stands alone in its year', () => {
    const facts = { municipalityCode: 'GM0546', kind: 'nieuwbouw' as const, phase: 'ontwerp' as const, year: 2025, dwellings: 10, buildingType: 'gestapeld' as const, industrialised: false, confidential: true };
    const row = (i: number, year = 2025) => ({ row: projectAggregate({ ...facts, projectId: `p${i}`, year }, ledgerFigures([])), visible: false });
    expect(dashboardOf([row(1), row(2), row(3)]).totals.projects).toBe(3);
    expect(dashboardOf([row(1), row(2), row(3, 2024)]).totals.projects).toBe(0);
    expect(dashboardOf([row(1), row(2), row(3), row(4, 2024)]).totals.projects).toBe(3);
  });

  it('two hidden confidential projects are left out, three are counted', () => {
    const facts = { municipalityCode: 'GM0546', kind: 'nieuwbouw' as const, phase: 'ontwerp' as const, year: 2025, dwellings: 10, buildingType: 'gestapeld' as const, industrialised: false, confidential: true };
    const row = (i: number) => ({ row: projectAggregate({ ...facts, projectId: `p${i}` }, ledgerFigures([])), visible: false });
    expect(countableRows([row(1), row(2)]).rows).toHaveLength(0);
    expect(countableRows([row(1), row(2), row(3)]).rows).toHaveLength(3);
  });

  it('project aggregate takes official and indicative MPG apart from the ledger', () => {
    const facts = { projectId: 'p', municipalityCode: 'GM0546', kind: 'nieuwbouw' as const, phase: 'ontwerp' as const, year: 2025, dwellings: 10, buildingType: 'gestapeld' as const, industrialised: true, confidential: false };
    const a = projectAggregate(facts, ledgerFigures([entry({ indicatorId: 'mpg', source: 'berekend', value: 0.7 }), entry({ indicatorId: 'mpg', source: 'opgegeven', value: 0.45 })]));
    expect([a.officialMpg, a.indicativeMpg, a.hnn.mpg]).toEqual([0.45, 0.7, 'voldoet']);
    // The HNN check follows the building type at read time: utiliteit's MPG level (0.7) is met by 0.45 too, 1.0 not.
    expect(projectAggregate({ ...facts, buildingType: 'utiliteit' }, ledgerFigures([entry({ indicatorId: 'mpg', source: 'opgegeven', value: 1 })])).hnn.mpg).toBe('voldoet niet');
    expect(monitoringYear({ opgeleverdDate: null, realisatieDate: '2024-03-01', ontwerpDate: '2022-01-01', initiatiefDate: null, createdAt: new Date('2020-01-01') })).toBe(2024);
    expect(monitoringYear({ opgeleverdDate: null, realisatieDate: null, ontwerpDate: null, initiatiefDate: null, createdAt: new Date('2020-06-01') })).toBe(2020);
  });
});
