import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Drizzle's migrator applies a migration only when its journal timestamp is later than the newest one a database
// has already applied. Hand-written migrations with an earlier timestamp would silently be skipped on upgrade.
const drizzleDir = join(dirname(fileURLToPath(import.meta.url)), '../../drizzle');
const journal = JSON.parse(readFileSync(join(drizzleDir, 'meta/_journal.json'), 'utf8')) as {
  entries: { idx: number; when: number; tag: string }[];
};

describe('migration journal', () => {
  it('lists every SQL file once, in order', () => {
    const files = readdirSync(drizzleDir).filter((name) => name.endsWith('.sql')).sort();
    expect(journal.entries.map((entry) => `${entry.tag}.sql`)).toEqual(files);
    expect(journal.entries.map((entry) => entry.idx)).toEqual(files.map((_, index) => index));
  });

  it('has strictly increasing timestamps, so an upgrade applies every new migration', () => {
    for (let i = 1; i < journal.entries.length; i++) {
      const previous = journal.entries[i - 1]!;
      const current = journal.entries[i]!;
      expect(current.when, `${current.tag} must come after ${previous.tag}`).toBeGreaterThan(previous.when);
    }
  });
});
