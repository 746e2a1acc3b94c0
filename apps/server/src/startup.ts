import type { Database } from './db/index.ts';
import type { MunicipalityAssets } from './features/municipalities/municipalities.assets.ts';
import { syncMunicipalities } from './features/municipalities/municipalities.repository.ts';

/** Migrations, then the reference data every install needs (municipalities). Safe to run on every start. */
export async function prepareDatabase(database: Database, assets: MunicipalityAssets): Promise<void> {
  await database.migrate();
  await syncMunicipalities(database.db, assets.list);
}
