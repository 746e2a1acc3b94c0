/**
 * A lexical check of the STEP DATA section before web-ifc parses it. web-ifc 0.0.78 can loop forever on some
 * malformed lines (found by fuzzing: e.g. `#228=IFCRELDEFINESBYPROPERTIES.'…` or a reference `#1.`), so files that
 * are not well-formed STEP are rejected up front as `corrupt`, naming the line. It checks structure only:
 * `#id = NAME ( value, … ) ;` where a value is a list, string, binary, reference, number, enumeration, `$`, `*` or a
 * typed value `NAME(value)`; unique ids; a closing ENDSEC. Written as one flat loop over the bytes: it runs on
 * every import and must stay cheap next to web-ifc's own parse.
 */
import { IfcImportError } from './errors.ts';

const LF = 10;
const DQUOTE = 34;
const HASH = 35;
const DOLLAR = 36;
const QUOTE = 39;
const OPEN = 40;
const CLOSE = 41;
const STAR = 42;
const PLUS = 43;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const SLASH = 47;
const SEMICOLON = 59;
const EQUALS = 61;

// Character classes: 1 space, 2 digit, 4 upper-case letter or '_', 8 number character, 16 hex digit.
const cls = new Uint8Array(256);
for (const byte of [9, 10, 13, 32]) cls[byte] = 1;
for (let byte = 48; byte <= 57; byte++) cls[byte] = 2 | 8 | 16;
for (let byte = 65; byte <= 90; byte++) cls[byte] = 4;
cls[95] = 4;
for (const byte of [DOT, PLUS, MINUS, 69, 101]) cls[byte] = (cls[byte] ?? 0) | 8;
for (let byte = 65; byte <= 70; byte++) cls[byte] = (cls[byte] ?? 0) | 16;
for (let byte = 97; byte <= 102; byte++) cls[byte] = 16;

const latin1 = new TextDecoder('latin1');

/** Short ASCII runs: String.fromCharCode beats TextDecoder for the few bytes of a name or number. */
function ascii(bytes: Uint8Array, from: number, to: number): string {
  if (to - from > 64) return latin1.decode(bytes.subarray(from, to));
  let out = '';
  for (let k = from; k < to; k++) out += String.fromCharCode(bytes[k] as number);
  return out;
}

function sameAscii(bytes: Uint8Array, from: number, text: string): boolean {
  for (let k = 0; k < text.length; k++) if (bytes[from + k] !== text.charCodeAt(k)) return false;
  return true;
}

