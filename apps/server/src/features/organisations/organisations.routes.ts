import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  idParams,
  member,
  memberParams,
  organisationDetail,
  organisationInput,
  organisationList,
  organisationListQuery,
  organisationUpdate,
  updateMemberRequest,
} from '@kringbouw/contracts';
import { actorOf } from '../../http/auth-context.ts';
import { errorResponses } from '../../http/route-schemas.ts';
import type { OrganisationsService } from './organisations.service.ts';

export function registerOrganisationRoutes(app: FastifyInstance, deps: { organisations: OrganisationsService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = deps.organisations;
  const tags = ['organisations'];

  r.get('/api/organisations', {
    schema: {
      tags,
      summary: 'All organisations, filtered by name (q) and kind',
      querystring: organisationListQuery,
      response: { 200: organisationList, ...errorResponses(400, 401) },
    },
    handler: async (request) => service.list(request.query),
  });

  r.post('/api/organisations', {
    schema: {
      tags,
      summary: 'Add an organisation (coordination team)',
      body: organisationInput,
      response: { 201: organisationDetail, ...errorResponses(400, 401, 403, 409) },
    },
    handler: async (request, reply) => {
      const created = await service.create(actorOf(request), request.body);
      return reply.status(201).send(created);
    },
  });

  r.get('/api/organisations/:id', {
    schema: {
      tags,
      summary: 'One organisation with members (for its members) and invitations (for its beheerders)',
      params: idParams,
      response: { 200: organisationDetail, ...errorResponses(400, 401, 404) },
    },
    handler: async (request) => service.detail(actorOf(request), request.params.id),
  });

  r.patch('/api/organisations/:id', {
    schema: {
      tags,
      summary: 'Change an organisation (its beheerders, or the coordination team)',
      params: idParams,
      body: organisationUpdate,
      response: { 200: organisationDetail, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => service.update(actorOf(request), request.params.id, request.body),
  });

  r.patch('/api/organisations/:id/members/:userId', {
    schema: {
      tags,
      summary: "Change a member's role",
      params: memberParams,
      body: updateMemberRequest,
      response: { 200: member, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) =>
      service.updateMember(actorOf(request), request.params.id, request.params.userId, request.body.role),
  });

  r.delete('/api/organisations/:id/members/:userId', {
    schema: {
      tags,
      summary: 'Remove a member from the organisation',
      params: memberParams,
      response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      await service.removeMember(actorOf(request), request.params.id, request.params.userId);
      return reply.status(204).send(null);
    },
  });
}
