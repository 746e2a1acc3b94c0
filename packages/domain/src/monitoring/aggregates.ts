/**
 * Per-project monitoring aggregates (one row per project, kept current with the ledger) and the dashboard figures
 * computed from those rows. Confidentiality rule: a confidential project the viewer may not see is counted in an
 * aggregate only when at least {@link MIN_CONFIDENTIAL_GROUP} such projects fall in that same aggregate (so no single
 * project can be read back from the figure); it is never named.
 */
import type { LcaBuildingType } from '../lca/model.ts';
import type { ProjectKind, ProjectPhase } from '../projects/index.ts';
import { projectPhases } from '../projects/index.ts';
import type { IndicatorId } from './catalogue.ts';
import { checkHnnLevel, type HnnStatus } from './catalogue.ts';
import { currentEntries, type LedgerEntry } from './ledger.ts';

export const MIN_CONFIDENTIAL_GROUP = 3;

/** Indicators whose HNN level the dashboard reports. */
export const hnnIndicatorIds = ['mpg', 'embodiedCarbon', 'materialOrigin', 'detachability'] as const satisfies readonly IndicatorId[];
export type HnnIndicatorId = (typeof hnnIndicatorIds)[number];

export interface ProjectFacts {
  projectId: string;
  municipalityCode: string;
  kind: ProjectKind;
  phase: ProjectPhase;
  year: number;
  dwellings: number;
  buildingType: LcaBuildingType;
  industrialised: boolean;
  confidential: boolean;
}

/** What the ledger contributes to a project's aggregate row (stored; independent of the project's facts). */
export interface LedgerFigures {
  officialMpg: number | null;
  indicativeMpg: number | null;
  officialStoredCarbonT: number | null;
  indicativeStoredCarbonT: number | null;
  /** The displayed value (official when there is one, else indicative) of each HNN indicator. */
  hnnValues: Record<HnnIndicatorId, number | null>;
}

export function ledgerFigures(entries: readonly LedgerEntry[]): LedgerFigures {
  const current = currentEntries(entries);
  const hnnValues = {} as Record<HnnIndicatorId, number | null>;
  for (const id of hnnIndicatorIds) {
    const c = current.get(id);
    hnnValues[id] = (c?.official ?? c?.indicative)?.value ?? null;
  }
  return {
    officialMpg: current.get('mpg')?.official?.value ?? null,
    indicativeMpg: current.get('mpg')?.indicative?.value ?? null,
    officialStoredCarbonT: current.get('storedCarbon')?.official?.value ?? null,
    indicativeStoredCarbonT: current.get('storedCarbon')?.indicative?.value ?? null,
    hnnValues,
  };
}

export interface ProjectAggregate extends ProjectFacts, Omit<LedgerFigures, 'hnnValues'> {
  /** HNN status of the displayed value per indicator, against the project's current building type. */
  hnn: Record<HnnIndicatorId, HnnStatus>;
}

/** The aggregate row of a project: its live facts plus the stored ledger figures (HNN checked here, never stored). */
export function projectAggregate(facts: ProjectFacts, figures: LedgerFigures): ProjectAggregate {
  const { hnnValues, ...rest } = figures;
  const hnn = {} as Record<HnnIndicatorId, HnnStatus>;
  for (const id of hnnIndicatorIds) hnn[id] = checkHnnLevel(id, hnnValues[id], facts.buildingType).status;
  return { ...facts, ...rest, hnn };
}

/** The year a project counts in: delivery, else start of construction, design, initiative, else registration. */
export function monitoringYear(project: { opgeleverdDate: string | null; realisatieDate: string | null; ontwerpDate: string | null; initiatiefDate: string | null; createdAt: Date }): number {
  const date = project.opgeleverdDate ?? project.realisatieDate ?? project.ontwerpDate ?? project.initiatiefDate;
  return date === null ? project.createdAt.getUTCFullYear() : Number(date.slice(0, 4));
}

export interface Viewed<R> {
  row: R;
  /** May the viewer see this project (canViewProject)? */
  visible: boolean;
}

/** The rows one aggregate may count for this viewer: all visible ones, plus hidden ones only when ≥ 3 of them. */
export function countableRows<R>(rows: readonly Viewed<R>[]): { rows: R[]; hiddenCounted: number } {
  const hidden = rows.filter((r) => !r.visible);
  const counted = hidden.length >= MIN_CONFIDENTIAL_GROUP ? rows : rows.filter((r) => r.visible);
  return { rows: counted.map((r) => r.row), hiddenCounted: hidden.length >= MIN_CONFIDENTIAL_GROUP ? hidden.length : 0 };
}

/**
 * The rows a set of related figures may count, decided once for all of them: hidden rows survive only when, in every
 * grouping shown (e.g. the total, per phase, per year), their group holds ≥ 3 surviving hidden rows — repeated until
 * stable. Deciding per figure separately would leak: total − Σ phases could isolate one confidential project.
 */
