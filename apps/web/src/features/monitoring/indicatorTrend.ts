/**
 * The trend of one indicator on the project page, from its ledger history: one point per recorded value in the order
 * recorded, the official (opgegeven/geaudit) and the indicative (berekend, one per vastgestelde passport version)
 * values as separate series, and the HNN level as a reference. Pure: the chart and its table both read this.
 *
 * Phase: each ledger entry carries the project's phase when it was recorded (`phase`, `phaseSource`). 'vastgelegd':
 * stored at that moment by the server; 'afgeleid': a value recorded before phases were stored, whose phase was derived
 * once from the phase start dates (an approximation, labelled as such in the UI; null when no start date lay before
 * it). Later edits of the project's phase or its dates change neither.
 */
import type { ProjectIndicators } from '@kringbouw/contracts';
import type { PhaseSource } from '@kringbouw/domain/monitoring';
import type { ProjectPhase } from '@kringbouw/domain/projects';

type IndicatorRow = ProjectIndicators['indicators'][number];

export interface TrendPoint {
  entryId: string;
  recordedAt: string;
  standing: 'officieel' | 'indicatief';
  value: number;
  /** The passport version a computed value comes from; null for declared values. */
  passportVersion: number | null;
  /** The project's phase when the value was recorded; null only for a derived phase without a start date before it. */
  phase: ProjectPhase | null;
  /** Whether that phase was stored when recording ('vastgelegd') or derived afterwards ('afgeleid'). */
  phaseSource: PhaseSource;
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

export function indicatorTrend(row: IndicatorRow): IndicatorTrend {
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
      phase: entry.phase,
      phaseSource: entry.phaseSource,
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
