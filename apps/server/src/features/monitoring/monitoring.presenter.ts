/** Ledger records → the JSON of packages/contracts/src/monitoring.ts. */
import type { LedgerEntryDto, ProjectIndicators } from '@kringbouw/contracts';
import { catalogueIndicator, checkHnnLevel, standingOf, type CurrentValue, type IndicatorState } from '@kringbouw/domain/monitoring';
import type { EntryRecord } from './monitoring.repository.ts';

export function presentEntry(e: EntryRecord): LedgerEntryDto {
  return {
    id: e.id,
    indicatorId: e.indicatorId,
    source: e.source,
    standing: standingOf(e.source),
    value: e.value,
    withdrawsEntryId: e.withdrawsEntryId,
    passportVersion: e.passportVersionNumber === null ? null : { id: e.passportVersionId, number: e.passportVersionNumber },
    dataVersions: e.dataVersions,
    tool: e.tool,
    toolVersion: e.toolVersion,
    nmdVersion: e.nmdVersion,
    calculationDate: e.calculationDate,
    note: e.note,
    report: e.reportName === null || e.reportSize === null ? null : { name: e.reportName, sizeBytes: e.reportSize },
    recordedBy: e.recordedBy === null || e.recordedByName === null ? null : { id: e.recordedBy, name: e.recordedByName },
    recordedAt: e.recordedAt.toISOString(),
    phase: e.phase,
    phaseSource: e.phaseSource,
  };
}

function presentCurrent(c: CurrentValue<EntryRecord> | null) {
  if (c === null || c.entry.value === null) return null;
  return { entryId: c.entry.id, value: c.entry.value, standing: c.standing, hnnLevel: c.hnn.level, hnnComparison: c.hnn.comparison, hnnStatus: c.hnn.status };
}

/** The HNN level of an indicator for a building type (through `checkHnnLevel`, so the same level the checks use). */
export function presentHnnReference(indicatorId: IndicatorState<EntryRecord>['indicatorId'], buildingType: Parameters<typeof checkHnnLevel>[2]): ProjectIndicators['indicators'][number]['hnnReference'] {
  const { level, comparison } = checkHnnLevel(indicatorId, null, buildingType);
  return level === null || comparison === 'none' ? null : { level, comparison };
}

export function presentState(s: IndicatorState<EntryRecord>, buildingType: Parameters<typeof checkHnnLevel>[2]): ProjectIndicators['indicators'][number] {
  const indicator = catalogueIndicator(s.indicatorId);
  return {
    indicator: {
      id: indicator.id,
      nl: indicator.nl,
      en: indicator.en,
      unit: indicator.unit,
      direction: indicator.direction,
      decimals: indicator.decimals,
      hasHnnLevel: indicator.hnn !== null,
      computed: indicator.computed !== null,
      declarable: indicator.declarable,
      officialSource: indicator.officialSource,
    },
    official: presentCurrent(s.official),
    indicative: presentCurrent(s.indicative),
    display: s.display,
    history: s.history.map((h) => ({ entry: presentEntry(h.entry), withdrawn: h.withdrawn, superseded: h.superseded })),
    hnnReference: presentHnnReference(s.indicatorId, buildingType),
  };
}
