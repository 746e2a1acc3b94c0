/**
 * Number and date formatting for the UI. Numbers keep Dutch notation (nl-NL) in both languages, so figures read the
 * same in a Dutch and an English screen or report; numeric dates (03-03-2026) too. Dates written with a month name
 * follow the UI language ("3 maart 2026", "3 March 2026"): a Dutch month name in an English sentence is untranslated
 * text, not notation.
 */
import { currentLanguage } from '../i18n/index.ts';

const locale = 'nl-NL';

const integerFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
const shortDateFormat = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Amsterdam' });
const monthNameLocales = { nl: 'nl-NL', en: 'en-GB' } as const;
const dateFormats = {
  nl: new Intl.DateTimeFormat(monthNameLocales.nl, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat(monthNameLocales.en, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }),
};
const dateTimeOptions: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' };
const dateTimeFormats = {
  nl: new Intl.DateTimeFormat(monthNameLocales.nl, dateTimeOptions),
  en: new Intl.DateTimeFormat(monthNameLocales.en, dateTimeOptions),
};

export function formatInteger(value: number): string {
  return integerFormat.format(value);
}

export function formatDecimal(value: number, fractionDigits: number): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
}

const areaFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });

/** Square metres with at most one decimal, e.g. "12.500 m²" or "9.800,5 m²". */
export function formatArea(value: number): string {
  return `${areaFormat.format(value)} m²`;
}

/** Latitude/longitude in WGS84 with 5 decimals (about 1 m), e.g. "52,15612° N, 4,48542° O". */
export function formatCoordinates(lat: number, lon: number, language: string): string {
  const east = language.startsWith('en') ? 'E' : 'O';
  return `${formatDecimal(lat, 5)}° N, ${formatDecimal(lon, 5)}° ${east}`;
}

/** A calendar date (YYYY-MM-DD, no time zone) as "3 maart 2026" (English UI: "3 March 2026"). */
export function formatIsoDate(value: string): string {
  const [year, month, day] = value.split('-').map(Number);
  if (!year || !month || !day) return value;
  return dateFormats[currentLanguage()].format(new Date(Date.UTC(year, month - 1, day, 12)));
}

export function formatShortDate(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : shortDateFormat.format(date);
}

/** A moment as "8 jul 2026, 12:00" (English UI: "8 Jul 2026, 12:00"), Amsterdam time. */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTimeFormats[currentLanguage()].format(date);
}
