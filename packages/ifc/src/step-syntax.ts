/**
 * A lexical check of the STEP DATA section before web-ifc parses it. web-ifc 0.0.78 can loop forever on some
 * malformed lines (found by fuzzing: e.g. `#228=IFCRELDEFINESBYPROPERTIES.'…`), so files that are not well-formed
 * STEP are rejected up front as `corrupt`, naming the line. It checks structure only: `#id = NAME ( … ) ;` with
 * balanced parentheses, closed strings, unique ids, legal characters outside strings, and a closing ENDSEC.
 */
import { IfcImportError } from './errors.ts';

const Ch = {
  Tab: 9, LF: 10, CR: 13, Space: 32, DoubleQuote: 34, Hash: 35, Dollar: 36, Quote: 39, Open: 40, Close: 41, Star: 42,
  Plus: 43, Comma: 44, Minus: 45, Dot: 46, Slash: 47, Semicolon: 59, Equals: 61,
} as const;

function isNumberChar(byte: number): boolean {
  return isDigit(byte) || byte === Ch.Dot || byte === 69 || byte === 101 || byte === Ch.Plus || byte === Ch.Minus;
}

function isUpper(byte: number): boolean {
  return (byte >= 65 && byte <= 90) || byte === 95;
}

function isDigit(byte: number): boolean {
  return byte >= 48 && byte <= 57;
}

function isSpace(byte: number): boolean {
  return byte === Ch.Space || byte === Ch.LF || byte === Ch.CR || byte === Ch.Tab;
}

