import { describe, expect, it } from 'vitest';
import { calculateIndicators, oekobaudat2020II, passportSchema } from '@kringbouw/domain/lca';
import { prettyJsonChunks } from './json-stream.ts';

const library = oekobaudat2020II();
const passport = (lineCount: number) =>
  passportSchema.parse({
    project: { bvoM2: 100, buildingType: 'gestapeld' },
    elements: [
      {
        nlsfb: '21', name: 'Wand "zuid"\nmet regeleinde', layer: 'omhulling',
        lines: Array.from({ length: lineCount }, (_, i) => ({ description: i % 3 === 0 ? 'beton' : 'onbekend € materiaal', quantity: 1 + i, unit: 'm3', serviceLifeYears: 30 + i })),
      },
    ],
  });

describe('prettyJsonChunks', () => {
  it.each([0, 1, 7, 1203])('writes exactly JSON.stringify(value, null, 2) for %i lines, in pieces', (lineCount) => {
    const result = lineCount === 0 ? calculateIndicators(passport(3), { library, lineBreakdown: false }) : calculateIndicators(passport(lineCount), { library });
    const value = { ...result, sourceRows: [2, 3], skipped: undefined, ifcWarnings: ['één'] };
    const chunks = [...prettyJsonChunks(value, 100)];
    expect(chunks.join('')).toBe(JSON.stringify(value, null, 2));
    if (lineCount > 100) expect(chunks.length).toBeGreaterThan(lineCount / 100);
  });

  it('handles an empty object and nested empty values', () => {
    expect([...prettyJsonChunks({})].join('')).toBe('{}');
    const value = { a: [], b: {}, c: null, d: 'x' };
    expect([...prettyJsonChunks(value)].join('')).toBe(JSON.stringify(value, null, 2));
  });
});
