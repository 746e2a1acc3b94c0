/**
 * Migration 0015 (clusters per score bucket) on a database that stood at 0014 with imported buildings: the migration
 * fills `stock_cluster_buckets` for the stored points, exactly as the import's refresh does, so the score slider is
 * pre-aggregated from the first request after an upgrade. PGlite in memory, or PostgreSQL in that suite mode.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../db/index.ts';
import { migrationsUpTo, openFreshDatabase, type FreshDatabase } from '../../../test/migration-support.ts';
import { createStockRepository } from './stock.repository.ts';

let fresh: FreshDatabase;
let workDir: string;

/** Deterministic points around Leiden with scores over the whole 0–100 range, 100 included. */
function pointValues(): string {
  const values: string[] = [];
  for (let i = 0; i < 400; i++) {
    const lon = 4.45 + ((i * 37) % 200) / 2000;
    const lat = 52.12 + ((i * 53) % 200) / 2000;
    values.push(`('bag-${i}', 'GM0546', ${lon}, ${lat}, ${(i * 7) % 101}, ${(i * 13) % 101}, ${i % 10 === 0 ? 100 : (i * 29) % 101})`);
  }
  return values.join(', ');
}

const bucketRows = async () =>
  ((await fresh.db.execute(sql`select zoom, kind, cell_x, cell_y, bucket, count, sum_lon, sum_lat, sum_score, max_score from stock_cluster_buckets order by zoom, kind, cell_x, cell_y, bucket`)) as unknown as { rows: Record<string, unknown>[] }).rows.map((r) =>
    Object.values(r).map((v) => (typeof v === 'number' ? Number(v.toFixed(9)) : String(v))).join('|'),
  );

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'kringbouw-0015-'));
  fresh = await openFreshDatabase('m0015');
  await fresh.migrate(migrationsUpTo(workDir, 14));
  await fresh.db.execute(sql`insert into municipalities (code, name) values ('GM0546', 'Leiden')`);
  await fresh.db.execute(sql`insert into organisations (id, name, kind) values ('20000000-0000-4000-8000-000000000001', 'Gemeente Leiden', 'gemeente')`);
  // The points reference their building; the buildings' own fields do not matter here.
  await fresh.db.execute(sql.raw(`insert into stock_buildings (bag_id, municipality_code, imported_by_organisation_id, source, footprint, min_lon, min_lat, max_lon, max_lat, centroid_lon, centroid_lat, footprint_area_m2, score_splitsen, score_optoppen, score_transformatie, opportunities, rules_version)
    select 'bag-' || i, 'GM0546', '20000000-0000-4000-8000-000000000001', 'test', '{}', 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, '[]', 'test' from generate_series(0, 399) as i`));
  await fresh.db.execute(sql.raw(`insert into stock_points (bag_id, municipality_code, lon, lat, score_splitsen, score_optoppen, score_transformatie) values ${pointValues()}`));
  await fresh.migrate(migrationsFolder);
}, 120_000);

afterAll(async () => {
  await fresh?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('migration 0015: clusters per score bucket', () => {
  it('fills the buckets of the stored points, equal to what a refresh computes, every point in every level and kind', async () => {
    const migrated = await bucketRows();
    expect(migrated.length).toBeGreaterThan(0);
    const totals = (await fresh.db.execute(sql`select zoom, kind, sum(count)::int as n from stock_cluster_buckets group by zoom, kind`)) as unknown as { rows: { n: number }[] };
    expect(totals.rows).toHaveLength(14 * 3);
    expect(totals.rows.every((r) => Number(r.n) === 400)).toBe(true);
    await createStockRepository(fresh.db).refreshClusters('GM0546');
    expect(await bucketRows()).toEqual(migrated);
  });
});
