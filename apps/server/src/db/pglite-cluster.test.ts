import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgliteCluster, openDatabase } from './index.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kb-cluster-'));
  dirs.push(dir);
  return dir;
};

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('embedded database on disk', () => {
  it('creates the cluster in a child process on the first open and reuses it, data kept, on the next', async () => {
    const dataDir = tempDir();
    const first = await openDatabase({ databaseUrl: null, dataDir });
    expect(existsSync(path.join(dataDir, 'pgdata', 'PG_VERSION'))).toBe(true);
    await first.db.execute(sql`create table kept (n int)`);
    await first.db.execute(sql`insert into kept values (42)`);
    await first.close();

    const second = await openDatabase({ databaseUrl: null, dataDir });
    const rows = (await second.db.execute(sql`select n from kept`)) as unknown as { rows: { n: number }[] };
    expect(rows.rows).toEqual([{ n: 42 }]);
    await second.close();
  });

  it('says which directory it could not create the database in', async () => {
    const file = path.join(tempDir(), 'not-a-directory');
    writeFileSync(file, 'x');
    await expect(createPgliteCluster(path.join(file, 'pgdata'))).rejects.toThrow(`Could not create the embedded database in ${path.join(file, 'pgdata')}`);
  });
});
