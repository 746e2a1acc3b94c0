/**
 * Narrowing helpers for web-ifc's raw line data (`GetRawLinesData`): arguments are nested arrays of
 * `{ type, value }` tokens (REF = 5, STRING = 1, ENUM = 3, REAL = 4 as a string, typed values carry `typecode`).
 */
import type { IfcAPI } from 'web-ifc';

export interface RawLine {
  id: number;
  type: number;
  args: unknown[];
}

const REF = 5;
const REAL = 4;
const ENUM = 3;

function token(value: unknown): { type?: unknown; value?: unknown } | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { type?: unknown; value?: unknown }) : undefined;
}

export function refOf(value: unknown): number | undefined {
  const t = token(value);
  return t && t.type === REF && typeof t.value === 'number' ? t.value : undefined;
}

export function refsOf(value: unknown): number[] {
  if (!Array.isArray(value)) {
    const single = refOf(value);
    return single === undefined ? [] : [single];
  }
  const out: number[] = [];
  for (const item of value) {
    const ref = refOf(item);
    if (ref !== undefined) out.push(ref);
  }
  return out;
}

export function strOf(value: unknown): string | undefined {
  const t = token(value);
  if (!t) return undefined;
  return typeof t.value === 'string' && t.type !== REF ? t.value : undefined;
}

export function enumOf(value: unknown): string | undefined {
  const t = token(value);
  return t && t.type === ENUM && typeof t.value === 'string' ? t.value : undefined;
}

export function numOf(value: unknown): number | undefined {
  const t = token(value);
  if (!t || t.type === REF) return undefined;
  const raw = t.value;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && (t.type === REAL || t.type === 10 || 'typecode' in t) ? Number(raw) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

export function boolOf(value: unknown): boolean | undefined {
  const t = token(value);
  if (!t) return undefined;
  if (typeof t.value === 'boolean') return t.value;
  if (t.value === 'T' || t.value === '.T.') return true;
  if (t.value === 'F' || t.value === '.F.') return false;
  return undefined;
}

/** Reads lines in batches; lines web-ifc cannot decode are left out rather than failing the whole import. */
export class LineReader {
  private readonly cache = new Map<number, RawLine | null>();

  constructor(
    private readonly api: IfcAPI,
    private readonly modelID: number,
  ) {}

  line(id: number): RawLine | undefined {
    const cached = this.cache.get(id);
    if (cached !== undefined) return cached ?? undefined;
    this.load([id]);
    return this.cache.get(id) ?? undefined;
  }

  lines(ids: readonly number[]): RawLine[] {
    const missing = ids.filter((id) => !this.cache.has(id));
    if (missing.length > 0) this.load(missing);
    const out: RawLine[] = [];
    for (const id of ids) {
      const line = this.cache.get(id);
      if (line) out.push(line);
    }
    return out;
  }

  /** Reads without caching, as a map: for lines visited once (quantities, property sets). */
  fetchMap(ids: Iterable<number>): Map<number, RawLine> {
    const out = new Map<number, RawLine>();
    const list = [...new Set(ids)];
    for (let start = 0; start < list.length; start += 4096) {
      for (const line of this.fetch(list.slice(start, start + 4096))) out.set(line.id, line);
    }
    return out;
  }

  /** Reads without caching: for lines visited once (relations). */
  stream(ids: readonly number[], visit: (line: RawLine) => void, chunk = 4096): void {
    for (let start = 0; start < ids.length; start += chunk) {
      for (const line of this.fetch(ids.slice(start, start + chunk))) visit(line);
    }
  }

  private load(ids: number[]): void {
    const found = new Set<number>();
    for (const line of this.fetch(ids)) {
      this.cache.set(line.id, line);
      found.add(line.id);
    }
    for (const id of ids) if (!found.has(id)) this.cache.set(id, null);
  }

  private fetch(ids: readonly number[]): RawLine[] {
    const valid = ids.filter((id) => Number.isInteger(id) && id > 0);
    if (valid.length === 0) return [];
    const raw: unknown = this.api.GetRawLinesData(this.modelID, [...valid]);
    const out: RawLine[] = [];
    if (!Array.isArray(raw)) return out;
    for (const item of raw) {
      if (typeof item !== 'object' || item === null) continue;
      const { ID, type, arguments: args } = item as { ID?: unknown; type?: unknown; arguments?: unknown };
      if (typeof ID === 'number' && typeof type === 'number' && type !== 0 && Array.isArray(args)) {
        out.push({ id: ID, type, args });
      }
    }
    return out;
  }
}
