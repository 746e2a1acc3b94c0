/**
 * Environmental profiles from ILCD+EPD process datasets in the JSON form that soda4LCA nodes such as ÖKOBAUDAT serve
 * (`…/processes/<uuid>?format=JSON&view=extended`): the reference flow carries its unit (`flowProperties`) and material
 * properties, so one file is enough. Indicators are recognised by the abbreviation the ÖKOBAUDAT method names end with,
 * e.g. "Global Warming Potential (GWP)" or "… (GWP-total)". Pure: takes parsed JSON, never throws.
 *
 * Checked against real ÖKOBAUDAT datasets (fixtures/ilcd/README.md): names may exist in German only, a module may be
 * declared once per scenario (then the dataset's default scenario counts) and the biogenic carbon content is a flow
 * property of the reference flow.
 *
 * The ILCD XML archive form (unit and density in separate flow datasets) is read by @kringbouw/passport-io
 * (`readEpdFile`), which turns it into this shape first.
 */
import type { A1Category, A2Category, Module, Unit } from './model.ts';
import type { EnvironmentalProfile, ImpactTable } from './profiles.ts';
import type { EpdImportResult, EpdIssue } from './epd-lcax.ts';

const unitMap: Record<string, Unit> = { kg: 'kg', m3: 'm3', 'm^3': 'm3', qm: 'm2', m2: 'm2', 'm^2': 'm2', m: 'm', 'pcs.': 'st', pcs: 'st', stk: 'st' };
const moduleMap: Record<string, Module> = {
  'A1-A3': 'A1-A3', A4: 'A4', A5: 'A5', B1: 'B1', B2: 'B2', B3: 'B3', B4: 'B4', B5: 'B5', C1: 'C1', C2: 'C2', C3: 'C3', C4: 'C4', D: 'D',
};
const a1Abbrev: Record<string, A1Category> = { gwp: 'gwp', odp: 'odp', pocp: 'pocp', ap: 'ap', ep: 'ep', adpe: 'adpe', adpf: 'adpf' };
const a2Abbrev: Record<string, A2Category> = {
  gwptotal: 'gwpTotal', gwpfossil: 'gwpFossil', gwpbiogenic: 'gwpBiogenic', gwpluluc: 'gwpLuluc', odp: 'odp', ap: 'ap',
  epfreshwater: 'epFreshwater', epmarine: 'epMarine', epterrestrial: 'epTerrestrial', pocp: 'pocp', adpe: 'adpe', adpf: 'adpf',
  wdp: 'wdp', pm: 'pm', irp: 'irp', ir: 'irp', etpfw: 'etpFw', htpc: 'htpC', htpnc: 'htpNc', sqp: 'sqp',
};
/** ILCD flow property "Carbon content (biogenic)" (kg C per unit of the reference flow property), as ÖKOBAUDAT uses it. */
const biogenicCarbonProperty = { uuid: '62e503ce-544a-4599-b2ad-bcea15a7bf20', name: 'carbon content (biogenic)' };

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);
const get = (v: unknown, ...path: string[]): unknown => path.reduce<unknown>((acc, key) => (isRec(acc) ? acc[key] : undefined), v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const text = (v: unknown, lang: string): string | undefined => {
  const items = list(v).filter(isRec);
  const hit = items.find((i) => i.lang === lang) ?? items[0];
  return typeof hit?.value === 'string' ? hit.value : undefined;
};
/** The non-empty string in exactly this language (no fallback to another language), trimmed. */
const textIn = (v: unknown, lang: string | undefined): string | undefined => {
  const hit = list(v)
    .filter(isRec)
    .find((i) => (lang === undefined || i.lang === lang) && typeof i.value === 'string' && i.value.trim() !== '');
  return typeof hit?.value === 'string' ? hit.value.trim() : undefined;
};
const num = (v: unknown): number | undefined => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
};

/**
 * Converts an ILCD+EPD process dataset (soda4LCA extended JSON) into an environmental profile. EN 15804+A2 datasets
 * (profile attribute or compliance "EN 15804+A2") fill the A2 table, others the A1 table. Impacts are divided by the
 * reference flow amount. Empty values (indicator not assessed) stay missing. Mass per declared unit from the material
 * properties gross density / grammage / linear density.
 */
