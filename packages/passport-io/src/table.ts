/**
 * Turns the rows of a tabular passport (already split into cells by the CSV or XLSX reader) into a validated
 * Passport. Every problem is collected with row, column and reason; a passport with any problem is rejected whole.
 */
import type { DetachabilityInput, MaterialLineInput, Passport, PassportInput, PassportIssue } from '@kringbouw/domain/lca';
import { buildingTypes, passportSchema, useFunctions } from '@kringbouw/domain/lca';
import type { ColumnSpec } from './columns.ts';
import { columnByName, lineKeyPattern, passportColumns } from './columns.ts';

export type Cell = string | number | boolean | undefined;

export interface TableRow {
  /** 1-based row number as the user sees it in the spreadsheet (header = row 1). */
  row: number;
  cells: Cell[];
}

export interface ProjectInput {
  name?: string;
  bvoM2?: number;
  buildingType?: string;
  useFunction?: string;
  rspYears?: number;
  permitDate?: string;
}

/**
 * `sourceRows[i]` is the spreadsheet row of passport line i + 1 (lines counted element by element, as the engine
 * numbers them), so messages about lines can name the row the user typed.
 */
export type ReadResult =
  | {
      ok: true;
      passport: Passport;
      sourceRows?: number[];
      /** Per line (same order as sourceRows): the `regel_id` and `profiel_herkomst` cells, when the file has them. */
      lineExtras?: LineExtras[];
    }
  | { ok: false; issues: PassportIssue[] };

export interface LineExtras {
  key?: string;
  profileOrigin?: string;
}

export interface NumberFormat {
  /** Decimal comma (Dutch Excel, `;`-separated CSV). Numbers with a decimal point are accepted too. */
  decimalComma: boolean;
}

const normalizeHeader = (text: string): string => text.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
const normalizeEnum = (text: string): string => text.trim().toLowerCase().replace(/[\s-]+/g, '_');

const unitAliases: Record<string, string> = {
  'm²': 'm2', 'm^2': 'm2', 'm³': 'm3', 'm^3': 'm3', m1: 'm', stuks: 'st', stuk: 'st', stk: 'st', pcs: 'st', 'pcs.': 'st', 'st.': 'st', kilogram: 'kg',
};

/** Parses a number as people type it in Dutch or English spreadsheets; undefined when it is not a number. */
export function parseNumber(text: string, format: NumberFormat): number | undefined {
  let t = text.replace(/[\s\u00a0]/g, '');
  if (t === '') return undefined;
  if (format.decimalComma) {
    if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, '').replace(',', '.');
    else if (/^-?\d*,\d+$/.test(t)) t = t.replace(',', '.');
  } else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) {
    t = t.replace(/,/g, '');
  }
  if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return undefined;
  const value = Number(t);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * In a decimal-comma file "1.250" could be 1250 (thousands separator) or 1.25 (a decimal point from another locale):
 * refuse to guess.
 */
export function isAmbiguousNumber(text: string, format: NumberFormat): boolean {
  return format.decimalComma && /^-?\d{1,3}(\.\d{3})+$/.test(text.replace(/[\s\u00a0]/g, ''));
}

function cellText(cell: Cell): string {
  if (cell === undefined) return '';
  return typeof cell === 'string' ? cell.trim() : String(cell);
}

/**
 * Builds and validates a passport from a header row and data rows. `project` supplies the project data (CLI flags or
 * the XLSX Project sheet). Never throws on bad input: all problems come back as issues.
 */
