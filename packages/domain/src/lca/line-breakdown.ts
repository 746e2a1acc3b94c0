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
export class LineBreakdown implements Iterable<LineResult> {
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
    const line = this.sourceLines[i] as MaterialLine;
    const element = this.elements[this.elementIndex[i] as number] as PassportElement;
    const k = this.profileIndex[i] as number;
    const used = k >= 0 ? this.profiles[k] : undefined;
    const profile = used?.profile;
    const gwpKgCO2: Partial<Record<Module, number>> = {};
    const rspQuantity = this.rspQuantity[i] as number;
    if (used && !Number.isNaN(rspQuantity)) {
      for (let m = 0; m < modules.length; m++) {
        if (used.gwpModules & (1 << m)) gwpKgCO2[modules[m] as Module] = rspQuantity * (used.gwp[m] as number);
      }
    }
    const placements = this.placements[i] as number;
    return {
      line: i + 1,
      element: element.name,
      nlsfb: element.nlsfb,
      layer: element.layer,
      description: line.description,
      quantity: line.quantity,
      unit: line.unit,
      profileId: profile ? profile.id : (this.missingProfileId[i] ?? null),
      profileName: profile ? profileName(profile) : null,
      profileSource: profileSources[this.profileSource[i] as number] ?? null,
      declaredUnit: profile?.declaredUnit ?? null,
      declaredQuantity: orNull(this.declaredQuantity[i] as number),
      conversion: conversions[this.conversion[i] as number] ?? null,
      placements,
      replacements: placements - 1,
      nmdCategory: this.nmdCategory[i] ?? null,
      surchargeFactor: this.surchargeFactor[i] as number,
      massKg: orNull(this.massKg[i] as number),
      mkiEur: orNull(this.mkiEur[i] as number),
      gwpKgCO2,
      biogenicCarbonKgCO2: orNull(this.biogenicCarbonKgCO2[i] as number),
      biogenicMethod: biogenicMethods[this.biogenicMethod[i] as number] ?? null,
      detachability: orNull(this.detachability[i] as number),
      mci: orNull(this.mci[i] as number),
    };
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
