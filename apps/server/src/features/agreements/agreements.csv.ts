/** The audit trail as CSV: one row per changed field, values as JSON, semicolon-separated with a BOM (Excel nl-NL). */
import type { AuditEntry } from '@kringbouw/contracts';

function cell(value: string): string {
  return /[;"\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function json(value: unknown): string {
  return value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
}

export function auditCsv(items: readonly AuditEntry[]): string {
  const header = ['volgnummer', 'tijdstip', 'wie', 'actie', 'onderdeel', 'id', 'versie', 'veld', 'voor', 'na'];
  const lines = [header.join(';')];
  for (const e of items) {
    const base = [String(e.seq), e.at, e.actor?.name ?? '', e.action, e.entity, e.entityId ?? '', e.versionNumber === null ? '' : String(e.versionNumber)];
    const changes = e.changes.length === 0 ? [{ field: '', before: null, after: null }] : e.changes;
    for (const c of changes) lines.push([...base, c.field, json(c.before), json(c.after)].map(cell).join(';'));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
