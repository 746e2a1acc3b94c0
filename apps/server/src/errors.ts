import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

/** One problem with one input field: `path` is dotted (`parties.0.role`), as the web app expects. */
export interface FieldProblem {
  path: string;
  message: string;
  code?: string;
}

/** Every error the API reports on purpose: a stable code, a message for people, an HTTP status. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const unauthenticated = () => new AppError('unauthenticated', 'Log in om verder te gaan.', 401);
export const forbidden = (message = 'U hebt geen toestemming voor deze actie.') => new AppError('forbidden', message, 403);
export const notFound = (message = 'Niet gevonden.') => new AppError('not_found', message, 404);
export const validationFailed = (problems: FieldProblem[]) =>
  new AppError('validation_failed', 'De invoer is niet geldig.', 400, problems);

function toDottedPath(instancePath: string): string {
  return instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
}

/** Fastify's own errors (body too large, bad JSON, wrong content type) keep their status with a stable code. */
const fastifyCodes: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: 'De aanvraag is te groot.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: 'Dit inhoudstype wordt niet ondersteund.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_json', message: 'De aanvraag bevat geen JSON.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'invalid_request', message: 'Ongeldige Content-Length.' },
};

function errorBody(code: string, message: string, details?: unknown) {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}

/** The one error handler: everything leaves as `{ error: { code, message, details? } }`, never with a stack. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, error.message);
      return reply.status(error.status).send(errorBody(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const problems: FieldProblem[] = error.validation.map((issue) => ({
        path: toDottedPath(issue.instancePath),
        message: issue.message ?? 'Ongeldige waarde',
        code: issue.keyword,
      }));
      return reply.status(400).send(errorBody('validation_failed', 'De invoer is niet geldig.', problems));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its contract');
      return reply.status(500).send(errorBody('internal', 'Er ging iets mis aan onze kant.'));
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return reply.status(400).send(errorBody('invalid_json', 'De aanvraag bevat geen geldige JSON.'));
    }
    const known = fastifyError.code === undefined ? undefined : fastifyCodes[fastifyError.code];
    if (known !== undefined && fastifyError.statusCode !== undefined) {
      return reply.status(fastifyError.statusCode).send(errorBody(known.code, known.message));
    }
    if (fastifyError.statusCode === 429) {
      return reply.status(429).send(errorBody('rate_limited', 'Te veel pogingen. Probeer het over een minuut opnieuw.'));
    }
    if (fastifyError.statusCode !== undefined && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      return reply.status(fastifyError.statusCode).send(errorBody('invalid_request', error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(errorBody('internal', 'Er ging iets mis aan onze kant.'));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(errorBody('not_found', `Geen route voor ${request.method} ${request.url.split('?')[0]}.`));
  });
}
