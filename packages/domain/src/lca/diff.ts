/**
 * Differences between two versions of a passport, line by line. Lines are matched on a stable key (kept by the
 * application across edits and copies), not on position, so reordering is no change.
 */

/** A line with its key and the element it sits in, as plain comparable fields. */
export interface KeyedLine {
  key: string;
  element: { nlsfb: string; name: string; layer: string };
  line: {
    description: string;
    quantity: number;
    unit: string;
    massKg?: number | undefined;
    thicknessM?: number | undefined;
    serviceLifeYears?: number | undefined;
    profileId?: string | undefined;
    nmdCategory?: string | undefined;
    origin: { renewablePct: number; reusedPct: number; recycledPct: number };
    endOfLife: { reusePct: number; recyclingPct: number };
    detachability: { connection?: string | undefined; accessibility?: string | undefined; crossings?: string | undefined; edgeContainment?: string | undefined };
    hazardous: boolean;
  };
}

export type DiffValue = string | number | boolean | null;

export interface LineChange {
  field: string;
  from: DiffValue;
  to: DiffValue;
}

export interface PassportLineDiff<L extends KeyedLine> {
  /** In the order of `after`. */
  added: L[];
  /** In the order of `before`. */
  removed: L[];
  /** In the order of `after`; `changes` in a fixed field order. */
  changed: { before: L; after: L; changes: LineChange[] }[];
  unchanged: number;
}

/** The compared fields of a line, flattened, in a fixed order (the order changes are reported in). */
export function comparableFields(line: KeyedLine): [string, DiffValue][] {
  const l = line.line;
  return [
    ['nlsfb', line.element.nlsfb],
    ['element', line.element.name],
    ['layer', line.element.layer],
    ['description', l.description],
    ['quantity', l.quantity],
    ['unit', l.unit],
    ['massKg', l.massKg ?? null],
    ['thicknessM', l.thicknessM ?? null],
    ['serviceLifeYears', l.serviceLifeYears ?? null],
    ['profileId', l.profileId ?? null],
    ['nmdCategory', l.nmdCategory ?? null],
    ['origin.renewablePct', l.origin.renewablePct],
    ['origin.reusedPct', l.origin.reusedPct],
    ['origin.recycledPct', l.origin.recycledPct],
    ['endOfLife.reusePct', l.endOfLife.reusePct],
    ['endOfLife.recyclingPct', l.endOfLife.recyclingPct],
    ['detachability.connection', l.detachability.connection ?? null],
    ['detachability.accessibility', l.detachability.accessibility ?? null],
    ['detachability.crossings', l.detachability.crossings ?? null],
    ['detachability.edgeContainment', l.detachability.edgeContainment ?? null],
    ['hazardous', l.hazardous],
  ];
}

/**
 * Lines added, removed and changed from `before` to `after`, matched by key. Values compare exactly (===): the
 * passport stores numbers as entered, so any edit shows. A key that occurs twice in one list counts once (the first).
 */
export function diffPassportLines<L extends KeyedLine>(before: readonly L[], after: readonly L[]): PassportLineDiff<L> {
  const beforeByKey = new Map<string, L>();
  for (const line of before) if (!beforeByKey.has(line.key)) beforeByKey.set(line.key, line);
  const seen = new Set<string>();
  const added: L[] = [];
  const changed: PassportLineDiff<L>['changed'] = [];
  let unchanged = 0;
  for (const line of after) {
    if (seen.has(line.key)) continue;
    seen.add(line.key);
    const previous = beforeByKey.get(line.key);
    if (previous === undefined) {
      added.push(line);
      continue;
    }
    const a = comparableFields(previous);
    const b = comparableFields(line);
    const changes: LineChange[] = [];
    for (let i = 0; i < a.length; i++) {
      const from = a[i];
      const to = b[i];
      if (from !== undefined && to !== undefined && from[1] !== to[1]) changes.push({ field: from[0], from: from[1], to: to[1] });
    }
    if (changes.length === 0) unchanged += 1;
    else changed.push({ before: previous, after: line, changes });
  }
  const removed = [...beforeByKey.values()].filter((line) => !seen.has(line.key));
  return { added, removed, changed, unchanged };
}
