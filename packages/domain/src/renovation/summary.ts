/** Totals of renovation plans per year, per kind of intervention and per area. */
import type { RenovationIntervention } from './index.ts';

export interface PlanRowFacts {
  year: number;
  intervention: RenovationIntervention;
  dwellings: number;
  /** The area the row is counted in (a buurt name, or "complex <nummer>" when the row names no buurt). */
  areaKey: string;
}

/** The area a plan row belongs to: its buurt, else its complex. Buurt names compare case- and space-insensitively. */
export function areaKeyOf(row: { buurt: string | null; complexnummer: string | null }): string {
  if (row.buurt !== null && row.buurt.trim() !== '') return `buurt:${normaliseAreaName(row.buurt)}`;
  return `complex:${(row.complexnummer ?? '').trim()}`;
}

/** Lower case, single spaces, trimmed: "Hof  van Delft " and "hof van delft" are the same buurt. */
export function normaliseAreaName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface YearTotals {
  year: number;
  /** Dwellings per intervention kind in that year (0 when none). */
  byIntervention: Record<RenovationIntervention, number>;
  total: number;
}

/**
 * Dwellings per year and per intervention, for every year from `fromYear` to `toYear` inclusive (years without
 * rows give zeros, so a timeline has no gaps). Rows outside the range are left out. Units: dwellings (count),
 * summed without rounding.
 */
export function totalsPerYear(rows: readonly PlanRowFacts[], range: { fromYear: number; toYear: number }, interventions: readonly RenovationIntervention[]): YearTotals[] {
  const result: YearTotals[] = [];
  for (let year = range.fromYear; year <= range.toYear; year += 1) {
    const byIntervention = Object.fromEntries(interventions.map((i) => [i, 0])) as Record<RenovationIntervention, number>;
    result.push({ year, byIntervention, total: 0 });
  }
  for (const row of rows) {
    const entry = result[row.year - range.fromYear];
    if (!entry) continue;
    entry.byIntervention[row.intervention] += row.dwellings;
    entry.total += row.dwellings;
  }
  return result;
}

export interface AreaTotals {
  areaKey: string;
  total: number;
  /** Dwellings per year (only years with rows). */
  perYear: Record<number, number>;
  /** The year with the most dwellings (the earliest on a tie). */
  peakYear: number;
}

/** Dwellings per area within the year range, the busiest area first (ties by area key). */
export function totalsPerArea(rows: readonly PlanRowFacts[], range: { fromYear: number; toYear: number }): AreaTotals[] {
  const areas = new Map<string, AreaTotals>();
  for (const row of rows) {
    if (row.year < range.fromYear || row.year > range.toYear) continue;
    const area = areas.get(row.areaKey) ?? { areaKey: row.areaKey, total: 0, perYear: {}, peakYear: row.year };
    area.total += row.dwellings;
    area.perYear[row.year] = (area.perYear[row.year] ?? 0) + row.dwellings;
    areas.set(row.areaKey, area);
  }
  for (const area of areas.values()) {
    let peak = Number.POSITIVE_INFINITY;
    let most = -1;
    for (const [yearText, dwellings] of Object.entries(area.perYear)) {
      const year = Number(yearText);
      if (dwellings > most || (dwellings === most && year < peak)) {
        most = dwellings;
        peak = year;
      }
    }
    area.peakYear = peak;
  }
  return [...areas.values()].sort((a, b) => b.total - a.total || a.areaKey.localeCompare(b.areaKey));
}
