import type { MethodData } from './method-data.ts';
import type { DetachabilityInput } from './passport.ts';
import type { Accessibility, ConnectionType } from './model.ts';

export interface LineDetachability {
  /** LI of the line in [0.1, 1], or undefined when connection type or accessibility is missing. */
  index?: number;
  connectionFactor?: number;
  compositionFactor?: number;
  /** True when crossings / edge containment were absent and LI = connection factor. */
  connectionOnly: boolean;
}

const harmonic = (a: number, b: number): number => 2 / (1 / a + 1 / b);

/**
 * Detachability index (losmaakbaarheidsindex) of one line, LI v2.0 (Alba Concepts/DGBC/RVO/W/E 2021):
 * connection factor = harmonic mean of connection type (TV) and accessibility (ToV) scores; composition factor =
 * harmonic mean of crossings (DK) and edge containment (RO) scores; LI = harmonic mean of both. Scores from
 * data/methods/detachability-li-v2.json (TV/ToV secondary; DK/RO and the formula unverified). Without DK/RO the
 * connection factor is the LI (as the ISSO Rekentool). Dimensionless, not rounded; range [0.1, 1].
 */
export function lineDetachability(input: DetachabilityInput, data: MethodData): LineDetachability {
  const index = detachabilityIndex(input, data);
  if (Number.isNaN(index)) return { connectionOnly: false };
  const s = data.detachability;
  const connectionFactor = harmonic(s.connection[input.connection as ConnectionType], s.accessibility[input.accessibility as Accessibility]);
  if (input.crossings === undefined || input.edgeContainment === undefined) return { index, connectionFactor, connectionOnly: true };
  const compositionFactor = harmonic(s.crossings[input.crossings], s.edgeContainment[input.edgeContainment]);
  return { index, connectionFactor, compositionFactor, connectionOnly: false };
}

/** The LI v2.0 scores of the method data as Maps: looking a double up in a Map does not allocate. */
export interface DetachabilityScores {
  connection: ReadonlyMap<string, number>;
  accessibility: ReadonlyMap<string, number>;
  crossings: ReadonlyMap<string, number>;
  edgeContainment: ReadonlyMap<string, number>;
}

const scoreCache = new WeakMap<MethodData['detachability'], DetachabilityScores>();

/** The score tables of `data` prepared for detachabilityIndexOf (cached per method data). */
export function detachabilityScores(data: MethodData): DetachabilityScores {
  let scores = scoreCache.get(data.detachability);
  if (!scores) {
    const s = data.detachability;
    scores = {
      connection: new Map(Object.entries(s.connection)),
      accessibility: new Map(Object.entries(s.accessibility)),
      crossings: new Map(Object.entries(s.crossings)),
      edgeContainment: new Map(Object.entries(s.edgeContainment)),
    };
    scoreCache.set(data.detachability, scores);
  }
  return scores;
}

/** lineDetachability(...).index as a number, NaN when connection type or accessibility is missing (no allocation). */
export function detachabilityIndex(input: DetachabilityInput, data: MethodData): number {
  return detachabilityIndexOf(input, detachabilityScores(data));
}

/**
 * detachabilityIndex with prepared score tables: the engine's hot path. A keyed read of a double from a plain object
 * (`scores[connection]`) allocates a fresh heap number on every call; a Map lookup returns the stored one.
 */
export function detachabilityIndexOf(input: DetachabilityInput, scores: DetachabilityScores): number {
  if (input.connection === undefined || input.accessibility === undefined) return Number.NaN;
  const connectionFactor = harmonic(scores.connection.get(input.connection) as number, scores.accessibility.get(input.accessibility) as number);
  if (input.crossings === undefined || input.edgeContainment === undefined) return connectionFactor;
  return harmonic(connectionFactor, harmonic(scores.crossings.get(input.crossings) as number, scores.edgeContainment.get(input.edgeContainment) as number));
}
