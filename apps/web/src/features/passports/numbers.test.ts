import { describe, expect, it } from 'vitest';
import { formatFraction, formatInput, formatNumber, formatSignificant, parseDecimal } from './numbers.ts';

describe('parseDecimal', () => {
  it.each([
    ['12,5', 12.5],
    ['1.250', 1250],
    ['1.250,75', 1250.75],
    ['2.5', 2.5],
    [' 40 ', 40],
    ['0,035', 0.035],
    [',5', 0.5],
    ['-3,2', -3.2],
    ['1 250,5', 1250.5],
  ])('reads %s as %d', (text, value) => {
    expect(parseDecimal(text)).toEqual({ ok: true, value });
  });

  it('reads empty text as no value', () => {
    expect(parseDecimal('  ')).toEqual({ ok: true, value: undefined });
  });

  it.each(['abc', '1,2,3', '12,5 m2', '1.25.0', '--1', '1e5'])('refuses %s', (text) => {
    expect(parseDecimal(text).ok).toBe(false);
  });
});

describe('formatting', () => {
  it('uses the decimal comma and dot grouping', () => {
    expect(formatNumber(1234.567)).toBe('1.234,57');
    expect(formatSignificant(0.0123456)).toBe('0,0123');
    expect(formatSignificant(12345.6)).toBe('12.346');
    expect(formatFraction(0.553)).toBe('55,3 %');
  });

  it('formats input values without grouping, so they parse back to the same number', () => {
    for (const value of [0.035, 1250.75, 12345678.125, 3]) {
      expect(parseDecimal(formatInput(value))).toEqual({ ok: true, value });
    }
    expect(formatInput(1250.75)).toBe('1250,75');
  });
});
