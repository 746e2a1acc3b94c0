import { describe, expect, it } from 'vitest';
import type { StockKindScore } from '@kringbouw/contracts';
import { formatPoints, missingFacts, reasonLines } from './reasons.ts';

const optoppen: StockKindScore = {
  score: 60,
  reasons: [
    { code: 'bouwjaar_1965_1985', text_nl: 'bouwjaar 1972', text_en: 'built in 1972', points: 25, value: 1972 },
    { code: 'platte_dakvorm', text_nl: 'platte dakvorm', text_en: 'flat roof', points: 35, value: 'horizontal' },
    { code: 'bouwjaar_voor_1930', text_nl: 'lager dan buren (−6 m)', text_en: 'lower than neighbours (−6 m)', points: 25, value: -6 },
    { code: 'bouwlagen_7_plus', text_nl: '8 bouwlagen', text_en: '8 storeys', points: -20, value: 8 },
  ],
  unknown: [
    { code: 'a', missing: 'gebruiksdoel' },
    { code: 'b', missing: 'gebruiksdoel' },
    { code: 'c', missing: 'bouwjaar' },
  ],
};

describe('score reasons', () => {
  it('shows the Dutch texts with signed points, largest effect first, ties in rule order', () => {
    expect(reasonLines(optoppen, 'nl').map((l) => `${l.text} ${l.points}`)).toEqual([
      'platte dakvorm +35',
      'bouwjaar 1972 +25',
      'lager dan buren (−6 m) +25',
      '8 bouwlagen \u221220',
    ]);
  });

  it('uses the English texts for English', () => {
    const lines = reasonLines(optoppen, 'en-GB');
    expect(lines[0]?.text).toBe('flat roof');
    expect(lines.at(-1)).toEqual({ code: 'bouwlagen_7_plus', text: '8 storeys', points: '\u221220', positive: false });
  });

  it('lists each missing fact once', () => {
    expect(missingFacts(optoppen)).toEqual(['gebruiksdoel', 'bouwjaar']);
    expect(missingFacts({ score: 0, reasons: [], unknown: [] })).toEqual([]);
  });

  it('formats points', () => {
    expect([formatPoints(5), formatPoints(0), formatPoints(-15)]).toEqual(['+5', '0', '\u221215']);
  });
});
