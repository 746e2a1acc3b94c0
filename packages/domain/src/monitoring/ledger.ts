/**
 * The indicator ledger of a project: an append-only list of values, each with its source.
 * - `berekend`: computed by Kringbouw from a vastgestelde passport version (open data → always indicatief);
 * - `opgegeven`: declared, e.g. the official MPG from an NMD-validated tool (tool, version, NMD data, report PDF);
 * - `geaudit`: reserved for audited values.
 * Nothing is ever changed or deleted: a correction is a withdrawal entry (pointing at the entry it withdraws)
 * followed by a new value. Official (opgegeven/geaudit) and indicative (berekend) values are kept apart: the current
 * state has one of each per indicator and no figure ever combines the two.
 */
import type { LcaBuildingType } from '../lca/model.ts';
import { checkHnnLevel, indicatorCatalogue, type HnnLevelCheck, type IndicatorCatalogue, type IndicatorId } from './catalogue.ts';

export const ledgerSources = ['berekend', 'opgegeven', 'geaudit'] as const;
export type LedgerSource = (typeof ledgerSources)[number];

/** `officieel` for declared and audited values, `indicatief` for values Kringbouw computed. */
export type Standing = 'officieel' | 'indicatief';

export function standingOf(source: LedgerSource): Standing {
  return source === 'berekend' ? 'indicatief' : 'officieel';
}

export interface LedgerEntry {
  id: string;
  /** Insertion order within the ledger (a database sequence): the only order the rules use. */
  seq: number;
  indicatorId: IndicatorId;
  source: LedgerSource;
  /** null only for withdrawals. */
  value: number | null;
  /** Set on a withdrawal: the entry it withdraws. */
  withdrawsEntryId: string | null;
}

export interface CurrentValue<E extends LedgerEntry> {
  entry: E;
  standing: Standing;
  hnn: HnnLevelCheck;
}

export interface IndicatorState<E extends LedgerEntry> {
  indicatorId: IndicatorId;
  official: CurrentValue<E> | null;
  indicative: CurrentValue<E> | null;
  /** What a single figure shows: the official value when there is one, else the indicative one. */
  display: Standing | null;
  /** Every entry for the indicator, newest first, with whether it is still in force. */
  history: { entry: E; withdrawn: boolean; superseded: boolean }[];
}

/**
 * Current value per indicator from the ledger: per standing the newest (highest seq) value entry that no withdrawal
 * points at; the HNN check of each against the building type's level. Indicators in the catalogue order.
 */
export function ledgerState<E extends LedgerEntry>(entries: readonly E[], buildingType: LcaBuildingType, catalogue: IndicatorCatalogue = indicatorCatalogue): IndicatorState<E>[] {
  const withdrawn = withdrawnIds(entries);
  const sorted = [...entries].sort((a, b) => b.seq - a.seq);
  return catalogue.indicators.map((indicator) => {
    const own = sorted.filter((e) => e.indicatorId === indicator.id);
    const live = own.filter((e) => e.withdrawsEntryId === null && !withdrawn.has(e.id));
    const pick = (standing: Standing): CurrentValue<E> | null => {
      const entry = live.find((e) => standingOf(e.source) === standing);
      return entry === undefined ? null : { entry, standing, hnn: checkHnnLevel(indicator.id, entry.value, buildingType) };
    };
    const official = pick('officieel');
    const indicative = pick('indicatief');
    const currentIds = new Set([official?.entry.id, indicative?.entry.id]);
    return {
      indicatorId: indicator.id,
      official,
      indicative,
      display: official !== null ? 'officieel' : indicative !== null ? 'indicatief' : null,
      history: own.map((entry) => ({
        entry,
        withdrawn: withdrawn.has(entry.id),
        superseded: entry.withdrawsEntryId === null && !withdrawn.has(entry.id) && !currentIds.has(entry.id),
      })),
    };
  });
}

function withdrawnIds(entries: readonly LedgerEntry[]): Set<string> {
  const withdrawn = new Set<string>();
  for (const e of entries) if (e.withdrawsEntryId !== null) withdrawn.add(e.withdrawsEntryId);
  return withdrawn;
}

/** Per indicator the current official and indicative entry (same rule as {@link ledgerState}, without the HNN check). */
export function currentEntries<E extends LedgerEntry>(entries: readonly E[]): Map<IndicatorId, { official?: E; indicative?: E }> {
  const withdrawn = withdrawnIds(entries);
  const out = new Map<IndicatorId, { official?: E; indicative?: E }>();
  for (const e of [...entries].sort((a, b) => b.seq - a.seq)) {
    if (e.withdrawsEntryId !== null || withdrawn.has(e.id)) continue;
    const slot = out.get(e.indicatorId) ?? {};
    if (standingOf(e.source) === 'officieel') slot.official ??= e;
    else slot.indicative ??= e;
    out.set(e.indicatorId, slot);
  }
  return out;
}

/** Why a withdrawal cannot be appended; null when it can. */
export function withdrawalProblem(entries: readonly LedgerEntry[], targetId: string): string | null {
  const target = entries.find((e) => e.id === targetId);
  if (target === undefined) return 'Deze waarde bestaat niet in het register van dit project.';
  if (target.withdrawsEntryId !== null) return 'Een intrekking kan zelf niet worden ingetrokken.';
  if (entries.some((e) => e.withdrawsEntryId === targetId)) return 'Deze waarde is al ingetrokken.';
  if (target.source === 'berekend') return 'Berekende waarden komen uit een vastgestelde paspoortversie en kunnen niet worden ingetrokken; stel een nieuwe versie vast.';
  return null;
}

/** The subset of a passport version's stored indicators the ledger reads (structurally the contracts' shape). */
export interface ComputedIndicatorSummary {
  project: { weightingSet: string };
  mpg: { value: number | null };
  mki: { total: number | null };
  gwp: { parisProofPerM2: number };
  biogenicCarbonKgCO2: number;
  materialOrigin: { renewablePct: number | null; reusedPct: number | null; recycledPct: number | null };
  detachability: { index: number | null };
  mci: number | null;
}

/**
 * The ledger values (`berekend`) of a passport version's indicators, in catalogue units: MPG only under the A1
 * weighting (the official method; an A2 figure is not an MPG), stored CO2 kg → t, material origin as the sum of
 * renewable, reused and recycled mass %, detachability index × 100. No rounding: values are stored as computed.
 * Indicators the engine could not compute are left out.
 */
export function computedLedgerValues(summary: ComputedIndicatorSummary, catalogue: IndicatorCatalogue = indicatorCatalogue): { indicatorId: IndicatorId; value: number }[] {
  const origin = summary.materialOrigin;
  const byId: Partial<Record<IndicatorId, number | null>> = {
    mpg: summary.project.weightingSet === 'a1' ? summary.mpg.value : null,
    mki: summary.mki.total,
    embodiedCarbon: summary.gwp.parisProofPerM2,
    storedCarbon: summary.biogenicCarbonKgCO2 / 1000,
    materialOrigin: origin.renewablePct === null ? null : origin.renewablePct + (origin.reusedPct ?? 0) + (origin.recycledPct ?? 0),
    detachability: summary.detachability.index === null ? null : 100 * summary.detachability.index,
    mci: summary.mci,
  };
  const out: { indicatorId: IndicatorId; value: number }[] = [];
  for (const indicator of catalogue.indicators) {
    if (indicator.computed === null) continue;
    const value = byId[indicator.computed];
    if (value !== null && value !== undefined && Number.isFinite(value)) out.push({ indicatorId: indicator.id, value });
  }
  return out;
}
