import type { Invitation, Member, Organisation, OrganisationDetail } from '@kringbouw/contracts';
import type { InvitationRecord } from '../invitations/invitations.repository.ts';
import type { MemberRecord, OrganisationRecord } from './organisations.repository.ts';

export function presentOrganisation(record: OrganisationRecord): Organisation {
  return {
    id: record.id,
    name: record.name,
    shortName: record.shortName,
    kind: record.kind,
    municipalityCode: record.municipalityCode,
    website: record.website,
    cityDealSignatory: record.cityDealSignatory,
    memberCount: record.memberCount,
  };
}

export function presentMember(record: MemberRecord): Member {
  return {
    userId: record.userId,
    name: record.name,
    email: record.email,
    role: record.role,
    joinedAt: record.joinedAt.toISOString(),
  };
}

export function invitationStatus(record: InvitationRecord, now: Date): Invitation['status'] {
  if (record.acceptedAt !== null) return 'geaccepteerd';
  if (record.revokedAt !== null) return 'ingetrokken';
  if (record.expiresAt <= now) return 'verlopen';
  return 'open';
}

export function presentInvitation(record: InvitationRecord, now: Date): Invitation {
  return {
    id: record.id,
    email: record.email,
    role: record.role,
    status: invitationStatus(record, now),
    invitedBy: record.invitedBy ?? 'onbekend',
    createdAt: record.createdAt.toISOString(),
    expiresAt: record.expiresAt.toISOString(),
  };
}

export function presentOrganisationDetail(
  record: OrganisationRecord,
  members: MemberRecord[],
  invitations: InvitationRecord[] | null,
  now: Date,
): OrganisationDetail {
  return {
    ...presentOrganisation(record),
    members: members.map(presentMember),
    invitations: invitations === null ? null : invitations.map((i) => presentInvitation(i, now)),
  };
}
