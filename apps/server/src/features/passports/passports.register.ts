/** Wires material passports, material mappings and the profile library into the app (called once from app.ts). */
import type { FastifyInstance } from 'fastify';
import { oekobaudat2020II } from '@kringbouw/domain/lca';
import type { Db } from '../../db/index.ts';
import type { Repositories } from '../../repositories.ts';
import { createMaterialMappingsRepository } from '../material-mappings/material-mappings.repository.ts';
import { registerMaterialMappingRoutes } from '../material-mappings/material-mappings.routes.ts';
import { createMaterialMappingsService } from '../material-mappings/material-mappings.service.ts';
import { registerProfileRoutes } from '../profiles/profiles.routes.ts';
import { createProfilesService } from '../profiles/profiles.service.ts';
import { createImportJobs } from './passports.jobs.ts';
import { createPassportsRepository, type OnPublished } from './passports.repository.ts';
import { registerPassportRoutes } from './passports.routes.ts';
import { createPassportsService } from './passports.service.ts';

export function registerPassportFeatures(app: FastifyInstance, deps: { db: Db; repositories: Repositories; now: () => Date; uploadLimitMb: number; onPublished?: OnPublished }): void {
  const library = oekobaudat2020II();
  const mappings = createMaterialMappingsRepository(deps.db);
  const passports = createPassportsService({ repositories: deps.repositories, passports: createPassportsRepository(deps.db, deps.onPublished), mappings, library, now: deps.now });
  registerPassportRoutes(app, {
    passports,
    jobs: createImportJobs({ service: passports, repositories: deps.repositories, library }),
    uploadLimitBytes: Math.round(deps.uploadLimitMb * 1024 * 1024),
  });
  registerMaterialMappingRoutes(app, { mappings: createMaterialMappingsService({ repositories: deps.repositories, mappings, library, now: deps.now }) });
  registerProfileRoutes(app, { profiles: createProfilesService({ library }) });
}
