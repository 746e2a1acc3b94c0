/**
 * The per-line breakdown of a calculation, stored as columns (ADR 0003). The engine writes each line's computed numbers
 * into typed arrays as it goes; a `LineResult` object is built only when a line is read. Holding 10,000 retained
 * objects of ~25 fields each (plus a GWP object per line) made the garbage collector the largest cost of a
 * calculation; typed arrays live outside the collected heap.
 *
 * Reading is unchanged in meaning: `at(i)`, iteration and `toJSON()` give exactly the objects the engine used to
 * build, with the same numbers (the GWP per module is the same `total × profile GWP` product, computed on read).
 */
import type { Layer, Module, NmdCategory, Unit } from './model.ts';
import { modules } from './model.ts';
import type { MaterialLine, PassportElement } from './passport.ts';
import type { EnvironmentalProfile } from './profiles.ts';

export interface LineResult {
  line: number;
  element: string;
  nlsfb: string;
  layer: Layer;
  description: string;
  quantity: number;
  unit: Unit;
  profileId: string | null;
  profileName: string | null;
  profileSource: 'passport' | 'suggested' | null;
  declaredUnit: Unit | null;
  declaredQuantity: number | null;
  conversion: 'gelijk' | 'via massa' | 'via dikte' | null;
  placements: number;
  replacements: number;
  nmdCategory: NmdCategory | null;
  surchargeFactor: number;
  massKg: number | null;
  /** € over the reference study period, replacements and surcharge included; null when nothing could be weighted. */
  mkiEur: number | null;
  /** kg CO2-eq per module over the RSP (replacements included); modules the profile does not declare are absent. */
  gwpKgCO2: Partial<Record<Module, number>>;
  biogenicCarbonKgCO2: number | null;
  biogenicMethod: 'koolstofgehalt' | 'gwp-biogeen' | 'EN 16449' | 'geen' | null;
  detachability: number | null;
  mci: number | null;
}

/** A profile as the breakdown needs it: identity and its GWP per declared unit per module (bit mask = declared). */
export interface BreakdownProfile {
  profile: EnvironmentalProfile;
  gwp: Float64Array;
  gwpModules: number;
}

/** A used profile in plain data: what a line's figures need of it. */
export interface LineColumnsProfile {
  id: string;
  name: string;
  declaredUnit: Unit;
  /** kg CO2-eq per declared unit per module (modules order); read only where the bit of `gwpModules` is set. */
  gwp: Float64Array;
  gwpModules: number;
}

/**
 * The per-line figures as plain data (typed arrays and arrays of strings): what `LineBreakdown` stores, in a form that
 * survives `structuredClone` and `postMessage`. Index = line number − 1; NaN in a number column means "none".
 */
export interface LineColumns {
  length: number;
  elementIndex: Int32Array;
  profileIndex: Int32Array;
  profileSource: Uint8Array;
  declaredQuantity: Float64Array;
  conversion: Uint8Array;
  placements: Float64Array;
  surchargeFactor: Float64Array;
  massKg: Float64Array;
  mkiEur: Float64Array;
  rspQuantity: Float64Array;
  biogenicCarbonKgCO2: Float64Array;
  biogenicMethod: Uint8Array;
  detachability: Float64Array;
  mci: Float64Array;
  nmdCategory: readonly (NmdCategory | null)[];
  missingProfileId: readonly (string | null)[];
  profiles: readonly LineColumnsProfile[];
}

/**
 * The `LineResult` of line index `i` from the columns and the passport's own line and element (the descriptive
 * fields are not in the columns). The GWP per module is `rspQuantity × profile GWP`, the engine's own product.
 */
