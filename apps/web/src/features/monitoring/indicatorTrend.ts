/**
 * The trend of one indicator on the project page, from its ledger history: one point per recorded value in the order
 * recorded, the official (opgegeven/geaudit) and the indicative (berekend, one per vastgestelde passport version)
 * values as separate series, and the HNN level as a reference. Pure: the chart and its table both read this.
 *
 * Phase: the ledger does not store the project's phase at the moment of recording, and the project register keeps no
 * history of phase changes. What it has is the (expected) start date of each phase (`phaseDates`). `phaseAt` places a
 * recording date in the last phase that had started by then according to those dates, never beyond the current phase
 * — an approximation from today's dates, labelled as such in the UI; null when no start date lies on or before it.
 */
import type { Project, ProjectIndicators } from '@kringbouw/contracts';
import { projectPhases, type ProjectPhase } from '@kringbouw/domain/projects';

type IndicatorRow = ProjectIndicators['indicators'][number];

export interface TrendPoint {
  entryId: string;
  recordedAt: string;
  standing: 'officieel' | 'indicatief';
  value: number;
  /** The passport version a computed value comes from; null for declared values. */
  passportVersion: number | null;
  phase: ProjectPhase | null;
  /** Replaced by a newer value of the same standing (still part of the trend). */
  superseded: boolean;
}

export interface IndicatorTrend {
  points: TrendPoint[];
  /** Per point: the official value there, else null (never an indicative value). */
  official: (number | null)[];
  /** Per point: the indicative value there, else null (never an official value). */
  indicative: (number | null)[];
  reference: IndicatorRow['hnnReference'];
  /** Values withdrawn in the ledger: left out of the trend (they were retracted), counted so the UI can say so. */
  withdrawnLeftOut: number;
}

/** The phase a date (ISO date or date-time) falls in according to the project's phase start dates, capped at the current phase. */
export function phaseAt(date: string, project: Pick<Project, 'phase' | 'phaseDates'>): ProjectPhase | null {
  const day = date.slice(0, 10);
  const current = projectPhases.indexOf(project.phase);
  let found: ProjectPhase | null = null;
  projectPhases.forEach((phase, index) => {
    const start = project.phaseDates[phase];
    if (index <= current && start !== null && start <= day) found = phase;
  });
  return found;
}

export function indicatorTrend(row: IndicatorRow, project: Pick<Project, 'phase' | 'phaseDates'>): IndicatorTrend {
  let withdrawnLeftOut = 0;
  const points: TrendPoint[] = [];
  for (const { entry, withdrawn, superseded } of row.history) {
    if (entry.withdrawsEntryId !== null || entry.value === null) continue;
    if (withdrawn) {
      withdrawnLeftOut += 1;
      continue;
    }
    points.push({
      entryId: entry.id,
      recordedAt: entry.recordedAt,
      standing: entry.standing,
      value: entry.value,
      passportVersion: entry.source === 'berekend' ? (entry.passportVersion?.number ?? null) : null,
      phase: phaseAt(entry.recordedAt, project),
      superseded,
    });
  }
  // Recording order (ISO timestamps sort as text); stable for equal times.
  points.sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
  return {
    points,
    official: points.map((p) => (p.standing === 'officieel' ? p.value : null)),
    indicative: points.map((p) => (p.standing === 'indicatief' ? p.value : null)),
    reference: row.hnnReference,
    withdrawnLeftOut,
  };
}
