import { describe, expect, it } from 'vitest';
import { calculateIndicators, oekobaudat2020II } from '@kringbouw/domain/lca';
import { viewOf } from './engine-core.ts';
import { samplePassport } from './test/sample-passport.ts';

describe('viewOf (what the engine worker posts to the page)', () => {
  it('carries the MKI and suggested profile of every line, and survives structured cloning', () => {
    const passport = samplePassport();
    passport.elements[0]?.lines.push({ ...passport.elements[0].lines[0]!, description: 'Onbekend', profileId: 'bestaat-niet' });
    const result = calculateIndicators(passport, { library: oekobaudat2020II() });
    const view = structuredClone(viewOf(result));

    const lines = result.lines.toArray();
    expect(view.lineMki).toHaveLength(lines.length);
    lines.forEach((line, i) => {
      if (line.mkiEur === null) expect(view.lineMki[i]).toBeNaN();
      else expect(view.lineMki[i]).toBe(line.mkiEur);
    });
    // The unknown profile has no MKI; the four sample lines name no profile, so the engine suggested one for each.
    expect(view.lineMki[2]).toBeNaN();
    const suggested = Object.fromEntries(lines.filter((l) => l.profileSource === 'suggested').map((l) => [l.line, l.profileName]));
    expect(Object.keys(suggested)).toHaveLength(4);
    expect(view.suggested).toEqual(suggested);
    expect('lines' in view.result).toBe(false);
    expect(view.result.mki.total).toBe(result.mki.total);
  });
});