export function passportFromTable(header: Cell[], rows: TableRow[], project: ProjectInput, format: NumberFormat): ReadResult {
  const issues: PassportIssue[] = [];
  const columnIndex = new Map<string, number>();
  header.forEach((cell, i) => {
    const name = normalizeHeader(cellText(cell));
    if (name === '') return;
    if (!columnByName.has(name)) {
      issues.push({ path: `kolom ${name}`, row: 1, column: name, message: `onbekende kolom "${cellText(cell)}"; toegestaan: ${passportColumns.map((c) => c.name).join(', ')}` });
    } else if (columnIndex.has(name)) {
      issues.push({ path: `kolom ${name}`, row: 1, column: name, message: `kolom "${name}" komt meer dan één keer voor` });
    } else {
      columnIndex.set(name, i);
    }
  });
  for (const spec of passportColumns) {
    if (spec.required && !columnIndex.has(spec.name)) issues.push({ path: `kolom ${spec.name}`, row: 1, column: spec.name, message: `verplichte kolom "${spec.name}" ontbreekt` });
  }
  if (rows.length === 0) issues.push({ path: '(bestand)', message: 'het paspoort bevat geen regels' });

  const projectData = buildProject(project, issues);
  if (issues.some((i) => i.row === 1)) return { ok: false, issues };

  const elements: { key: string; nlsfb: string; name: string; layer: string; lines: MaterialLineInput[]; rows: number[]; extras: LineExtras[] }[] = [];
  const lineKeys = new Map<string, number>();
  const byKey = new Map<string, (typeof elements)[number]>();

  for (const tableRow of rows) {
    const issueCount = issues.length;
    const get = (name: string): Cell => {
      const i = columnIndex.get(name);
      return i === undefined ? undefined : tableRow.cells[i];
    };
    const fail = (spec: ColumnSpec, message: string) => issues.push({ path: `rij ${tableRow.row}.${spec.name}`, row: tableRow.row, column: spec.name, message });
    const values = new Map<string, string | number | boolean>();
    for (const spec of passportColumns) {
      const raw = get(spec.name);
      const text = cellText(raw);
      if (text === '') {
        if (spec.required) fail(spec, 'verplicht veld is leeg');
        continue;
      }
      switch (spec.kind) {
        case 'text':
          values.set(spec.name, text);
          break;
        case 'number':
        case 'percentage': {
          const stripped = spec.kind === 'percentage' ? text.replace(/%$/, '') : text;
          const value = typeof raw === 'number' ? raw : parseNumber(stripped, format);
          if (typeof raw !== 'number' && isAmbiguousNumber(stripped, format)) fail(spec, `"${text}" is dubbelzinnig (duizendtal of decimaal?): schrijf ${stripped.replace(/\./g, '')} of ${stripped.replace('.', ',')}`);
          else if (value === undefined) fail(spec, `"${text}" is geen getal`);
          else if (value < 0) fail(spec, `${text} is negatief`);
          else if (spec.kind === 'percentage' && value > 100) fail(spec, `${text} is meer dan 100 %`);
          else values.set(spec.name, value);
          break;
        }
        case 'enum': {
          let value = normalizeEnum(text);
          if (spec.name === 'eenheid') value = unitAliases[value] ?? value;
          if (!spec.values?.includes(value)) fail(spec, `"${text}" is geen geldige waarde; kies uit ${spec.values?.join(', ')}`);
          else values.set(spec.name, value);
          break;
        }
        case 'boolean': {
          const value = normalizeEnum(text);
          if (['ja', 'j', 'yes', 'true', '1', 'waar'].includes(value)) values.set(spec.name, true);
          else if (['nee', 'n', 'no', 'false', '0', 'onwaar'].includes(value)) values.set(spec.name, false);
          else fail(spec, `"${text}" is geen ja/nee`);
          break;
        }
      }
    }
    const num = (name: string) => values.get(name) as number | undefined;
    const str = (name: string) => values.get(name) as string | undefined;
    const renewable = num('hernieuwbaar_pct') ?? 0;
    const reused = num('hergebruikt_pct') ?? 0;
    const recycled = num('gerecycled_pct') ?? 0;
    if (renewable + reused + recycled > 100 + 1e-9) {
      issues.push({ path: `rij ${tableRow.row}.herkomst`, row: tableRow.row, column: 'hernieuwbaar_pct/hergebruikt_pct/gerecycled_pct', message: `samen ${renewable + reused + recycled} %, meer dan 100 %` });
    }
    const eolReuse = num('eol_hergebruik_pct') ?? 0;
    const eolRecycling = num('eol_recycling_pct') ?? 0;
    if (eolReuse + eolRecycling > 100 + 1e-9) {
      issues.push({ path: `rij ${tableRow.row}.eol`, row: tableRow.row, column: 'eol_hergebruik_pct/eol_recycling_pct', message: `samen ${eolReuse + eolRecycling} %, meer dan 100 %` });
    }
    const levensduur = num('levensduur');
    if (levensduur === 0) issues.push({ path: `rij ${tableRow.row}.levensduur`, row: tableRow.row, column: 'levensduur', message: 'levensduur moet groter dan 0 zijn' });
    const dikte = num('dikte_m');
    if (dikte === 0) issues.push({ path: `rij ${tableRow.row}.dikte_m`, row: tableRow.row, column: 'dikte_m', message: 'dikte moet groter dan 0 zijn' });
    const nlsfb = str('nlsfb');
    if (nlsfb !== undefined && !/^\d{2}(\.\d{1,2})?$/.test(nlsfb)) {
      issues.push({ path: `rij ${tableRow.row}.nlsfb`, row: tableRow.row, column: 'nlsfb', message: `"${nlsfb}" is geen NL-SfB-code (twee cijfers, eventueel .x of .xx)` });
    }
    const lineKey = str('regel_id');
    if (lineKey !== undefined) {
      const firstRow = lineKeys.get(lineKey);
      if (!lineKeyPattern.test(lineKey)) issues.push({ path: `rij ${tableRow.row}.regel_id`, row: tableRow.row, column: 'regel_id', message: `"${lineKey}" is geen geldige regelsleutel (1-80 tekens A-Z, 0-9, . _ : -)` });
      else if (firstRow !== undefined) issues.push({ path: `rij ${tableRow.row}.regel_id`, row: tableRow.row, column: 'regel_id', message: `regelsleutel "${lineKey}" staat ook in rij ${firstRow}` });
      else lineKeys.set(lineKey, tableRow.row);
    }
    if (issues.length > issueCount) continue;

    const line: MaterialLineInput = {
      description: str('materiaal') as string,
      quantity: num('hoeveelheid') as number,
      unit: str('eenheid') as MaterialLineInput['unit'],
      ...(num('massa_kg') !== undefined && { massKg: num('massa_kg') }),
      ...(dikte !== undefined && { thicknessM: dikte }),
      ...(levensduur !== undefined && { serviceLifeYears: levensduur }),
      ...(str('profiel') !== undefined && { profileId: str('profiel') }),
      ...(str('nmd_categorie') !== undefined && { nmdCategory: str('nmd_categorie') as MaterialLineInput['nmdCategory'] }),
      origin: { renewablePct: renewable, reusedPct: reused, recycledPct: recycled },
      endOfLife: { reusePct: eolReuse, recyclingPct: eolRecycling },
      detachability: {
        ...(str('verbinding') !== undefined && { connection: str('verbinding') as DetachabilityInput['connection'] }),
        ...(str('toegankelijkheid') !== undefined && { accessibility: str('toegankelijkheid') as DetachabilityInput['accessibility'] }),
        ...(str('doorkruising') !== undefined && { crossings: str('doorkruising') as DetachabilityInput['crossings'] }),
        ...(str('randopsluiting') !== undefined && { edgeContainment: str('randopsluiting') as DetachabilityInput['edgeContainment'] }),
      },
      hazardous: (values.get('gevaarlijk') as boolean | undefined) ?? false,
    };
    const key = `${nlsfb}\u0000${str('element')}\u0000${str('laag')}`;
    let element = byKey.get(key);
    if (!element) {
      element = { key, nlsfb: nlsfb as string, name: str('element') as string, layer: str('laag') as string, lines: [], rows: [], extras: [] };
      byKey.set(key, element);
      elements.push(element);
    }
    element.lines.push(line);
    element.rows.push(tableRow.row);
    const profileOrigin = str('profiel_herkomst');
    element.extras.push({ ...(lineKey !== undefined && { key: lineKey }), ...(profileOrigin !== undefined && { profileOrigin }) });
  }
  if (issues.length > 0 || !projectData) return { ok: false, issues };

  const input: PassportInput = {
    format: 'kringbouw-passport/1',
    project: projectData,
    elements: elements.map(({ nlsfb, name, layer, lines }) => ({ nlsfb, name, layer: layer as PassportInput['elements'][number]['layer'], lines })),
  };
  const parsed = passportSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })) };
  }
  return { ok: true, passport: parsed.data, sourceRows: elements.flatMap((e) => e.rows), lineExtras: elements.flatMap((e) => e.extras) };
}