function indexOfAscii(bytes: Uint8Array, text: string, from: number): number {
  const first = text.charCodeAt(0);
  outer: for (let i = bytes.indexOf(first, from); i !== -1; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < text.length; j++) if (bytes[i + j] !== text.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/** Position after whitespace and comments; -1 for a comment that never ends. */
function skip(bytes: Uint8Array, from: number): number {
  let i = from;
  const n = bytes.length;
  for (;;) {
    while (i < n && cls[bytes[i] as number] === 1) i++;
    if (bytes[i] !== SLASH || bytes[i + 1] !== STAR) return i;
    const end = indexOfAscii(bytes, '*/', i + 2);
    if (end < 0) return -1;
    i = end + 2;
  }
}

/** Remembers entity ids: a bitmap for the usual dense numbering, a Set beyond it. */
class IdSet {
  private bits = new Uint8Array(1 << 16);
  private readonly large = new Set<number>();
  count = 0;

  add(id: number): boolean {
    if (id >= 1 << 27) {
      if (this.large.has(id)) return false;
      this.large.add(id);
    } else {
      const index = id >>> 3;
      if (index >= this.bits.length) {
        const grown = new Uint8Array(Math.max(index + 1, this.bits.length * 2));
        grown.set(this.bits);
        this.bits = grown;
      }
      const mask = 1 << (id & 7);
      const current = this.bits[index] ?? 0;
      if (current & mask) return false;
      this.bits[index] = current | mask;
    }
    this.count++;
    return true;
  }
}

/** Byte offset of each entity's name, by express id (0 = not present); ids above the cap are not indexed. */
export class StepOffsets {
  private offsets = new Int32Array(1 << 16);
  static readonly maxId = 1 << 26;

  set(id: number, offset: number): void {
    if (id >= StepOffsets.maxId) return;
    if (id >= this.offsets.length) {
      const grown = new Int32Array(Math.max(id + 1, this.offsets.length * 2));
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.offsets[id] = offset + 1;
  }

  get(id: number): number | undefined {
    const stored = id > 0 && id < this.offsets.length ? (this.offsets[id] ?? 0) : 0;
    return stored > 0 ? stored - 1 : undefined;
  }
}

/** Throws IfcImportError('corrupt', detail) at the first structural problem; returns the number of entity lines. */
export function checkStepSyntax(bytes: Uint8Array, offsets?: StepOffsets): number {
  const dataStart = indexOfAscii(bytes, 'DATA;', 0);
  if (dataStart < 0) throw new IfcImportError('corrupt', 'DATA-sectie ontbreekt / no DATA section');
  const n = bytes.length;
  const ids = new IdSet();
  let i = dataStart + 5;
  let id = 0;

  const fail = (what: string, at: number): never => {
    const position = at < 0 ? n : Math.min(at, n);
    let line = 1;
    for (let k = bytes.indexOf(LF); k !== -1 && k < position; k = bytes.indexOf(LF, k + 1)) line++;
    const problem = position >= n ? 'bestand houdt op midden in de gegevens (afgekapt) — file is truncated' : what;
    throw new IfcImportError('corrupt', `regel/line ${line}: ${id ? `#${id}: ` : ''}${problem}`);
  };

  for (;;) {
    i = skip(bytes, i);
    if (i < 0 || i >= n) fail('', n);
    if (bytes[i] !== HASH) {
      if (indexOfAscii(bytes, 'ENDSEC;', i) === i) return ids.count;
      id = 0;
      fail('verwacht #id=ENTITEIT(...);', i);
    }
    i++;
    id = 0;
    const digitsStart = i;
    while (i < n && cls[bytes[i] as number] === 26) id = id * 10 + ((bytes[i++] as number) - 48);
    if (i === digitsStart) fail('ongeldig regelnummer', i);
    if (!ids.add(id)) fail(`#${id} komt twee keer voor`, i);
    i = skip(bytes, i);
    if (bytes[i] !== EQUALS) fail("'=' ontbreekt", i);
    i = skip(bytes, i + 1);
    if (i >= 0) offsets?.set(id, i);
    if (i >= 0 && (cls[bytes[i] as number] ?? 0) & 4) {
      while (i < n && (cls[bytes[i] as number] ?? 0) & 6) i++;
      i = skip(bytes, i);
      if (bytes[i] !== OPEN) fail("'(' ontbreekt na de entiteitnaam", i);
    } else if (bytes[i] !== OPEN) {
      fail('entiteitnaam ontbreekt', i);
    }
    i++;
    let depth = 1;
    let expectValue = true;
    let closeAllowed = true;
    while (depth > 0) {
      i = skip(bytes, i);
      if (i < 0 || i >= n) fail('', n);
      const byte = bytes[i] as number;
      if (byte === CLOSE) {
        if (!closeAllowed) fail("waarde ontbreekt voor ')'", i);
        depth--;
        i++;
        expectValue = false;
        closeAllowed = true;
        continue;
      }
      if (!expectValue) {
        if (byte !== COMMA) fail(`',' of ')' verwacht (teken ${byte})`, i);
        i++;
        expectValue = true;
        closeAllowed = false;
        continue;
      }
      const kind = cls[byte] ?? 0;
      if (byte === OPEN) {
        depth++;
        i++;
        closeAllowed = true;
        continue;
      } else if (byte === QUOTE) {
        // Jump from quote to quote; '' is an escaped quote inside the string.
        let close = bytes.indexOf(QUOTE, i + 1);
        while (close !== -1 && bytes[close + 1] === QUOTE) close = bytes.indexOf(QUOTE, close + 2);
        if (close === -1) fail('tekst niet afgesloten', n);
        i = close + 1;
      } else if (byte === HASH) {
        const from = ++i;
        while (i < n && cls[bytes[i] as number] === 26) i++;
        if (i === from) fail('ongeldige verwijzing', i);
      } else if (byte === DOT) {
        const from = ++i;
        while (i < n && (cls[bytes[i] as number] ?? 0) & 6) i++;
        if (i === from || bytes[i] !== DOT) fail('ongeldige opsommingswaarde', i);
        i++;
      } else if (kind & 8) {
        i++;
        while (i < n && (cls[bytes[i] as number] ?? 0) & 8) i++;
      } else if (byte === DOLLAR || byte === STAR) {
        i++;
      } else if (kind & 4) {
        while (i < n && (cls[bytes[i] as number] ?? 0) & 6) i++;
        i = skip(bytes, i);
        if (bytes[i] !== OPEN) fail("'(' ontbreekt na een getypeerde waarde", i);
        depth++;
        i++;
        closeAllowed = false;
        continue;
      } else if (byte === DQUOTE) {
        i++;
        while (i < n && (cls[bytes[i] as number] ?? 0) & 16) i++;
        if (bytes[i] !== DQUOTE) fail('binaire waarde niet afgesloten', i);
        i++;
      } else {
        fail(`ongeldig teken (code ${byte})`, i);
      }
      expectValue = false;
      closeAllowed = true;
    }
    i = skip(bytes, i);
    if (bytes[i] !== SEMICOLON) fail("';' ontbreekt", i);
    i++;
  }
}

/**
 * Reads single arguments of an entity line straight from the syntax-checked bytes, without building token objects:
 * the hot paths of an import (relations, quantity sets, property sets) touch hundreds of thousands of lines, and
 * web-ifc's raw line API allocates a JS object per token. Strings with escapes (\\X2\\ …) or non-ASCII bytes are
 * reported as undefined so the caller asks web-ifc instead.
 */
export class StepText {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly offsets: StepOffsets,
  ) {}

  has(id: number): boolean {
    return this.offsets.get(id) !== undefined;
  }

  private readonly names = new Map<number, string>();

  /** Upper-case entity name, e.g. "IFCQUANTITYVOLUME" (interned: a few hundred distinct names per model). */
  entity(id: number): string | undefined {
    const start = this.offsets.get(id);
    if (start === undefined) return undefined;
    const bytes = this.bytes;
    let i = start;
    let hash = 0x811c9dc5;
    while ((cls[bytes[i] as number] ?? 0) & 6) hash = Math.imul(hash ^ (bytes[i++] as number), 0x01000193);
    const key = (hash >>> 0) * 128 + Math.min(i - start, 127);
    const known = this.names.get(key);
    if (known !== undefined && known.length === i - start && sameAscii(bytes, start, known)) return known;
    const name = ascii(bytes, start, i);
    if (known === undefined) this.names.set(key, name);
    return name;
  }

  /** Position of the index-th top-level argument (after skipping space), or -1. */
  private argument(id: number, index: number): number {
    const start = this.offsets.get(id);
    if (start === undefined) return -1;
    const bytes = this.bytes;
    let i = bytes.indexOf(OPEN, start) + 1;
    for (let k = 0; k < index; k++) {
      let depth = 0;
      for (;;) {
        const byte = bytes[i];
        if (byte === undefined) return -1;
        if (byte === QUOTE) {
          let close = bytes.indexOf(QUOTE, i + 1);
          while (close !== -1 && bytes[close + 1] === QUOTE) close = bytes.indexOf(QUOTE, close + 2);
          i = close + 1;
          continue;
        }
        if (byte === OPEN) depth++;
        else if (byte === CLOSE) {
          if (depth === 0) return -1;
          depth--;
        } else if (byte === COMMA && depth === 0) {
          i++;
          break;
        }
        i++;
      }
    }
    return skip(bytes, i);
  }

  ref(id: number, index: number): number | undefined {
    const i = this.argument(id, index);
    return i >= 0 && this.bytes[i] === HASH ? this.integer(i + 1) : undefined;
  }

  /** References in a list argument (or a single reference). */
  refs(id: number, index: number): number[] {
    const i = this.argument(id, index);
    const out: number[] = [];
    if (i < 0) return out;
    if (this.bytes[i] === HASH) {
      const single = this.integer(i + 1);
      if (single !== undefined) out.push(single);
      return out;
    }
    if (this.bytes[i] !== OPEN) return out;
    const end = this.bytes.indexOf(CLOSE, i);
    for (let k = this.bytes.indexOf(HASH, i); k !== -1 && k < end; k = this.bytes.indexOf(HASH, k + 1)) {
      const ref = this.integer(k + 1);
      if (ref !== undefined) out.push(ref);
    }
    return out;
  }

  /** A plain string argument; undefined for $, escapes or non-ASCII (ask web-ifc then). */
  string(id: number, index: number): string | undefined | null {
    const i = this.argument(id, index);
    if (i < 0) return undefined;
    if (this.bytes[i] === DOLLAR) return null;
    if (this.bytes[i] !== QUOTE) return undefined;
    let close = this.bytes.indexOf(QUOTE, i + 1);
    while (close !== -1 && this.bytes[close + 1] === QUOTE) close = this.bytes.indexOf(QUOTE, close + 2);
    const raw = this.bytes.subarray(i + 1, close);
    for (const byte of raw) if (byte >= 128 || byte === 92) return undefined;
    const text = ascii(this.bytes, i + 1, close);
    return text.includes("''") ? text.replace(/''/g, "'") : text;
  }

  /** A number argument, also inside a typed value such as IFCREAL(1.5). */
  number(id: number, index: number): number | undefined {
    let i = this.argument(id, index);
    if (i < 0) return undefined;
    if ((cls[this.bytes[i] as number] ?? 0) & 4) {
      i = this.bytes.indexOf(OPEN, i) + 1;
      i = skip(this.bytes, i);
    }
    const from = i;
    while ((cls[this.bytes[i] as number] ?? 0) & 8) i++;
    if (i === from) return undefined;
    const value = Number(ascii(this.bytes, from, i));
    return Number.isFinite(value) ? value : undefined;
  }

  /** A boolean argument .T./.F., also inside a typed value such as IFCBOOLEAN(.T.). */
  boolean(id: number, index: number): boolean | undefined {
    let i = this.argument(id, index);
    if (i < 0) return undefined;
    if ((cls[this.bytes[i] as number] ?? 0) & 4) i = skip(this.bytes, this.bytes.indexOf(OPEN, i) + 1);
    if (this.bytes[i] !== DOT || this.bytes[i + 2] !== DOT) return undefined;
    const letter = this.bytes[i + 1];
    return letter === 84 ? true : letter === 70 ? false : undefined;
  }

  /** An enumeration argument without the dots, e.g. "EXTERNAL". */
  enumeration(id: number, index: number): string | undefined {
    const i = this.argument(id, index);
    if (i < 0 || this.bytes[i] !== DOT) return undefined;
    const end = this.bytes.indexOf(DOT, i + 1);
    return end > i ? ascii(this.bytes, i + 1, end) : undefined;
  }

  private integer(from: number): number | undefined {
    let i = from;
    let value = 0;
    while (cls[this.bytes[i] as number] === 26) value = value * 10 + ((this.bytes[i++] as number) - 48);
    return i > from ? value : undefined;
  }
}
