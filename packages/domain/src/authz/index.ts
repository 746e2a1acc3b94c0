/**
 * Authorization policy of Kringbouw: pure functions shared by the API (which enforces them) and the web app
 * (which uses them to show or hide actions). The API is the authority; the UI only mirrors it.
 *
 * Roles: per organisation `lezer` < `bewerker` < `beheerder`; platform-wide `coordinator` (the City Deal
 * coordination team) sees everything and manages organisations.
 */
import { roleAtLeast, type MembershipRole, type PlatformRole } from '../organisations/index.ts';
import type { Visibility } from '../projects/index.ts';

export interface ActorMembership {
  organisationId: string;
  role: MembershipRole;
}

export interface SignedInActor {
  userId: string;
  platformRole: PlatformRole | null;
  memberships: readonly ActorMembership[];
}

/** `null` is an anonymous visitor. */
export type Actor = SignedInActor | null;

/** What the policy needs to know about a project. */
export interface ProjectAccessFacts {
  ownerOrganisationId: string;
  visibility: Visibility;
  parties: readonly { organisationId: string }[];
}

export function isCoordinator(actor: Actor): boolean {
  return actor !== null && actor.platformRole === 'coordinator';
}

/** The actor's role in one organisation, or null when not a member. */
export function roleIn(actor: Actor, organisationId: string): MembershipRole | null {
  if (actor === null) return null;
  return actor.memberships.find((m) => m.organisationId === organisationId)?.role ?? null;
}

function hasRoleIn(actor: Actor, organisationId: string, minimum: MembershipRole): boolean {
  const role = roleIn(actor, organisationId);
  return role !== null && roleAtLeast(role, minimum);
}

/** Organisations involved in a project: the owner plus every party. */
export function projectOrganisationIds(project: ProjectAccessFacts): string[] {
  return [...new Set([project.ownerOrganisationId, ...project.parties.map((p) => p.organisationId)])];
}

/** True when the actor is a member (any role) of the owner or of a party organisation. */
export function isProjectMember(actor: Actor, project: ProjectAccessFacts): boolean {
  return projectOrganisationIds(project).some((id) => roleIn(actor, id) !== null);
}

/**
 * Public projects are readable by every signed-in user (anonymous visitors get nothing from /api).
 * Confidential projects only by members of the owner or a party organisation, and by the coordinator.
 */
export function canViewProject(actor: Actor, project: ProjectAccessFacts): boolean {
  if (actor === null) return false;
  if (project.visibility === 'openbaar') return true;
  return isCoordinator(actor) || isProjectMember(actor, project);
}

/**
 * The same rule as {@link canViewProject}, in a form a repository can turn into a WHERE clause, so that
 * confidential projects never appear in lists, searches or counts for anyone else.
 */
export type ProjectVisibilityScope =
  | { kind: 'none' }
  | { kind: 'all' }
  | { kind: 'public-or-organisations'; organisationIds: string[] };

export function projectVisibilityScope(actor: Actor): ProjectVisibilityScope {
  if (actor === null) return { kind: 'none' };
  if (isCoordinator(actor)) return { kind: 'all' };
  return { kind: 'public-or-organisations', organisationIds: actor.memberships.map((m) => m.organisationId) };
}

/** Registering a project on behalf of an organisation needs bewerker or beheerder there (or the coordinator). */
export function canCreateProjectFor(actor: Actor, organisationId: string): boolean {
  if (actor === null) return false;
  return isCoordinator(actor) || hasRoleIn(actor, organisationId, 'bewerker');
}

/** Editing: bewerker+ in the owner organisation or in any party organisation, or the coordinator. */
export function canEditProject(actor: Actor, project: ProjectAccessFacts): boolean {
  if (!canViewProject(actor, project)) return false;
  if (isCoordinator(actor)) return true;
  return projectOrganisationIds(project).some((id) => hasRoleIn(actor, id, 'bewerker'));
}

