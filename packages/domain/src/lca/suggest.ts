import type { MethodData, SynonymConcept } from './method-data.ts';
import { methodData } from './method-data.ts';
import type { EnvironmentalProfile, ProfileLibrary } from './profiles.ts';

export interface ProfileSuggestion {
  profileId: string;
  name: string;
  declaredUnit: EnvironmentalProfile['declaredUnit'];
  /** 0..1, higher is better. */
  score: number;
  /** Dutch explanation of why this profile was suggested. */
  reason: string;
}

const normalize = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim();
const tokens = (text: string): string[] => normalize(text).split(' ').filter((t) => t.length > 1);

/** True when `phrase` occurs in `text` as whole words (both normalized). */
const containsPhrase = (text: string, phrase: string): boolean => phrase.length > 0 && ` ${text} `.includes(` ${phrase} `);

const indexCache = new WeakMap<ProfileLibrary, { id: string; name: string; tokens: Set<string>; profile: EnvironmentalProfile }[]>();
function profileIndex(library: ProfileLibrary) {
  let index = indexCache.get(library);
  if (!index) {
    index = [...library.profiles.values()]
      .map((profile) => {
        const name = profile.name.nl ?? profile.name.en ?? profile.name.de ?? profile.id;
        const all = [profile.name.nl, profile.name.en, profile.name.de].filter((n): n is string => n !== undefined).join(' ');
        return { id: profile.id, name, tokens: new Set(tokens(all)), profile };
      })
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    indexCache.set(library, index);
  }
  return index;
}

/** Concepts whose Dutch, English or German terms occur in the name, longest matching term first. */
function matchConcepts(normalized: string, concepts: SynonymConcept[]): { concept: SynonymConcept; term: string }[] {
  const matches: { concept: SynonymConcept; term: string }[] = [];
  for (const concept of concepts) {
    let best = '';
    for (const term of [...concept.nl, ...concept.en, ...concept.de]) {
      const t = normalize(term);
      if (t.length > best.length && containsPhrase(normalized, t)) best = t;
    }
    if (best) matches.push({ concept, term: best });
  }
  return matches.sort((a, b) => b.term.length - a.term.length || a.concept.id.localeCompare(b.concept.id));
}

/**
 * Ranked environmental-profile candidates for a material name in Dutch, English or German (e.g. "beton C20/25",
 * "vurenhout", "Ziegel"). Method: (1) the synonyms table data/material-synonyms.json maps the name to concepts, whose
 * default profile scores 0.6 + 0.3 × (matched term length / name length); (2) every profile scores by word overlap
 * (Dice coefficient × 0.8) between the name, expanded with the matched concepts' English and German terms, and the
 * profile's names. Ties are broken by profile id, so the ranking is deterministic. Scores are rounded to 3 decimals.
 */
export function suggestProfiles(name: string, library: ProfileLibrary, limit = 5, data: MethodData = methodData): ProfileSuggestion[] {
  const normalized = normalize(name);
  if (!normalized || limit <= 0) return [];
  const concepts = matchConcepts(normalized, data.synonyms.concepts);
  const best = new Map<string, { score: number; reason: string }>();
  const offer = (id: string, score: number, reason: string) => {
    const current = best.get(id);
    if (!current || score > current.score) best.set(id, { score, reason });
  };

  for (const { concept, term } of concepts) {
    if (!library.profiles.has(concept.default)) continue;
    const coverage = Math.min(1, term.length / normalized.length);
    offer(concept.default, 0.6 + 0.3 * coverage, `synoniem "${term}" → ${concept.id} (standaardprofiel)`);
  }

  const queryTokens = new Set(tokens(name));
  for (const { concept } of concepts) for (const term of [...concept.en, ...concept.de]) for (const t of tokens(term)) queryTokens.add(t);
  if (queryTokens.size > 0) {
    for (const entry of profileIndex(library)) {
      let shared = 0;
      const matched: string[] = [];
      for (const t of queryTokens) {
        if (entry.tokens.has(t)) {
          shared += 1;
          matched.push(t);
        }
      }
      if (shared === 0) continue;
      const dice = (2 * shared) / (queryTokens.size + entry.tokens.size);
      offer(entry.id, 0.8 * dice, `naam komt overeen (${matched.sort().join(', ')})`);
    }
  }

  return [...best.entries()]
    .map(([profileId, { score, reason }]) => {
      const profile = library.profiles.get(profileId);
      return {
        profileId,
        name: profile?.name.nl ?? profile?.name.en ?? profile?.name.de ?? profileId,
        declaredUnit: profile?.declaredUnit ?? 'kg',
        score: Math.round(score * 1000) / 1000,
        reason,
      };
    })
    .sort((a, b) => b.score - a.score || (a.profileId < b.profileId ? -1 : a.profileId > b.profileId ? 1 : 0))
    .slice(0, limit);
}

/** Minimum score for the default mapping to use a suggestion without a profile reference. */
export const DEFAULT_MAPPING_MIN_SCORE = 0.6;

/**
 * Default mapping for a line that names a material but no profile: the top suggestion if it scores at least
 * DEFAULT_MAPPING_MIN_SCORE (i.e. a synonyms-table hit), else undefined. Always reported to the user as a warning.
 */
export function defaultProfileFor(name: string, library: ProfileLibrary, data: MethodData = methodData): ProfileSuggestion | undefined {
  const [top] = suggestProfiles(name, library, 1, data);
  return top && top.score >= DEFAULT_MAPPING_MIN_SCORE ? top : undefined;
}
