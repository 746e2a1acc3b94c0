import { describe, expect, it } from 'vitest';
import { colourForScore, legendEntries, scoreClasses, scoreColourExpression, unknownScoreColour } from './colour-scale.ts';

describe('score colour scale', () => {
  it('covers 0..100 without gaps or overlaps', () => {
    expect(scoreClasses[0]?.from).toBe(0);
    expect(scoreClasses.at(-1)?.to).toBe(100);
    for (let i = 1; i < scoreClasses.length; i++) expect(scoreClasses[i]?.from).toBe((scoreClasses[i - 1]?.to ?? 0) + 1);
  });

  it('puts class boundaries in the right class and unknown scores in grey', () => {
    expect(colourForScore(0)).toBe('#ffffb2');
    expect(colourForScore(19)).toBe('#ffffb2');
    expect(colourForScore(20)).toBe('#fecc5c');
    expect(colourForScore(79.4)).toBe('#f03b20');
    expect(colourForScore(80)).toBe('#bd0026');
    expect(colourForScore(100)).toBe('#bd0026');
    expect(colourForScore(140)).toBe('#bd0026');
    expect(colourForScore(null)).toBe(unknownScoreColour);
    expect(colourForScore(Number.NaN)).toBe(unknownScoreColour);
  });

  it('legend drops the classes a minimum score hides and starts at that minimum', () => {
    expect(legendEntries().length).toBe(5);
    const from50 = legendEntries(50);
    expect(from50.map((c) => [c.from, c.to])).toEqual([
      [50, 59],
      [60, 79],
      [80, 100],
    ]);
    expect(legendEntries(100).map((c) => c.colour)).toEqual(['#bd0026']);
  });

  it('map expression agrees with colourForScore at every score', () => {
    const expression = scoreColourExpression('score');
    const step = expression[3];
    if (!Array.isArray(step)) throw new Error('step expected');
    // ['step', input, base, stop1, colour1, …]: evaluate it the way MapLibre does.
    const evaluate = (score: number) => {
      let colour = step[2];
      for (let i = 3; i < step.length; i += 2) if (score >= Number(step[i])) colour = step[i + 1];
      return colour;
    };
    for (let score = 0; score <= 100; score++) expect(evaluate(score)).toBe(colourForScore(score));
  });
});