export function countableSet<R>(rows: readonly Viewed<R>[], groupings: readonly ((row: R) => string)[]): { rows: R[]; hiddenCounted: number } {
  let hidden = rows.filter((r) => !r.visible).map((r) => r.row);
  for (let changed = true; changed; ) {
    changed = false;
    for (const key of [() => '', ...groupings]) {
      const counts = new Map<string, number>();
      for (const r of hidden) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
      const kept = hidden.filter((r) => (counts.get(key(r)) ?? 0) >= MIN_CONFIDENTIAL_GROUP);
      if (kept.length !== hidden.length) {
        hidden = kept;
        changed = true;
      }
    }
  }
  const keep = new Set(hidden);
  return { rows: rows.filter((r) => r.visible || keep.has(r.row)).map((r) => r.row), hiddenCounted: hidden.length };
}

export interface Totals {
  projects: number;
  dwellings: number;
  /** Mean of the official MPGs (projects with one); indicative MPGs never enter it. */
  averageOfficialMpg: number | null;
  projectsWithOfficialMpg: number;
  /** Sums of stored biogenic CO2 in tonnes, official and indicative apart. */
  storedCarbonT: { officieel: number; indicatief: number };
  /** Per HNN indicator: projects meeting the level ÷ projects with a checked value (voldoet + voldoet niet). */
  hnnShare: Record<HnnIndicatorId, { met: number; checked: number; share: number | null }>;
  /** Dwellings in industrialised/conceptual projects ÷ all dwellings. */
  industrialisedShare: number | null;
  /** Confidential projects counted without being shown (0 when none were). */
  confidentialCounted: number;
}

export function totalsOf(rows: readonly ProjectAggregate[]): Omit<Totals, 'confidentialCounted'> {
  let dwellings = 0;
  let industrialDwellings = 0;
  let mpgSum = 0;
  let mpgCount = 0;
  let storedOfficial = 0;
  let storedIndicative = 0;
  const hnnShare = {} as Totals['hnnShare'];
  for (const id of hnnIndicatorIds) hnnShare[id] = { met: 0, checked: 0, share: null };
  for (const r of rows) {
    dwellings += r.dwellings;
    if (r.industrialised) industrialDwellings += r.dwellings;
    if (r.officialMpg !== null) {
      mpgSum += r.officialMpg;
      mpgCount += 1;
    }
    storedOfficial += r.officialStoredCarbonT ?? 0;
    if (r.officialStoredCarbonT === null) storedIndicative += r.indicativeStoredCarbonT ?? 0;
    for (const id of hnnIndicatorIds) {
      const status = r.hnn[id];
      if (status === 'voldoet' || status === 'voldoet niet') hnnShare[id].checked += 1;
      if (status === 'voldoet') hnnShare[id].met += 1;
    }
  }
  for (const id of hnnIndicatorIds) hnnShare[id].share = hnnShare[id].checked === 0 ? null : hnnShare[id].met / hnnShare[id].checked;
  return {
    projects: rows.length,
    dwellings,
    averageOfficialMpg: mpgCount === 0 ? null : mpgSum / mpgCount,
    projectsWithOfficialMpg: mpgCount,
    storedCarbonT: { officieel: storedOfficial, indicatief: storedIndicative },
    hnnShare,
    industrialisedShare: dwellings === 0 ? null : industrialDwellings / dwellings,
  };
}

export interface DashboardFilter {
  kind?: ProjectKind | undefined;
  year?: number | undefined;
}

export interface Dashboard {
  totals: Totals;
  pipeline: { phase: ProjectPhase; projects: number; dwellings: number }[];
  byYear: { year: number; projects: number; dwellings: number }[];
}

const byPhase = (r: ProjectAggregate) => r.phase;
const byYearKey = (r: ProjectAggregate) => String(r.year);

/**
 * Municipality (or any) dashboard from per-project aggregates: totals, pipeline by phase and projects per year, all
 * from one {@link countableSet} over the groupings shown (so Σ pipeline = Σ years = total). Stored CO2: a project's
 * official figure when it has one, else its indicative one in the indicative sum — the two are never added together.
 * Averages unrounded. `counted` are the rows behind the figures (for a combined figure over several dashboards).
 */
export function dashboardOf(rows: readonly Viewed<ProjectAggregate>[], filter: DashboardFilter = {}): Dashboard & { counted: ProjectAggregate[] } {
  const filtered = rows.filter((r) => (filter.kind === undefined || r.row.kind === filter.kind) && (filter.year === undefined || r.row.year === filter.year));
  const { rows: counted, hiddenCounted } = countableSet(filtered, [byPhase, byYearKey]);
  const pipeline = projectPhases.map((phase) => {
    const group = counted.filter((r) => r.phase === phase);
    return { phase, projects: group.length, dwellings: group.reduce((s, r) => s + r.dwellings, 0) };
  });
  const years = [...new Set(counted.map((r) => r.year))].sort((a, b) => a - b);
  const byYear = years.map((year) => {
    const group = counted.filter((r) => r.year === year);
    return { year, projects: group.length, dwellings: group.reduce((s, r) => s + r.dwellings, 0) };
  });
  return { totals: { ...totalsOf(counted), confidentialCounted: hiddenCounted }, pipeline, byYear, counted };
}