/** Deleting: beheerder of the owner organisation, or the coordinator. */
export function canDeleteProject(actor: Actor, project: ProjectAccessFacts): boolean {
  if (!canViewProject(actor, project)) return false;
  if (isCoordinator(actor)) return true;
  return hasRoleIn(actor, project.ownerOrganisationId, 'beheerder');
}

/** Every signed-in user may read the directory of organisations and their members. */
export function canViewOrganisation(actor: Actor): boolean {
  return actor !== null;
}

/** New organisations are added by the coordination team only. */
export function canCreateOrganisation(actor: Actor): boolean {
  return isCoordinator(actor);
}

/** Editing an organisation's details and its members' roles: its beheerders and the coordinator. */
export function canManageOrganisation(actor: Actor, organisationId: string): boolean {
  if (actor === null) return false;
  return isCoordinator(actor) || hasRoleIn(actor, organisationId, 'beheerder');
}

/** Inviting people into an organisation: the same people who manage it. */
export function canInvite(actor: Actor, organisationId: string): boolean {
  return canManageOrganisation(actor, organisationId);
}

/** Open invitations (email addresses of people not yet in) are shown only to those who may invite. */
export function canViewInvitations(actor: Actor, organisationId: string): boolean {
  return canManageOrganisation(actor, organisationId);
}

/** Member lists carry email addresses: shown to the organisation's own members and the coordinator. */
export function canViewMembers(actor: Actor, organisationId: string): boolean {
  return isCoordinator(actor) || roleIn(actor, organisationId) !== null;
}

/** An organisation's kind and its City Deal signatory status are part of the deal's register: coordinator only. */
export function canChangeOrganisationStatus(actor: Actor): boolean {
  return isCoordinator(actor);
}

/** Material passports follow their project: whoever may see the project may see its passport versions. */
export function canViewPassports(actor: Actor, project: ProjectAccessFacts): boolean {
  return canViewProject(actor, project);
}

/** Creating, editing, importing, publishing and deleting concept passports: whoever may edit the project. */
export function canEditPassports(actor: Actor, project: ProjectAccessFacts): boolean {
  return canEditProject(actor, project);
}

/** An organisation's material → profile mapping is visible to its members and the coordinator. */
export function canViewMaterialMappings(actor: Actor, organisationId: string): boolean {
  return isCoordinator(actor) || roleIn(actor, organisationId) !== null;
}

/** Changing the mapping: bewerker or beheerder of the organisation, or the coordinator. */
export function canEditMaterialMappings(actor: Actor, organisationId: string): boolean {
  if (actor === null) return false;
  return isCoordinator(actor) || hasRoleIn(actor, organisationId, 'bewerker');
}

/** Passport settings (keep original IFC files): the organisation's beheerders and the coordinator. */
export function canManagePassportSettings(actor: Actor, organisationId: string): boolean {
  return canManageOrganisation(actor, organisationId);
}

// ───────────────────────── prestatieafspraken ─────────────────────────

/** What the policy needs to know about an agreement (prestatieafspraken). */
export interface AgreementAccessFacts {
  visibility: 'openbaar' | 'partijen';
  parties: readonly { organisationId: string; role: 'gemeente' | 'woningcorporatie' | 'huurdersorganisatie' }[];
}

/** True when the actor is a member (any role) of one of the agreement's party organisations. */
export function isAgreementPartyMember(actor: Actor, agreement: AgreementAccessFacts): boolean {
  return agreement.parties.some((p) => roleIn(actor, p.organisationId) !== null);
}

/**
 * Public agreements are readable by every signed-in user; others only by members of a party organisation and by
 * the coordinator. Anyone else gets a 404.
 */
export function canViewAgreement(actor: Actor, agreement: AgreementAccessFacts): boolean {
  if (actor === null) return false;
  if (agreement.visibility === 'openbaar') return true;
  return isCoordinator(actor) || isAgreementPartyMember(actor, agreement);
}

