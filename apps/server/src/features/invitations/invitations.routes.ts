import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptInvitationRequest,
  createInvitationRequest,
  emailLinkPaths,
  idParams,
  invitation,
  invitationParams,
  invitationPreview,
  invitationTokenParams,
  sessionResponse,
} from '@kringbouw/contracts';
import { actorOf, isSecureRequest, setSessionCookie } from '../../http/auth-context.ts';
import { linkWithToken, publicOrigin } from '../../http/links.ts';
import { errorResponses } from '../../http/route-schemas.ts';
import type { AuthService } from '../auth/auth.service.ts';
import type { InvitationsService } from './invitations.service.ts';

const invitationAcceptRateLimit = {
  max: 10,
  timeWindow: '1 minute',
  keyGenerator: (request: FastifyRequest) => {
    const body = request.body;
    const token = typeof body === 'object' && body !== null && 'token' in body ? String(body.token) : '';
    return `${request.ip}|invitation|${token}`;
  },
};

export function registerInvitationRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; invitations: InvitationsService; production: boolean; publicUrl: URL | null },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = deps.invitations;

  r.post('/api/organisations/:id/invitations', {
    schema: {
      tags: ['organisations'],
      summary: 'Invite someone into the organisation (mails a link, valid 14 days)',
      params: idParams,
      body: createInvitationRequest,
      response: { 201: invitation, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const origin = publicOrigin(request, deps.publicUrl);
      const created = await service.create(actorOf(request), request.params.id, request.body, (token) =>
        linkWithToken(origin, emailLinkPaths.invitation, token),
      );
      return reply.status(201).send(created);
    },
  });

  r.delete('/api/organisations/:id/invitations/:invitationId', {
    schema: {
      tags: ['organisations'],
      summary: 'Revoke an invitation',
      params: invitationParams,
      response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      await service.revoke(actorOf(request), request.params.id, request.params.invitationId);
      return reply.status(204).send(null);
    },
  });

  r.get('/api/invitations/:token', {
    config: { public: true },
    schema: {
      tags: ['invitations'],
      summary: 'What an invitation link is for (no sign-in needed)',
      params: invitationTokenParams,
      response: { 200: invitationPreview, ...errorResponses(400, 404) },
    },
    handler: async (request) => service.preview(request.params.token),
  });

  r.post('/api/invitations/accept', {
    // Accepting checks the password of an existing account, so it is limited like sign-in (per IP and link).
    config: { public: true, rateLimit: invitationAcceptRateLimit },
    schema: {
      tags: ['invitations'],
      summary: 'Accept an invitation: creates the account or adds the membership, and signs in',
      body: acceptInvitationRequest,
      response: { 200: sessionResponse, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      const { sessionId, response } = await service.accept(request.body);
      // Whoever was signed in on this browser before is signed out: the browser now belongs to the invitee.
      if (request.auth !== null) await deps.auth.signOut(request.auth.sessionId);
      setSessionCookie(reply, sessionId, isSecureRequest(request, deps.production));
      return response;
    },
  });
}
