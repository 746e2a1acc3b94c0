/**
 * Dashboard figures from SQL cells (municipality × phase × year × visible, see `MonitoringCell`) instead of one
 * row per project — the same rules as `dashboardOf` in packages/domain/src/monitoring/aggregates.ts, which stays the
 * reference the tests compare against.
 *
 * Confidentiality (≥ 3): every grouping a page shows (total, per phase, per year) is a function of (phase, year), so
 * all hidden projects of one cell fall in the same groups and survive or drop together. Running the `countableSet`
 * fixpoint on hidden cells weighted by their project counts therefore keeps exactly the projects the row version
 * keeps (the greatest subset in which every non-empty group holds ≥ 3 hidden projects).
 */
import { hnnIndicatorIds, MIN_CONFIDENTIAL_GROUP, type Totals } from '@kringbouw/domain/monitoring';
import { projectPhases, type ProjectPhase } from '@kringbouw/domain/projects';
import type { MonitoringCell } from './monitoring.repository.ts';

export interface CellDashboard {
  totals: Totals;
  pipeline: { phase: ProjectPhase; projects: number; dwellings: number }[];
  byYear: { year: number; projects: number; dwellings: number }[];
  /** The cells behind the figures (visible ones and the hidden ones that may be counted). */
  counted: MonitoringCell[];
}

export const cellByPhase = (c: MonitoringCell): string => c.phase;
export const cellByYear = (c: MonitoringCell): string => String(c.year);

/**
 * The cells one page may count for this viewer: all visible cells, plus hidden cells whose projects number ≥ 3 in
 * every grouping (and in the total), repeated until stable. `hiddenCounted` = hidden projects counted.
 */
export function countableCells(cells: readonly MonitoringCell[], groupings: readonly ((cell: MonitoringCell) => string)[]): { cells: MonitoringCell[]; hiddenCounted: number } {
  let hidden = cells.filter((c) => !c.visible);
  for (let changed = true; changed; ) {
    changed = false;
    for (const key of [() => '', ...groupings]) {
      const counts = new Map<string, number>();
      for (const c of hidden) counts.set(key(c), (counts.get(key(c)) ?? 0) + c.projects);
      const kept = hidden.filter((c) => (counts.get(key(c)) ?? 0) >= MIN_CONFIDENTIAL_GROUP);
      if (kept.length !== hidden.length) {
        hidden = kept;
        changed = true;
      }
    }
  }
  const keep = new Set(hidden);
  return { cells: cells.filter((c) => c.visible || keep.has(c)), hiddenCounted: hidden.reduce((s, c) => s + c.projects, 0) };
}

/** Totals over cells, as `totalsOf` over the rows they stand for (averages unrounded, official and indicative apart). */
export function totalsOfCells(cells: readonly MonitoringCell[]): Omit<Totals, 'confidentialCounted'> {
  let projects = 0;
  let dwellings = 0;
  let industrialDwellings = 0;
  let mpgSum = 0;
  let mpgCount = 0;
  let storedOfficial = 0;
  let storedIndicative = 0;
  const hnnShare = {} as Totals['hnnShare'];
  for (const id of hnnIndicatorIds) hnnShare[id] = { met: 0, checked: 0, share: null };
  for (const c of cells) {
    projects += c.projects;
    dwellings += c.dwellings;
    industrialDwellings += c.industrialisedDwellings;
    mpgSum += c.officialMpgSum;
    mpgCount += c.officialMpgCount;
    storedOfficial += c.storedCarbonOfficialT;
    storedIndicative += c.storedCarbonIndicativeT;
    for (const id of hnnIndicatorIds) {
      hnnShare[id].met += c.hnn[id].met;
      hnnShare[id].checked += c.hnn[id].checked;
    }
  }
  for (const id of hnnIndicatorIds) hnnShare[id].share = hnnShare[id].checked === 0 ? null : hnnShare[id].met / hnnShare[id].checked;
  return {
    projects,
    dwellings,
    averageOfficialMpg: mpgCount === 0 ? null : mpgSum / mpgCount,
    projectsWithOfficialMpg: mpgCount,
    storedCarbonT: { officieel: storedOfficial, indicatief: storedIndicative },
    hnnShare,
    industrialisedShare: dwellings === 0 ? null : industrialDwellings / dwellings,
  };
}

/** Projects and dwellings per key, keys sorted by `order`. */
function countsBy<K extends string | number>(cells: readonly MonitoringCell[], key: (c: MonitoringCell) => K): Map<K, { projects: number; dwellings: number }> {
  const groups = new Map<K, { projects: number; dwellings: number }>();
  for (const c of cells) {
    const g = groups.get(key(c)) ?? { projects: 0, dwellings: 0 };
    g.projects += c.projects;
    g.dwellings += c.dwellings;
    groups.set(key(c), g);
  }
  return groups;
}

/**
 * One dashboard (a municipality, or one city of the City Deal page) from its cells — already filtered by kind (and
 * year) in SQL; `year` narrows them further (per-year figures from one query) — with one confidentiality decision for
 * total, pipeline and years together, so Σ pipeline = Σ years = total.
 */
export function dashboardOfCells(cells: readonly MonitoringCell[], filter: { year?: number | undefined } = {}): CellDashboard {
  const filtered = filter.year === undefined ? cells : cells.filter((c) => c.year === filter.year);
  const { cells: counted, hiddenCounted } = countableCells(filtered, [cellByPhase, cellByYear]);
  const phases = countsBy(counted, (c) => c.phase);
  const years = countsBy(counted, (c) => c.year);
  return {
    totals: { ...totalsOfCells(counted), confidentialCounted: hiddenCounted },
    pipeline: projectPhases.map((phase) => ({ phase, ...(phases.get(phase) ?? { projects: 0, dwellings: 0 }) })),
    byYear: [...years.keys()].sort((a, b) => a - b).map((year) => ({ year, ...(years.get(year) ?? { projects: 0, dwellings: 0 }) })),
    counted,
  };
}
