import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, apiRequest, buildUrl, clientErrorCodes, setCsrfToken } from './client.ts';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('apiRequest', () => {
  it('maps the error envelope to ApiError with status, code, message and details', async () => {
    const details = [{ path: 'parties.0.role', message: 'Invalid option', code: 'invalid_value' }];
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(400, { error: { code: 'validation_failed', message: 'Invoer klopt niet', details } })));
    const error = await failure(apiRequest('/api/projects', z.unknown(), { method: 'POST', body: {} }));
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('Invoer klopt niet');
    expect(error.details).toEqual(details);
    expect(error.fieldProblems).toEqual([{ path: 'parties.0.role', message: 'Invalid option', code: 'invalid_value' }]);
  });

  it('joins array paths in validation details into dotted paths', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(400, { error: { code: 'validation_failed', message: 'x', details: [{ path: ['location', 'lat'], message: 'te klein' }] } })));
    const error = await failure(apiRequest('/api/projects', z.unknown(), { method: 'POST', body: {} }));
    expect(error.fieldProblems.map((p) => p.path)).toEqual(['location.lat']);
  });

  it('keeps the code of a conflict so the form can offer a reload', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(409, { error: { code: 'version_conflict', message: 'Gewijzigd' } })));
    const error = await failure(apiRequest('/api/projects/1', z.unknown(), { method: 'PUT', body: {} }));
    expect(error.status).toBe(409);
    expect(error.code).toBe('version_conflict');
    expect(error.fieldProblems).toEqual([]);
  });

  it('turns a response without the envelope into an http_<status> error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })));
    const error = await failure(apiRequest('/api/projects', z.unknown()));
    expect(error.status).toBe(502);
    expect(error.code).toBe('http_502');
    expect(error.message).toBe('Bad Gateway');
  });

  it('reports a failed connection as a network error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const error = await failure(apiRequest('/api/projects', z.unknown()));
    expect(error.status).toBe(0);
    expect(error.code).toBe(clientErrorCodes.network);
  });

  it('rejects a successful response that does not match the contract', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(200, { items: 'nope' })));
    const error = await failure(apiRequest('/api/organisations', z.object({ items: z.array(z.string()) })));
    expect(error.code).toBe(clientErrorCodes.badResponse);
  });

  it('parses a matching response with the schema', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(200, { items: ['a'] })));
    await expect(apiRequest('/api/x', z.object({ items: z.array(z.string()) }))).resolves.toEqual({ items: ['a'] });
  });

  it('sends the CSRF token on state-changing requests only', async () => {
    const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => jsonResponse(200, {}));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('token-123');
    await apiRequest('/api/projects', z.unknown());
    await apiRequest('/api/projects', z.unknown(), { method: 'POST', body: { a: 1 } });
    const [getInit, postInit] = fetchMock.mock.calls.map((call) => call[1]);
    expect((getInit?.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
    expect((postInit?.headers as Record<string, string>)['x-csrf-token']).toBe('token-123');
    expect(postInit?.body).toBe('{"a":1}');
  });
});

describe('buildUrl', () => {
  it('leaves out empty query values', () => {
    expect(buildUrl('/api/projects', { q: 'hout', kind: undefined, municipality: '', page: 2 })).toBe('/api/projects?q=hout&page=2');
    expect(buildUrl('/api/projects', {})).toBe('/api/projects');
  });
});
