import type { SessionResponse } from '@kringbouw/contracts';
import type { SignedInActor } from '@kringbouw/domain/authz';
import { AppError } from '../../errors.ts';
import type { MailTransport } from '../../mail/index.ts';
import type { AuthRepository, MembershipRecord, UserRecord } from './auth.repository.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { presentSession } from './auth.presenter.ts';
import { csrfTokenFor, hashToken, randomToken } from './tokens.ts';

const minute = 60_000;
const day = 24 * 60 * minute;
/** Sliding idle timeout, and the hard cap after which signing in again is required. */
export const sessionIdleMs = 14 * day;
export const sessionAbsoluteMs = 30 * day;
/** Writes to the session row at most once a minute, not on every request. */
const touchIntervalMs = minute;
export const passwordResetTtlMs = 60 * minute;

export interface AuthenticatedSession {
  sessionId: string;
  user: UserRecord;
  memberships: MembershipRecord[];
  actor: SignedInActor;
}

export interface AuthServiceDeps {
  repository: AuthRepository;
  mail: MailTransport;
  sessionSecret: string;
  now: () => Date;
}

export function actorOf(user: UserRecord, memberships: MembershipRecord[]): SignedInActor {
  return {
    userId: user.id,
    platformRole: user.platformRole,
    memberships: memberships.map((m) => ({ organisationId: m.organisationId, role: m.role })),
  };
}

export const invalidCredentials = () =>
  new AppError('invalid_credentials', 'Dit e-mailadres en wachtwoord horen niet bij elkaar.', 401);

export function createAuthService(deps: AuthServiceDeps) {
  const { repository, now } = deps;

  async function startSession(userId: string, repo: AuthRepository = repository): Promise<string> {
    const sessionId = randomToken();
    const at = now();
    await repo.createSession({
      idHash: hashToken(sessionId),
      userId,
      lastSeenAt: at,
      expiresAt: new Date(at.getTime() + sessionIdleMs),
      absoluteExpiresAt: new Date(at.getTime() + sessionAbsoluteMs),
    });
    return sessionId;
  }

  async function sessionResponse(sessionId: string, user: UserRecord): Promise<SessionResponse> {
    const memberships = await repository.membershipsOf(user.id);
    return presentSession(user, memberships, csrfTokenFor(sessionId, deps.sessionSecret));
  }

  return {
    startSession,
    sessionResponse,

    csrfTokenFor: (sessionId: string) => csrfTokenFor(sessionId, deps.sessionSecret),

    async signIn(email: string, password: string): Promise<{ sessionId: string; user: UserRecord }> {
      const user = await repository.findUserByEmail(email);
      if (user === null || user.passwordHash === null) {
        await verifyAgainstDummy(password);
        throw invalidCredentials();
      }
      if (!(await verifyPassword(user.passwordHash, password))) throw invalidCredentials();
      await repository.deleteExpiredSessionsOf(user.id, now());
      return { sessionId: await startSession(user.id), user };
    },

    /** Looks the cookie's session up; extends it (sliding) and returns who is signed in, or null. */
    async resolveSession(sessionId: string): Promise<AuthenticatedSession | null> {
      const idHash = hashToken(sessionId);
      const session = await repository.findSession(idHash);
      if (session === null) return null;
      const at = now();
      if (session.expiresAt <= at || session.absoluteExpiresAt <= at) {
        await repository.deleteSession(idHash);
        return null;
      }
      const user = await repository.findUserById(session.userId);
      if (user === null) return null;
      if (at.getTime() - session.lastSeenAt.getTime() >= touchIntervalMs) {
        const slid = Math.min(at.getTime() + sessionIdleMs, session.absoluteExpiresAt.getTime());
        await repository.touchSession(idHash, at, new Date(slid));
      }
      const memberships = await repository.membershipsOf(user.id);
      return { sessionId, user, memberships, actor: actorOf(user, memberships) };
    },

    async signOut(sessionId: string): Promise<void> {
      await repository.deleteSession(hashToken(sessionId));
    },

    /** Always succeeds from the caller's view, so the response never reveals whether an account exists. */
    async requestPasswordReset(email: string, linkFor: (token: string) => string): Promise<void> {
      const user = await repository.findUserByEmail(email);
      if (user === null) return;
      const token = randomToken();
      const at = now();
      await repository.transaction(async (repo) => {
        await repo.invalidatePasswordResetsOf(user.id, at);
        await repo.createPasswordReset({
          tokenHash: hashToken(token),
          userId: user.id,
          createdAt: at,
          expiresAt: new Date(at.getTime() + passwordResetTtlMs),
        });
      });
      await deps.mail.send({
        to: user.email,
        subject: 'Nieuw wachtwoord instellen voor Kringbouw',
        text: [
          `Hallo ${user.name},`,
          '',
          'U hebt gevraagd om een nieuw wachtwoord. Stel het in via deze link (een uur geldig, één keer te gebruiken):',
          linkFor(token),
          '',
          'Hebt u dit niet gevraagd? Dan kunt u dit bericht negeren; uw wachtwoord blijft hetzelfde.',
        ].join('\n'),
      });
    },

    /** Sets the new password and signs the user out everywhere (all sessions end). */
    async confirmPasswordReset(token: string, password: string): Promise<void> {
      const passwordHash = await hashPassword(password);
      const done = await repository.transaction(async (repo) => {
        const userId = await repo.consumePasswordReset(hashToken(token), now());
        if (userId === null) return false;
        await repo.setPassword(userId, passwordHash);
        await repo.deleteSessionsOfUser(userId);
        return true;
      });
      if (!done) {
        throw new AppError('invalid_token', 'Deze link is ongeldig, al gebruikt of verlopen. Vraag een nieuwe aan.', 400);
      }
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
