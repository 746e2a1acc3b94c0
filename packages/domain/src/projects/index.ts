/**
 * Housing projects as the City Deal monitors them: kind, phase, size, building type, construction concept,
 * parties and visibility.
 */

export const projectKinds = [
  'nieuwbouw',
  'transformatie',
  'renovatie',
  'splitsing',
  'optopping',
  'tijdelijk',
] as const;
export type ProjectKind = (typeof projectKinds)[number];

export const projectPhases = ['initiatief', 'ontwerp', 'realisatie', 'opgeleverd'] as const;
export type ProjectPhase = (typeof projectPhases)[number];

export const buildingTypes = ['grondgebonden', 'gestapeld', 'utiliteit'] as const;
export type BuildingType = (typeof buildingTypes)[number];

export const partyRoles = [
  'opdrachtgever',
  'gemeente',
  'corporatie',
  'bouwer',
  'architect',
  'adviseur',
  'huurdersorganisatie',
] as const;
export type PartyRole = (typeof partyRoles)[number];

/** The City Deal: exchanged information is public in principle; confidential only on request. */
export const visibilities = ['openbaar', 'vertrouwelijk'] as const;
export type Visibility = (typeof visibilities)[number];

/** The City Deal's threshold: projects of this many dwellings or more are in its scope. */
export const CITY_DEAL_MIN_DWELLINGS = 50;