export function profileFromIlcdJson(data: unknown, { source = 'ilcd-epd' }: { source?: string } = {}): EpdImportResult {
  const issues: EpdIssue[] = [];
  if (!isRec(data)) return { ok: false, issues: [{ path: '(root)', message: 'een ILCD-dataset is een JSON-object' }] };
  const info = get(data, 'processInformation', 'dataSetInformation');
  const uuid = get(info, 'UUID');
  if (typeof uuid !== 'string' || uuid.trim() === '') issues.push({ path: 'processInformation.dataSetInformation.UUID', message: 'UUID ontbreekt' });
  const baseName = get(info, 'name', 'baseName');
  const nameDe = textIn(baseName, 'de');
  // A name in another language only is kept as the English label rather than dropped.
  const nameEn = textIn(baseName, 'en') ?? (nameDe ? undefined : textIn(baseName, undefined));
  if (!nameEn && !nameDe) issues.push({ path: 'processInformation.dataSetInformation.name', message: 'naam ontbreekt' });

  const profileAttr = Object.values(isRec(data.otherAttributes) ? data.otherAttributes : {}).map(String).join(' ');
  const compliance = list(get(data, 'modellingAndValidation', 'complianceDeclarations', 'compliance'))
    .map((c) => text(get(c, 'referenceToComplianceSystem', 'shortDescription'), 'en') ?? '')
    .join(' ');
  const set = /15804_A2|15804\s*\+\s*A2/i.test(`${profileAttr} ${compliance}`) ? 'a2' : 'a1';
  // Scenarios (e.g. module D "energetisch" / "stofflich"): the one marked default is the dataset's own choice.
  const defaultScenarios = new Set(
    list(get(info, 'other', 'anies'))
      .flatMap((any) => list(get(any, 'scenario')))
      .filter((s): s is Rec => isRec(s) && (s.default === true || s.default === 'true') && typeof s.name === 'string')
      .map((s) => s.name as string),
  );

  const exchanges = list(get(data, 'exchanges', 'exchange')).filter(isRec);
  const refId = num(list(get(data, 'processInformation', 'quantitativeReference', 'referenceToReferenceFlow'))[0]);
  const reference = exchanges.find((e) => e.referenceFlow === true) ?? exchanges.find((e) => num(e.dataSetInternalID) === refId);
  let unit: Unit | undefined;
  let amount = 1;
  let kgPerUnit: number | undefined;
  let biogenicCarbonKgC: number | undefined;
  if (!reference) {
    issues.push({ path: 'exchanges', message: 'referentiestroom ontbreekt (exporteer met view=extended)' });
  } else {
    amount = num(reference.resultingAmount) ?? num(reference.meanAmount) ?? 1;
    if (!(amount > 0)) issues.push({ path: 'exchanges.referenceFlow.meanAmount', message: 'hoeveelheid van de referentiestroom moet positief zijn' });
    const property = list(reference.flowProperties).filter(isRec).find((p) => p.referenceFlowProperty === true);
    const rawUnit = typeof property?.referenceUnit === 'string' ? property.referenceUnit : undefined;
    unit = rawUnit ? unitMap[rawUnit.toLowerCase()] ?? unitMap[rawUnit] : undefined;
    if (!unit) issues.push({ path: 'exchanges.referenceFlow.flowProperties', message: `eenheid van de referentiestroom "${rawUnit ?? '?'}" wordt niet ondersteund (kg, m3, qm, m, pcs.)` });
    const props = new Map(list(reference.materialProperties).filter(isRec).map((p) => [String(p.name).toLowerCase(), num(p.value)]));
    if (unit === 'kg') kgPerUnit = 1;
    else if (unit === 'm3') kgPerUnit = props.get('gross density') ?? props.get('bulk density');
    else if (unit === 'm2') kgPerUnit = props.get('grammage');
    else if (unit === 'm') kgPerUnit = props.get('linear density');
    const carbon = list(reference.flowProperties)
      .filter(isRec)
      .find((p) => p.uuid === biogenicCarbonProperty.uuid || textIn(p.name, 'en')?.toLowerCase() === biogenicCarbonProperty.name);
    if (carbon) {
      biogenicCarbonKgC = num(carbon.meanValue);
      if (biogenicCarbonKgC === undefined || biogenicCarbonKgC < 0) {
        issues.push({ path: 'exchanges.referenceFlow.flowProperties.carbonContentBiogenic', message: 'biogeen koolstofgehalte moet een getal ≥ 0 zijn (kg C)' });
      }
    }
  }

  const notes: string[] = [];
  const scenarioNotes = new Set<string>();
  const table: Partial<Record<Module, Partial<Record<string, number>>>> = {};
  const results = list(get(data, 'LCIAResults', 'LCIAResult')).filter(isRec);
  if (results.length === 0) issues.push({ path: 'LCIAResults', message: 'geen LCIA-resultaten' });
  const keys: Record<string, string> = set === 'a1' ? a1Abbrev : a2Abbrev;
  results.forEach((result, i) => {
    const label = text(get(result, 'referenceToLCIAMethodDataSet', 'shortDescription'), 'en') ?? '';
    const abbrev = /\(([^()]+)\)\s*$/.exec(label)?.[1]?.toLowerCase().replace(/[^a-z0-9]/g, '') ?? '';
    const category = keys[abbrev];
    if (!category) {
      notes.push(`indicator "${label || `#${i}`}" valt buiten het model en is genegeerd`);
      return;
    }
    const byModule = new Map<Module, Rec[]>();
    for (const entry of list(get(result, 'other', 'anies')).filter(isRec)) {
      if (typeof entry.module !== 'string') continue;
      const module = moduleMap[entry.module.toUpperCase()];
      if (module) byModule.set(module, [...(byModule.get(module) ?? []), entry]);
    }
    for (const [module, entries] of byModule) {
      let entry = entries[0] as Rec;
      if (entries.length > 1) {
        const scenarios = entries.map((e) => String(e.scenario ?? '(geen)')).join(', ');
        const preferred = entries.find((e) => typeof e.scenario === 'string' && defaultScenarios.has(e.scenario));
        entry = preferred ?? entries.find((e) => e.scenario === undefined) ?? entry;
        scenarioNotes.add(
          preferred
            ? `${module}: standaardscenario "${String(preferred.scenario)}" gebruikt (gedeclareerd: ${scenarios})`
            : `${module}: meerdere scenario's (${scenarios}) zonder standaardscenario; "${String(entry.scenario ?? '(geen)')}" is gebruikt`,
        );
      }
      const value = num(entry.value);
      if (entry.value !== undefined && entry.value !== '' && value === undefined) {
        issues.push({ path: `LCIAResults.LCIAResult.${i}.${module}`, message: `"${String(entry.value)}" is geen getal` });
        continue;
      }
      if (value === undefined) continue;
      const row = (table[module] ??= {});
      row[category] = value / amount;
    }
  });
  notes.push(...scenarioNotes);
  if (results.length > 0 && Object.keys(table).length === 0 && issues.length === 0) issues.push({ path: 'LCIAResults', message: `geen bruikbare ${set.toUpperCase()}-indicatoren gevonden` });
  if (issues.length > 0 || !unit) return { ok: false, issues };

  const profile: EnvironmentalProfile = {
    id: (uuid as string).trim(),
    source,
    release: typeof data.version === 'string' ? `ILCD ${data.version}` : 'ILCD',
    name: { ...(nameEn && { en: nameEn }), ...(nameDe && { de: nameDe }) },
    declaredUnit: unit,
    ...(kgPerUnit !== undefined && { kgPerDeclaredUnit: kgPerUnit }),
    ...(biogenicCarbonKgC !== undefined && { biogenicCarbonKgC }),
    ...(set === 'a1' ? { a1: table as ImpactTable<A1Category> } : { a2: table as ImpactTable<A2Category> }),
    ...(typeof data.source === 'string' && { url: data.source }),
  };
  if (unit === 'm3' && kgPerUnit !== undefined) profile.densityKgM3 = kgPerUnit;
  if (unit === 'm2' && kgPerUnit !== undefined) profile.areaWeightKgM2 = kgPerUnit;
  if (unit === 'm' && kgPerUnit !== undefined) profile.linearWeightKgM = kgPerUnit;
  return { ok: true, profile, notes };
}
