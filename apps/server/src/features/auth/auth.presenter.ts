import type { SessionResponse } from '@kringbouw/contracts';
import type { MembershipRecord, UserRecord } from './auth.repository.ts';

export function presentSession(user: UserRecord, memberships: MembershipRecord[], csrfToken: string): SessionResponse {
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      platformRole: user.platformRole,
      memberships: memberships.map((m) => ({
        organisationId: m.organisationId,
        organisationName: m.organisationName,
        organisationKind: m.organisationKind,
        role: m.role,
      })),
    },
    csrfToken,
  };
}
