import { and, asc, count, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { MembershipRole, OrganisationKind, PlatformRole } from '@kringbouw/domain/organisations';
import type { Db } from '../../db/index.ts';
import { memberships, organisations, passwordResets, sessions, users } from '../../db/schema.ts';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
  platformRole: PlatformRole | null;
}

export interface MembershipRecord {
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  role: MembershipRole;
}

export interface SessionRecord {
  idHash: string;
  userId: string;
  lastSeenAt: Date;
  expiresAt: Date;
  absoluteExpiresAt: Date;
}

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  passwordHash: users.passwordHash,
  platformRole: users.platformRole,
};

function queries(db: Db) {
  return {
    async findUserByEmail(email: string): Promise<UserRecord | null> {
      const rows = await db.select(userColumns).from(users).where(eq(users.email, email.toLowerCase()));
      return rows[0] ?? null;
    },

    async findUserById(id: string): Promise<UserRecord | null> {
      const rows = await db.select(userColumns).from(users).where(eq(users.id, id));
      return rows[0] ?? null;
    },

    async createUser(input: { email: string; name: string; passwordHash: string | null }): Promise<UserRecord> {
      const rows = await db
        .insert(users)
        .values({ email: input.email.toLowerCase(), name: input.name, passwordHash: input.passwordHash })
        .returning(userColumns);
      const row = rows[0];
      if (row === undefined) throw new Error('insert into users returned no row');
      return row;
    },

    async setPlatformRole(userId: string, platformRole: PlatformRole | null): Promise<void> {
      await db.update(users).set({ platformRole }).where(eq(users.id, userId));
    },

    async countUsers(): Promise<number> {
      const rows = await db.select({ n: count() }).from(users);
      return Number(rows[0]?.n ?? 0);
    },

    async setPassword(userId: string, passwordHash: string): Promise<void> {
      await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
    },

    async membershipsOf(userId: string): Promise<MembershipRecord[]> {
      const rows = await db
        .select({
          organisationId: memberships.organisationId,
          organisationName: organisations.name,
          organisationKind: organisations.kind,
          role: memberships.role,
        })
        .from(memberships)
        .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
        .where(eq(memberships.userId, userId))
        .orderBy(asc(organisations.name));
      return rows.map((row) => ({ ...row, organisationKind: row.organisationKind as OrganisationKind }));
    },

    async createSession(session: SessionRecord): Promise<void> {
      await db.insert(sessions).values({ ...session, createdAt: session.lastSeenAt });
    },

    async findSession(idHash: string): Promise<SessionRecord | null> {
      const rows = await db
        .select({
          idHash: sessions.idHash,
          userId: sessions.userId,
          lastSeenAt: sessions.lastSeenAt,
          expiresAt: sessions.expiresAt,
          absoluteExpiresAt: sessions.absoluteExpiresAt,
        })
        .from(sessions)
        .where(eq(sessions.idHash, idHash));
      return rows[0] ?? null;
    },

    async touchSession(idHash: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
      await db.update(sessions).set({ lastSeenAt, expiresAt }).where(eq(sessions.idHash, idHash));
    },

    async deleteSession(idHash: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.idHash, idHash));
    },

    /** Housekeeping: sessions past their expiry are useless; removed when their user signs in again. */
    async deleteExpiredSessionsOf(userId: string, now: Date): Promise<void> {
      await db
        .delete(sessions)
        .where(and(eq(sessions.userId, userId), or(lte(sessions.expiresAt, now), lte(sessions.absoluteExpiresAt, now))));
    },

    async deleteSessionsOfUser(userId: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.userId, userId));
    },

    async createPasswordReset(input: { tokenHash: string; userId: string; createdAt: Date; expiresAt: Date }): Promise<void> {
      await db.insert(passwordResets).values(input);
    },

    /** Marks the token used and returns its user, only when it is unused and not expired: single use is atomic. */
    async consumePasswordReset(tokenHash: string, now: Date): Promise<string | null> {
      const rows = await db
        .update(passwordResets)
        .set({ usedAt: now })
        .where(
          and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)),
        )
        .returning({ userId: passwordResets.userId });
      return rows[0]?.userId ?? null;
    },

    /** A new reset request makes the earlier links of the same user useless. */
    async invalidatePasswordResetsOf(userId: string, now: Date): Promise<void> {
      await db
        .update(passwordResets)
        .set({ usedAt: now })
        .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
    },
  };
}

export type AuthRepository = ReturnType<typeof queries> & {
  transaction<T>(fn: (repository: AuthRepository) => Promise<T>): Promise<T>;
};

export function createAuthRepository(db: Db): AuthRepository {
  return { ...queries(db), transaction: (fn) => db.transaction((tx) => fn(createAuthRepository(tx))) };
}
