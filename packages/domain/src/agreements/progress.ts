/**
 * Progress of prestatieafspraken: measurable commitments from the indicator ledger of the projects in scope,
 * process commitments from recorded evidence, and a traffic light per commitment, per theme and per agreement.
 * Rules (docs/prestatieafspraken.md §Voortgang):
 * - Per project the current official value (opgegeven/geaudit) is used; only when there is none the current
 *   indicative (berekend) value. The result says whether its figures are official, indicative or mixed.
 * - No rounding before comparing; comparisons use the exact stored values.
 */
import { currentEntries, standingOf, type LedgerEntry, type Standing } from '../monitoring/ledger.ts';
import type { ProjectKind } from '../projects/index.ts';
import type { AgreementTheme, Commitment, Comparator, MeasurableCommitment, ProcessCommitment, TrafficLight } from './model.ts';
import { agreementThemes } from './model.ts';

/** A project in the agreement's municipality as progress needs it. */
export interface ProgressProject {
  id: string;
  name: string;
  kind: ProjectKind;
  dwellings: number;
  /** Owner and party organisations. */
  organisationIds: readonly string[];
  /** The project's indicator ledger (all entries; withdrawals included). */
  ledger: readonly LedgerEntry[];
}

export interface ProgressEvidence {
  commitmentId: string;
  /** ISO date the evidence is about. */
  date: string;
}

export type ProgressStatus = 'behaald' | 'niet_behaald' | 'loopt' | 'geen_gegevens';
export type FigureStanding = Standing | 'gemengd';

export interface ProjectFigureResult {
  projectId: string;
  dwellings: number;
  value: number | null;
  standing: Standing | null;
  meets: boolean | null;
}

export interface CommitmentProgressResult {
  commitmentId: string;
  theme: AgreementTheme;
  kind: Commitment['kind'];
  light: TrafficLight;
  status: ProgressStatus;
  achieved: number | null;
  standing: FigureStanding | null;
  projectsInScope: number;
  projectsWithValue: number;
  projects: ProjectFigureResult[];
  /** Evidence dated on or before asOf (process commitments). */
  evidenceCount: number;
}

export type LightCounts = Record<TrafficLight, number>;

export interface AgreementProgressResult {
  light: TrafficLight;
  counts: LightCounts;
  themes: { theme: AgreementTheme; light: TrafficLight; counts: LightCounts }[];
  commitments: CommitmentProgressResult[];
}

/** `value comparator target`, exact (no rounding, no tolerance). */
export function compare(value: number, comparator: Comparator, target: number): boolean {
  switch (comparator) {
    case 'lte':
      return value <= target;
    case 'gte':
      return value >= target;
    case 'lt':
      return value < target;
    case 'gt':
      return value > target;
    case 'eq':
      return value === target;
  }
}

/** The projects a measurable commitment looks at (the caller passes only projects in the municipality). */
export function projectsInScope(commitment: MeasurableCommitment, projects: readonly ProgressProject[]): ProgressProject[] {
  const scope = commitment.scope;
  if (scope.type === 'project') return projects.filter((p) => p.id === scope.projectId);
  return projects.filter((p) => scope.projectKinds.includes(p.kind) && p.organisationIds.includes(scope.organisationId));
}

/** The current entries of a ledger, computed once per ledger array (several commitments read the same projects). */
const currentByLedger = new WeakMap<readonly LedgerEntry[], ReturnType<typeof currentEntries>>();

/** The value a project counts with: its current official value, else its current indicative one. */
export function projectValue(project: ProgressProject, indicatorId: MeasurableCommitment['indicatorId']): { value: number; standing: Standing } | null {
  let current = currentByLedger.get(project.ledger);
  if (current === undefined) {
    current = currentEntries(project.ledger);
    currentByLedger.set(project.ledger, current);
  }
  const slot = current.get(indicatorId);
  const entry = slot?.official ?? slot?.indicative;
  if (entry === undefined || entry.value === null) return null;
  return { value: entry.value, standing: standingOf(entry.source) };
}

