import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { membershipRoles, type MembershipRole } from '../organisations/index.ts';
import {
  canChangeOrganisationStatus,
  canCreateOrganisation,
  canCreateProjectFor,
  canDeleteProject,
  canEditProject,
  canInvite,
  canManageOrganisation,
  canViewInvitations,
  canViewMembers,
  canViewOrganisation,
  canViewProject,
  projectVisibilityScope,
  type Actor,
  type ProjectAccessFacts,
  type ProjectVisibilityScope,
} from './index.ts';

const OWNER = 'org-owner';
const PARTY = 'org-party';
const OTHER = 'org-other';

/** Where the actor stands towards the project. */
const positions = ['anonymous', 'no-memberships', 'owner', 'party', 'unrelated', 'coordinator'] as const;
type Position = (typeof positions)[number];

function actorAt(position: Position, role: MembershipRole): Actor {
  switch (position) {
    case 'anonymous':
      return null;
    case 'no-memberships':
      return { userId: 'u', platformRole: null, memberships: [] };
    case 'owner':
      return { userId: 'u', platformRole: null, memberships: [{ organisationId: OWNER, role }] };
    case 'party':
      return { userId: 'u', platformRole: null, memberships: [{ organisationId: PARTY, role }] };
    case 'unrelated':
      return { userId: 'u', platformRole: null, memberships: [{ organisationId: OTHER, role }] };
    case 'coordinator':
      return { userId: 'u', platformRole: 'coordinator', memberships: [] };
  }
}

const project = (visibility: 'openbaar' | 'vertrouwelijk'): ProjectAccessFacts => ({
  ownerOrganisationId: OWNER,
  visibility,
  parties: [{ organisationId: PARTY }],
});

/**
 * The rules written out as a table: [view, edit, delete] per position and role, for public and confidential
 * projects. Roles matter only for members of the owner or a party organisation.
 */
type Triple = [view: boolean, edit: boolean, del: boolean];
const expectedProject: Record<'openbaar' | 'vertrouwelijk', Record<Position, Record<MembershipRole, Triple>>> = {
  openbaar: {
    anonymous: { lezer: [false, false, false], bewerker: [false, false, false], beheerder: [false, false, false] },
    'no-memberships': { lezer: [true, false, false], bewerker: [true, false, false], beheerder: [true, false, false] },
    owner: { lezer: [true, false, false], bewerker: [true, true, false], beheerder: [true, true, true] },
    party: { lezer: [true, false, false], bewerker: [true, true, false], beheerder: [true, true, false] },
    unrelated: { lezer: [true, false, false], bewerker: [true, false, false], beheerder: [true, false, false] },
    coordinator: { lezer: [true, true, true], bewerker: [true, true, true], beheerder: [true, true, true] },
  },
  vertrouwelijk: {
    anonymous: { lezer: [false, false, false], bewerker: [false, false, false], beheerder: [false, false, false] },
    'no-memberships': { lezer: [false, false, false], bewerker: [false, false, false], beheerder: [false, false, false] },
    owner: { lezer: [true, false, false], bewerker: [true, true, false], beheerder: [true, true, true] },
    party: { lezer: [true, false, false], bewerker: [true, true, false], beheerder: [true, true, false] },
    unrelated: { lezer: [false, false, false], bewerker: [false, false, false], beheerder: [false, false, false] },
    coordinator: { lezer: [true, true, true], bewerker: [true, true, true], beheerder: [true, true, true] },
  },
};

