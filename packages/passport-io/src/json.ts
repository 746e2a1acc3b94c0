import { parsePassport } from '@kringbouw/domain/lca';
import { decodeText } from './csv.ts';
import type { ProjectInput, ReadResult } from './table.ts';

/**
 * Parses a JSON passport once; the returned function validates it with the given project values (they override the
 * file's), as often as needed without parsing the text again.
 */
export function preparePassportJson(bytes: Uint8Array): (project: ProjectInput) => ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(decodeText(bytes).text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return () => ({ ok: false, issues: [{ path: '(json)', message: `geen geldige JSON: ${error instanceof Error ? error.message : String(error)}` }] });
  }
  return (project) => {
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return parsePassport(data);
    const record = data as Record<string, unknown>;
    const fileProject = record.project !== null && typeof record.project === 'object' ? (record.project as Record<string, unknown>) : {};
    const overrides = Object.fromEntries(Object.entries(project).filter(([, v]) => v !== undefined));
    return parsePassport({ ...record, project: { ...fileProject, ...overrides } });
  };
}

/**
 * Reads a JSON passport (docs/passport.schema.json). Project values given in `project` (CLI flags) override the
 * file's. Never throws on bad input.
 */
export function readPassportJson(bytes: Uint8Array, project: ProjectInput): ReadResult {
  return preparePassportJson(bytes)(project);
}
