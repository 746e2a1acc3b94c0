import { errorResponse } from '@kringbouw/contracts';
import { z } from 'zod';

/** One problem with one field, as the API reports it in `details` of a 400 `validation_failed`. */
export interface FieldProblem {
  path: string;
  message: string;
  /** Zod issue fields, when the server passes them on; used to show a translated message. */
  code?: string;
  [key: string]: unknown;
}

/** `details` of a 400 as the server sends them; paths may come dotted or as segments. */
const fieldProblemList = z.array(
  z
    .object({
      path: z.union([z.string(), z.array(z.union([z.string(), z.number()]))]),
      message: z.string().optional(),
      code: z.string().optional(),
    })
    .loose(),
);

/** Every failed request becomes an ApiError; `code` is the API's stable error code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field problems of a validation error; empty for any other error. */
  get fieldProblems(): FieldProblem[] {
    const parsed = fieldProblemList.safeParse(this.details);
    if (!parsed.success) return [];
    return parsed.data.map((item) => ({
      ...item,
      path: Array.isArray(item.path) ? item.path.map(String).join('.') : item.path,
      message: item.message ?? '',
    }));
  }
}

/** Codes the client itself produces when there is no API error body to read. */
export const clientErrorCodes = {
  network: 'network_error',
  badResponse: 'bad_response',
} as const;

let csrfToken: string | null = null;

/** The session response carries the CSRF token; every state-changing request echoes it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF header for requests made without apiRequest (multipart uploads with progress). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Turns a non-2xx response into an ApiError, reading the `{ error: { code, message, details } }` envelope. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const parsed = errorResponse.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(response.status, code, message, details);
  }
  return new ApiError(response.status, `http_${response.status}`, response.statusText || `HTTP ${response.status}`);
}

/**
 * Fetches JSON from the API and parses the response with the contract schema, so a server that drifts
 * from the contract fails loudly here instead of deep inside a component.
 */
export async function apiRequest<S extends z.ZodType>(path: string, schema: S, options: RequestOptions = {}): Promise<z.output<S>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, clientErrorCodes.network, error instanceof Error ? error.message : String(error));
  }

  if (!response.ok) throw await errorFromResponse(response);

  const text = response.status === 204 ? '' : await response.text();
  const data: unknown = text === '' ? {} : safeJson(text);
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new ApiError(response.status, clientErrorCodes.badResponse, 'The response does not match the contract', result.error.issues);
  }
  return result.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
