/**
 * Environmental profiles from EPDs in the LCAx JSON format (ocni-dtu/lcax, `EPD`: id, name, declared_unit, standard,
 * impacts {category → {stage → value | null}}, conversions [{to, value}]). Accepts snake_case and camelCase field names
 * and case-insensitive unit and key spellings. Pure: takes parsed JSON, returns a profile or every problem found.
 */
import type { A1Category, A2Category, Module, Unit } from './model.ts';
import type { EnvironmentalProfile, ImpactTable, ProfileLibrary } from './profiles.ts';

export interface EpdIssue {
  path: string;
  message: string;
}

export type EpdImportResult = { ok: true; profile: EnvironmentalProfile; notes: string[] } | { ok: false; issues: EpdIssue[] };

const unitMap: Record<string, Unit> = { m: 'm', m2: 'm2', m3: 'm3', kg: 'kg', pcs: 'st', tones: 'kg', tonnes: 'kg' };
const stageMap: Record<string, Module> = {
  a1a3: 'A1-A3', a1to3: 'A1-A3', 'a1-3': 'A1-A3', a4: 'A4', a5: 'A5', b1: 'B1', b2: 'B2', b3: 'B3', b4: 'B4', b5: 'B5',
  c1: 'C1', c2: 'C2', c3: 'C3', c4: 'C4', d: 'D',
};
const a1Keys: Record<string, A1Category> = { gwp: 'gwp', odp: 'odp', ap: 'ap', ep: 'ep', pocp: 'pocp', adpe: 'adpe', adpf: 'adpf' };
const a2Keys: Record<string, A2Category> = {
  gwp: 'gwpTotal', gwp_fos: 'gwpFossil', gwp_bio: 'gwpBiogenic', gwp_lul: 'gwpLuluc', odp: 'odp', ap: 'ap', ep_fw: 'epFreshwater',
  ep_mar: 'epMarine', ep_ter: 'epTerrestrial', pocp: 'pocp', adpe: 'adpe', adpf: 'adpf', wdp: 'wdp', pm: 'pm', irp: 'irp',
  etp_fw: 'etpFw', htp_c: 'htpC', htp_nc: 'htpNc', sqp: 'sqp',
};

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const field = (record: Record<string, unknown>, snake: string, camel: string): unknown => record[snake] ?? record[camel];

/**
 * Converts an LCAx EPD (parsed JSON) into an environmental profile. EN 15804+A1 EPDs fill the A1 table, +A2 EPDs the A2
 * table (standard from `standard`: EN15804A1 / EN15804A2). Tonnes are converted to kg (impacts ÷ 1000). B6/B7 and
 * indicators outside the model (energy, waste) are ignored and listed in `notes`. Never throws.
 */