export function lineResultOf(columns: LineColumns, i: number, line: Pick<MaterialLine, 'description' | 'quantity' | 'unit'>, element: Pick<PassportElement, 'name' | 'nlsfb' | 'layer'>): LineResult {
  const k = columns.profileIndex[i] as number;
  const profile = k >= 0 ? columns.profiles[k] : undefined;
  const gwpKgCO2: Partial<Record<Module, number>> = {};
  const rspQuantity = columns.rspQuantity[i] as number;
  if (profile && !Number.isNaN(rspQuantity)) {
    for (let m = 0; m < modules.length; m++) {
      if (profile.gwpModules & (1 << m)) gwpKgCO2[modules[m] as Module] = rspQuantity * (profile.gwp[m] as number);
    }
  }
  const placements = columns.placements[i] as number;
  return {
    line: i + 1,
    element: element.name,
    nlsfb: element.nlsfb,
    layer: element.layer,
    description: line.description,
    quantity: line.quantity,
    unit: line.unit,
    profileId: profile ? profile.id : (columns.missingProfileId[i] ?? null),
    profileName: profile ? profile.name : null,
    profileSource: profileSources[columns.profileSource[i] as number] ?? null,
    declaredUnit: profile?.declaredUnit ?? null,
    declaredQuantity: orNull(columns.declaredQuantity[i] as number),
    conversion: conversions[columns.conversion[i] as number] ?? null,
    placements,
    replacements: placements - 1,
    nmdCategory: columns.nmdCategory[i] ?? null,
    surchargeFactor: columns.surchargeFactor[i] as number,
    massKg: orNull(columns.massKg[i] as number),
    mkiEur: orNull(columns.mkiEur[i] as number),
    gwpKgCO2,
    biogenicCarbonKgCO2: orNull(columns.biogenicCarbonKgCO2[i] as number),
    biogenicMethod: biogenicMethods[columns.biogenicMethod[i] as number] ?? null,
    detachability: orNull(columns.detachability[i] as number),
    mci: orNull(columns.mci[i] as number),
  };
}

const profileSources = [null, 'passport', 'suggested'] as const;
const conversions = [null, 'gelijk', 'via massa', 'via dikte'] as const;
const biogenicMethods = [null, 'koolstofgehalt', 'gwp-biogeen', 'EN 16449', 'geen'] as const;

/** Codes of the enumerated columns (index into the lists above). */
export const profileSourceCode = { passport: 1, suggested: 2 } as const;
export const conversionCode = { gelijk: 1, 'via massa': 2, 'via dikte': 3 } as const;
export const biogenicMethodCode = { koolstofgehalt: 1, 'gwp-biogeen': 2, 'EN 16449': 3, geen: 4 } as const;

function nanArray(n: number): Float64Array {
  return new Float64Array(n).fill(Number.NaN);
}

const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value);

/**
 * Columns of the per-line breakdown, index = line number − 1 (passport order, element by element). In the number
 * columns NaN means "none" (null in a `LineResult`). Written by the engine only.
 */
export class LineBreakdown implements Iterable<LineResult>, Omit<LineColumns, 'profiles'> {
  readonly length: number;
  /** Index of the line's element in `elements`. */
  readonly elementIndex: Int32Array;
  /** Index into `profiles` of the profile used; −1 when none was found. */
  readonly profileIndex: Int32Array;
  readonly profileSource: Uint8Array;
  readonly declaredQuantity: Float64Array;
  readonly conversion: Uint8Array;
  readonly placements: Float64Array;
  readonly surchargeFactor: Float64Array;
  readonly massKg: Float64Array;
  readonly mkiEur: Float64Array;
  /** Declared-unit quantity × placements: the factor of the profile's impacts over the RSP. */
  readonly rspQuantity: Float64Array;
  readonly biogenicCarbonKgCO2: Float64Array;
  readonly biogenicMethod: Uint8Array;
  readonly detachability: Float64Array;
  readonly mci: Float64Array;
  /** NMD category per line (passport's, else the profile's); null where unknown. */
  readonly nmdCategory: (NmdCategory | null)[];
  /** The profile id a line asked for when no profile was found for it (unknown ids); null elsewhere. */
  readonly missingProfileId: (string | null)[];

