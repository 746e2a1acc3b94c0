import { z } from 'zod';
import { membershipRoles, organisationKinds } from '@kringbouw/domain/organisations';
import { email, newPassword } from './auth.ts';
import { isoDateTime, uuid } from './common.ts';

export const organisation = z.object({
  id: uuid,
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(organisationKinds),
  /** CBS municipality code (GMxxxx) for gemeenten; null otherwise. */
  municipalityCode: z.string().regex(/^GM\d{4}$/).nullable(),
  website: z.url().nullable(),
  cityDealSignatory: z.boolean(),
  memberCount: z.number().int().min(0),
});
export type Organisation = z.infer<typeof organisation>;

export const organisationListQuery = z.object({
  q: z.string().max(200).optional(),
  kind: z.enum(organisationKinds).optional(),
});

export const organisationList = z.object({ items: z.array(organisation) });

export const organisationInput = z.object({
  name: z.string().trim().min(2).max(200),
  shortName: z.string().trim().max(60).nullable().default(null),
  kind: z.enum(organisationKinds),
  municipalityCode: z.string().regex(/^GM\d{4}$/).nullable().default(null),
  website: z.url().max(500).nullable().default(null),
  cityDealSignatory: z.boolean().default(false),
});
export type OrganisationInput = z.infer<typeof organisationInput>;

export const member = z.object({
  userId: uuid,
  name: z.string(),
  email: z.string(),
  role: z.enum(membershipRoles),
  joinedAt: isoDateTime,
});
export type Member = z.infer<typeof member>;

export const invitation = z.object({
  id: uuid,
  email: z.string(),
  role: z.enum(membershipRoles),
  status: z.enum(['open', 'geaccepteerd', 'ingetrokken', 'verlopen']),
  invitedBy: z.string(),
  createdAt: isoDateTime,
  expiresAt: isoDateTime,
});
export type Invitation = z.infer<typeof invitation>;

export const organisationDetail = organisation.extend({
  members: z.array(member),
  /** Only present for beheerders of the organisation and the coordination team. */
  invitations: z.array(invitation).nullable(),
});
export type OrganisationDetail = z.infer<typeof organisationDetail>;

export const createInvitationRequest = z.object({
  email,
  role: z.enum(membershipRoles),
});

export const updateMemberRequest = z.object({ role: z.enum(membershipRoles) });

export const memberParams = z.object({ id: uuid, userId: uuid });
export const invitationParams = z.object({ id: uuid, invitationId: uuid });

/** Public view of an invitation, for the acceptance page (token in the link). */
export const invitationPreview = z.object({
  organisationName: z.string(),
  email: z.string(),
  role: z.enum(membershipRoles),
  /** True when an account with this email exists: then only the password is asked. */
  accountExists: z.boolean(),
});

export const acceptInvitationRequest = z.object({
  token: z.string().min(20).max(200),
  name: z.string().trim().min(1).max(200).optional(),
  password: newPassword,
});

/** PATCH body: only the fields sent change. `kind` and `cityDealSignatory` may be changed by the coordinator only. */
export const organisationUpdate = z.object({
  name: z.string().trim().min(2).max(200).optional(),
  shortName: z.string().trim().max(60).nullable().optional(),
  kind: z.enum(organisationKinds).optional(),
  municipalityCode: z.string().regex(/^GM\d{4}$/).nullable().optional(),
  website: z.url().max(500).nullable().optional(),
  cityDealSignatory: z.boolean().optional(),
});
export type OrganisationUpdate = z.infer<typeof organisationUpdate>;

export const invitationTokenParams = z.object({ token: z.string().min(20).max(200) });
