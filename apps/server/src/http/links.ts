import type { FastifyRequest } from 'fastify';

/** The origin people reach the app on: PUBLIC_URL when set, otherwise what the request itself came in on. */
export function publicOrigin(request: FastifyRequest, publicUrl: URL | null): string {
  return publicUrl?.origin ?? `${request.protocol}://${request.host}`;
}

export function linkWithToken(origin: string, pagePath: string, token: string): string {
  const url = new URL(pagePath, origin);
  url.searchParams.set('token', token);
  return url.href;
}
