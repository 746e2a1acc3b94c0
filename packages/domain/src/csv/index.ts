/**
 * CSV as Dutch spreadsheet programs open it: semicolon-separated, CRLF, UTF-8 with a BOM. One cell writer for every
 * export of the server and the web app, so quoting and the formula guard are the same everywhere.
 */

/** Marks the text as UTF-8 for Excel; goes before the header. */
export const csvByteOrderMark = '\uFEFF';

/**
 * One cell: empty for null, numbers as written (decimal point), text quoted when it holds `;`, `"` or a line break.
 * Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) gets a leading
 * apostrophe, so a project or organisation name can never execute in the reader's spreadsheet (OWASP CSV injection).
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** One line of cells, without the line break. */
export function csvRow(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(';');
}

/** A whole CSV text: BOM, header, rows, each line ended by CRLF. */
export function csvText(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `${csvByteOrderMark}${[header, ...rows].map(csvRow).join('\r\n')}\r\n`;
}