describe('project policies, every position × role × visibility', () => {
  for (const visibility of ['openbaar', 'vertrouwelijk'] as const) {
    for (const position of positions) {
      for (const role of membershipRoles) {
        it(`${visibility} / ${position} / ${role}`, () => {
          const actor = actorAt(position, role);
          const facts = project(visibility);
          expect([canViewProject(actor, facts), canEditProject(actor, facts), canDeleteProject(actor, facts)]).toEqual(
            expectedProject[visibility][position][role],
          );
        });
      }
    }
  }

  it('creating a project for an organisation needs bewerker+ there, or the coordinator', () => {
    for (const role of membershipRoles) {
      expect(canCreateProjectFor(actorAt('owner', role), OWNER)).toBe(role !== 'lezer');
      expect(canCreateProjectFor(actorAt('unrelated', role), OWNER)).toBe(false);
    }
    expect(canCreateProjectFor(actorAt('coordinator', 'lezer'), OWNER)).toBe(true);
    expect(canCreateProjectFor(null, OWNER)).toBe(false);
    expect(canCreateProjectFor(actorAt('no-memberships', 'lezer'), OWNER)).toBe(false);
  });
});

describe('organisation policies', () => {
  const cases: [Position, MembershipRole, { manage: boolean; members: boolean }][] = [
    ['anonymous', 'lezer', { manage: false, members: false }],
    ['no-memberships', 'lezer', { manage: false, members: false }],
    ['owner', 'lezer', { manage: false, members: true }],
    ['owner', 'bewerker', { manage: false, members: true }],
    ['owner', 'beheerder', { manage: true, members: true }],
    ['unrelated', 'beheerder', { manage: false, members: false }],
    ['coordinator', 'lezer', { manage: true, members: true }],
  ];
  for (const [position, role, expected] of cases) {
    it(`${position} / ${role} on the owner organisation`, () => {
      const actor = actorAt(position, role);
      expect(canManageOrganisation(actor, OWNER)).toBe(expected.manage);
      expect(canInvite(actor, OWNER)).toBe(expected.manage);
      expect(canViewInvitations(actor, OWNER)).toBe(expected.manage);
      expect(canViewMembers(actor, OWNER)).toBe(expected.members);
      expect(canViewOrganisation(actor)).toBe(actor !== null);
      expect(canCreateOrganisation(actor)).toBe(position === 'coordinator');
      expect(canChangeOrganisationStatus(actor)).toBe(position === 'coordinator');
    });
  }
});

/** What a repository does with the scope, restated in memory. */
function inScope(scope: ProjectVisibilityScope, facts: ProjectAccessFacts): boolean {
  if (scope.kind === 'none') return false;
  if (scope.kind === 'all') return true;
  return (
    facts.visibility === 'openbaar' ||
    scope.organisationIds.includes(facts.ownerOrganisationId) ||
    facts.parties.some((p) => scope.organisationIds.includes(p.organisationId))
  );
}

describe('invariants over generated actors and projects', () => {
  const orgId = fc.constantFrom('a', 'b', 'c', 'd');
  const actorArb: fc.Arbitrary<Actor> = fc.option(
    fc.record({
      userId: fc.constant('u'),
      platformRole: fc.constantFrom(null, 'coordinator' as const),
      memberships: fc.uniqueArray(fc.record({ organisationId: orgId, role: fc.constantFrom(...membershipRoles) }), {
        selector: (m) => m.organisationId,
        maxLength: 3,
      }),
    }),
    { nil: null },
  );
  const projectArb: fc.Arbitrary<ProjectAccessFacts> = fc.record({
    ownerOrganisationId: orgId,
    visibility: fc.constantFrom('openbaar' as const, 'vertrouwelijk' as const),
    parties: fc.array(fc.record({ organisationId: orgId }), { maxLength: 3 }),
  });

  it('the list scope selects exactly the projects canViewProject allows', () => {
    fc.assert(fc.property(actorArb, projectArb, (actor, facts) => inScope(projectVisibilityScope(actor), facts) === canViewProject(actor, facts)));
  });

  it('delete implies edit implies view', () => {
    fc.assert(
      fc.property(actorArb, projectArb, (actor, facts) => {
        if (canDeleteProject(actor, facts) && !canEditProject(actor, facts)) return false;
        return !canEditProject(actor, facts) || canViewProject(actor, facts);
      }),
    );
  });
});
