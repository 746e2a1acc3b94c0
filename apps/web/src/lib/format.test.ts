import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/index.ts';
import { formatArea, formatCoordinates, formatDateTime, formatInteger, formatIsoDate, formatShortDate } from './format.ts';

describe('Dutch formatting', () => {
  it('groups thousands with a dot and uses a decimal comma', () => {
    expect(formatInteger(1250)).toBe('1.250');
    expect(formatArea(9800.5)).toBe('9.800,5 m²');
    expect(formatArea(12500)).toBe('12.500 m²');
  });

  it('writes calendar dates without shifting them across time zones', () => {
    expect(formatIsoDate('2025-03-01')).toBe('1 maart 2025');
    expect(formatShortDate('2026-11-22T23:30:00Z')).toBe('23-11-2026');
  });

  it('writes coordinates with the compass letter of the UI language', () => {
    expect(formatCoordinates(52.15, 4.49, 'nl')).toBe('52,15000° N, 4,49000° O');
    expect(formatCoordinates(52.15, 4.49, 'en')).toBe('52,15000° N, 4,49000° E');
  });

  it('names the month in the UI language, keeps numbers and numeric dates Dutch', async () => {
    try {
      await i18n.changeLanguage('en');
      expect(formatIsoDate('2025-03-01')).toBe('1 March 2025');
      expect(formatDateTime('2026-07-08T10:00:00Z')).toBe('8 Jul 2026, 12:00');
      expect(formatShortDate('2026-11-22T23:30:00Z')).toBe('23-11-2026');
      expect(formatArea(9800.5)).toBe('9.800,5 m²');
      await i18n.changeLanguage('nl');
      expect(formatIsoDate('2025-03-01')).toBe('1 maart 2025');
      expect(formatDateTime('2026-07-08T10:00:00Z')).toBe('8 jul 2026, 12:00');
    } finally {
      await i18n.changeLanguage('nl');
    }
  });
});
