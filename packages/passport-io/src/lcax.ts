/**
 * Export of a passport as an LCAx project (ocni-dtu/lcax, JSON, camelCase): project → assemblies (one per element,
 * classified by NL-SfB) → products (one per material line) with a reference to the environmental profile and the
 * line's GWP per life-cycle stage as calculated by the engine. Figures from open data stay indicative: the project's
 * comment and metaData say so.
 */
import type { LcaResult, Module, ProfileLibrary } from '@kringbouw/domain/lca';
import type { WritablePassport } from './template.ts';

export const LCAX_FORMAT_VERSION = '2.0.0';

const stageKey: Record<Module, string> = {
  'A1-A3': 'a1a3', A4: 'a4', A5: 'a5', B1: 'b1', B2: 'b2', B3: 'b3', B4: 'b4', B5: 'b5', C1: 'c1', C2: 'c2', C3: 'c3', C4: 'c4', D: 'd',
};
const lcaxUnit: Record<string, string> = { m: 'm', m2: 'm2', m3: 'm3', kg: 'kg', st: 'pcs' };

export interface LcaxExportInput {
  id: string;
  name: string;
  description?: string;
  city?: string;
  /** The passport; lines with `key` get it as product id. */
  passport: WritablePassport;
  /** calculateIndicators of the same passport WITH the line breakdown (lines in passport order). */
  result: LcaResult;
  library: ProfileLibrary;
}

function stages(values: Partial<Record<Module, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [module, value] of Object.entries(values) as [Module, number][]) out[stageKey[module]] = value;
  return out;
}

/** The LCAx project as a plain object (JSON.stringify it to write the file). Deterministic for the same input. */
export function passportToLcax(input: LcaxExportInput): Record<string, unknown> {
  const { passport, result, library } = input;
  const assemblies: Record<string, unknown> = {};
  let lineNo = 0;
  passport.elements.forEach((element, elementIndex) => {
    const products: Record<string, unknown> = {};
    const assemblyGwp: Partial<Record<Module, number>> = {};
    element.lines.forEach((line) => {
      const lineResult = result.lines.at(lineNo);
      lineNo += 1;
      const id = line.key ?? `regel-${lineNo}`;
      const profileId = lineResult?.profileId ?? line.profileId ?? null;
      const profile = profileId === null ? undefined : library.profiles.get(profileId);
      const gwp = lineResult?.gwpKgCO2 ?? {};
      for (const [module, value] of Object.entries(gwp) as [Module, number][]) assemblyGwp[module] = (assemblyGwp[module] ?? 0) + value;
      products[id] = {
        id,
        name: line.description,
        description: null,
        referenceServiceLife: line.serviceLifeYears ?? null,
        impactData:
          profile === undefined
            ? null
            : {
                type: 'reference',
                uri: profile.url ?? `${profile.source}:${profile.id}`,
                format: 'ilcd',
                version: profile.version ?? profile.release,
                overrides: { name: profile.name.en ?? profile.name.de ?? profile.name.nl ?? profile.id, declaredUnit: lcaxUnit[profile.declaredUnit] },
              },
        quantity: line.quantity,
        unit: lcaxUnit[line.unit] ?? 'unknown',
        transport: null,
        results: { gwp: stages(gwp) },
        metaData: {
          profileId,
          profileSource: lineResult?.profileSource ?? null,
          massKg: lineResult?.massKg ?? line.massKg ?? null,
          mkiEur: lineResult?.mkiEur ?? null,
          detachability: lineResult?.detachability ?? null,
        },
      };
    });
    const id = `element-${elementIndex + 1}`;
    assemblies[id] = {
      id,
      name: element.name,
      description: null,
      comment: null,
      quantity: 1,
      unit: 'pcs',
      classification: [{ system: 'NL-SfB', code: element.nlsfb, name: element.name }],
      products,
      results: { gwp: stages(assemblyGwp) },
      metaData: { layer: element.layer },
    };
  });
  return {
    id: input.id,
    name: input.name,
    description: input.description ?? null,
    comment: `${result.label}`,
    location: { country: 'nld', city: input.city ?? null, address: null },
    owner: null,
    formatVersion: LCAX_FORMAT_VERSION,
    lciaMethod: result.project.weightingSet === 'a1' ? 'EN15804A1' : 'EN15804A2',
    classificationSystem: 'NL-SfB',
    referenceStudyPeriod: result.project.rspYears,
    lifeCycleStages: Object.values(stageKey),
    impactCategories: ['gwp'],
    assemblies,
    results: { gwp: stages(result.gwp.byModule) },
    projectInfo: {
      type: 'buildingInfo',
      grossFloorArea: { value: result.project.bvoM2, unit: 'm2', definition: 'BVO (NEN 2580)' },
    },
    projectPhase: 'design',
    softwareInfo: { lcaSoftware: 'Kringbouw', goalAndScopeDefinition: 'Materiaalpaspoort, indicatieve LCA met open data', calculationType: 'indicatief' },
    metaData: {
      indicatief: String(result.indicatief),
      mkiTotalEur: result.mki.total === null ? '' : String(result.mki.total),
      mpg: result.mpg.value === null ? '' : String(result.mpg.value),
      ...Object.fromEntries(Object.entries(result.dataVersions).map(([k, v]) => [`dataVersion.${k}`, v])),
    },
  };
}
