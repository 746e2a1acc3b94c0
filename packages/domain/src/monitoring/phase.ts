/**
 * The project phase of an indicator ledger entry: in which phase a value was recorded.
 * - `vastgelegd`: the project's phase at the moment the entry was written, copied from the project record in the same
 *   statement (database trigger `indicator_entries_record_phase`, migration 0014). Later edits of the phase or its
 *   dates do not change it.
 * - `afgeleid`: entries written before migration 0014 carried no phase; they were backfilled once with
 *   {@link derivedPhaseAt} over the project's phase and phase start dates as they stood at that migration — an
 *   approximation, which the UI labels as such.
 */
import { projectPhases, type ProjectPhase } from '../projects/index.ts';

export const phaseSources = ['vastgelegd', 'afgeleid'] as const;
export type PhaseSource = (typeof phaseSources)[number];

/** A project's phase and (expected) phase start dates (ISO dates, null when unknown). */
export interface PhaseDatesOfProject {
  phase: ProjectPhase;
  phaseDates: Record<ProjectPhase, string | null>;
}

/**
 * The phase a recording time falls in according to a project's phase start dates: the last phase, in the order
 * initiatief → ontwerp → realisatie → opgeleverd and never beyond the project's current phase, whose start date lies
 * on or before the recording date (the UTC calendar day of `recordedAt`, an ISO date-time or date). null when no
 * such start date exists. This is the rule of the 0014 backfill (`afgeleid`), which does the same in SQL; no
 * rounding, no units.
 */
export function derivedPhaseAt(recordedAt: string, project: PhaseDatesOfProject): ProjectPhase | null {
  const day = recordedAt.slice(0, 10);
  const current = projectPhases.indexOf(project.phase);
  let found: ProjectPhase | null = null;
  projectPhases.forEach((phase, index) => {
    const start = project.phaseDates[phase];
    if (index <= current && start !== null && start <= day) found = phase;
  });
  return found;
}
