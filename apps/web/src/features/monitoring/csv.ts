/**
 * CSV of the tables the dashboard shows, built from the same response (so it holds exactly what the viewer may see:
 * the confidentiality rule was applied by the server). Semicolon-separated with a BOM, as Dutch spreadsheet
 * programs expect; numbers with a decimal point, unrounded.
 */
import type { MunicipalityDashboard } from '@kringbouw/contracts';

function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(';')).join('\r\n')}\r\n`;
}

export function projectsCsv(data: MunicipalityDashboard, header: readonly string[]): string {
  return toCsv(header, data.projects.map((p) => [p.name, p.kind, p.phase, p.year, p.dwellings, p.officialMpg, p.indicativeMpg]));
}

export function pipelineCsv(data: MunicipalityDashboard, header: readonly string[]): string {
  return toCsv(header, data.pipeline.map((p) => [p.phase, p.projects, p.dwellings]));
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
