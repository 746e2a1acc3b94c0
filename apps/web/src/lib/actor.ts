import type { SessionUser } from '@kringbouw/contracts';
import type { Actor } from '@kringbouw/domain/authz';

/** The session user in the shape the shared authorization policy expects. */
export function actorFromUser(user: SessionUser | null | undefined): Actor {
  if (!user) return null;
  return {
    userId: user.id,
    platformRole: user.platformRole,
    memberships: user.memberships.map((membership) => ({ organisationId: membership.organisationId, role: membership.role })),
  };
}
