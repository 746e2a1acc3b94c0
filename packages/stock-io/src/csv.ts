/**
 * CSV as people actually produce it: Dutch Excel ("CSV (puntkomma gescheiden)": `;`, decimal comma, often
 * Windows-1252) and international (`,`, decimal point, UTF-8), with or without a BOM. Parsing is csv-parse's.
 */
import { parse } from 'csv-parse';

export type CsvDialect = { delimiter: ';' | ',' | '\t'; decimalComma: boolean };

/** UTF-8 (BOM stripped) when the bytes are valid UTF-8, else Windows-1252 (what Excel writes for "CSV"). */
export function decodeText(input: string | Uint8Array): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(input);
  }
}

/** Chooses the delimiter from the header line: the most frequent of `;`, tab and `,`. `;` implies decimal comma. */
export function detectDialect(text: string): CsvDialect {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (char: string) => header.split(char).length - 1;
  const semicolons = count(';');
  const tabs = count('\t');
  const commas = count(',');
  if (semicolons >= commas && semicolons >= tabs && semicolons > 0) return { delimiter: ';', decimalComma: true };
  if (tabs > commas) return { delimiter: '\t', decimalComma: false };
  return { delimiter: ',', decimalComma: false };
}

/**
 * Parses a decimal number as written in the dialect: `1234,5` / `1.234,5` with a decimal comma, `1234.5` with a
 * decimal point. Returns null for anything else (no guessing between the two conventions).
 */
export function parseDecimal(value: string, decimalComma: boolean): number | null {
  const text = value.trim().replace(/\s/g, '');
  if (decimalComma) {
    if (!/^-?(\d+|\d{1,3}(\.\d{3})+)(,\d+)?$/.test(text)) return null;
    return Number(text.replace(/\./g, '').replace(',', '.'));
  }
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}

/** Normalises a header cell: trimmed, lower case, spaces and dashes to `_`. */
export function normaliseHeader(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

export interface CsvRecord {
  /** Spreadsheet row number (header = 1). */
  row: number;
  values: Record<string, string>;
}

/**
 * Streams records keyed by normalised header names. `rows` is an async iterable of csv-parse output, so a large
 * file is read record by record from any byte source.
 */
export async function* streamCsvRecords(
  source: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  dialect: CsvDialect,
): AsyncGenerator<{ header: string[] } | CsvRecord> {
  const parser = parse({ delimiter: dialect.delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: false });
  const feed = (async () => {
    try {
      for await (const chunk of source) {
        if (!parser.write(typeof chunk === 'string' ? chunk : Buffer.from(chunk))) await new Promise((resolve) => parser.once('drain', resolve));
      }
      parser.end();
    } catch (error) {
      parser.destroy(error as Error);
    }
  })();
  let header: string[] | null = null;
  for await (const output of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (header === null) {
      header = output.record.map(normaliseHeader);
      yield { header };
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((name, i) => {
      values[name] = output.record[i] ?? '';
    });
    yield { row: output.info.lines, values };
  }
  await feed;
}
