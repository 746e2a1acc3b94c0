/** Wires lessons into the app (called once from app.ts); the monitoring reports read them through the service. */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/index.ts';
import { createLessonsRepository } from './lessons.repository.ts';
import { registerLessonRoutes } from './lessons.routes.ts';
import { createLessonsService, type LessonsService } from './lessons.service.ts';

export function registerLessonsFeature(app: FastifyInstance, deps: { db: Db; now: () => Date }): LessonsService {
  const service = createLessonsService({ lessons: createLessonsRepository(deps.db), now: deps.now });
  registerLessonRoutes(app, { lessons: service });
  return service;
}
