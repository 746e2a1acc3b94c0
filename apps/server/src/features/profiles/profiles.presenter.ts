import type { ProfileDetail, ProfileSummary } from '@kringbouw/contracts';
import { modules, type EnvironmentalProfile, type ProfileLibrary } from '@kringbouw/domain/lca';

export function profileDisplayName(profile: EnvironmentalProfile): string {
  return profile.name.nl ?? profile.name.en ?? profile.name.de ?? profile.id;
}

export function presentProfileSummary(profile: EnvironmentalProfile): ProfileSummary {
  return {
    id: profile.id,
    name: profileDisplayName(profile),
    names: { ...(profile.name.nl !== undefined && { nl: profile.name.nl }), ...(profile.name.en !== undefined && { en: profile.name.en }), ...(profile.name.de !== undefined && { de: profile.name.de }) },
    declaredUnit: profile.declaredUnit,
    category: profile.category ?? null,
    source: profile.source,
  };
}

/** Open generic data is never NMD-checked; the wording keeps the "indicatief" rule visible in the picker. */
function verificationOf(profile: EnvironmentalProfile): string {
  if (profile.source.startsWith('oekobaudat')) return 'Generieke open data (ÖKOBAUDAT), niet door de NMD getoetst: uitkomsten zijn indicatief.';
  return 'Niet door de NMD getoetst: uitkomsten zijn indicatief.';
}

export function presentProfileDetail(profile: EnvironmentalProfile, library: ProfileLibrary): ProfileDetail {
  const table = profile.a1 ?? {};
  const declared = modules.filter((module) => table[module] !== undefined || profile.a2?.[module] !== undefined);
  const gwpByModule: ProfileDetail['gwpByModule'] = {};
  for (const module of declared) {
    const value = table[module]?.gwp ?? profile.a2?.[module]?.gwpTotal;
    if (value !== undefined) gwpByModule[module] = value;
  }
  return {
    ...presentProfileSummary(profile),
    release: profile.release,
    version: profile.version ?? null,
    verification: verificationOf(profile),
    attribution: library.attribution,
    modules: declared,
    kgPerDeclaredUnit: profile.kgPerDeclaredUnit ?? null,
    densityKgM3: profile.densityKgM3 ?? null,
    areaWeightKgM2: profile.areaWeightKgM2 ?? null,
    linearWeightKgM: profile.linearWeightKgM ?? null,
    nmdCategory: profile.nmdCategory ?? null,
    url: profile.url ?? null,
    gwpByModule,
  };
}