/** The same rule as {@link canViewAgreement} for list queries (same shape as the projects' scope). */
export function agreementVisibilityScope(actor: Actor): ProjectVisibilityScope {
  return projectVisibilityScope(actor);
}

/** Starting an agreement: bewerker+ in one of the organisations that will be a party. */
export function canCreateAgreement(actor: Actor, partyOrganisationIds: readonly string[]): boolean {
  if (actor === null) return false;
  return partyOrganisationIds.some((id) => hasRoleIn(actor, id, 'bewerker'));
}

/**
 * Editing the text (header and commitments): bewerker+ in any party organisation — gemeente, woningcorporatie and
 * huurdersorganisatie alike. The coordinator reads but is no party, so does not edit.
 */
export function canEditAgreement(actor: Actor, agreement: AgreementAccessFacts): boolean {
  if (!canViewAgreement(actor, agreement)) return false;
  return agreement.parties.some((p) => hasRoleIn(actor, p.organisationId, 'bewerker'));
}

/** Approving on behalf of a party: bewerker+ in that party organisation. Same right for every kind of party. */
export function canApproveAgreementFor(actor: Actor, agreement: AgreementAccessFacts, organisationId: string): boolean {
  if (!canViewAgreement(actor, agreement)) return false;
  if (!agreement.parties.some((p) => p.organisationId === organisationId)) return false;
  return hasRoleIn(actor, organisationId, 'bewerker');
}

/** The party organisations the actor may approve, comment or add evidence for. */
export function agreementOrganisationsActingFor(actor: Actor, agreement: AgreementAccessFacts): string[] {
  return agreement.parties.filter((p) => hasRoleIn(actor, p.organisationId, 'bewerker')).map((p) => p.organisationId);
}

/** Commenting (per commitment, on the agreement, in the evaluation): bewerker+ in a party — huurders included. */
export function canCommentOnAgreement(actor: Actor, agreement: AgreementAccessFacts): boolean {
  return canEditAgreement(actor, agreement);
}

/** Recording evidence for a procesafspraak: bewerker+ in a party. */
export function canAddAgreementEvidence(actor: Actor, agreement: AgreementAccessFacts): boolean {
  return canEditAgreement(actor, agreement);
}

/**
 * Cycle actions: the bod is the woningcorporatie's (bod_uitbrengen), the gemeente opens the negotiation
 * (onderhandeling_starten), and the yearly evaluation is joint (any party, bewerker+).
 */
export function canTakeAgreementAction(
  actor: Actor,
  agreement: AgreementAccessFacts,
  action: 'bod_uitbrengen' | 'onderhandeling_starten' | 'evaluatie_starten' | 'evaluatie_afronden',
): boolean {
  if (!canViewAgreement(actor, agreement)) return false;
  const roles: readonly string[] =
    action === 'bod_uitbrengen' ? ['woningcorporatie'] : action === 'onderhandeling_starten' ? ['gemeente'] : ['gemeente', 'woningcorporatie', 'huurdersorganisatie'];
  return agreement.parties.some((p) => roles.includes(p.role) && hasRoleIn(actor, p.organisationId, 'bewerker'));
}

/** The audit trail names people: members of a party organisation and the coordinator. */
export function canViewAgreementAudit(actor: Actor, agreement: AgreementAccessFacts): boolean {
  if (!canViewAgreement(actor, agreement)) return false;
  return isCoordinator(actor) || isAgreementPartyMember(actor, agreement);
}

/** Lessons (City Deal monitoring level 1) are read by every signed-in user; recorded by bewerker+ of the organisation or the coordinator. */
export function canRecordLesson(actor: Actor, organisationId: string): boolean {
  if (actor === null) return false;
  return isCoordinator(actor) || hasRoleIn(actor, organisationId, 'bewerker');
}
