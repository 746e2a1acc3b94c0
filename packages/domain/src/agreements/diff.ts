/**
 * What changed between two versions of an agreement (and between an audit entry's before and after):
 * header fields and commitments matched by their stable id. Nested objects are compared per leaf and named with a
 * dotted path (`scope.projectThreshold`); arrays are compared as a whole.
 */
import type { Commitment } from './model.ts';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface VersionContent {
  title: string;
  description: string;
  periodStartYear: number;
  periodEndYear: number;
  visibility: string;
  parties: readonly { organisationId: string; role: string; tenantsOfOrganisationId: string | null }[];
  commitments: readonly Commitment[];
}

export interface VersionDiffResult {
  agreement: FieldChange[];
  commitments: {
    added: Commitment[];
    removed: Commitment[];
    changed: { commitmentId: string; title: string; changes: FieldChange[] }[];
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON with object keys sorted at every level, so stored jsonb (which reorders keys) compares equal to the input. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isPlainObject(value)) {
    return `{${Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** Leaf-level changes between two plain values; `prefix` names the path. Keys in either object are compared. */
export function diffValues(before: unknown, after: unknown, prefix = ''): FieldChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => diffValues(before[key], after[key], prefix === '' ? key : `${prefix}.${key}`));
  }
  if (sameValue(before, after)) return [];
  return [{ field: prefix, before: before ?? null, after: after ?? null }];
}

/** Changes from version content `from` to `to`. */
export function diffVersions(from: VersionContent, to: VersionContent): VersionDiffResult {
  const { commitments: fromCommitments, ...fromHeader } = from;
  const { commitments: toCommitments, ...toHeader } = to;
  const fromById = new Map(fromCommitments.map((c) => [c.id, c]));
  const toById = new Map(toCommitments.map((c) => [c.id, c]));
  const changed: VersionDiffResult['commitments']['changed'] = [];
  for (const c of toCommitments) {
    const before = fromById.get(c.id);
    if (before === undefined) continue;
    const changes = diffValues(before, c);
    if (changes.length > 0) changed.push({ commitmentId: c.id, title: c.title, changes });
  }
  return {
    agreement: diffValues(fromHeader, toHeader),
    commitments: {
      added: toCommitments.filter((c) => !fromById.has(c.id)),
      removed: fromCommitments.filter((c) => !toById.has(c.id)),
      changed,
    },
  };
}
