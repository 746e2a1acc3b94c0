/**
 * Editing a passport in the browser: a flat list of rows over the passport's elements and lines, edits that keep the
 * passport valid (an edit that would break the schema is refused with the reason, so the engine always has a valid
 * passport to recalculate), bulk edits, filters and the element tree groupings.
 */
import {
  accessibilities, connectionTypes, crossingTypes, edgeContainments, layers, materialLineSchema, units,
  type Layer, type MaterialLine,
} from '@kringbouw/domain/lca';
import { parseDecimal } from './numbers.ts';

/** An element as both the engine's passport and the stored document (with line keys) have it. */
export interface ElementLike<L extends MaterialLine = MaterialLine> {
  nlsfb: string;
  name: string;
  layer: Layer;
  lines: L[];
}

export interface DocumentLike<L extends MaterialLine = MaterialLine> {
  elements: ElementLike<L>[];
}

export interface PassportRow<L extends MaterialLine = MaterialLine> {
  /** 1-based position in passport order — the engine's line number. */
  line: number;
  elementIndex: number;
  lineIndex: number;
  nlsfb: string;
  elementName: string;
  layer: Layer;
  data: L;
}

export function passportRows<L extends MaterialLine>(passport: DocumentLike<L>): PassportRow<L>[] {
  const rows: PassportRow<L>[] = [];
  let line = 0;
  passport.elements.forEach((element, elementIndex) => {
    element.lines.forEach((data, lineIndex) => {
      line += 1;
      rows.push({ line, elementIndex, lineIndex, nlsfb: element.nlsfb, elementName: element.name, layer: element.layer, data });
    });
  });
  return rows;
}

export const numericFields = ['quantity', 'serviceLifeYears', 'renewablePct', 'reusedPct', 'recycledPct'] as const;
export type NumericField = (typeof numericFields)[number];
export const choiceFields = ['unit', 'connection', 'accessibility', 'crossings', 'edgeContainment'] as const;
export type ChoiceField = (typeof choiceFields)[number];
export type EditableField = NumericField | ChoiceField | 'profileId';

export const choiceOptions: Record<ChoiceField, readonly string[]> = {
  unit: units,
  connection: connectionTypes,
  accessibility: accessibilities,
  crossings: crossingTypes,
  edgeContainment: edgeContainments,
};

/** The problem of an edit, as a translation key plus the schema's own (Dutch) message when it has one. */
export interface EditProblem {
  key: 'notANumber' | 'required' | 'schema';
  message?: string;
}

export type EditResult<L extends MaterialLine = MaterialLine> = { ok: true; line: L } | { ok: false; problem: EditProblem };

/** The current value of a field as the table shows it. */
export function fieldValue(line: MaterialLine, field: EditableField): number | string | undefined {
  switch (field) {
    case 'quantity': return line.quantity;
    case 'serviceLifeYears': return line.serviceLifeYears;
    case 'renewablePct': return line.origin.renewablePct;
    case 'reusedPct': return line.origin.reusedPct;
    case 'recycledPct': return line.origin.recycledPct;
    case 'unit': return line.unit;
    case 'profileId': return line.profileId;
    case 'connection': return line.detachability.connection;
    case 'accessibility': return line.detachability.accessibility;
    case 'crossings': return line.detachability.crossings;
    case 'edgeContainment': return line.detachability.edgeContainment;
  }
}

function withValue(line: MaterialLine, field: EditableField, value: number | string | undefined): Record<string, unknown> {
  const next: Record<string, unknown> = { ...line, origin: { ...line.origin }, detachability: { ...line.detachability } };
  const origin = next.origin as Record<string, unknown>;
  const detachability = next.detachability as Record<string, unknown>;
  const set = (target: Record<string, unknown>, key: string) => {
    if (value === undefined || value === '') delete target[key];
    else target[key] = value;
  };
  switch (field) {
    case 'renewablePct':
    case 'reusedPct':
    case 'recycledPct':
      origin[field] = value === undefined ? 0 : value;
      break;
    case 'connection':
    case 'accessibility':
    case 'crossings':
    case 'edgeContainment':
      set(detachability, field);
      break;
    default:
      set(next, field);
  }
  return next;
}

/**
 * Applies one edit to a line. Numeric text is read in Dutch notation (decimal comma). The result is checked against
 * the passport schema, so cross-field rules (origin shares ≤ 100 %) are enforced too; a refused edit leaves the
 * passport as it was.
 */
export function editLine<L extends MaterialLine>(line: L, field: EditableField, input: string): EditResult<L> {
  let value: number | string | undefined;
  if ((numericFields as readonly string[]).includes(field)) {
    const parsed = parseDecimal(input);
    if (!parsed.ok) return { ok: false, problem: { key: 'notANumber' } };
    if (parsed.value === undefined && field === 'quantity') return { ok: false, problem: { key: 'required' } };
    value = parsed.value;
  } else {
    value = input.trim() === '' ? undefined : input.trim();
  }
  const candidate = withValue(line, field, value);
  const result = materialLineSchema.safeParse(candidate);
  // The schema strips fields it does not know (a stored line's key and profile origin): keep them.
  if (result.success) return { ok: true, line: { ...candidate, ...result.data } as L };
  const issue = result.error.issues[0];
  return { ok: false, problem: { key: 'schema', ...(issue && { message: issue.message }) } };
}

