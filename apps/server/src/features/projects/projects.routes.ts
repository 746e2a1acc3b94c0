import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createProjectRequest, idParams, project, projectList, projectListQuery, projectUpdate } from '@kringbouw/contracts';
import { actorOf } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/route-schemas.ts';
import type { ProjectsService } from './projects.service.ts';

export function registerProjectRoutes(app: FastifyInstance, deps: { projects: ProjectsService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = deps.projects;
  const tags = ['projects'];

  r.get('/api/projects', {
    schema: {
      tags,
      summary: 'Projects you may see: search (q) on name, description and municipality; filters (municipality, kind, phase, organisation); sorting; paging',
      querystring: projectListQuery,
      response: { 200: projectList, ...errorResponses(400, 401) },
    },
    handler: async (request) => service.list(actorOf(request), request.query),
  });

  r.post('/api/projects', {
    schema: {
      tags,
      summary: 'Register a project for an organisation where you are bewerker or beheerder',
      body: createProjectRequest,
      response: { 201: project, ...errorResponses(400, 401, 403) },
    },
    handler: async (request, reply) => reply.status(201).send(await service.create(actorOf(request), request.body)),
  });

  r.get('/api/projects/:id', {
    schema: { tags, summary: 'One project', params: idParams, response: { 200: project, ...errorResponses(400, 401, 404) } },
    handler: async (request) => service.get(actorOf(request), request.params.id),
  });

  r.put('/api/projects/:id', {
    schema: {
      tags,
      summary: 'Replace the editable fields; send the version you read (409 version_conflict when it changed)',
      params: idParams,
      body: projectUpdate,
      response: { 200: project, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => service.update(actorOf(request), request.params.id, request.body),
  });

  r.delete('/api/projects/:id', {
    schema: {
      tags,
      summary: 'Delete a project (beheerder of the owner organisation, or the coordination team)',
      params: idParams,
      response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      await service.delete(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
}
