/**
 * Streaming split of GeoJSON into features, so that a national or municipal extract (hundreds of MB) is never
 * held in memory as one object: only the current feature's text is buffered.
 *
 * Accepts a FeatureCollection (members before `features`, such as `crs`, are reported in a header event) and
 * GeoJSON Text Sequences / newline-delimited GeoJSON (RFC 8142, `ogr2ogr -f GeoJSONSeq`), one Feature per record.
 */
import { StockFileError } from './issues.ts';

export type GeoJsonStreamEvent =
  | { kind: 'header'; members: Record<string, unknown> }
  | { kind: 'feature'; index: number; value: unknown }
  | { kind: 'invalid'; index: number; reason: string };

const OPEN_OBJECT = 123; // {
const CLOSE_OBJECT = 125; // }
const OPEN_ARRAY = 91; // [
const CLOSE_ARRAY = 93; // ]
const QUOTE = 34; // "
const BACKSLASH = 92; // \
const COLON = 58; // :

async function* chunksAsText(source: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of source) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

export async function* streamGeoJsonFeatures(
  source: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
): AsyncGenerator<GeoJsonStreamEvent> {
  const stack: number[] = [];
  let inString = false;
  let escaped = false;
  let lastString = '';
  let stringStart = -1;
  let stringBuffer = '';
  let topLevelKey: string | null = null;
  let pendingKey: string | null = null;
  // Text of what is being captured: a root object (sequence record or FeatureCollection prefix) or one feature.
  let capture: string | null = null;
  let captureStart = -1;
  let captureKind: 'root' | 'feature' | null = null;
  let inFeatures = false;
  let index = 0;

  function parseCaptured(text: string): GeoJsonStreamEvent {
    const at = index;
    index += 1;
    try {
      return { kind: 'feature', index: at, value: JSON.parse(text) };
    } catch (error) {
      return { kind: 'invalid', index: at, reason: `feature is not valid JSON: ${(error as Error).message}` };
    }
  }

  for await (const text of chunksAsText(source)) {
    if (captureKind !== null) captureStart = 0;
    if (inString) stringStart = 0;
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (code === BACKSLASH) escaped = true;
        else if (code === QUOTE) {
          inString = false;
          lastString = stringBuffer + text.slice(stringStart, i);
          stringBuffer = '';
          pendingKey = stack.length === 1 ? lastString : null;
        }
        continue;
      }
      if (code === QUOTE) {
        inString = true;
        stringStart = i + 1;
        stringBuffer = '';
      } else if (code === COLON) {
        if (stack.length === 1 && pendingKey !== null) topLevelKey = pendingKey;
      } else if (code === OPEN_OBJECT) {
        if (stack.length === 0) {
          captureKind = 'root';
          capture = '';
          captureStart = i;
          topLevelKey = null;
        } else if (inFeatures && stack.length === 2) {
          captureKind = 'feature';
          capture = '';
          captureStart = i;
        }
        stack.push(code);
      } else if (code === OPEN_ARRAY) {
        if (stack.length === 1 && topLevelKey === 'features' && captureKind === 'root') {
          // FeatureCollection: parse the members seen so far (type, name, crs …), then stream the features.
          const prefix = (capture ?? '') + text.slice(captureStart, i);
          let members: Record<string, unknown> = {};
          try {
            members = JSON.parse(`${prefix}null}`) as Record<string, unknown>;
          } catch {
            members = {};
          }
          yield { kind: 'header', members };
          capture = null;
          captureKind = null;
          inFeatures = true;
        }
        stack.push(code);
      } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
        const open = stack.pop();
        if (open === undefined || (code === CLOSE_OBJECT) !== (open === OPEN_OBJECT)) {
          throw new StockFileError(`Malformed JSON: unexpected "${String.fromCharCode(code)}" after feature ${index}`);
        }
        if (code === CLOSE_ARRAY && inFeatures && stack.length === 1) inFeatures = false;
        if (code === CLOSE_OBJECT && captureKind === 'feature' && stack.length === 2) {
          yield parseCaptured((capture ?? '') + text.slice(captureStart, i + 1));
          capture = null;
          captureKind = null;
        } else if (code === CLOSE_OBJECT && captureKind === 'root' && stack.length === 0) {
          yield parseCaptured((capture ?? '') + text.slice(captureStart, i + 1));
          capture = null;
          captureKind = null;
        }
      }
    }
    if (captureKind !== null) capture = (capture ?? '') + text.slice(captureStart);
    if (inString) stringBuffer += text.slice(stringStart);
  }
  if (stack.length > 0 || inString) throw new StockFileError(`Malformed JSON: input ends inside ${inString ? 'a string' : 'an object or array'} (after feature ${index})`);
}
