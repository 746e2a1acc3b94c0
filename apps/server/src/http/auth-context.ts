import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '@kringbouw/domain/authz';
import { AppError, unauthenticated } from '../errors.ts';
import type { AuthService, AuthenticatedSession } from '../features/auth/auth.service.ts';
import { sessionAbsoluteMs } from '../features/auth/auth.service.ts';
import { safeEqual } from '../features/auth/tokens.ts';

export const sessionCookieName = 'kb_session';
export const csrfHeaderName = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a session (sign-in, password reset, invitations, municipalities, health). */
    public?: boolean;
  }
  interface FastifyRequest {
    auth: AuthenticatedSession | null;
  }
}

const mutatingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface AuthContextOptions {
  auth: AuthService;
  production: boolean;
  publicUrl: URL | null;
}

/** The actor of the request for the policy functions; null when nobody is signed in. */
export function actorOf(request: FastifyRequest): Actor {
  return request.auth?.actor ?? null;
}

/** For handlers of protected routes: the hook has already answered 401 when there is no session. */
export function requireSession(request: FastifyRequest): AuthenticatedSession {
  if (request.auth === null) throw unauthenticated();
  return request.auth;
}

export function isSecureRequest(request: FastifyRequest, production: boolean): boolean {
  return production || request.protocol === 'https';
}

export function setSessionCookie(reply: FastifyReply, sessionId: string, secure: boolean): void {
  reply.setCookie(sessionCookieName, sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: Math.floor(sessionAbsoluteMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(sessionCookieName, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

function isPublicRoute(request: FastifyRequest): boolean {
  const url = request.routeOptions.url;
  // Unknown routes fall through to the 404 handler; documentation and non-API paths need no session.
  if (url === undefined || !url.startsWith('/api/') || url.startsWith('/api/docs')) return true;
  return request.routeOptions.config.public === true;
}

/**
 * Per request: find the session from the cookie, refuse protected routes without one (401), and guard
 * state-changing requests against cross-site forgery — with a session the `x-csrf-token` header must carry
 * the session's token (403 `csrf_invalid`); without one, a present `Origin` must be our own (403 `origin_invalid`).
 */
export function registerAuthContext(app: FastifyInstance, options: AuthContextOptions): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    // The web app's files, the docs and health checks need no session: no database lookup for them.
    const url = request.routeOptions.url;
    if (url !== undefined && (!url.startsWith('/api/') || url.startsWith('/api/docs'))) return;
    const sessionId = request.cookies[sessionCookieName];
    request.auth = sessionId ? await options.auth.resolveSession(sessionId) : null;

    if (request.auth === null && !isPublicRoute(request)) throw unauthenticated();
    if (!mutatingMethods.has(request.method)) return;

    if (request.auth !== null) {
      const sent = request.headers[csrfHeaderName];
      const expected = options.auth.csrfTokenFor(request.auth.sessionId);
      if (typeof sent !== 'string' || !safeEqual(sent, expected)) {
        throw new AppError('csrf_invalid', 'De beveiligingscode ontbreekt of klopt niet. Laad de pagina opnieuw.', 403);
      }
      return;
    }
    const origin = request.headers.origin;
    if (origin !== undefined) {
      const ownOrigin = options.publicUrl?.origin ?? `${request.protocol}://${request.host}`;
      if (origin !== ownOrigin) {
        throw new AppError('origin_invalid', 'Deze aanvraag komt niet van Kringbouw zelf.', 403);
      }
    }
  });
}