/** Replaces the lines of a passport (by row position) with new ones; the passport itself is not mutated. */
export function replaceLines<L extends MaterialLine, D extends DocumentLike<L>>(passport: D, changes: ReadonlyMap<number, L>): D {
  if (changes.size === 0) return passport;
  let line = 0;
  return {
    ...passport,
    elements: passport.elements.map((element) => {
      const start = line;
      line += element.lines.length;
      let touched = false;
      for (let n = start + 1; n <= line; n += 1) if (changes.has(n)) touched = true;
      if (!touched) return element;
      return { ...element, lines: element.lines.map((data, i) => changes.get(start + i + 1) ?? data) };
    }),
  } as D;
}

export interface BulkFailure {
  line: number;
  problem: EditProblem;
}

/** The same edit on many lines, all or nothing: if one line refuses it, nothing changes and every refusal is listed. */
export function bulkEdit<L extends MaterialLine, D extends DocumentLike<L>>(passport: D, lineNumbers: readonly number[], field: EditableField, input: string):
  { ok: true; passport: D } | { ok: false; failures: BulkFailure[] } {
  const rows = passportRows<L>(passport);
  const changes = new Map<number, L>();
  const failures: BulkFailure[] = [];
  for (const n of lineNumbers) {
    const row = rows[n - 1];
    if (!row) continue;
    const result = editLine(row.data, field, input);
    if (result.ok) changes.set(n, result.line);
    else failures.push({ line: n, problem: result.problem });
  }
  if (failures.length > 0) return { ok: false, failures };
  return { ok: true, passport: replaceLines(passport, changes) };
}

export type TreeMode = 'nlsfb' | 'layer';

/** A node of the element tree: `key` is what a filter matches on. */
export interface TreeNode {
  key: string;
  label: string;
  /** NL-SfB code or layer; for element nodes the element's index. */
  kind: 'group' | 'element';
  lineCount: number;
  children: TreeNode[];
}

/** NL-SfB table 1 main groups (first digit), Dutch names as used in MPG calculations. */
export const nlsfbMainGroups: Record<string, string> = {
  '0': 'Terrein',
  '1': 'Onderbouw',
  '2': 'Bovenbouw: ruwbouw',
  '3': 'Bovenbouw: afbouw',
  '4': 'Afwerkingen',
  '5': 'Installaties werktuigkundig',
  '6': 'Installaties elektrotechnisch',
  '7': 'Vaste voorzieningen',
  '8': 'Losse inventaris',
  '9': 'Terrein',
};

/** The element tree: by NL-SfB main group → element, or by building layer → element. Order follows the passport. */
export function elementTree(passport: DocumentLike, mode: TreeMode): TreeNode[] {
  const groups = new Map<string, TreeNode>();
  const order: string[] = mode === 'layer' ? [...layers] : [];
  passport.elements.forEach((element, index) => {
    const groupKey = mode === 'layer' ? element.layer : (element.nlsfb[0] ?? '?');
    let group = groups.get(groupKey);
    if (!group) {
      group = { key: `${mode}:${groupKey}`, label: groupKey, kind: 'group', lineCount: 0, children: [] };
      groups.set(groupKey, group);
      if (mode === 'nlsfb') order.push(groupKey);
    }
    group.lineCount += element.lines.length;
    group.children.push({ key: `element:${index}`, label: `${element.nlsfb} ${element.name}`, kind: 'element', lineCount: element.lines.length, children: [] });
  });
  if (mode === 'nlsfb') order.sort();
  return order.flatMap((key) => {
    const group = groups.get(key);
    return group ? [group] : [];
  });
}

export interface RowFilter {
  /** A tree node key: `nlsfb:<digit>`, `layer:<layer>` or `element:<index>`. */
  node?: string | undefined;
  text?: string | undefined;
  withoutProfile?: boolean | undefined;
  /** Only these line numbers (e.g. lines named by an engine warning). */
  lines?: ReadonlySet<number> | undefined;
}

export function matchesFilter(row: PassportRow<MaterialLine>, filter: RowFilter, profileName?: (id: string) => string | undefined): boolean {
  if (filter.node) {
    const [kind, value] = filter.node.split(':');
    if (kind === 'nlsfb' && row.nlsfb[0] !== value) return false;
    if (kind === 'layer' && row.layer !== value) return false;
    if (kind === 'element' && String(row.elementIndex) !== value) return false;
  }
  if (filter.withoutProfile && row.data.profileId) return false;
  if (filter.lines && !filter.lines.has(row.line)) return false;
  const text = filter.text?.trim().toLowerCase();
  if (text) {
    const haystack = [row.data.description, row.elementName, row.nlsfb, row.data.profileId ?? '', row.data.profileId ? (profileName?.(row.data.profileId) ?? '') : '']
      .join(' ')
      .toLowerCase();
    if (!haystack.includes(text)) return false;
  }
  return true;
}
