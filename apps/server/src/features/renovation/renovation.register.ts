/** Wires the renovation plans and neighbourhood designations (kansenkaart §5) into the app; called once from app.ts. */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/index.ts';
import { createRenovationRepository } from './renovation.repository.ts';
import { registerRenovationRoutes } from './renovation.routes.ts';
import { createRenovationService } from './renovation.service.ts';

export function registerRenovationFeature(app: FastifyInstance, deps: { db: Db; now: () => Date }): void {
  registerRenovationRoutes(app, { renovation: createRenovationService({ repository: createRenovationRepository(deps.db), now: deps.now }) });
}
