import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  authConfigResponse,
  emailLinkPaths,
  okResponse,
  oidcReturnPaths,
  passwordResetConfirm,
  passwordResetRequest,
  sessionResponse,
  signInRequest,
} from '@kringbouw/contracts';
import type { OidcConfig } from '../../config.ts';
import { AppError } from '../../errors.ts';
import { clearSessionCookie, isSecureRequest, requireSession, setSessionCookie } from '../../http/auth-context.ts';
import { linkWithToken, publicOrigin } from '../../http/links.ts';
import { errorResponses } from '../../http/route-schemas.ts';
import type { AuthService } from './auth.service.ts';
import type { AuthRepository } from './auth.repository.ts';
import { mayRegisterViaOidc, type OidcClient, type OidcPending } from './oidc.ts';

export interface AuthRoutesDeps {
  auth: AuthService;
  repository: AuthRepository;
  production: boolean;
  publicUrl: URL | null;
  oidc: { config: OidcConfig; client: OidcClient } | null;
}

const oidcCookieName = 'kb_oidc';
const oidcPendingSchema = z.object({ state: z.string(), nonce: z.string(), codeVerifier: z.string() });

/** Sign-in and password-reset requests: 10 a minute per IP and email address. */
export const authRateLimit = {
  max: 10,
  timeWindow: '1 minute',
  keyGenerator: (request: FastifyRequest) => {
    const body = request.body;
    const email = typeof body === 'object' && body !== null && 'email' in body ? String(body.email).toLowerCase() : '';
    return `${request.ip}|${email}`;
  },
};