export function profileFromLcaxEpd(data: unknown, { source = 'lcax-epd' }: { source?: string } = {}): EpdImportResult {
  const issues: EpdIssue[] = [];
  if (!isRecord(data)) return { ok: false, issues: [{ path: '(root)', message: 'een LCAx-EPD is een JSON-object' }] };
  const id = data.id;
  const name = data.name;
  if (typeof id !== 'string' || id.trim() === '') issues.push({ path: 'id', message: 'id ontbreekt' });
  if (typeof name !== 'string' || name.trim() === '') issues.push({ path: 'name', message: 'name ontbreekt' });

  const rawUnit = field(data, 'declared_unit', 'declaredUnit');
  const unitKey = typeof rawUnit === 'string' ? rawUnit.toLowerCase() : '';
  const unit = unitMap[unitKey];
  if (!unit) issues.push({ path: 'declared_unit', message: `gedeclareerde eenheid "${String(rawUnit)}" wordt niet ondersteund (m, m2, m3, kg, tones, pcs)` });
  const scale = unitKey === 'tones' || unitKey === 'tonnes' ? 1 / 1000 : 1;

  const rawStandard = String(data.standard ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  const set = rawStandard.includes('15804a2') ? 'a2' : rawStandard.includes('15804a1') ? 'a1' : undefined;
  if (!set) issues.push({ path: 'standard', message: `norm "${String(data.standard)}" onbekend: verwacht EN15804A1 of EN15804A2` });

  const notes: string[] = [];
  const table: Partial<Record<Module, Partial<Record<string, number>>>> = {};
  const impacts = data.impacts;
  if (!isRecord(impacts)) {
    issues.push({ path: 'impacts', message: 'impacts ontbreekt of is geen object' });
  } else if (set) {
    const keys = set === 'a1' ? a1Keys : a2Keys;
    for (const [rawKey, stages] of Object.entries(impacts).sort(([a], [b]) => a.localeCompare(b))) {
      const category = keys[rawKey.toLowerCase()];
      if (!category) {
        notes.push(`indicator "${rawKey}" valt buiten het model en is genegeerd`);
        continue;
      }
      if (!isRecord(stages)) {
        issues.push({ path: `impacts.${rawKey}`, message: 'verwacht een object met levenscyclusfasen' });
        continue;
      }
      for (const [rawStage, value] of Object.entries(stages)) {
        const module = stageMap[rawStage.toLowerCase()];
        if (!module) {
          if (!['b6', 'b7'].includes(rawStage.toLowerCase())) issues.push({ path: `impacts.${rawKey}.${rawStage}`, message: `onbekende levenscyclusfase "${rawStage}"` });
          else if (value !== null && value !== undefined) notes.push(`${rawKey} ${rawStage.toUpperCase()} (gebruiksfase energie/water) valt buiten de MPG en is genegeerd`);
          continue;
        }
        if (value === null || value === undefined) continue;
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          issues.push({ path: `impacts.${rawKey}.${rawStage}`, message: `"${String(value)}" is geen getal` });
          continue;
        }
        const row = (table[module] ??= {});
        row[category] = value * scale;
      }
    }
    if (Object.keys(table).length === 0) issues.push({ path: 'impacts', message: 'geen enkele bruikbare impactwaarde gevonden' });
  }

  let kgPerDeclaredUnit: number | undefined = unitKey === 'kg' || scale !== 1 ? 1 : undefined;
  const conversions = data.conversions;
  if (Array.isArray(conversions)) {
    conversions.forEach((conversion, i) => {
      if (!isRecord(conversion)) return;
      const to = String(conversion.to ?? '').toLowerCase();
      const value = conversion.value;
      if (to === 'kg' && typeof value === 'number' && value > 0) kgPerDeclaredUnit = value * scale;
      else if (to === 'kg') issues.push({ path: `conversions.${i}.value`, message: 'omrekening naar kg moet een positief getal zijn' });
    });
  }

  if (issues.length > 0 || !unit || !set) return { ok: false, issues };
  const rsl = field(data, 'reference_service_life', 'referenceServiceLife');
  if (typeof rsl === 'number') notes.push(`referentielevensduur volgens de EPD: ${rsl} jaar (niet automatisch gebruikt; vul levensduur in het paspoort in)`);
  const profile: EnvironmentalProfile = {
    id: (id as string).trim(),
    source,
    release: `LCAx EPD ${String(data.version ?? '')}`.trim(),
    name: { en: (name as string).trim() },
    declaredUnit: unit,
    ...(kgPerDeclaredUnit !== undefined && { kgPerDeclaredUnit }),
    ...(set === 'a1' ? { a1: table as ImpactTable<A1Category> } : { a2: table as ImpactTable<A2Category> }),
  };
  if (unit === 'm3' && kgPerDeclaredUnit !== undefined) profile.densityKgM3 = kgPerDeclaredUnit;
  if (unit === 'm2' && kgPerDeclaredUnit !== undefined) profile.areaWeightKgM2 = kgPerDeclaredUnit;
  if (unit === 'm' && kgPerDeclaredUnit !== undefined) profile.linearWeightKgM = kgPerDeclaredUnit;
  return { ok: true, profile, notes };
}

/** A library from imported profiles (e.g. project EPDs), to merge before the generic library with mergeLibraries. */
export function libraryFromProfiles(id: string, profiles: EnvironmentalProfile[]): ProfileLibrary {
  const map = new Map<string, EnvironmentalProfile>();
  for (const profile of [...profiles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) map.set(profile.id, profile);
  return { id, version: profiles.map((p) => p.id).sort().join(',') || 'leeg', release: 'EPD-import', attribution: 'EPD’s van de gebruiker', profiles: map };
}
