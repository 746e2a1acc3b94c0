/**
 * BAG verblijfsobjecten as CSV (e.g. exported from the BAG 2.0 extract or the PDOK download service with QGIS/
 * ogr2ogr). Required columns: identificatie, gebruiksdoel (several separated by `,` or `|`), oppervlakte,
 * status, pandidentificatie. Other columns (adres, bouwjaar, x/y …) are ignored.
 */
import { decodeText, detectDialect, streamCsvRecords, type CsvDialect } from './csv.ts';
import { StockFileError, type ImportIssue } from './issues.ts';
import { parseVerblijfsobject, type Verblijfsobject } from './verblijfsobjecten.ts';

export const bagCsvColumns = ['identificatie', 'gebruiksdoel', 'oppervlakte', 'status', 'pandidentificatie'] as const;

export type BagCsvItem = { kind: 'verblijfsobject'; verblijfsobject: Verblijfsobject } | { kind: 'issue'; issue: ImportIssue };

/** Streams verblijfsobjecten and per-row issues (row = spreadsheet row, header = 1). Text must be UTF-8. */
export async function* streamBagCsv(
  source: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  dialect: CsvDialect,
): AsyncGenerator<BagCsvItem> {
  const seen = new Set<string>();
  for await (const item of streamCsvRecords(source, dialect)) {
    if ('header' in item) {
      const missing = bagCsvColumns.filter((column) => !item.header.includes(column));
      if (missing.length > 0) {
        throw new StockFileError(`Missing column(s): ${missing.join(', ')} (header: ${item.header.join(', ')})`, missing.map((column) => ({ severity: 'error', row: 1, column, reason: 'required column is missing' })));
      }
      continue;
    }
    const parsed = parseVerblijfsobject(item.values, { row: item.row });
    if ('issues' in parsed) {
      for (const issue of parsed.issues) yield { kind: 'issue', issue };
    } else if (seen.has(parsed.value.identificatie)) {
      yield { kind: 'issue', issue: { severity: 'error', id: parsed.value.identificatie, row: item.row, column: 'identificatie', reason: 'duplicate identificatie' } };
    } else {
      seen.add(parsed.value.identificatie);
      yield { kind: 'verblijfsobject', verblijfsobject: parsed.value };
    }
  }
}

/** Reads a whole CSV file (text or bytes; UTF-8 or Windows-1252, `;` or `,`). */
export async function readBagCsv(input: string | Uint8Array): Promise<{ verblijfsobjecten: Verblijfsobject[]; issues: ImportIssue[] }> {
  const text = decodeText(input);
  if (text.trim() === '') throw new StockFileError('The file is empty');
  const verblijfsobjecten: Verblijfsobject[] = [];
  const issues: ImportIssue[] = [];
  for await (const item of streamBagCsv([text], detectDialect(text))) {
    if (item.kind === 'verblijfsobject') verblijfsobjecten.push(item.verblijfsobject);
    else issues.push(item.issue);
  }
  return { verblijfsobjecten, issues };
}
