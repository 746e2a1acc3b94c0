/** Problems found while reading an import file. Any `error` rejects the whole import; warnings are reported only. */
export interface ImportIssue {
  severity: 'error' | 'warning';
  /** Feature or object id (BAG identificatie, CityJSON object key) when known. */
  id?: string;
  /** 1-based row as a spreadsheet shows it (header = row 1) for CSV/XLSX, feature index (0-based) for GeoJSON. */
  row?: number;
  column?: string;
  reason: string;
}

/** A file that cannot be read at all (not JSON, wrong CRS, missing columns): nothing in it is usable. */
export class StockFileError extends Error {
  readonly issues: ImportIssue[];
  constructor(message: string, issues: ImportIssue[] = []) {
    super(message);
    this.name = 'StockFileError';
    this.issues = issues;
  }
}

export function hasErrors(issues: readonly ImportIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}
