/**
 * The indicator engine: one pure function from (passport, profile library, method data, options) to a result with a
 * full breakdown. Deterministic: iteration follows the passport's order and the profile library's sorted ids; sums
 * run in a fixed order, so the same input and data give bit-identical output.
 *
 * Hot path design: every referenced profile is compiled once into typed arrays (module × category impacts, MKI and
 * GWP per module per declared unit); per line only a handful of scalars are computed, and per-profile weights are
 * accumulated in Float64Arrays. Building totals are then profile weights × compiled vectors.
 */
import type { Layer, LcaBuildingType, Module, ReplacementRule, Unit, UseFunction, WeightingSet } from './model.ts';
import { categoriesOf, layers, modules, units } from './model.ts';
import type { MethodData } from './method-data.ts';
import { lookupMpgLimit, methodData, methodDataVersions } from './method-data.ts';
import type { MaterialLine, Passport } from './passport.ts';
import type { EnvironmentalProfile, ProfileLibrary } from './profiles.ts';
import { kgPerUnit } from './profiles.ts';
import { placementCount } from './replacements.ts';
import { detachabilityIndexOf, detachabilityScores } from './detachability.ts';
import { mciOf } from './mci.ts';
import { defaultProfileFor } from './suggest.ts';
import { biogenicMethodCode, conversionCode, LineBreakdown, type LineResult, profileName, profileSourceCode } from './line-breakdown.ts';

const M = modules.length;
const IDX_A1A3 = 0;
const IDX_A5 = 2;
const IDX_D = M - 1;

export interface CalculationOptions {
  library: ProfileLibrary;
  data?: MethodData;
  /** Default `nmd`. */
  replacementRule?: ReplacementRule;
  /** Default `a1` (the legal MPG basis). */
  weightingSet?: WeightingSet;
  /** Use the synonyms-table default profile for lines that name a material but no profile. Default true. */
  autoMapProfiles?: boolean;
  /**
   * Build `lines`, the per-line breakdown (default true). With false the totals, warnings and every indicator are the
   * same but `lines` is empty — for portfolio runs over many or very large passports.
   */
  lineBreakdown?: boolean;
}

export type WarningCode =
  | 'PROFIEL_ONBEKEND'
  | 'PROFIEL_ONTBREEKT'
  | 'PROFIEL_VOORGESTELD'
  | 'MASSA_ONTBREEKT'
  | 'EENHEID_ONVERENIGBAAR'
  | 'EENHEID_OMGEREKEND'
  | 'LEVENSDUUR_ONTBREEKT'
  | 'GEEN_DATA_WEGINGSSET'
  | 'CATEGORIE_NIET_GEWOGEN'
  | 'CATEGORIE_ONTBREEKT'
  | 'LOSMAAKBAARHEID_ONVOLLEDIG'
  | 'BIOGEEN_ONBEKEND'
  | 'GWP_ONTBREEKT';

/** The values a warning's message is built from, so a UI can word it in its own language. */
export type WarningParams = Readonly<Record<string, string | number>>;

export interface LcaWarning {
  code: WarningCode;
  /** Dutch text for the CLI, reports and logs; `params` carries the same facts for translation. */
  message: string;
  params: WarningParams;
  /** 1-based positions of the affected lines in passport order (element by element). */
  lines: number[];
}

export type { LineResult } from './line-breakdown.ts';

export interface HnnCheck {
  indicator: string;
  name: string;
  theme: string;
  category: string;
  unit: string;
  value: number | null;
  level: number | null;
  comparison: 'max' | 'min' | 'none';
  status: 'voldoet' | 'voldoet niet' | 'geen niveau' | 'niet berekend';
  note?: string;
}

export interface LcaResult {
  indicatief: boolean;
  label: string;
  project: {
    bvoM2: number;
    buildingType: LcaBuildingType;
    useFunction: UseFunction;
    rspYears: number;
    permitDate: string | null;
    replacementRule: ReplacementRule;
    weightingSet: WeightingSet;
  };
  mpg: {
    value: number | null;
    limit: number | null;
    pass: boolean | null;
    marginEurPerM2Yr: number | null;
    weightingSet: WeightingSet;
    unweightedCategories: { category: string; reason: string }[];
    limitSource: string | null;
    notes: string[];
  };
  mki: {
    total: number | null;
    surchargeEur: number;
    byModule: Partial<Record<Module, number>>;
    byCategory: Record<string, number>;
    byElement: { element: number; nlsfb: string; name: string; layer: Layer; mki: number }[];
    byLayer: Partial<Record<Layer, number>>;
  };
  gwp: {
    a1a3: number;
    a1a5: number;
    total: number;
    d: number;
    replacements: number;
    byModule: Partial<Record<Module, number>>;
    perM2: { a1a3: number; a1a5: number; total: number; d: number };
    parisProofPerM2: number;
    parisProofScope: string;
  };
  biogenicCarbonKgCO2: number;
  materialOrigin: { massKg: number; renewablePct: number | null; reusedPct: number | null; recycledPct: number | null; primaryPct: number | null };
  /** Mass-weighted end-of-life scenario of the passport (HNN "hergebruikpotentieel", indicative). */
  endOfLife: { massKg: number; reusePct: number | null; recyclingPct: number | null; restPct: number | null };
  /** Lines flagged as containing substances of concern (HNN "gezonde materialen" has no number yet). */
  hazardous: { lines: number; massKg: number };
  detachability: { index: number | null; byLayer: Partial<Record<Layer, number>>; weighting: 'mki' | 'massa' | null };
  mci: number | null;
  hnn: HnnCheck[];
  /**
   * Per-line breakdown as columns; `at(i)`, iteration and JSON give `LineResult` objects (ADR 0003). It reads the
   * descriptive fields from the passport by reference: do not change the passport while the result is in use.
   */
  lines: LineBreakdown;
  warnings: LcaWarning[];
  dataVersions: Record<string, string>;
}

