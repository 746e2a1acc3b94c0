/**
 * `JSON.stringify(value, null, 2)` of a calculation result, produced in pieces: the per-line breakdown is written one
 * line object at a time instead of as one array of objects and one string. For a 100,000-line passport that keeps the
 * CLI's `--json` from holding every line object and the whole text in memory at once. The text is identical to
 * `JSON.stringify(value, null, 2)` (tested).
 */
import { LineBreakdown } from '@kringbouw/domain/lca';

const INDENT = '  ';

/** Re-indents a pretty-printed JSON text to `depth` levels (JSON strings never hold a raw newline). */
function nested(text: string, depth: number): string {
  return text.replaceAll('\n', `\n${INDENT.repeat(depth)}`);
}

/** Pieces of `JSON.stringify(value, null, 2)` for a top-level object; `LineBreakdown` values are streamed. */
export function* prettyJsonChunks(value: Record<string, unknown>, linesPerChunk = 500): Generator<string> {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  for (let e = 0; e < entries.length; e++) {
    const [key, v] = entries[e] as [string, unknown];
    const head = `\n${INDENT}${JSON.stringify(key)}: `;
    const tail = e < entries.length - 1 ? ',' : '';
    if (v instanceof LineBreakdown && v.length > 0) {
      yield `${head}[`;
      let chunk = '';
      for (let i = 0; i < v.length; i++) {
        chunk += `\n${INDENT.repeat(2)}${nested(JSON.stringify(v.at(i), null, 2), 2)}${i < v.length - 1 ? ',' : ''}`;
        if ((i + 1) % linesPerChunk === 0) {
          yield chunk;
          chunk = '';
        }
      }
      yield `${chunk}\n${INDENT}]${tail}`;
    } else {
      yield `${head}${nested(JSON.stringify(v, null, 2), 1)}${tail}`;
    }
  }
  yield '\n}';
}
