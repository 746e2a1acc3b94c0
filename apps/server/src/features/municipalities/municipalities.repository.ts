import { sql } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { municipalities } from '../../db/schema.ts';

/** Brings the municipalities table in line with the shipped boundaries (insert new, rename changed). */
export async function syncMunicipalities(db: Db, list: readonly { code: string; name: string }[]): Promise<void> {
  if (list.length === 0) return;
  await db
    .insert(municipalities)
    .values(list.map(({ code, name }) => ({ code, name })))
    .onConflictDoUpdate({ target: municipalities.code, set: { name: sql`excluded.name` } });
}
