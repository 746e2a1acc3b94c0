/**
 * Confidentiality of a corporation's stock data (issue 7 §6): a stock list and the candidate choices made on it
 * are visible to the owning organisation, the organisations it shares them with (e.g. its municipality and
 * tenants' organisation) and the City Deal coordinator — not to everyone. Buildings imported from the open 3D BAG
 * / BAG are public data and readable by every signed-in user.
 *
 * Pure functions, used by the server to enforce and by the web app to show or hide actions.
 */
import { roleAtLeast, type MembershipRole, type PlatformRole } from '../organisations/index.ts';

/** Structurally the same as the actor of `@kringbouw/domain/authz`. */
export interface StockActor {
  userId: string;
  platformRole: PlatformRole | null;
  memberships: readonly { organisationId: string; role: MembershipRole }[];
}

export interface StockListAccessFacts {
  ownerOrganisationId: string;
  sharedWithOrganisationIds: readonly string[];
}

function isCoordinatorActor(actor: StockActor | null): boolean {
  return actor !== null && actor.platformRole === 'coordinator';
}

function hasRole(actor: StockActor | null, organisationId: string, minimum: MembershipRole): boolean {
  const role = actor?.memberships.find((m) => m.organisationId === organisationId)?.role;
  return role !== undefined && roleAtLeast(role, minimum);
}

/** Owner members, members of an organisation it is shared with, and the coordinator. */
export function canViewStockList(actor: StockActor | null, list: StockListAccessFacts): boolean {
  if (actor === null) return false;
  if (isCoordinatorActor(actor)) return true;
  return [list.ownerOrganisationId, ...list.sharedWithOrganisationIds].some((id) => hasRole(actor, id, 'lezer'));
}

/** Importing, replacing, sharing and deleting a stock list: a bewerker or beheerder of the owner. */
export function canManageStockList(actor: StockActor | null, list: Pick<StockListAccessFacts, 'ownerOrganisationId'>): boolean {
  return hasRole(actor, list.ownerOrganisationId, 'bewerker');
}

/**
 * Importing open building data (3D BAG, BAG) for a municipality, or recording an assessment (unsuitable,
 * candidate) on behalf of an organisation: a bewerker or beheerder of that organisation, or the coordinator.
 */
export function canActForOrganisation(actor: StockActor | null, organisationId: string): boolean {
  return isCoordinatorActor(actor) || hasRole(actor, organisationId, 'bewerker');
}

/** The view rule in a form a repository can turn into a WHERE clause. */
export type StockVisibilityScope =
  | { kind: 'none' }
  | { kind: 'all' }
  | { kind: 'organisations'; organisationIds: string[] };

export function stockVisibilityScope(actor: StockActor | null): StockVisibilityScope {
  if (actor === null) return { kind: 'none' };
  if (isCoordinatorActor(actor)) return { kind: 'all' };
  return { kind: 'organisations', organisationIds: actor.memberships.map((m) => m.organisationId) };
}

/**
 * Changing the opportunity rule set of a municipality: a bewerker or beheerder of that municipality's own gemeente
 * organisation, or the coordinator. The set scores every imported building of the municipality, so it is the
 * municipality's call; other parties read it.
 */
export function canEditMunicipalityRules(
  actor: StockActor | null,
  organisation: { id: string; kind: string; municipalityCode: string | null },
  municipalityCode: string,
): boolean {
  if (isCoordinatorActor(actor)) return true;
  return organisation.kind === 'gemeente' && organisation.municipalityCode === municipalityCode && hasRole(actor, organisation.id, 'bewerker');
}
