import { describe, expect, it } from 'vitest';
import { membershipRoles, type MembershipRole } from '../organisations/index.ts';
import {
  agreementOrganisationsActingFor,
  canApproveAgreementFor,
  canCommentOnAgreement,
  canCreateAgreement,
  canEditAgreement,
  canTakeAgreementAction,
  canViewAgreement,
  canViewAgreementAudit,
  type Actor,
  type AgreementAccessFacts,
} from './index.ts';

const GEM = 'gem';
const CORP = 'corp';
const HUUR = 'huur';
const OTHER = 'other';

const facts = (visibility: AgreementAccessFacts['visibility']): AgreementAccessFacts => ({
  visibility,
  parties: [
    { organisationId: GEM, role: 'gemeente' },
    { organisationId: CORP, role: 'woningcorporatie' },
    { organisationId: HUUR, role: 'huurdersorganisatie' },
  ],
});

const member = (organisationId: string, role: MembershipRole): Actor => ({ userId: 'u', platformRole: null, memberships: [{ organisationId, role }] });
const coordinator: Actor = { userId: 'c', platformRole: 'coordinator', memberships: [] };

describe('agreement policies', () => {
  it('hides agreements of the parties from everyone but their members and the coordinator', () => {
    const hidden = facts('partijen');
    expect(canViewAgreement(null, hidden)).toBe(false);
    expect(canViewAgreement(member(OTHER, 'beheerder'), hidden)).toBe(false);
    expect(canViewAgreement(member(HUUR, 'lezer'), hidden)).toBe(true);
    expect(canViewAgreement(coordinator, hidden)).toBe(true);
    expect(canViewAgreement(member(OTHER, 'lezer'), facts('openbaar'))).toBe(true);
    expect(canViewAgreement(null, facts('openbaar'))).toBe(false);
  });

  it('gives the huurdersorganisatie the same rights as the other parties (edit, approve, comment)', () => {
    for (const org of [GEM, CORP, HUUR]) {
      for (const role of membershipRoles) {
        const actor = member(org, role);
        const writer = role !== 'lezer';
        expect(canEditAgreement(actor, facts('partijen')), `${org} ${role}`).toBe(writer);
        expect(canCommentOnAgreement(actor, facts('partijen'))).toBe(writer);
        expect(canApproveAgreementFor(actor, facts('partijen'), org)).toBe(writer);
        expect(canViewAgreementAudit(actor, facts('partijen'))).toBe(true);
      }
    }
  });

  it('approves only on behalf of one’s own party organisation', () => {
    const gemeente = member(GEM, 'beheerder');
    expect(canApproveAgreementFor(gemeente, facts('openbaar'), CORP)).toBe(false);
    expect(canApproveAgreementFor(gemeente, facts('openbaar'), OTHER)).toBe(false);
    expect(agreementOrganisationsActingFor(gemeente, facts('openbaar'))).toEqual([GEM]);
    const both: Actor = { userId: 'u', platformRole: null, memberships: [{ organisationId: CORP, role: 'bewerker' }, { organisationId: HUUR, role: 'lezer' }] };
    expect(agreementOrganisationsActingFor(both, facts('openbaar'))).toEqual([CORP]);
  });

  it('lets outsiders and the coordinator read a public agreement but not change it; the audit trail is for parties', () => {
    for (const actor of [member(OTHER, 'beheerder'), coordinator]) {
      expect(canEditAgreement(actor, facts('openbaar'))).toBe(false);
      expect(canCommentOnAgreement(actor, facts('openbaar'))).toBe(false);
      expect(canApproveAgreementFor(actor, facts('openbaar'), GEM)).toBe(false);
    }
    expect(canViewAgreementAudit(member(OTHER, 'beheerder'), facts('openbaar'))).toBe(false);
    expect(canViewAgreementAudit(coordinator, facts('openbaar'))).toBe(true);
  });

  it('gives the bod to the corporation, the start of the negotiation to the gemeente, evaluation to all parties', () => {
    const f = facts('partijen');
    expect(canTakeAgreementAction(member(CORP, 'bewerker'), f, 'bod_uitbrengen')).toBe(true);
    expect(canTakeAgreementAction(member(GEM, 'beheerder'), f, 'bod_uitbrengen')).toBe(false);
    expect(canTakeAgreementAction(member(GEM, 'bewerker'), f, 'onderhandeling_starten')).toBe(true);
    expect(canTakeAgreementAction(member(CORP, 'beheerder'), f, 'onderhandeling_starten')).toBe(false);
    expect(canTakeAgreementAction(member(HUUR, 'bewerker'), f, 'evaluatie_starten')).toBe(true);
    expect(canTakeAgreementAction(member(HUUR, 'lezer'), f, 'evaluatie_afronden')).toBe(false);
    expect(canTakeAgreementAction(coordinator, f, 'evaluatie_starten')).toBe(false);
  });

  it('lets someone start an agreement only for parties where they are bewerker or beheerder', () => {
    expect(canCreateAgreement(member(CORP, 'bewerker'), [GEM, CORP, HUUR])).toBe(true);
    expect(canCreateAgreement(member(CORP, 'lezer'), [GEM, CORP, HUUR])).toBe(false);
    expect(canCreateAgreement(member(OTHER, 'beheerder'), [GEM, CORP, HUUR])).toBe(false);
    expect(canCreateAgreement(coordinator, [GEM, CORP, HUUR])).toBe(false);
    expect(canCreateAgreement(null, [GEM])).toBe(false);
  });
});