function standingOfAll(standings: readonly Standing[]): FigureStanding | null {
  if (standings.length === 0) return null;
  if (standings.every((s) => s === 'officieel')) return 'officieel';
  if (standings.every((s) => s === 'indicatief')) return 'indicatief';
  return 'gemengd';
}

/** The status and light once it is known whether the target is met and whether there were any figures. */
function judge(met: boolean | null, deadlinePassed: boolean): { status: ProgressStatus; light: TrafficLight } {
  if (met === true) return { status: 'behaald', light: 'groen' };
  if (deadlinePassed) return { status: 'niet_behaald', light: 'rood' };
  if (met === null) return { status: 'geen_gegevens', light: 'grijs' };
  return { status: 'loopt', light: 'oranje' };
}

/**
 * Evaluates a measurable commitment on the ledgers of the projects in scope, as of `asOf` (ISO date).
 *
 * - `project`: the project's value against the target.
 * - `alle_projecten` with `elk_project`: met when every project in scope has a value meeting the target;
 *   `achieved` is the weakest value (highest for ≤/<, lowest for ≥/>). Projects without a value keep it unmet.
 *   `gemiddelde`: the dwelling-weighted mean of the projects with a value (plain mean when they have no dwellings).
 *   `som`: the sum of the values.
 * - `aandeel`: `achieved` = 100 × (dwellings — or projects — of projects whose value meets the project threshold)
 *   ÷ (dwellings — or projects — of all projects in scope), in %. Projects without a value stay in the denominator
 *   and count as not meeting. With basis `woningen` and no dwellings in scope, projects are counted instead.
 * Deadline: unmet on or before the deadline → `loopt` (oranje); unmet after it → `niet_behaald` (rood); no figures
 * at all before the deadline → `geen_gegevens` (grijs).
 */
export function evaluateMeasurable(commitment: MeasurableCommitment, projects: readonly ProgressProject[], asOf: string): CommitmentProgressResult {
  const inScope = projectsInScope(commitment, projects);
  const scope = commitment.scope;
  const figures: ProjectFigureResult[] = inScope.map((p) => {
    const v = projectValue(p, commitment.indicatorId);
    const meets =
      v === null ? null : scope.type === 'aandeel' ? compare(v.value, scope.projectComparator, scope.projectThreshold) : compare(v.value, commitment.comparator, commitment.target);
    return { projectId: p.id, dwellings: p.dwellings, value: v?.value ?? null, standing: v?.standing ?? null, meets };
  });
  const withValue = figures.filter((f): f is ProjectFigureResult & { value: number; standing: Standing } => f.value !== null && f.standing !== null);
  let achieved: number | null = null;
  let met: boolean | null = null;
  if (withValue.length > 0) {
    if (scope.type === 'aandeel') {
      const byDwellings = scope.basis === 'woningen' && figures.some((f) => f.dwellings > 0);
      const weight = (f: ProjectFigureResult) => (byDwellings ? f.dwellings : 1);
      const total = figures.reduce((s, f) => s + weight(f), 0);
      const meeting = figures.filter((f) => f.meets === true).reduce((s, f) => s + weight(f), 0);
      achieved = total === 0 ? 0 : (100 * meeting) / total;
      met = compare(achieved, commitment.comparator, commitment.target);
    } else if (scope.type === 'alle_projecten' && scope.aggregation === 'gemiddelde') {
      const weights = withValue.some((f) => f.dwellings > 0) ? withValue.map((f) => f.dwellings) : withValue.map(() => 1);
      const totalWeight = weights.reduce((s, w) => s + w, 0);
      achieved = withValue.reduce((s, f, i) => s + f.value * (weights[i] ?? 0), 0) / totalWeight;
      met = compare(achieved, commitment.comparator, commitment.target);
    } else if (scope.type === 'alle_projecten' && scope.aggregation === 'som') {
      achieved = withValue.reduce((s, f) => s + f.value, 0);
      met = compare(achieved, commitment.comparator, commitment.target);
    } else {
      // elk_project, or a single named project
      const values = withValue.map((f) => f.value);
      const higherIsWorse = commitment.comparator === 'lte' || commitment.comparator === 'lt';
      achieved = commitment.comparator === 'eq' ? (values.find((v) => v !== commitment.target) ?? commitment.target) : higherIsWorse ? Math.max(...values) : Math.min(...values);
      met = withValue.length === figures.length && figures.every((f) => f.meets === true);
    }
  }
  const { status, light } = judge(met, asOf > commitment.deadline);
  return {
    commitmentId: commitment.id,
    theme: commitment.theme,
    kind: 'meetbaar',
    light,
    status,
    achieved,
    standing: standingOfAll(withValue.map((f) => f.standing)),
    projectsInScope: inScope.length,
    projectsWithValue: withValue.length,
    projects: figures,
    evidenceCount: 0,
  };
}

