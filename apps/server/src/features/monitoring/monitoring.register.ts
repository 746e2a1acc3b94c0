/** Wires monitoring into the app (called once from app.ts) and the hook the passports repository calls on publish. */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/index.ts';
import type { Repositories } from '../../repositories.ts';
import type { LessonsService } from '../lessons/lessons.service.ts';
import { cityDealMunicipalityCodes } from '../municipalities/municipalities.assets.ts';
import type { OnPublished } from '../passports/passports.repository.ts';
import { createMonitoringRepository, recordPublishedVersion } from './monitoring.repository.ts';
import { registerMonitoringReportRoutes } from './monitoring.reports.routes.ts';
import { createMonitoringReportsService } from './monitoring.reports.service.ts';
import { registerMonitoringRoutes } from './monitoring.routes.ts';
import { computedEntries, createMonitoringService } from './monitoring.service.ts';

export function registerMonitoringFeature(app: FastifyInstance, deps: { db: Db; repositories: Repositories; now: () => Date; lessons: LessonsService }): void {
  const monitoring = createMonitoringService({ repositories: deps.repositories, monitoring: createMonitoringRepository(deps.db), now: deps.now, cityDealCodes: cityDealMunicipalityCodes });
  registerMonitoringRoutes(app, { monitoring });
  registerMonitoringReportRoutes(app, { reports: createMonitoringReportsService({ monitoring, lessons: deps.lessons, now: deps.now }) });
}

/** A vastgestelde passport version adds its computed indicators (`berekend`) to the ledger, in the publish transaction. */
export const monitoringPublishHook: OnPublished = (tx, published) => recordPublishedVersion(tx, published, computedEntries);