export function registerAuthRoutes(app: FastifyInstance, deps: AuthRoutesDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const secure = (request: FastifyRequest) => isSecureRequest(request, deps.production);

  r.get('/api/auth/config', {
    config: { public: true },
    schema: { tags: ['auth'], summary: 'Which sign-in methods are available', response: { 200: authConfigResponse } },
    handler: async () => ({
      oidc: { enabled: deps.oidc !== null, label: deps.oidc?.config.label ?? null },
    }),
  });

  r.post('/api/auth/sign-in', {
    config: { public: true, rateLimit: authRateLimit },
    schema: {
      tags: ['auth'],
      summary: 'Sign in with email and password; sets the kb_session cookie',
      body: signInRequest,
      response: { 200: sessionResponse, ...errorResponses(400, 401, 403, 429) },
    },
    handler: async (request, reply) => {
      const { sessionId, user } = await deps.auth.signIn(request.body.email, request.body.password).catch((error: unknown) => {
        if (error instanceof AppError) request.log.info({ event: 'sign_in_failed', code: error.code }, 'sign-in refused');
        throw error;
      });
      request.log.info({ event: 'sign_in', userId: user.id }, 'signed in');
      if (request.auth !== null) await deps.auth.signOut(request.auth.sessionId);
      setSessionCookie(reply, sessionId, secure(request));
      return deps.auth.sessionResponse(sessionId, user);
    },
  });

  r.post('/api/auth/sign-out', {
    config: { public: true },
    schema: { tags: ['auth'], summary: 'End the current session', response: { 200: okResponse, ...errorResponses(403) } },
    handler: async (request, reply) => {
      if (request.auth !== null) {
        await deps.auth.signOut(request.auth.sessionId);
        request.log.info({ event: 'sign_out', userId: request.auth.user.id }, 'signed out');
      }
      clearSessionCookie(reply, secure(request));
      return { ok: true as const };
    },
  });

  r.get('/api/auth/session', {
    schema: {
      tags: ['auth'],
      summary: 'The signed-in user with memberships, and the CSRF token (401 when not signed in)',
      response: { 200: sessionResponse, ...errorResponses(401) },
    },
    handler: async (request) => {
      const session = requireSession(request);
      return deps.auth.sessionResponse(session.sessionId, session.user);
    },
  });

  r.post('/api/auth/password-reset/request', {
    config: { public: true, rateLimit: authRateLimit },
    schema: {
      tags: ['auth'],
      summary: 'Mail a reset link (always 200: never reveals whether the account exists)',
      body: passwordResetRequest,
      response: { 200: okResponse, ...errorResponses(400, 403, 429) },
    },
    handler: async (request) => {
      const origin = publicOrigin(request, deps.publicUrl);
      await deps.auth.requestPasswordReset(request.body.email, (token) =>
        linkWithToken(origin, emailLinkPaths.passwordReset, token),
      );
      return { ok: true as const };
    },
  });

  r.post('/api/auth/password-reset/confirm', {
    config: { public: true },
    schema: {
      tags: ['auth'],
      summary: 'Set a new password with the token from the mail; ends all sessions of the user',
      body: passwordResetConfirm,
      response: { 200: okResponse, ...errorResponses(400, 403) },
    },
    handler: async (request) => {
      await deps.auth.confirmPasswordReset(request.body.token, request.body.password);
      request.log.info({ event: 'password_reset' }, 'password reset with a mailed link');
      return { ok: true as const };
    },
  });

  const oidcDisabled = () => new AppError('oidc_disabled', 'Inloggen via OIDC is op deze server niet ingeschakeld.', 404);

  r.get('/api/auth/oidc/start', {
    config: { public: true },
    schema: {
      tags: ['auth'],
      summary: 'Redirect to the identity provider (only when OIDC is configured; 502 when it cannot be reached)',
      response: errorResponses(404, 502),
    },
    handler: async (request, reply) => {
      if (deps.oidc === null) throw oidcDisabled();
      const { authorizationUrl, pending } = await deps.oidc.client.start().catch((error: unknown) => {
        request.log.error({ err: error }, 'OIDC discovery failed');
        throw new AppError('oidc_unavailable', 'De inlogdienst van uw organisatie is nu niet bereikbaar. Probeer het later opnieuw.', 502);
      });
      reply.setCookie(oidcCookieName, JSON.stringify(pending), {
        path: '/api/auth/oidc',
        httpOnly: true,
        sameSite: 'lax',
        secure: secure(request),
        signed: true,
        maxAge: 600,
      });
      return reply.redirect(authorizationUrl.href, 302);
    },
  });

  r.get('/api/auth/oidc/callback', {
    config: { public: true },
    schema: { tags: ['auth'], summary: 'Return from the identity provider; signs in and redirects to the app', response: errorResponses(404) },
    handler: async (request, reply) => {
      if (deps.oidc === null) throw oidcDisabled();
      const fail = (code: string) => {
        request.log.warn({ code }, 'OIDC sign-in refused');
        return reply.redirect(`${oidcReturnPaths.failure}?fout=${code}`, 302);
      };
      const pending = readPending(request, reply);
      if (pending === null) return fail('oidc_state');
      let identity;
      try {
        identity = await deps.oidc.client.finish(request.url, pending);
      } catch (error) {
        request.log.warn({ err: error }, 'OIDC code exchange failed');
        return fail('oidc_failed');
      }
      if (identity === null) return fail('oidc_no_verified_email');
      let user = await deps.repository.findUserByEmail(identity.email);
      if (user === null) {
        if (!mayRegisterViaOidc(identity.email, deps.oidc.config.allowedDomains)) return fail('oidc_no_account');
        user = await deps.repository.createUser({ email: identity.email, name: identity.name ?? identity.email, passwordHash: null });
      }
      const sessionId = await deps.auth.startSession(user.id);
      request.log.info({ event: 'sign_in', method: 'oidc', userId: user.id }, 'signed in via OIDC');
      setSessionCookie(reply, sessionId, secure(request));
      return reply.redirect(oidcReturnPaths.success, 302);
    },
  });
}

function readPending(request: FastifyRequest, reply: FastifyReply): OidcPending | null {
  const raw = request.cookies[oidcCookieName];
  reply.clearCookie(oidcCookieName, { path: '/api/auth/oidc' });
  if (raw === undefined) return null;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return null;
  try {
    const parsed = oidcPendingSchema.safeParse(JSON.parse(unsigned.value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
