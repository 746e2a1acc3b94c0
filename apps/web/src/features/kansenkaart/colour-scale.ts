/**
 * Colour classes for opportunity scores (0–100) on the map and in the legend. One source for both, so the
 * legend always tells the truth about the map. Sequential yellow → red (ColorBrewer YlOrRd, 5 classes):
 * readable with the common colour-vision deficiencies because lightness rises monotonically.
 */
import type { ExpressionSpecification } from 'maplibre-gl';

export interface ScoreClass {
  /** Lowest score in the class (inclusive). */
  from: number;
  /** Highest score in the class (inclusive). */
  to: number;
  colour: string;
}

export const scoreClasses: readonly ScoreClass[] = [
  { from: 0, to: 19, colour: '#ffffb2' },
  { from: 20, to: 39, colour: '#fecc5c' },
  { from: 40, to: 59, colour: '#fd8d3c' },
  { from: 60, to: 79, colour: '#f03b20' },
  { from: 80, to: 100, colour: '#bd0026' },
];

/** Buildings whose score is not known (no properties) are drawn in a neutral grey. */
export const unknownScoreColour = '#b4b9bf';

export function colourForScore(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return unknownScoreColour;
  const clamped = Math.min(100, Math.max(0, Math.round(score)));
  const found = scoreClasses.find((c) => clamped >= c.from && clamped <= c.to);
  return found ? found.colour : unknownScoreColour;
}

/** The legend entries, optionally only those a minimum-score filter leaves on the map. */
export function legendEntries(minScore = 0): ScoreClass[] {
  return scoreClasses.filter((c) => c.to >= minScore).map((c) => ({ ...c, from: Math.max(c.from, minScore) }));
}

/** The same classes as a MapLibre `step` expression on a numeric feature property, e.g. `score` or `meanScore`. */
export function scoreColourExpression(property: string): ExpressionSpecification {
  const [first, ...rest] = scoreClasses;
  const steps = rest.flatMap((c): [number, string] => [c.from, c.colour]);
  return ['case', ['!=', ['typeof', ['get', property]], 'number'], unknownScoreColour, ['step', ['get', property], first?.colour ?? unknownScoreColour, ...steps]];
}