/** A result without its per-line breakdown: what is posted from a worker or kept as a summary. */
export type LcaSummary = Omit<LcaResult, 'lines'>;

interface CompiledProfile {
  profile: EnvironmentalProfile;
  /** Weighted € per declared unit per module (categories with data and price). */
  mki: Float64Array;
  mkiModules: number;
  mkiTotal: number;
  mkiExclD: number;
  hasWeighted: boolean;
  /** € per declared unit per weighted category, summed over modules. */
  mkiByCategory: Float64Array;
  gwp: Float64Array;
  gwpModules: number;
  categoriesPresent: boolean[];
  /** kgPerUnit(profile, unit) by unitIndex, NaN where unknown: read without the allocation of a generic double load. */
  kgPerUnit: Float64Array;
}

const unitIndex = Object.fromEntries(units.map((unit, i) => [unit, i])) as Readonly<Record<Unit, number>>;

interface Pricing {
  categories: readonly string[];
  /** € per category unit as stored in profiles (ADPf in MJ under A1 is converted here); NaN = not priced. */
  price: Float64Array;
  unpricedReasons: Map<string, string>;
}

function pricing(set: WeightingSet, data: MethodData): Pricing {
  const categories = categoriesOf[set];
  const price = new Float64Array(categories.length).fill(Number.NaN);
  const unpricedReasons = new Map<string, string>();
  categories.forEach((category, i) => {
    if (set === 'a1') {
      const p = data.a1Prices.prices[category as keyof typeof data.a1Prices.prices];
      if (p) price[i] = category === 'adpf' ? p.eurPerUnit * data.a1Prices.adpfMjToKgSbEq : p.eurPerUnit;
      else unpricedReasons.set(category, 'geen schaduwprijs in de methodedata');
    } else {
      const p = data.a2Prices.prices[category as keyof typeof data.a2Prices.prices];
      if (p) price[i] = p.eurPerUnit;
      else unpricedReasons.set(category, data.a2Prices.unpriced[category as keyof typeof data.a2Prices.unpriced] ?? 'geen milieuprijs in de methodedata');
    }
  });
  return { categories, price, unpricedReasons };
}

function compile(profile: EnvironmentalProfile, set: WeightingSet, p: Pricing): CompiledProfile {
  const table = (set === 'a1' ? profile.a1 : profile.a2) as Partial<Record<Module, Partial<Record<string, number>>>> | undefined;
  const n = p.categories.length;
  const mki = new Float64Array(M);
  const mkiByCategory = new Float64Array(n);
  const categoriesPresent = new Array<boolean>(n).fill(false);
  let mkiModules = 0;
  let hasWeighted = false;
  for (let m = 0; m < M; m++) {
    const row = table?.[modules[m] as Module];
    if (!row) continue;
    let sum = 0;
    let weighted = false;
    for (let c = 0; c < n; c++) {
      const value = row[p.categories[c] as string];
      if (value === undefined) continue;
      categoriesPresent[c] = true;
      const price = p.price[c] as number;
      if (Number.isNaN(price)) continue;
      const eur = value * price;
      sum += eur;
      mkiByCategory[c] = (mkiByCategory[c] as number) + eur;
      weighted = true;
    }
    if (weighted) {
      mki[m] = sum;
      mkiModules |= 1 << m;
      hasWeighted = true;
    }
  }
  let mkiTotal = 0;
  for (let m = 0; m < M; m++) mkiTotal += mki[m] as number;
  const mkiExclD = mkiTotal - (mki[IDX_D] as number);

  const gwp = new Float64Array(M);
  let gwpModules = 0;
  const a2HasGwp = profile.a2 !== undefined && modules.some((m) => profile.a2?.[m]?.gwpTotal !== undefined);
  for (let m = 0; m < M; m++) {
    const module = modules[m] as Module;
    const value = a2HasGwp ? profile.a2?.[module]?.gwpTotal : profile.a1?.[module]?.gwp;
    if (value === undefined) continue;
    gwp[m] = value;
    gwpModules |= 1 << m;
  }
  const kgPer = new Float64Array(units.length).fill(Number.NaN);
  for (const unit of units) kgPer[unitIndex[unit]] = kgPerUnit(profile, unit) ?? Number.NaN;
  return { profile, mki, mkiModules, mkiTotal, mkiExclD, hasWeighted, mkiByCategory, gwp, gwpModules, categoriesPresent, kgPerUnit: kgPer };
}

const compileCache = new WeakMap<MethodData, WeakMap<ProfileLibrary, Map<WeightingSet, Map<string, CompiledProfile>>>>();
function compiledFor(library: ProfileLibrary, set: WeightingSet, data: MethodData, p: Pricing, id: string): CompiledProfile | undefined {
  let byLibrary = compileCache.get(data);
  if (!byLibrary) {
    byLibrary = new WeakMap();
    compileCache.set(data, byLibrary);
  }
  let bySet = byLibrary.get(library);
  if (!bySet) {
    bySet = new Map();
    byLibrary.set(library, bySet);
  }
  let cache = bySet.get(set);
  if (!cache) {
    cache = new Map();
    bySet.set(set, cache);
  }
  let compiled = cache.get(id);
  if (!compiled) {
    const profile = library.profiles.get(id);
    if (!profile) return undefined;
    compiled = compile(profile, set, p);
    cache.set(id, compiled);
  }
  return compiled;
}