function indexOfAscii(bytes: Uint8Array, text: string, from: number): number {
  const first = text.charCodeAt(0);
  outer: for (let i = bytes.indexOf(first, from); i !== -1; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < text.length; j++) if (bytes[i + j] !== text.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/** Throws IfcImportError('corrupt', detail) at the first structural problem; returns the number of entity lines. */
export function checkStepSyntax(bytes: Uint8Array): number {
  const dataStart = indexOfAscii(bytes, 'DATA;', 0);
  if (dataStart < 0) throw new IfcImportError('corrupt', 'DATA-sectie ontbreekt / no DATA section');
  let line = 1;
  for (let i = 0; i < dataStart; i++) if (bytes[i] === Ch.LF) line++;
  const seen = new Set<number>();
  const fail = (what: string): never => {
    const problem = i >= bytes.length ? 'bestand houdt op midden in de gegevens (afgekapt) — file is truncated' : what;
    throw new IfcImportError('corrupt', `regel/line ${line}: ${problem}`);
  };
  let i = dataStart + 5;
  const n = bytes.length;
  const skipSpaceAndComments = () => {
    for (;;) {
      while (i < n && isSpace(bytes[i] ?? 0)) {
        if (bytes[i] === Ch.LF) line++;
        i++;
      }
      if (bytes[i] === Ch.Slash && bytes[i + 1] === Ch.Star) {
        const end = indexOfAscii(bytes, '*/', i + 2);
        if (end < 0) {
          i = n;
          fail('commentaar niet afgesloten');
        }
        for (let k = i; k < end; k++) if (bytes[k] === Ch.LF) line++;
        i = end + 2;
        continue;
      }
      return;
    }
  };
  for (;;) {
    skipSpaceAndComments();
    if (i >= n) fail('bestand houdt op midden in de gegevens (afgekapt) — file is truncated');
    if (bytes[i] !== Ch.Hash) {
      if (indexOfAscii(bytes, 'ENDSEC;', i) === i) return seen.size;
      fail('verwacht #id=ENTITEIT(...);');
    }
    i++;
    let id = 0;
    const digitsStart = i;
    while (i < n && isDigit(bytes[i] ?? 0)) id = id * 10 + ((bytes[i++] ?? 48) - 48);
    if (i === digitsStart) fail('ongeldig regelnummer');
    if (seen.has(id)) fail(`#${id} komt twee keer voor`);
    seen.add(id);
    skipSpaceAndComments();
    if (bytes[i] !== Ch.Equals) fail(`#${id}: '=' ontbreekt`);
    i++;
    skipSpaceAndComments();
    if (isUpper(bytes[i] ?? 0)) {
      while (i < n && (isUpper(bytes[i] ?? 0) || isDigit(bytes[i] ?? 0))) i++;
      skipSpaceAndComments();
      if (bytes[i] !== Ch.Open) fail(`#${id}: '(' ontbreekt na de entiteitnaam`);
    } else if (bytes[i] !== Ch.Open) {
      fail(`#${id}: entiteitnaam ontbreekt`);
    }
    // Parameters: value (',' value)* inside parentheses, where a value is a list, string, binary, reference,
    // number, enumeration, $, * or a typed value NAME(...).
    i++;
    let depth = 1;
    let expectValue = true;
    let closeAllowed = true;
    while (depth > 0) {
      skipSpaceAndComments();
      if (i >= n) fail(`#${id}: bestand houdt op midden in een regel (afgekapt) — file is truncated`);
      const byte = bytes[i] ?? 0;
      if (byte === Ch.Close) {
        if (!closeAllowed) fail(`#${id}: waarde ontbreekt voor ')'`);
        depth--;
        i++;
        expectValue = false;
        closeAllowed = true;
        continue;
      }
      if (!expectValue) {
        if (byte !== Ch.Comma) fail(`#${id}: ',' of ')' verwacht (teken ${byte})`);
        i++;
        expectValue = true;
        closeAllowed = false;
        continue;
      }
      if (byte === Ch.Open) {
        depth++;
        i++;
        closeAllowed = true;
        continue;
      }
      if (byte === Ch.Quote) {
        // Jump from quote to quote ('' is an escaped quote inside the string).
        let close = bytes.indexOf(Ch.Quote, i + 1);
        while (close !== -1 && bytes[close + 1] === Ch.Quote) close = bytes.indexOf(Ch.Quote, close + 2);
        if (close === -1) {
          i = n;
          fail(`#${id}: tekst niet afgesloten`);
        }
        for (let nl = bytes.indexOf(Ch.LF, i); nl !== -1 && nl < close; nl = bytes.indexOf(Ch.LF, nl + 1)) line++;
        i = close + 1;
      } else if (byte === Ch.DoubleQuote) {
        i++;
        while (i < n && /[0-9A-Fa-f]/.test(String.fromCharCode(bytes[i] ?? 0))) i++;
        if (bytes[i] !== Ch.DoubleQuote) fail(`#${id}: binaire waarde niet afgesloten`);
        i++;
      } else if (byte === Ch.Hash) {
        i++;
        const from = i;
        while (i < n && isDigit(bytes[i] ?? 0)) i++;
        if (i === from) fail(`#${id}: ongeldige verwijzing`);
      } else if (byte === Ch.Dollar || byte === Ch.Star) {
        i++;
      } else if (byte === Ch.Dot) {
        i++;
        const from = i;
        while (i < n && (isUpper(bytes[i] ?? 0) || isDigit(bytes[i] ?? 0))) i++;
        if (i === from || bytes[i] !== Ch.Dot) fail(`#${id}: ongeldige opsommingswaarde`);
        i++;
      } else if (isDigit(byte) || byte === Ch.Plus || byte === Ch.Minus) {
        i++;
        while (i < n && isNumberChar(bytes[i] ?? 0)) i++;
      } else if (isUpper(byte)) {
        while (i < n && (isUpper(bytes[i] ?? 0) || isDigit(bytes[i] ?? 0))) i++;
        skipSpaceAndComments();
        if (bytes[i] !== Ch.Open) fail(`#${id}: '(' ontbreekt na een getypeerde waarde`);
        depth++;
        i++;
        closeAllowed = false;
        continue;
      } else {
        fail(`#${id}: ongeldig teken (code ${byte})`);
      }
      expectValue = false;
      closeAllowed = true;
    }
    skipSpaceAndComments();
    if (bytes[i] !== Ch.Semicolon) fail(`#${id}: ';' ontbreekt`);
    i++;
  }
}
