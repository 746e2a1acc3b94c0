/**
 * Numbers in Dutch notation for inputs and display: decimal comma, dot as thousands separator. The English UI keeps
 * the same notation (see lib/format.ts) so a figure reads the same in both languages.
 */
const locale = 'nl-NL';

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(min: number, max: number, grouping: boolean): Intl.NumberFormat {
  const key = `${min}:${max}:${grouping}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: grouping });
    formats.set(key, format);
  }
  return format;
}

/** A figure for display, e.g. 1234.5 → "1.234,5" (at most `maxDigits` decimals). */
export function formatNumber(value: number, maxDigits = 2, minDigits = 0): string {
  return numberFormat(minDigits, maxDigits, true).format(value);
}

/** A figure with about three significant digits, e.g. 0.0123 → "0,0123", 12345.6 → "12.346". */
export function formatSignificant(value: number): string {
  const abs = Math.abs(value);
  if (abs === 0) return '0';
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : Math.min(6, 2 - Math.floor(Math.log10(abs)));
  return formatNumber(value, digits);
}

/** A share 0–1 as a percentage, e.g. 0.553 → "55,3 %". */
export function formatFraction(value: number, digits = 1): string {
  return `${formatNumber(value * 100, digits)} %`;
}

/** A percentage 0–100, e.g. 25 → "25 %". */
export function formatPercent(value: number, digits = 1): string {
  return `${formatNumber(value, digits)} %`;
}

/** The value an input shows: no thousands separator, decimal comma, no trailing zeros. */
export function formatInput(value: number | undefined): string {
  if (value === undefined) return '';
  return numberFormat(0, 6, false).format(value);
}

export type ParsedNumber = { ok: true; value: number | undefined } | { ok: false };

/**
 * Reads a number typed in Dutch notation. "12,5" → 12.5; "1.250" and "1.250,75" read the dot as a thousands
 * separator (only in groups of three digits); "2.5" (not a thousands group) is read as 2.5, as people paste it from
 * English sources. Spaces are ignored. Empty text is `undefined` (no value). Anything else is not a number.
 */
export function parseDecimal(text: string): ParsedNumber {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return { ok: true, value: undefined };
  let normalized: string;
  if (/^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(compact)) normalized = compact.replace(/\./g, '').replace(',', '.');
  else if (/^[-+]?\d*,\d+$|^[-+]?\d+,?$/.test(compact)) normalized = compact.replace(',', '.');
  else if (/^[-+]?\d*\.\d+$/.test(compact)) normalized = compact;
  else return { ok: false };
  const value = Number(normalized);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}
