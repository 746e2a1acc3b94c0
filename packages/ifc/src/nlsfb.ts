/**
 * Suggests an NL-SfB table-1 code and a building layer (bouwlaag) for an IFC element, from the versioned tables in
 * ./tables (nlsfb-suggestions.json, layers.json; not data/, which git ignores). Both are suggestions the user confirms; see docs/ifc-import.md.
 */
import nlsfbTable from './tables/nlsfb-suggestions.json' with { type: 'json' };
import layerTable from './tables/layers.json' with { type: 'json' };
import type { Bouwlaag, IfcNlsfbSuggestion } from './types.ts';

export type ElementFamily = 'distribution' | 'furnishing' | 'other';

export interface NlsfbInput {
  ifcClass: string;
  predefinedType?: string | undefined;
  isExternal?: boolean | undefined;
  loadBearing?: boolean | undefined;
  family: ElementFamily;
}

interface Rule {
  classes?: string[];
  family?: string;
  predefinedTypes?: string[];
  isExternal?: boolean;
  code: string | null;
  layer?: string | null;
  reason: string;
}

const layerNames = new Set<string>(Object.keys(layerTable.layers));
const rules: Rule[] = nlsfbTable.rules;
const fallbacks: Rule[] = nlsfbTable.fallbacks;
const byCode: Record<string, string> = layerTable.byCode;
const byFirstDigit: Record<string, string> = layerTable.byFirstDigit;

export const suggestionDataVersions = { nlsfb: nlsfbTable.version, layers: layerTable.version };

function asLayer(value: string | null | undefined): Bouwlaag | null {
  return value && layerNames.has(value) ? (value as Bouwlaag) : null;
}

function matches(rule: Rule, input: NlsfbInput): boolean {
  const className = input.ifcClass.toLowerCase();
  if (rule.classes && !rule.classes.some((name) => name.toLowerCase() === className)) return false;
  if (rule.family && rule.family !== input.family) return false;
  if (rule.predefinedTypes && !(input.predefinedType && rule.predefinedTypes.includes(input.predefinedType))) return false;
  if (rule.isExternal !== undefined && rule.isExternal !== input.isExternal) return false;
  return true;
}

/** Layer for an NL-SfB code: an override for load-bearing walls, then the two-digit table, then the first digit. */
export function layerForCode(code: string, loadBearing?: boolean): Bouwlaag | null {
  const override = layerTable.overrides.find((entry) => entry.code === code && entry.loadBearing === loadBearing);
  if (override) return asLayer(override.layer);
  return asLayer(byCode[code.slice(0, 2)] ?? byFirstDigit[code.slice(0, 1)]);
}

const suggestionCache = new Map<string, { nlsfb: IfcNlsfbSuggestion; layer: Bouwlaag | null }>();

/** First matching rule of nlsfb-suggestions.json (by class, predefined type, IsExternal), else the family fallback. */
export function suggestNlsfb(input: NlsfbInput): { nlsfb: IfcNlsfbSuggestion; layer: Bouwlaag | null } {
  const key = `${input.ifcClass}|${input.predefinedType ?? ''}|${String(input.isExternal)}|${String(input.loadBearing)}|${input.family}`;
  const cached = suggestionCache.get(key);
  if (cached) return { nlsfb: { ...cached.nlsfb }, layer: cached.layer };
  const suggestion = findSuggestion(input);
  suggestionCache.set(key, suggestion);
  return { nlsfb: { ...suggestion.nlsfb }, layer: suggestion.layer };
}

function findSuggestion(input: NlsfbInput): { nlsfb: IfcNlsfbSuggestion; layer: Bouwlaag | null } {
  const rule =
    rules.find((candidate) => matches(candidate, input)) ??
    fallbacks.find((candidate) => candidate.family === input.family) ??
    fallbacks.find((candidate) => candidate.family === 'other');
  if (!rule) return { nlsfb: { code: null, reason: 'geen suggestie' }, layer: null };
  const layer = rule.code ? layerForCode(rule.code, input.loadBearing) : asLayer(rule.layer);
  return { nlsfb: { code: rule.code, reason: `${input.ifcClass}: ${rule.reason}` }, layer };
}
