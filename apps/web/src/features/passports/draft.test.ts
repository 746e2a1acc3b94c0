import { describe, expect, it } from 'vitest';
import { bulkEdit, editLine, elementTree, matchesFilter, passportRows, replaceLines } from './draft.ts';
import { samplePassport } from './test/sample-passport.ts';

describe('passport rows', () => {
  it('numbers lines in passport order, as the engine does', () => {
    const rows = passportRows(samplePassport());
    expect(rows.map((r) => [r.line, r.nlsfb, r.data.description])).toEqual([
      [1, '21.1', 'Kalkzandsteen'],
      [2, '21.1', 'Minerale wol'],
      [3, '23.1', 'Beton C30/37'],
      [4, '32.1', 'Vurenhout'],
    ]);
  });
});

describe('editLine', () => {
  const line = passportRows(samplePassport())[0]!.data;

  it('reads Dutch decimals', () => {
    const result = editLine(line, 'quantity', '1.250,5');
    expect(result).toEqual({ ok: true, line: { ...line, quantity: 1250.5 } });
  });

  it('refuses text that is not a number, and an empty quantity', () => {
    expect(editLine(line, 'quantity', 'twaalf')).toEqual({ ok: false, problem: { key: 'notANumber' } });
    expect(editLine(line, 'quantity', '')).toEqual({ ok: false, problem: { key: 'required' } });
  });

  it('refuses a negative quantity with the schema message', () => {
    const result = editLine(line, 'quantity', '-1');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.key).toBe('schema');
  });

  it('enforces origin shares of at most 100 % together', () => {
    const first = editLine(line, 'renewablePct', '60');
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const second = editLine(first.line, 'recycledPct', '50');
    expect(second).toEqual({ ok: false, problem: { key: 'schema', message: 'hernieuwbaar + hergebruikt + gerecycled is meer dan 100 %' } });
  });

  it('keeps fields the schema does not know (a stored line\'s key and profile origin)', () => {
    const stored = { ...line, key: 'r-1', profileOrigin: 'file' as const };
    const result = editLine(stored, 'quantity', '5');
    expect(result.ok && result.line).toMatchObject({ key: 'r-1', profileOrigin: 'file', quantity: 5 });
  });

  it('clears an optional value and sets a choice', () => {
    const cleared = editLine(line, 'serviceLifeYears', '');
    expect(cleared.ok && cleared.line.serviceLifeYears).toBe(undefined);
    const dry = editLine(line, 'connection', 'droog');
    expect(dry.ok && dry.line.detachability.connection).toBe('droog');
    expect(editLine(line, 'connection', 'gelijmd').ok).toBe(false);
    expect(editLine(line, 'unit', 'liter').ok).toBe(false);
  });
});

describe('bulk edit', () => {
  it('changes every selected line and nothing else', () => {
    const passport = samplePassport();
    const result = bulkEdit(passport, [1, 3], 'serviceLifeYears', '60');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(passportRows(result.passport).map((r) => r.data.serviceLifeYears)).toEqual([60, 40, 60, 50]);
    expect(passportRows(passport).map((r) => r.data.serviceLifeYears)).toEqual([75, 40, 100, 50]);
  });

  it('is all or nothing and names the lines that refuse', () => {
    const result = bulkEdit(samplePassport(), [3, 4], 'renewablePct', '90');
    expect(result).toEqual({ ok: false, failures: [{ line: 3, problem: { key: 'schema', message: 'hernieuwbaar + hergebruikt + gerecycled is meer dan 100 %' } }] });
  });

  it('keeps untouched elements identical (cheap re-render)', () => {
    const passport = samplePassport();
    const line = passportRows(passport)[2]!.data;
    const next = replaceLines(passport, new Map([[3, { ...line, quantity: 1 }]]));
    expect(next.elements[0]).toBe(passport.elements[0]);
    expect(next.elements[1]).not.toBe(passport.elements[1]);
  });
});

describe('tree and filters', () => {
  it('groups by NL-SfB main group and by layer', () => {
    const passport = samplePassport();
    expect(elementTree(passport, 'nlsfb').map((n) => [n.key, n.lineCount, n.children.length])).toEqual([
      ['nlsfb:2', 3, 2],
      ['nlsfb:3', 1, 1],
    ]);
    expect(elementTree(passport, 'layer').map((n) => n.key)).toEqual(['layer:constructie', 'layer:omhulling', 'layer:indeling']);
  });

  it('filters by node, text and missing profile', () => {
    const rows = passportRows(samplePassport());
    const pick = (filter: Parameters<typeof matchesFilter>[1]) => rows.filter((r) => matchesFilter(r, filter)).map((r) => r.line);
    expect(pick({ node: 'nlsfb:2' })).toEqual([1, 2, 3]);
    expect(pick({ node: 'layer:indeling' })).toEqual([4]);
    expect(pick({ node: 'element:0' })).toEqual([1, 2]);
    expect(pick({ text: 'wol' })).toEqual([2]);
    expect(pick({ withoutProfile: true }).length).toBe(4);
    expect(pick({ lines: new Set([2, 4]) })).toEqual([2, 4]);
  });
});
