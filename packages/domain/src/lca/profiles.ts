/**
 * Environmental profiles (milieuprofielen): impacts per ONE declared unit, per life-cycle module, per impact category,
 * for the EN 15804+A1 set and/or the +A2 set. A value that is not declared is absent — never 0.
 */
import { z } from 'zod';
import oekobaudatJson from '../../data/profiles/oekobaudat-2020-II.json' with { type: 'json' };
import type { A1Category, A2Category, Module, NmdCategory, Unit } from './model.ts';
import { a1Categories, a2Categories, modules, nmdCategories, units } from './model.ts';

export type ImpactTable<C extends string> = Partial<Record<Module, Partial<Record<C, number>>>>;

export interface EnvironmentalProfile {
  id: string;
  /** Library or EPD the profile comes from, e.g. "oekobaudat-2020-II". */
  source: string;
  release: string;
  name: { nl?: string; en?: string; de?: string };
  category?: string;
  version?: string;
  declaredUnit: Unit;
  /** Mass of one declared unit, kg (from density, area weight or linear weight). */
  kgPerDeclaredUnit?: number;
  densityKgM3?: number;
  areaWeightKgM2?: number;
  linearWeightKgM?: number;
  /** Biogenic carbon content per declared unit, kg C. */
  biogenicCarbonKgC?: number;
  /** Wood or wood-based product: EN 16449 applies when no biogenic carbon content is declared. */
  timber?: { moisturePct: number; woodShare: number };
  nmdCategory?: NmdCategory;
  url?: string;
  a1?: ImpactTable<A1Category>;
  a2?: ImpactTable<A2Category>;
}

export interface ProfileLibrary {
  id: string;
  version: string;
  release: string;
  attribution: string;
  url?: string;
  profiles: ReadonlyMap<string, EnvironmentalProfile>;
}

const libraryFileSchema = z.object({
  format: z.literal('kringbouw-profile-library/1'),
  id: z.string(),
  version: z.string(),
  release: z.string(),
  attribution: z.string(),
  url: z.string().optional(),
  datasetUrlTemplate: z.string().optional(),
  set: z.enum(['a1', 'a2']),
  categories: z.array(z.string()),
  profiles: z.record(
    z.string(),
    z.object({
      name: z.object({ nl: z.string().optional(), en: z.string().optional(), de: z.string().optional() }),
      category: z.string().optional(),
      version: z.string().optional(),
      unit: z.enum(units),
      kgPerUnit: z.number().positive().optional(),
      densityKgM3: z.number().positive().optional(),
      areaWeightKgM2: z.number().positive().optional(),
      linearWeightKgM: z.number().positive().optional(),
      biogenicCarbonKgC: z.number().min(0).optional(),
      timber: z.object({ moisturePct: z.number().min(0), woodShare: z.number().min(0).max(1) }).optional(),
      nmdCategory: z.enum(nmdCategories).optional(),
      impacts: z.partialRecord(z.enum(modules), z.array(z.number().nullable())),
    }),
  ),
});

/**
 * Reads a profile library file (format kringbouw-profile-library/1: impact arrays in the column order of
 * `categories`, null = not declared). Throws with the zod message when the file does not match — library files are
 * shipped data, not user input.
 */
export function loadProfileLibrary(json: unknown): ProfileLibrary {
  const file = libraryFileSchema.parse(json);
  const known: readonly string[] = file.set === 'a1' ? a1Categories : a2Categories;
  for (const category of file.categories) {
    if (!known.includes(category)) throw new Error(`profile library ${file.id}: unknown ${file.set} category "${category}"`);
  }
  const profiles = new Map<string, EnvironmentalProfile>();
  for (const id of Object.keys(file.profiles).sort()) {
    const p = file.profiles[id];
    if (!p) continue;
    const table: Partial<Record<Module, Partial<Record<string, number>>>> = {};
    for (const module of modules) {
      const values = p.impacts[module];
      if (!values) continue;
      const row: Partial<Record<string, number>> = {};
      file.categories.forEach((category, i) => {
        const value = values[i];
        if (value !== null && value !== undefined) row[category] = value;
      });
      table[module] = row;
    }
    const profile: EnvironmentalProfile = {
      id,
      source: file.id,
      release: file.release,
      name: p.name,
      declaredUnit: p.unit,
      ...(p.category !== undefined && { category: p.category }),
      ...(p.version !== undefined && { version: p.version }),
      ...(p.kgPerUnit !== undefined && { kgPerDeclaredUnit: p.kgPerUnit }),
      ...(p.densityKgM3 !== undefined && { densityKgM3: p.densityKgM3 }),
      ...(p.areaWeightKgM2 !== undefined && { areaWeightKgM2: p.areaWeightKgM2 }),
      ...(p.linearWeightKgM !== undefined && { linearWeightKgM: p.linearWeightKgM }),
      ...(p.biogenicCarbonKgC !== undefined && { biogenicCarbonKgC: p.biogenicCarbonKgC }),
      ...(p.timber !== undefined && { timber: { moisturePct: p.timber.moisturePct, woodShare: p.timber.woodShare } }),
      ...(p.nmdCategory !== undefined && { nmdCategory: p.nmdCategory }),
      ...(file.datasetUrlTemplate !== undefined && {
        url: file.datasetUrlTemplate.replace('{id}', id).replace('{version}', p.version ?? ''),
      }),
      ...(file.set === 'a1' ? { a1: table as ImpactTable<A1Category> } : { a2: table as ImpactTable<A2Category> }),
    };
    profiles.set(id, profile);
  }
  return { id: file.id, version: file.version, release: file.release, attribution: file.attribution, url: file.url, profiles };
}

let bundled: ProfileLibrary | undefined;

/** The shipped ÖKOBAUDAT 2020-II generic library (EN 15804+A1), parsed once. */
export function oekobaudat2020II(): ProfileLibrary {
  bundled ??= loadProfileLibrary(oekobaudatJson);
  return bundled;
}

/** Combines libraries; on a duplicate id the earlier library wins (put project-specific EPDs first). */
export function mergeLibraries(...libraries: ProfileLibrary[]): ProfileLibrary {
  const profiles = new Map<string, EnvironmentalProfile>();
  for (const library of libraries) {
    for (const [id, profile] of library.profiles) if (!profiles.has(id)) profiles.set(id, profile);
  }
  return {
    id: libraries.map((l) => l.id).join('+'),
    version: libraries.map((l) => `${l.id}@${l.version}`).join('+'),
    release: libraries.map((l) => l.release).join(' + '),
    attribution: libraries.map((l) => l.attribution).join('; '),
    profiles,
  };
}

/**
 * Kilograms per one unit `unit` of the material described by `profile`, where the profile gives the means:
 * kg → 1; m3 → density; m2 → area weight; m → linear weight; the declared unit → kgPerDeclaredUnit. Else undefined.
 */
export function kgPerUnit(profile: EnvironmentalProfile, unit: Unit): number | undefined {
  if (unit === 'kg') return 1;
  if (unit === profile.declaredUnit && profile.kgPerDeclaredUnit !== undefined) return profile.kgPerDeclaredUnit;
  if (unit === 'm3') return profile.densityKgM3;
  if (unit === 'm2') return profile.areaWeightKgM2;
  if (unit === 'm') return profile.linearWeightKgM;
  return undefined;
}
