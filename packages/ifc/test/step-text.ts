/**
 * A deliberately naive reading of STEP text for tests: knowledge about a fixture that does not come from web-ifc
 * (entity counts, which ids a relation names), so the extraction can be checked against it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
}

export function readFixture(name: string): Uint8Array {
  return readFileSync(fixturePath(name));
}

export interface Statement {
  id: number;
  entity: string;
  body: string;
}

export function statements(text: string): Statement[] {
  const data = text.slice(text.indexOf('DATA;') + 5);
  const out: Statement[] = [];
  for (const match of data.matchAll(/#(\d+)\s*=\s*([A-Z0-9_]+)\s*\(([\s\S]*?)\);\s*(?=#\d+\s*=|ENDSEC;)/g)) {
    out.push({ id: Number(match[1]), entity: match[2] ?? '', body: (match[3] ?? '').replace(/\s+/g, ' ') });
  }
  return out;
}

export function countEntities(list: Statement[], entity: string): number {
  return list.filter((statement) => statement.entity === entity).length;
}

/** The #ids inside the n-th top-level argument of a statement body (handles one level of parentheses). */
export function refsInArgument(body: string, index: number): number[] {
  const args: string[] = [];
  let depth = 0;
  let current = '';
  let inString = false;
  for (const char of body) {
    if (char === "'") inString = !inString;
    if (!inString && char === '(') depth++;
    if (!inString && char === ')') depth--;
    if (!inString && char === ',' && depth === 0) {
      args.push(current);
      current = '';
    } else current += char;
  }
  args.push(current);
  return [...(args[index] ?? '').matchAll(/#(\d+)/g)].map((match) => Number(match[1]));
}

/** The GlobalId (first argument) of a rooted entity. */
export function globalIdOf(body: string): string | undefined {
  return /^\s*'([^']*)'/.exec(body)?.[1];
}
