import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { MembershipRole } from '@kringbouw/domain/organisations';
import type { Db } from '../../db/index.ts';
import { invitations, organisations, users } from '../../db/schema.ts';

export interface InvitationRecord {
  id: string;
  organisationId: string;
  organisationName: string;
  email: string;
  role: MembershipRole;
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

const columns = {
  id: invitations.id,
  organisationId: invitations.organisationId,
  organisationName: organisations.name,
  email: invitations.email,
  role: invitations.role,
  invitedBy: users.name,
  createdAt: invitations.createdAt,
  expiresAt: invitations.expiresAt,
  acceptedAt: invitations.acceptedAt,
  revokedAt: invitations.revokedAt,
};

function queries(db: Db) {
  const base = () =>
    db
      .select(columns)
      .from(invitations)
      .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
      .leftJoin(users, eq(users.id, invitations.invitedBy));

  return {
    async listFor(organisationId: string): Promise<InvitationRecord[]> {
      return base().where(eq(invitations.organisationId, organisationId)).orderBy(desc(invitations.createdAt));
    },

    async findById(organisationId: string, id: string): Promise<InvitationRecord | null> {
      const rows = await base().where(and(eq(invitations.organisationId, organisationId), eq(invitations.id, id)));
      return rows[0] ?? null;
    },

    async findByTokenHash(tokenHash: string): Promise<InvitationRecord | null> {
      const rows = await base().where(eq(invitations.tokenHash, tokenHash));
      return rows[0] ?? null;
    },

    async create(input: {
      organisationId: string;
      email: string;
      role: MembershipRole;
      tokenHash: string;
      invitedBy: string;
      createdAt: Date;
      expiresAt: Date;
    }): Promise<string> {
      const rows = await db.insert(invitations).values(input).returning({ id: invitations.id });
      const row = rows[0];
      if (row === undefined) throw new Error('insert into invitations returned no row');
      return row.id;
    },

    /** Revokes the still-open invitations of one address, so only the newest link works. */
    async revokeOpenFor(organisationId: string, email: string, now: Date): Promise<void> {
      await db
        .update(invitations)
        .set({ revokedAt: now })
        .where(
          and(
            eq(invitations.organisationId, organisationId),
            eq(invitations.email, email),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
          ),
        );
    },

    async revoke(id: string, now: Date): Promise<void> {
      await db.update(invitations).set({ revokedAt: now }).where(eq(invitations.id, id));
    },

    /** Marks accepted only when still open and unexpired; false means someone else got there first. */
    async markAccepted(id: string, now: Date): Promise<boolean> {
      const rows = await db
        .update(invitations)
        .set({ acceptedAt: now })
        .where(
          and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)),
        )
        .returning({ id: invitations.id });
      return rows.length > 0;
    },
  };
}

export type InvitationsRepository = ReturnType<typeof queries> & {
  transaction<T>(fn: (repository: InvitationsRepository) => Promise<T>): Promise<T>;
};

export function createInvitationsRepository(db: Db): InvitationsRepository {
  return { ...queries(db), transaction: (fn) => db.transaction((tx) => fn(createInvitationsRepository(tx))) };
}
