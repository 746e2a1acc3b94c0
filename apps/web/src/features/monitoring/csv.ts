/**
 * CSV of the figure tables the dashboard shows, built from the same response (so it holds exactly what the viewer may
 * see: the confidentiality rule was applied by the server). The project list's CSV comes from the server
 * (…/monitoring/projects.csv), because the page holds only one page of it. Semicolon-separated with a BOM, as Dutch spreadsheet
 * programs expect; numbers with a decimal point, unrounded.
 */
import type { MunicipalityDashboard } from '@kringbouw/contracts';
import { csvText } from '@kringbouw/domain/csv';

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return csvText(header, rows);
}

export function pipelineCsv(data: MunicipalityDashboard, header: readonly string[]): string {
  return toCsv(header, data.pipeline.map((p) => [p.phase, p.projects, p.dwellings]));
}

export function byYearCsv(data: MunicipalityDashboard, header: readonly string[]): string {
  return toCsv(header, data.byYear.map((y) => [y.year, y.projects, y.dwellings]));
}

/** The HNN share per indicator: met, checked, share (0–1). */
export function hnnCsv(data: MunicipalityDashboard, names: readonly string[], header: readonly string[]): string {
  const ids = ['mpg', 'embodiedCarbon', 'materialOrigin', 'detachability'] as const;
  return toCsv(header, ids.map((id, i) => [names[i] ?? id, data.totals.hnnShare[id].met, data.totals.hnnShare[id].checked, data.totals.hnnShare[id].share]));
}

/** Offers a CSV as a download (no server round trip). */
export function downloadCsv(fileName: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
