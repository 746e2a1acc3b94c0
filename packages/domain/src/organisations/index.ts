/**
 * Organisations and memberships: the parties of the City Deal Circulair en Conceptueel Bouwen.
 * Kinds follow the deal's own grouping (Deel 1: Partijen) with the private parties split by what they do.
 */

export const organisationKinds = [
  'gemeente',
  'provincie',
  'rijk',
  'woningcorporatie',
  'huurdersorganisatie',
  'bouwer',
  'ontwikkelaar',
  'financier',
  'adviseur',
  'leverancier',
  'kennisinstelling',
  'netwerkorganisatie',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** The City Deal's groups of parties; private parties are one group in the deal. */
export const cityDealGroups = [
  'gemeenten',
  'provincies',
  'rijk',
  'corporaties',
  'huurders',
  'private_partijen',
  'kennisinstellingen',
  'netwerkorganisaties',
] as const;
export type CityDealGroup = (typeof cityDealGroups)[number];

const groupOfKind: Record<OrganisationKind, CityDealGroup> = {
  gemeente: 'gemeenten',
  provincie: 'provincies',
  rijk: 'rijk',
  woningcorporatie: 'corporaties',
  huurdersorganisatie: 'huurders',
  bouwer: 'private_partijen',
  ontwikkelaar: 'private_partijen',
  financier: 'private_partijen',
  adviseur: 'private_partijen',
  leverancier: 'private_partijen',
  kennisinstelling: 'kennisinstellingen',
  netwerkorganisatie: 'netwerkorganisaties',
};

export function cityDealGroupOf(kind: OrganisationKind): CityDealGroup {
  return groupOfKind[kind];
}

/** Role of a person within one organisation. Ordered from least to most rights. */
export const membershipRoles = ['lezer', 'bewerker', 'beheerder'] as const;
export type MembershipRole = (typeof membershipRoles)[number];

export function roleAtLeast(role: MembershipRole, minimum: MembershipRole): boolean {
  return membershipRoles.indexOf(role) >= membershipRoles.indexOf(minimum);
}

/** Platform-wide role: the City Deal coordination team sees everything and manages organisations. */
export const platformRoles = ['coordinator'] as const;
export type PlatformRole = (typeof platformRoles)[number];
