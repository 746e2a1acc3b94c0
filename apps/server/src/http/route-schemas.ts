import { errorResponse } from '@kringbouw/contracts';

/** Error responses for the OpenAPI document: every listed status answers with the one error envelope. */
export function errorResponses<const S extends readonly number[]>(...statuses: S) {
  return Object.fromEntries(statuses.map((status) => [status, errorResponse])) as { [K in S[number]]: typeof errorResponse };
}
