import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { lesson, lessonInput, lessonList, lessonListQuery } from '@kringbouw/contracts';
import { actorOf } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/route-schemas.ts';
import type { LessonsService } from './lessons.service.ts';

export function registerLessonRoutes(app: FastifyInstance, deps: { lessons: LessonsService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['lessons'];

  r.get('/api/lessons', {
    schema: {
      tags,
      summary: 'Experiences and lessons per organisation (City Deal monitoring level 1), filters year, organisation, theme, municipality; plus the organisations you may record for',
      querystring: lessonListQuery,
      response: { 200: lessonList, ...errorResponses(400, 401) },
    },
    handler: async (request) => deps.lessons.list(actorOf(request), request.query),
  });

  r.post('/api/lessons', {
    schema: {
      tags,
      summary: 'Record a lesson for an organisation: what sped things up and/or what blocked, theme and year (bewerker+ of the organisation or the coordinator)',
      body: lessonInput,
      response: { 201: lesson, ...errorResponses(400, 401, 403) },
    },
    handler: async (request, reply) => reply.status(201).send(await deps.lessons.record(actorOf(request), request.body)),
  });
}
