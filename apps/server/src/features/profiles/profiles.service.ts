/** The environmental-profile library for the mapping picker: search, detail and name suggestions (no database). */
import type { ProfileDetail, ProfileSummary } from '@kringbouw/contracts';
import { normalizeMaterialName, oekobaudat2020II, suggestProfiles, type EnvironmentalProfile, type ProfileLibrary } from '@kringbouw/domain/lca';
import { notFound } from '../../errors.ts';
import { presentProfileDetail, presentProfileSummary } from './profiles.presenter.ts';

export function createProfilesService(deps: { library?: ProfileLibrary } = {}) {
  const library = deps.library ?? oekobaudat2020II();
  const index = [...library.profiles.values()].map((profile) => ({
    profile,
    text: normalizeMaterialName([profile.id, profile.name.nl, profile.name.en, profile.name.de, profile.category].filter(Boolean).join(' ')),
    sortName: (profile.name.nl ?? profile.name.en ?? profile.name.de ?? profile.id).toLowerCase(),
  }));
  index.sort((a, b) => (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : a.profile.id < b.profile.id ? -1 : 1));

  return {
    library,

    profile(id: string): EnvironmentalProfile | undefined {
      return library.profiles.get(id);
    },

    /** Profiles whose id, names (nl/en/de) or category contain every word of `q`, by name. */
    search(query: { q?: string | undefined; unit?: string | undefined; limit: number }): { items: ProfileSummary[]; total: number } {
      const words = query.q ? normalizeMaterialName(query.q).split(' ').filter(Boolean) : [];
      const matches = index.filter(
        (entry) => (query.unit === undefined || entry.profile.declaredUnit === query.unit) && words.every((word) => entry.text.includes(word)),
      );
      return { items: matches.slice(0, query.limit).map((entry) => presentProfileSummary(entry.profile)), total: matches.length };
    },

    detail(id: string): ProfileDetail {
      const profile = library.profiles.get(id);
      if (profile === undefined) throw notFound(`Profiel "${id}" staat niet in de bibliotheek ${library.id}.`);
      return presentProfileDetail(profile, library);
    },

    suggestions(name: string, limit: number) {
      return { items: suggestProfiles(name, library, limit) };
    },
  };
}

export type ProfilesService = ReturnType<typeof createProfilesService>;
