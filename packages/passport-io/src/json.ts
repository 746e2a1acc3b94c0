import { parsePassport } from '@kringbouw/domain/lca';
import { decodeText } from './csv.ts';
import type { ProjectInput, ReadResult } from './table.ts';

/**
 * Reads a JSON passport (docs/passport.schema.json). Project values given in `project` (CLI flags) override the
 * file's. Never throws on bad input.
 */
export function readPassportJson(bytes: Uint8Array, project: ProjectInput): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(decodeText(bytes).text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, issues: [{ path: '(json)', message: `geen geldige JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const record = data as Record<string, unknown>;
    const fileProject = record.project !== null && typeof record.project === 'object' ? (record.project as Record<string, unknown>) : {};
    const overrides = Object.fromEntries(Object.entries(project).filter(([, v]) => v !== undefined));
    data = { ...record, project: { ...fileProject, ...overrides } };
  }
  return parsePassport(data);
}