/**
 * Evaluates a procesafspraak: met when evidence dated on or before `asOf` exists; otherwise `niet_behaald` after
 * its due date (default 31 December of the period's last year) and `loopt` before.
 */
export function evaluateProcess(commitment: ProcessCommitment, evidence: readonly ProgressEvidence[], asOf: string, periodEndYear: number): CommitmentProgressResult {
  const count = evidence.filter((e) => e.commitmentId === commitment.id && e.date <= asOf).length;
  const due = commitment.dueDate ?? `${periodEndYear}-12-31`;
  const { status, light } = count > 0 ? { status: 'behaald' as const, light: 'groen' as const } : asOf > due ? { status: 'niet_behaald' as const, light: 'rood' as const } : { status: 'loopt' as const, light: 'oranje' as const };
  return {
    commitmentId: commitment.id,
    theme: commitment.theme,
    kind: 'proces',
    light,
    status,
    achieved: null,
    standing: null,
    projectsInScope: 0,
    projectsWithValue: 0,
    projects: [],
    evidenceCount: count,
  };
}

/**
 * Combines lights: rood when any is rood; oranje when any is oranje, or when groen and grijs are mixed (not
 * everything can be judged yet); groen when all are groen; grijs when all are grijs or there is nothing.
 */
export function combineLights(lights: readonly TrafficLight[]): TrafficLight {
  if (lights.includes('rood')) return 'rood';
  if (lights.includes('oranje')) return 'oranje';
  if (lights.length > 0 && lights.every((l) => l === 'groen')) return 'groen';
  if (lights.includes('groen')) return 'oranje';
  return 'grijs';
}

function countLights(lights: readonly TrafficLight[]): LightCounts {
  const counts: LightCounts = { groen: 0, oranje: 0, rood: 0, grijs: 0 };
  for (const l of lights) counts[l] += 1;
  return counts;
}

/** Progress of every commitment, each theme (in the guide's order, only themes with commitments) and the agreement. */
export function evaluateAgreement({
  commitments,
  projects,
  evidence,
  asOf,
  periodEndYear,
}: {
  commitments: readonly Commitment[];
  projects: readonly ProgressProject[];
  evidence: readonly ProgressEvidence[];
  asOf: string;
  periodEndYear: number;
}): AgreementProgressResult {
  const results = commitments.map((c) => (c.kind === 'meetbaar' ? evaluateMeasurable(c, projects, asOf) : evaluateProcess(c, evidence, asOf, periodEndYear)));
  const themes = agreementThemes
    .map((theme) => {
      const lights = results.filter((r) => r.theme === theme).map((r) => r.light);
      return { theme, light: combineLights(lights), counts: countLights(lights), n: lights.length };
    })
    .filter((t) => t.n > 0)
    .map(({ theme, light, counts }) => ({ theme, light, counts }));
  const all = results.map((r) => r.light);
  return { light: combineLights(all), counts: countLights(all), themes, commitments: results };
}
