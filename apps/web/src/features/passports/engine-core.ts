/**
 * What the browser computes with the indicator engine: the same pure `calculateIndicators` the server and CLI use,
 * on the shipped ÖKOBAUDAT 2020-II library. Loaded inside the engine worker (engine.worker.ts), or in the page when
 * workers are unavailable — never in the main bundle (the library is ~380 kB of JSON).
 */
import { calculateIndicators, oekobaudat2020II, suggestProfiles, type LcaResult, type Passport, type ProfileSuggestion, type Unit } from '@kringbouw/domain/lca';

export interface ProfileSummary {
  id: string;
  name: string;
  /** Names in all languages the library has, for searching. */
  search: string;
  declaredUnit: Unit;
  category: string | null;
  source: string;
}

export function calculate(passport: Passport): LcaResult {
  return calculateIndicators(passport, { library: oekobaudat2020II() });
}

let summaries: ProfileSummary[] | undefined;

/** Every profile of the library, sorted by name, for the profile picker. */
export function profileSummaries(): ProfileSummary[] {
  if (!summaries) {
    const library = oekobaudat2020II();
    summaries = [...library.profiles.values()]
      .map((profile) => {
        const name = profile.name.nl ?? profile.name.en ?? profile.name.de ?? profile.id;
        return {
          id: profile.id,
          name,
          search: [profile.name.nl, profile.name.en, profile.name.de, profile.category, profile.id].filter(Boolean).join(' ').toLowerCase(),
          declaredUnit: profile.declaredUnit,
          category: profile.category ?? null,
          source: `${library.id} (${library.release})`,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }
  return summaries;
}

export function suggest(name: string, limit = 5): ProfileSuggestion[] {
  return suggestProfiles(name, oekobaudat2020II(), limit);
}