function buildProject(project: ProjectInput, issues: PassportIssue[]): PassportInput['project'] | undefined {
  const before = issues.length;
  if (project.bvoM2 === undefined) issues.push({ path: 'project.bvoM2', message: 'BVO ontbreekt: geef --bvo <m²> (of vul bvo_m2 in op het blad Project)' });
  else if (!(project.bvoM2 > 0)) issues.push({ path: 'project.bvoM2', message: 'BVO moet groter dan 0 zijn' });
  if (project.buildingType === undefined) issues.push({ path: 'project.buildingType', message: `gebouwtype ontbreekt: geef --gebouwtype ${buildingTypes.join('|')}` });
  else if (!(buildingTypes as readonly string[]).includes(project.buildingType)) issues.push({ path: 'project.buildingType', message: `onbekend gebouwtype "${project.buildingType}"; kies uit ${buildingTypes.join(', ')}` });
  if (project.useFunction !== undefined && !(useFunctions as readonly string[]).includes(project.useFunction)) {
    issues.push({ path: 'project.useFunction', message: `onbekende gebruiksfunctie "${project.useFunction}"; kies uit ${useFunctions.join(', ')}` });
  }
  if (project.rspYears !== undefined && !(project.rspYears > 0)) issues.push({ path: 'project.rspYears', message: 'referentieperiode moet groter dan 0 zijn' });
  if (project.permitDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(project.permitDate)) issues.push({ path: 'project.permitDate', message: `vergunningsdatum "${project.permitDate}" is geen datum JJJJ-MM-DD` });
  if (issues.length > before) return undefined;
  return {
    bvoM2: project.bvoM2 as number,
    buildingType: project.buildingType as PassportInput['project']['buildingType'],
    ...(project.name !== undefined && { name: project.name }),
    ...(project.useFunction !== undefined && { useFunction: project.useFunction as PassportInput['project']['useFunction'] }),
    ...(project.rspYears !== undefined && { rspYears: project.rspYears }),
    ...(project.permitDate !== undefined && { permitDate: project.permitDate }),
  };
}