class Warnings {
  private readonly byCode = new Map<WarningCode, Map<string, LcaWarning>>();
  private readonly order: LcaWarning[] = [];
  /** Adds `line` to an existing warning; false when there is none yet (the caller then builds the message). */
  hit(code: WarningCode, key: string, line: number): boolean {
    const w = this.byCode.get(code)?.get(key);
    if (!w) return false;
    w.lines.push(line);
    return true;
  }
  add(code: WarningCode, key: string, message: string, params: WarningParams, line?: number): void {
    let map = this.byCode.get(code);
    if (!map) {
      map = new Map();
      this.byCode.set(code, map);
    }
    let w = map.get(key);
    if (!w) {
      w = { code, message, params, lines: [] };
      map.set(key, w);
      this.order.push(w);
    }
    if (line !== undefined) w.lines.push(line);
  }
  list(): LcaWarning[] {
    return [...this.order];
  }
}

const round = (value: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/**
 * Calculates all indicators of a passport.
 *
 * - Impact per line = declared-unit quantity × placements (rule `nmd` or `en15978`, see placementsFor) × profile
 *   impact per module and category. Declared-unit quantity: the line quantity when units match, else via mass
 *   (massa_kg, or density / area weight / linear weight of the profile) or via layer thickness.
 * - MKI (€) = Σ impact × shadow price (A1, data/methods/nmd-shadow-prices-a1.json; ADPf MJ × 4.81E-4 kg Sb-eq/MJ) or
 *   environmental price (A2, data/methods/environmental-prices-a2.json; GWP-total only). Categories without data or
 *   price are listed as unweighted, never counted as 0. NMD category 3: MKI × 1.3 (not 3a).
 * - MPG = Σ MKI / (BVO × RSP) in €/m² BVO/yr, against data/methods/mpg-limits.json.
 * - GWP (kg CO2-eq): a1a3 and a1a5 of the initial placement; total = all modules except D over the RSP
 *   (replacements included); d = module D over the RSP; Paris Proof = initial A1-A5 per m² BVO (scope choice in
 *   data/methods/hnn-levels.json).
 * - Stored biogenic CO2 (kg, indicative): profile carbon content × 44/12, else −GWP-biogenic A1-A3, else for timber
 *   EN 16449: 44/12 × 0.5 × oven-dry mass (mass ÷ (1 + moisture/100)). Initial placement only.
 * - Material origin: mass-weighted shares; detachability: LI v2.0 per line, MKI-weighted per layer and building;
 *   MCI (EMF) per line and mass-weighted.
 * Units as named in the result; no rounding except the MPG value and margin (4 decimals, €/m²·yr).
 */
export function calculateIndicators(passport: Passport, options: CalculationOptions): LcaResult {
  const data = options.data ?? methodData;
  const set = options.weightingSet ?? 'a1';
  const rule = options.replacementRule ?? 'nmd';
  const autoMap = options.autoMapProfiles ?? true;
  const breakdown = options.lineBreakdown ?? true;
  const library = options.library;
  const project = passport.project;
  const useFunction = project.useFunction ?? data.defaults.defaultUseFunction[project.buildingType];
  const rspYears = project.rspYears ?? data.defaults.rspYears[useFunction];
  const bvo = project.bvoM2;
  const p = pricing(set, data);
  const nCat = p.categories.length;
  const warnings = new Warnings();
  const liScores = detachabilityScores(data);

  // Per-profile accumulators, indexed by first use.
  const used: CompiledProfile[] = [];
  const usedIndex = new Map<string, number>();
  let wInit = new Float64Array(64);
  let wTotal = new Float64Array(64);
  let wMki = new Float64Array(64);

  const elementCount = passport.elements.length;
  const elementMki = new Float64Array(elementCount);
  const elementHasMki = new Uint8Array(elementCount);
  const layerLiWeighted = new Float64Array(layers.length);
  const layerLiWeight = new Float64Array(layers.length);
  const layerLiMassWeighted = new Float64Array(layers.length);
  const layerLiMass = new Float64Array(layers.length);
  const layerLiCount = new Float64Array(layers.length);
  const layerLiSum = new Float64Array(layers.length);

  // Running sums live in objects rather than in closure variables: V8 keeps double fields of an object in place,
  // while every store of a double into a captured variable allocates a new heap number (≈ 300 bytes per line).
  const acc = { mkiSurcharge: 0.5, biogenicTotal: 0.5, massTotal: 0.5, renewableKg: 0.5, eolReuseKg: 0.5, eolRecyclingKg: 0.5, hazardousMassKg: 0.5, reusedKg: 0.5, recycledKg: 0.5, mciWeighted: 0.5, mciMass: 0.5 };
  for (const key of Object.keys(acc) as (keyof typeof acc)[]) acc[key] = 0;
  let hazardousLines = 0;
  let anyMki = false;
  let liLinesWithoutMki = 0;
  let liLines = 0;

  let lineCount = 0;
  for (const element of passport.elements) lineCount += element?.lines.length ?? 0;
  const sourceLines: MaterialLine[] = breakdown ? new Array<MaterialLine>(lineCount) : [];
  const lines = breakdown ? new LineBreakdown(sourceLines, passport.elements, used) : LineBreakdown.empty();
  let lineNo = 0;
  /** What calculateLine leaves for the layer aggregation (same reason as `acc`: no captured doubles). */
  const out = { mkiExclD: 0.5, mki: 0.5, hasMki: false, li: 0.5, mass: 0.5, hasMass: false };
  const layerIdx = new Map<Layer, number>(layers.map((l, i) => [l, i]));

  /**
   * Computes one line, accumulates its contributions, and leaves its MKI (excl. D), MKI, LI and mass in `out` for the
   * layer aggregation. Writes the line's breakdown columns when `breakdown` is on.
   */
  function calculateLine(line: MaterialLine, n: number, e: number): void {
    if (line.hazardous) hazardousLines += 1;
    let profileId = line.profileId ?? null;
    let profileSource: LineResult['profileSource'] = profileId ? 'passport' : null;
    if (!profileId && autoMap) {
      const suggestion = defaultProfileFor(line.description, library, data);
      if (suggestion) {
        profileId = suggestion.profileId;
        profileSource = 'suggested';
        if (!warnings.hit('PROFIEL_VOORGESTELD', `${line.description}|${suggestion.profileId}`, n)) warnings.add('PROFIEL_VOORGESTELD', `${line.description}|${suggestion.profileId}`, `Geen profiel opgegeven voor "${line.description}": standaardprofiel "${suggestion.name}" (${suggestion.profileId}) gebruikt — controleer dit.`, { description: line.description, profile: suggestion.name, profileId: suggestion.profileId }, n);
      }
    }
    if (!profileId && !warnings.hit('PROFIEL_ONTBREEKT', line.description, n)) {
      warnings.add('PROFIEL_ONTBREEKT', line.description, `Geen milieuprofiel voor "${line.description}" (niet opgegeven en geen synoniem gevonden): geen milieu-impact berekend.`, { description: line.description }, n);
    }
    const compiled = profileId ? lookup(profileId) : undefined;
    if (profileId && !compiled) {
      if (!warnings.hit('PROFIEL_ONBEKEND', profileId, n)) warnings.add('PROFIEL_ONBEKEND', profileId, `Profiel "${profileId}" staat niet in de bibliotheek ${library.id}: geen milieu-impact berekend.`, { profileId, library: library.id }, n);
    }
    const profile = compiled?.profile;

    // Mass: given, or from the profile's density / area weight / linear weight.
    // Unknown numbers are NaN rather than undefined/null in this function: a local that can hold either a double or
    // undefined is kept boxed by V8, which allocated a heap number per value (≈ 120 bytes per line in total).
    let massKg = line.massKg ?? Number.NaN;
    if (Number.isNaN(massKg)) {
      if (line.unit === 'kg') massKg = line.quantity;
      else if (compiled) {
        const k = compiled.kgPerUnit[unitIndex[line.unit]] as number;
        if (!Number.isNaN(k)) massKg = line.quantity * k;
        else if (line.thicknessM !== undefined && line.unit === 'm2' && compiled.profile.densityKgM3 !== undefined) {
          massKg = line.quantity * line.thicknessM * compiled.profile.densityKgM3;
        }
      }
    }
    if (Number.isNaN(massKg) && !warnings.hit('MASSA_ONTBREEKT', '', n)) warnings.add('MASSA_ONTBREEKT', '', 'Massa onbekend (geen massa_kg en niet af te leiden uit het profiel): regel telt niet mee in herkomst, MCI en massaweging.', {}, n);

    // Quantity in the profile's declared unit.
    let declared = Number.NaN;
    let conversion: LineResult['conversion'] = null;
    if (profile) {
      if (line.unit === profile.declaredUnit) {
        declared = line.quantity;
        conversion = 'gelijk';
      } else if (line.thicknessM !== undefined && line.unit === 'm2' && profile.declaredUnit === 'm3') {
        declared = line.quantity * line.thicknessM;
        conversion = 'via dikte';
      } else if (line.thicknessM !== undefined && line.unit === 'm3' && profile.declaredUnit === 'm2') {
        declared = line.quantity / line.thicknessM;
        conversion = 'via dikte';
      } else if (!Number.isNaN(massKg) && profile.kgPerDeclaredUnit !== undefined) {
        declared = massKg / profile.kgPerDeclaredUnit;
        conversion = 'via massa';
      }
      if (Number.isNaN(declared)) {
        if (!warnings.hit('EENHEID_ONVERENIGBAAR', `${line.unit}|${profile.id}`, n)) warnings.add('EENHEID_ONVERENIGBAAR', `${line.unit}|${profile.id}`, `Eenheid ${line.unit} is niet om te rekenen naar de gedeclareerde eenheid ${profile.declaredUnit} van "${profileName(profile)}" (geen massa, dichtheid, oppervlaktegewicht of dikte): geen milieu-impact berekend.`, { unit: line.unit, declaredUnit: profile.declaredUnit, profile: profileName(profile) }, n);
      } else if (conversion !== 'gelijk') {
        if (!warnings.hit('EENHEID_OMGEREKEND', `${line.unit}|${profile.declaredUnit}|${conversion}`, n)) warnings.add('EENHEID_OMGEREKEND', `${line.unit}|${profile.declaredUnit}|${conversion}`, `Hoeveelheid omgerekend van ${line.unit} naar ${profile.declaredUnit} ${conversion}.`, { unit: line.unit, declaredUnit: profile.declaredUnit, conversion: conversion ?? '' }, n);
      }
    }

    if (line.serviceLifeYears === undefined && profile) {
      if (!warnings.hit('LEVENSDUUR_ONTBREEKT', '', n)) warnings.add('LEVENSDUUR_ONTBREEKT', '', 'Levensduur ontbreekt: geen vervangingen gerekend (alsof het product de hele referentieperiode meegaat).', {}, n);
    }
    const placements = placementCount(rule, rspYears, line.serviceLifeYears);
    const nmdCategory = line.nmdCategory ?? profile?.nmdCategory ?? null;
    const surchargeFactor = nmdCategory ? data.defaults.categorySurcharge[nmdCategory] : 1;

    let mkiEur = Number.NaN;
    out.mkiExclD = 0;
    if (compiled && !Number.isNaN(declared)) {
      const k = usedIndex.get(compiled.profile.id) as number;
      const total = declared * placements;
      wInit[k] = (wInit[k] as number) + declared;
      wTotal[k] = (wTotal[k] as number) + total;
      if (compiled.hasWeighted) {
        wMki[k] = (wMki[k] as number) + total * surchargeFactor;
        mkiEur = total * surchargeFactor * compiled.mkiTotal;
        out.mkiExclD = total * surchargeFactor * compiled.mkiExclD;
        acc.mkiSurcharge += total * (surchargeFactor - 1) * compiled.mkiTotal;
        anyMki = true;
      } else {
        if (!warnings.hit('GEEN_DATA_WEGINGSSET', compiled.profile.id, n)) warnings.add('GEEN_DATA_WEGINGSSET', compiled.profile.id, `Profiel "${profileName(compiled.profile)}" heeft geen waarden voor de ${set.toUpperCase()}-weging: MKI van deze regels ontbreekt.`, { profile: profileName(compiled.profile), weightingSet: set.toUpperCase() }, n);
      }
      const mask = compiled.gwpModules;
      if (mask === 0 && !warnings.hit('GWP_ONTBREEKT', compiled.profile.id, n)) warnings.add('GWP_ONTBREEKT', compiled.profile.id, `Profiel "${profileName(compiled.profile)}" declareert geen GWP.`, { profile: profileName(compiled.profile) }, n);
      if (breakdown) lines.rspQuantity[n - 1] = total;
    }

    // Stored biogenic carbon (initial placement).
    let biogenic = Number.NaN;
    let biogenicMethod: LineResult['biogenicMethod'] = null;
    if (profile && !Number.isNaN(declared)) {
      const bioA2 = profile.a2?.['A1-A3']?.gwpBiogenic;
      if (profile.biogenicCarbonKgC !== undefined) {
        biogenic = declared * profile.biogenicCarbonKgC * data.defaults.co2PerC;
        biogenicMethod = 'koolstofgehalt';
      } else if (bioA2 !== undefined && bioA2 < 0) {
        biogenic = -bioA2 * declared;
        biogenicMethod = 'gwp-biogeen';
      } else if (profile.timber && !Number.isNaN(massKg)) {
        const dry = (massKg / (1 + profile.timber.moisturePct / 100)) * profile.timber.woodShare;
        biogenic = data.defaults.co2PerC * data.defaults.en16449CarbonFraction * dry;
        biogenicMethod = 'EN 16449';
      } else if (profile.timber) {
        if (!warnings.hit('BIOGEEN_ONBEKEND', profile.id, n)) warnings.add('BIOGEEN_ONBEKEND', profile.id, `Opgeslagen biogene CO2 van "${profileName(profile)}" onbekend: massa ontbreekt.`, { profile: profileName(profile), variant: 'massa' }, n);
      } else {
        biogenic = 0;
        biogenicMethod = 'geen';
        if (line.origin.renewablePct > 0) {
          if (!warnings.hit('BIOGEEN_ONBEKEND', profile.id, n)) warnings.add('BIOGEEN_ONBEKEND', profile.id, `Regel met hernieuwbaar aandeel maar profiel "${profileName(profile)}" zonder biogeen koolstofgehalte: opgeslagen CO2 als 0 geteld.`, { profile: profileName(profile), variant: 'hernieuwbaar' }, n);
        }
      }
      if (!Number.isNaN(biogenic)) acc.biogenicTotal += biogenic;
    }

    // Origin and MCI by mass.
    let mci = Number.NaN;
    if (!Number.isNaN(massKg)) {
      acc.massTotal += massKg;
      acc.renewableKg += (massKg * line.origin.renewablePct) / 100;
      acc.eolReuseKg += (massKg * line.endOfLife.reusePct) / 100;
      acc.eolRecyclingKg += (massKg * line.endOfLife.recyclingPct) / 100;
      if (line.hazardous) acc.hazardousMassKg += massKg;
      acc.reusedKg += (massKg * line.origin.reusedPct) / 100;
      acc.recycledKg += (massKg * line.origin.recycledPct) / 100;
      const value = mciOf(
        massKg,
        line.origin.recycledPct / 100,
        line.origin.reusedPct / 100,
        line.origin.renewablePct / 100,
        line.endOfLife.recyclingPct / 100,
        line.endOfLife.reusePct / 100,
        data,
      );
      if (!Number.isNaN(value)) {
        mci = value;
        acc.mciWeighted += massKg * value;
        acc.mciMass += massKg;
      }
    }

    const lineLi = detachabilityIndexOf(line.detachability, liScores);
    if (Number.isNaN(lineLi)) {
      if (!warnings.hit('LOSMAAKBAARHEID_ONVOLLEDIG', 'missing', n)) warnings.add('LOSMAAKBAARHEID_ONVOLLEDIG', 'missing', 'Verbinding of toegankelijkheid ontbreekt: regel telt niet mee in de losmaakbaarheid.', { variant: 'missing' }, n);
    } else if (line.detachability.crossings === undefined || line.detachability.edgeContainment === undefined) {
      if (!warnings.hit('LOSMAAKBAARHEID_ONVOLLEDIG', 'connection-only', n)) warnings.add('LOSMAAKBAARHEID_ONVOLLEDIG', 'connection-only', 'Doorkruising of randopsluiting ontbreekt: losmaakbaarheid alleen uit verbindingstype en toegankelijkheid.', { variant: 'connection-only' }, n);
    }

    out.hasMki = !Number.isNaN(mkiEur);
    out.mki = out.hasMki ? mkiEur : 0;
    out.li = lineLi;
    out.hasMass = !Number.isNaN(massKg);
    out.mass = out.hasMass ? massKg : 0;
    if (!breakdown) return;
    const i = n - 1;
    sourceLines[i] = line;
    lines.elementIndex[i] = e;
    if (compiled) lines.profileIndex[i] = usedIndex.get(compiled.profile.id) as number;
    else if (profileId) lines.missingProfileId[i] = profileId;
    if (profileSource) lines.profileSource[i] = profileSourceCode[profileSource];
    lines.declaredQuantity[i] = declared;
    if (conversion) lines.conversion[i] = conversionCode[conversion];
    lines.placements[i] = placements;
    lines.nmdCategory[i] = nmdCategory;
    lines.surchargeFactor[i] = surchargeFactor;
    lines.massKg[i] = massKg;
    lines.mkiEur[i] = mkiEur;
    lines.biogenicCarbonKgCO2[i] = biogenic;
    if (biogenicMethod) lines.biogenicMethod[i] = biogenicMethodCode[biogenicMethod];
    lines.detachability[i] = lineLi;
    lines.mci[i] = mci;
  }

  /**
   * The line loop, in a function of its own: V8 optimizes it on its own (on-stack replacement of a long-running
   * calculateIndicators used to be thrown away by deoptimizations in the totals below, on every call).
   */
  function accumulateLines(): void {
    for (let e = 0; e < elementCount; e++) {
      const element = passport.elements[e];
      if (!element) continue;
      const li = layerIdx.get(element.layer) ?? 0;
      const elementLines = element.lines;
      for (let j = 0; j < elementLines.length; j++) {
        lineNo += 1;
        calculateLine(elementLines[j] as MaterialLine, lineNo, e);
        const mkiExclD = out.mkiExclD;
        const hasMki = out.hasMki;
        const lineLi = out.li;
        if (hasMki) {
          elementMki[e] = (elementMki[e] as number) + out.mki;
          elementHasMki[e] = 1;
        }
        if (!Number.isNaN(lineLi)) {
          liLines += 1;
          const weight = hasMki ? Math.max(0, mkiExclD) : 0;
          if (!hasMki) liLinesWithoutMki += 1;
          layerLiWeighted[li] = (layerLiWeighted[li] as number) + weight * lineLi;
          layerLiWeight[li] = (layerLiWeight[li] as number) + weight;
          const mass = out.hasMass ? out.mass : 0;
          layerLiMassWeighted[li] = (layerLiMassWeighted[li] as number) + mass * lineLi;
          layerLiMass[li] = (layerLiMass[li] as number) + mass;
          layerLiSum[li] = (layerLiSum[li] as number) + lineLi;
          layerLiCount[li] = (layerLiCount[li] as number) + 1;
        }
      }
    }
  }
  accumulateLines();

  function lookup(id: string): CompiledProfile | undefined {
    const known = usedIndex.get(id);
    if (known !== undefined) return used[known];
    const compiled = compiledFor(library, set, data, p, id);
    if (compiled) {
      const k = used.length;
      used.push(compiled);
      usedIndex.set(id, k);
      if (k >= wInit.length) {
        const grow = (a: Float64Array) => {
          const b = new Float64Array(a.length * 2);
          b.set(a);
          return b;
        };
        wInit = grow(wInit);
        wTotal = grow(wTotal);
        wMki = grow(wMki);
      }
    }
    return compiled;
  }

  // Building totals: profiles in first-use order (deterministic for a given passport).
  const mkiByModule = new Float64Array(M);
  let mkiModuleMask = 0;
  const mkiByCategory = new Float64Array(nCat);
  const gwpByModule = new Float64Array(M);
  let gwpModuleMask = 0;
  const gwpInit = new Float64Array(M);
  const categoriesSeen = new Array<boolean>(nCat).fill(false);
  for (let k = 0; k < used.length; k++) {
    const c = used[k] as CompiledProfile;
    const wm = wMki[k] as number;
    const wt = wTotal[k] as number;
    const wi = wInit[k] as number;
    if (wt === 0 && wi === 0) continue;
    for (let j = 0; j < nCat; j++) if (c.categoriesPresent[j]) categoriesSeen[j] = true;
    if (c.hasWeighted) {
      mkiModuleMask |= c.mkiModules;
      for (let m = 0; m < M; m++) mkiByModule[m] = (mkiByModule[m] as number) + wm * (c.mki[m] as number);
      for (let j = 0; j < nCat; j++) mkiByCategory[j] = (mkiByCategory[j] as number) + wm * (c.mkiByCategory[j] as number);
    }
    gwpModuleMask |= c.gwpModules;
    for (let m = 0; m < M; m++) {
      gwpByModule[m] = (gwpByModule[m] as number) + wt * (c.gwp[m] as number);
      gwpInit[m] = (gwpInit[m] as number) + wi * (c.gwp[m] as number);
    }
  }

  let mkiTotal: number | null = null;
  const byModule: Partial<Record<Module, number>> = {};
  if (anyMki) {
    mkiTotal = 0;
    for (let m = 0; m < M; m++) {
      if (!(mkiModuleMask & (1 << m))) continue;
      byModule[modules[m] as Module] = mkiByModule[m] as number;
      mkiTotal += mkiByModule[m] as number;
    }
  }
  const byCategory: Record<string, number> = {};
  const unweightedCategories: { category: string; reason: string }[] = [];
  for (let j = 0; j < nCat; j++) {
    const category = p.categories[j] as string;
    const unpriced = p.unpricedReasons.get(category);
    if (unpriced !== undefined) {
      unweightedCategories.push({ category, reason: unpriced });
    } else if (!categoriesSeen[j]) {
      unweightedCategories.push({ category, reason: 'geen waarden in de gebruikte milieuprofielen' });
    } else if (anyMki) {
      byCategory[category] = mkiByCategory[j] as number;
    }
  }
  if (unweightedCategories.length > 0) {
    let names = '';
    for (const u of unweightedCategories) names += names === '' ? u.category : `, ${u.category}`;
    warnings.add('CATEGORIE_NIET_GEWOGEN', set, `Niet gewogen in de MKI (${set.toUpperCase()}): ${names}. De MKI is daardoor onvolledig.`, { weightingSet: set.toUpperCase(), categories: names });
  }

  // A profile that lacks a priced category other profiles declare makes its lines' MKI incomplete: say which.
  for (let k = 0; k < used.length; k++) {
    const c = used[k] as CompiledProfile;
    if (!c.hasWeighted || (wTotal[k] as number) === 0) continue;
    const missing: string[] = [];
    for (let j = 0; j < nCat; j++) {
      if (categoriesSeen[j] && !c.categoriesPresent[j] && !Number.isNaN(p.price[j] as number)) missing.push(p.categories[j] as string);
    }
    if (missing.length > 0) {
      warnings.add('CATEGORIE_ONTBREEKT', c.profile.id, `Profiel "${profileName(c.profile)}" mist ${missing.join(', ')} (wel aanwezig in andere profielen): de MKI van deze regels is onvolledig.`, { profile: profileName(c.profile), categories: missing.join(', ') });
    }
  }

  const mpgValue = mkiTotal === null ? null : mkiTotal / (bvo * rspYears);
  const limit = lookupMpgLimit(data, { useFunction, weightingSet: set, bvoM2: bvo, permitDate: project.permitDate });
  const mpgRounded = mpgValue === null ? null : round(mpgValue, 4);
  const pass = mpgRounded === null || limit.limit === null ? null : mpgRounded <= limit.limit;

  const gwpSum = (from: number, to: number, arr: Float64Array) => {
    let s = 0;
    for (let m = from; m <= to; m++) s += arr[m] as number;
    return s;
  };
  const a1a3 = gwpInit[IDX_A1A3] as number;
  const a1a5 = gwpSum(IDX_A1A3, IDX_A5, gwpInit);
  const total = gwpSum(0, IDX_D - 1, gwpByModule);
  const d = gwpByModule[IDX_D] as number;
  const gwpInitAll = gwpSum(0, IDX_D - 1, gwpInit);
  const gwpModules: Partial<Record<Module, number>> = {};
  for (let m = 0; m < M; m++) if (gwpModuleMask & (1 << m)) gwpModules[modules[m] as Module] = gwpByModule[m] as number;

  // Detachability: MKI weights when every LI line has an MKI, else mass.
  const useMki = liLines > 0 && liLinesWithoutMki === 0;
  const byLayer: Partial<Record<Layer, number>> = {};
  let bNum = 0;
  let bDen = 0;
  for (let l = 0; l < layers.length; l++) {
    if ((layerLiCount[l] as number) === 0) continue;
    const wSum = useMki ? (layerLiWeight[l] as number) : (layerLiMass[l] as number);
    const wVal = useMki ? (layerLiWeighted[l] as number) : (layerLiMassWeighted[l] as number);
    const value = wSum > 0 ? wVal / wSum : (layerLiSum[l] as number) / (layerLiCount[l] as number);
    byLayer[layers[l] as Layer] = value;
    const layerWeight = wSum > 0 ? wSum : 0;
    bNum += layerWeight * value;
    bDen += layerWeight;
  }
  let detachabilityIndex: number | null = null;
  if (liLines > 0) {
    if (bDen > 0) detachabilityIndex = bNum / bDen;
    else {
      const values = Object.values(byLayer);
      detachabilityIndex = values.reduce((s, v) => s + v, 0) / values.length;
    }
  }

  const pct = (part: number) => (acc.massTotal > 0 ? (100 * part) / acc.massTotal : null);
  const renewablePct = pct(acc.renewableKg);
  const reusedPct = pct(acc.reusedKg);
  const recycledPct = pct(acc.recycledKg);
  const primaryPct = acc.massTotal > 0 ? pct(acc.massTotal - acc.renewableKg - acc.reusedKg - acc.recycledKg) : null;
  const parisProofPerM2 = a1a5 / bvo;
  const mci = acc.mciMass > 0 ? acc.mciWeighted / acc.mciMass : null;

  const byElement = passport.elements
    .map((element, e) => ({ element: e + 1, nlsfb: element.nlsfb, name: element.name, layer: element.layer, mki: elementMki[e] as number, has: elementHasMki[e] === 1 }))
    .filter((x) => x.has)
    .map(({ has: _has, ...rest }) => rest);
  const mkiByLayer: Partial<Record<Layer, number>> = {};
  for (const layer of layers) {
    let s = 0;
    let any = false;
    for (const el of byElement) {
      if (el.layer === layer) {
        s += el.mki;
        any = true;
      }
    }
    if (any) mkiByLayer[layer] = s;
  }

  const hnn: HnnCheck[] = data.hnn.indicators.map((indicator) => {
    const level = indicator.levels[project.buildingType];
    let value: number | null = null;
    let note = indicator.note;
    switch (indicator.id) {
      case 'mpg':
        if (indicator.weightingSet && indicator.weightingSet !== set) note = `HNN-niveau geldt voor de ${indicator.weightingSet.toUpperCase()}-weging; bereken met --weging ${indicator.weightingSet}.`;
        else value = mpgRounded;
        break;
      case 'embodiedCarbon':
        value = parisProofPerM2;
        break;
      case 'storedCarbon':
        value = acc.biogenicTotal / 1000;
        break;
      case 'materialOrigin':
        value = renewablePct === null ? null : (renewablePct ?? 0) + (reusedPct ?? 0) + (recycledPct ?? 0);
        break;
      case 'detachability':
        value = detachabilityIndex === null ? null : 100 * detachabilityIndex;
        break;
      case 'reusePotential':
        value = acc.massTotal > 0 ? (100 * (acc.eolReuseKg + acc.eolRecyclingKg)) / acc.massTotal : null;
        break;
    }
    let status: HnnCheck['status'];
    if (value === null) status = 'niet berekend';
    else if (level === null || indicator.comparison === 'none') status = 'geen niveau';
    else status = (indicator.comparison === 'max' ? value <= level : value >= level) ? 'voldoet' : 'voldoet niet';
    return {
      indicator: indicator.id,
      name: indicator.name,
      theme: indicator.theme,
      category: indicator.category,
      unit: indicator.unit,
      value,
      level,
      comparison: indicator.comparison,
      status,
      ...(note !== undefined && { note }),
    };
  });

  const officialData = used.every((c) => c.profile.nmdCategory !== undefined);
  const dataVersions: Record<string, string> = { profiles: `${library.id}@${library.version}`, ...methodDataVersions(data) };

  return {
    indicatief: true,
    label: officialData
      ? 'Indicatief: berekend door Kringbouw, niet met een door de NMD gevalideerd rekeninstrument. Een officiële MPG komt alleen uit een gevalideerd instrument.'
      : `Indicatief: berekend met open data (${library.attribution}), niet met de Nationale Milieudatabase. Een officiële MPG komt alleen uit een door de NMD gevalideerd rekeninstrument.`,
    project: {
      bvoM2: bvo,
      buildingType: project.buildingType,
      useFunction,
      rspYears,
      permitDate: project.permitDate ?? null,
      replacementRule: rule,
      weightingSet: set,
    },
    mpg: {
      value: mpgRounded,
      limit: limit.limit,
      pass,
      marginEurPerM2Yr: mpgRounded === null || limit.limit === null ? null : round(limit.limit - mpgRounded, 4),
      weightingSet: set,
      unweightedCategories,
      limitSource: limit.entry?.source ?? null,
      notes: limit.notes,
    },
    mki: { total: mkiTotal, surchargeEur: acc.mkiSurcharge, byModule, byCategory, byElement, byLayer: mkiByLayer },
    gwp: {
      a1a3,
      a1a5,
      total,
      d,
      replacements: total - gwpInitAll,
      byModule: gwpModules,
      perM2: { a1a3: a1a3 / bvo, a1a5: a1a5 / bvo, total: total / bvo, d: d / bvo },
      parisProofPerM2,
      parisProofScope: `${data.hnn.parisProofScope.join(', ')} van de eerste plaatsing, zonder vervangingen. ${data.hnn.parisProofNote}`,
    },
    biogenicCarbonKgCO2: acc.biogenicTotal,
    materialOrigin: { massKg: acc.massTotal, renewablePct, reusedPct, recycledPct, primaryPct },
    endOfLife: {
      massKg: acc.massTotal,
      reusePct: pct(acc.eolReuseKg),
      recyclingPct: pct(acc.eolRecyclingKg),
      restPct: acc.massTotal > 0 ? pct(acc.massTotal - acc.eolReuseKg - acc.eolRecyclingKg) : null,
    },
    hazardous: { lines: hazardousLines, massKg: acc.hazardousMassKg },
    detachability: { index: detachabilityIndex, byLayer, weighting: liLines === 0 ? null : useMki ? 'mki' : 'massa' },
    mci,
    hnn,
    lines,
    warnings: warnings.list(),
    dataVersions,
  };
}