  constructor(
    /** The passport's lines and elements, by reference: descriptive fields are read from them on demand. */
    private readonly sourceLines: readonly MaterialLine[],
    private readonly elements: readonly PassportElement[],
    private readonly profiles: readonly BreakdownProfile[],
  ) {
    const n = sourceLines.length;
    this.length = n;
    this.elementIndex = new Int32Array(n);
    this.profileIndex = new Int32Array(n).fill(-1);
    this.profileSource = new Uint8Array(n);
    this.declaredQuantity = nanArray(n);
    this.conversion = new Uint8Array(n);
    this.placements = new Float64Array(n);
    this.surchargeFactor = new Float64Array(n);
    this.massKg = nanArray(n);
    this.mkiEur = nanArray(n);
    this.rspQuantity = nanArray(n);
    this.biogenicCarbonKgCO2 = nanArray(n);
    this.biogenicMethod = new Uint8Array(n);
    this.detachability = nanArray(n);
    this.mci = nanArray(n);
    this.nmdCategory = new Array<NmdCategory | null>(n).fill(null);
    this.missingProfileId = new Array<string | null>(n).fill(null);
  }

  /** An empty breakdown (calculations with `lineBreakdown: false`). */
  static empty(): LineBreakdown {
    return new LineBreakdown([], [], []);
  }

  /**
   * The breakdown of line index `index` (0-based, line number index + 1; negative counts from the end, as
   * `Array.prototype.at`), or undefined outside the passport.
   */
  at(index: number): LineResult | undefined {
    const i = index < 0 ? index + this.length : index;
    if (!(i >= 0 && i < this.length) || !Number.isInteger(i)) return undefined;
    return lineResultOf(this.columnsView(), i, this.sourceLines[i] as MaterialLine, this.elements[this.elementIndex[i] as number] as PassportElement);
  }

  /**
   * The columns as plain data, for `postMessage` or `structuredClone` (the typed arrays are shared, not copied; the
   * profiles reduced to what the figures need).
   */
  toColumns(): LineColumns {
    return this.columnsView();
  }

  private columnsCache: { profileCount: number; columns: LineColumns } | undefined;

  private columnsView(): LineColumns {
    // The engine appends profiles while it runs; rebuild the view when their number changed.
    if (this.columnsCache?.profileCount !== this.profiles.length) {
      const profiles = this.profiles.map((p) => ({ id: p.profile.id, name: profileName(p.profile), declaredUnit: p.profile.declaredUnit, gwp: p.gwp, gwpModules: p.gwpModules }));
      const { length, elementIndex, profileIndex, profileSource, declaredQuantity, conversion, placements, surchargeFactor, massKg, mkiEur, rspQuantity, biogenicCarbonKgCO2, biogenicMethod, detachability, mci, nmdCategory, missingProfileId } = this;
      this.columnsCache = {
        profileCount: this.profiles.length,
        columns: { length, elementIndex, profileIndex, profileSource, declaredQuantity, conversion, placements, surchargeFactor, massKg, mkiEur, rspQuantity, biogenicCarbonKgCO2, biogenicMethod, detachability, mci, nmdCategory, missingProfileId, profiles },
      };
    }
    return this.columnsCache.columns;
  }

  *[Symbol.iterator](): Iterator<LineResult> {
    for (let i = 0; i < this.length; i++) yield this.at(i) as LineResult;
  }

  /** Every line as an object, in passport order. */
  toArray(): LineResult[] {
    const out = new Array<LineResult>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.at(i) as LineResult;
    return out;
  }

  /** `JSON.stringify(result)` writes `lines` as the array of line objects (the CLI's `--json` output). */
  toJSON(): LineResult[] {
    return this.toArray();
  }
}

export function profileName(profile: EnvironmentalProfile): string {
  return profile.name.nl ?? profile.name.en ?? profile.name.de ?? profile.id;
}
