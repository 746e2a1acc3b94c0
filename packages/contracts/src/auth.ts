import { z } from 'zod';
import { membershipRoles, organisationKinds, platformRoles } from '@kringbouw/domain/organisations';
import { uuid } from './common.ts';

export const email = z.email().max(254).transform((value) => value.toLowerCase());
/** Long passphrases are welcome; 12 characters is the floor (NCSC guidance favours length over complexity). */
export const newPassword = z.string().min(12).max(200);

export const signInRequest = z.object({
  email,
  password: z.string().min(1).max(200),
});
export type SignInRequest = z.infer<typeof signInRequest>;

export const membership = z.object({
  organisationId: uuid,
  organisationName: z.string(),
  organisationKind: z.enum(organisationKinds),
  role: z.enum(membershipRoles),
});
export type Membership = z.infer<typeof membership>;

export const sessionUser = z.object({
  id: uuid,
  email: z.string(),
  name: z.string(),
  platformRole: z.enum(platformRoles).nullable(),
  memberships: z.array(membership),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const sessionResponse = z.object({
  user: sessionUser,
  /** Echo this value in the `x-csrf-token` header on every state-changing request. */
  csrfToken: z.string(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

export const passwordResetRequest = z.object({ email });
export const passwordResetConfirm = z.object({
  token: z.string().min(20).max(200),
  password: newPassword,
});

export const authConfigResponse = z.object({
  oidc: z.object({ enabled: z.boolean(), label: z.string().nullable() }),
});

/** Paths of the web app's pages that links in emails point to; the token is the `token` query parameter. */
export const emailLinkPaths = {
  passwordReset: '/wachtwoord-herstellen',
  invitation: '/uitnodiging',
} as const;

/** Where OIDC sign-in sends the browser back to: the app root on success, the sign-in page with `?fout=<code>` on failure. */
export const oidcReturnPaths = { success: '/', failure: '/inloggen' } as const;
