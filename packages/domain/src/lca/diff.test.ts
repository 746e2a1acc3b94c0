import { describe, expect, it } from 'vitest';
import { diffPassportLines, type KeyedLine } from './diff.ts';
import { normalizeMaterialName } from './material-names.ts';

const line = (key: string, overrides: Partial<KeyedLine['line']> = {}, element = { nlsfb: '21', name: 'Buitenwand', layer: 'omhulling' }): KeyedLine => ({
  key,
  element,
  line: {
    description: 'Vurenhout',
    quantity: 1,
    unit: 'm3',
    origin: { renewablePct: 0, reusedPct: 0, recycledPct: 0 },
    endOfLife: { reusePct: 0, recyclingPct: 0 },
    detachability: {},
    hazardous: false,
    ...overrides,
  },
});

describe('diffPassportLines', () => {
  it('matches lines by key, not position, and reports added, removed and changed fields', () => {
    const before = [line('a'), line('b', { quantity: 2 }), line('c')];
    const after = [line('c'), line('b', { quantity: 3, profileId: 'p1' }), line('d')];
    const diff = diffPassportLines(before, after);
    expect(diff.added.map((l) => l.key)).toEqual(['d']);
    expect(diff.removed.map((l) => l.key)).toEqual(['a']);
    expect(diff.unchanged).toBe(1);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]?.changes).toEqual([
      { field: 'quantity', from: 2, to: 3 },
      { field: 'profileId', from: null, to: 'p1' },
    ]);
  });

  it('sees a move to another element and nested fields', () => {
    const diff = diffPassportLines(
      [line('a')],
      [line('a', { detachability: { connection: 'droog' }, origin: { renewablePct: 100, reusedPct: 0, recycledPct: 0 } }, { nlsfb: '22', name: 'Binnenwand', layer: 'indeling' })],
    );
    expect(diff.changed[0]?.changes.map((c) => c.field)).toEqual(['nlsfb', 'element', 'layer', 'origin.renewablePct', 'detachability.connection']);
  });

  it('finds nothing between identical lists', () => {
    const lines = [line('a'), line('b')];
    expect(diffPassportLines(lines, lines)).toEqual({ added: [], removed: [], changed: [], unchanged: 2 });
  });
});

describe('normalizeMaterialName', () => {
  it('folds case, accents and punctuation', () => {
    expect(normalizeMaterialName('  Béton C20/25 ')).toBe('beton c20 25');
    expect(normalizeMaterialName('beton c20-25')).toBe('beton c20 25');
  });
});
