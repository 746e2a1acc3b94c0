import type { Invitation, SessionResponse } from '@kringbouw/contracts';
import { canInvite, type Actor } from '@kringbouw/domain/authz';
import type { MembershipRole } from '@kringbouw/domain/organisations';
import { AppError, forbidden, notFound, validationFailed } from '../../errors.ts';
import type { MailTransport } from '../../mail/index.ts';
import type { Repositories } from '../../repositories.ts';
import type { AuthService } from '../auth/auth.service.ts';
import { invalidCredentials } from '../auth/auth.service.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { hashToken, randomToken } from '../auth/tokens.ts';
import { invitationStatus, presentInvitation } from '../organisations/organisations.presenter.ts';
import type { InvitationRecord } from './invitations.repository.ts';

export const invitationTtlMs = 14 * 24 * 60 * 60_000;

const invitationInvalid = () =>
  new AppError('invitation_invalid', 'Deze uitnodiging bestaat niet, is ingetrokken, al gebruikt of verlopen.', 404);

export interface InvitationsServiceDeps {
  repositories: Repositories;
  auth: AuthService;
  mail: MailTransport;
  now: () => Date;
}

export function createInvitationsService(deps: InvitationsServiceDeps) {
  const { repositories, now } = deps;

  async function openInvitation(token: string): Promise<InvitationRecord> {
    const record = await repositories.invitations.findByTokenHash(hashToken(token));
    if (record === null || invitationStatus(record, now()) !== 'open') throw invitationInvalid();
    return record;
  }

  return {
    async create(
      actor: Actor,
      organisationId: string,
      input: { email: string; role: MembershipRole },
      linkFor: (token: string) => string,
    ): Promise<Invitation> {
      const organisation = await repositories.organisations.findById(organisationId);
      if (organisation === null) throw notFound('Deze organisatie bestaat niet.');
      if (actor === null || !canInvite(actor, organisationId)) throw forbidden('Alleen beheerders kunnen mensen uitnodigen.');
      const existingUser = await repositories.auth.findUserByEmail(input.email);
      if (existingUser !== null && (await repositories.organisations.membership(organisationId, existingUser.id)) !== null) {
        throw new AppError('already_member', 'Deze persoon is al lid van de organisatie.', 409);
      }
      const token = randomToken();
      const at = now();
      const id = await repositories.transaction(async (tx) => {
        await tx.invitations.revokeOpenFor(organisationId, input.email, at);
        return tx.invitations.create({
          organisationId,
          email: input.email,
          role: input.role,
          tokenHash: hashToken(token),
          invitedBy: actor.userId,
          createdAt: at,
          expiresAt: new Date(at.getTime() + invitationTtlMs),
        });
      });
      const record = await repositories.invitations.findById(organisationId, id);
      if (record === null) throw new Error('invitation vanished after insert');
      await deps.mail.send({
        to: input.email,
        subject: `Uitnodiging voor ${organisation.name} op Kringbouw`,
        text: [
          'Hallo,',
          '',
          `${record.invitedBy ?? 'Een beheerder'} nodigt u uit voor ${organisation.name} op Kringbouw, als ${input.role}.`,
          'Neem de uitnodiging aan via deze link (14 dagen geldig):',
          linkFor(token),
        ].join('\n'),
      });
      return presentInvitation(record, at);
    },

    async revoke(actor: Actor, organisationId: string, invitationId: string): Promise<void> {
      const organisation = await repositories.organisations.findById(organisationId);
      if (organisation === null) throw notFound('Deze organisatie bestaat niet.');
      if (!canInvite(actor, organisationId)) throw forbidden();
      const record = await repositories.invitations.findById(organisationId, invitationId);
      if (record === null) throw notFound('Deze uitnodiging bestaat niet.');
      if (invitationStatus(record, now()) === 'open') await repositories.invitations.revoke(invitationId, now());
    },

    async preview(token: string) {
      const record = await openInvitation(token);
      const account = await repositories.auth.findUserByEmail(record.email);
      return {
        organisationName: record.organisationName,
        email: record.email,
        role: record.role,
        accountExists: account !== null,
      };
    },

    /**
     * Accepting creates the account (name + password) or, for an existing account, checks its password and adds
     * the membership; either way the person is signed in.
     */
    async accept(input: { token: string; name?: string | undefined; password: string }): Promise<{ sessionId: string; response: SessionResponse }> {
      const record = await openInvitation(input.token);
      const existing = await repositories.auth.findUserByEmail(record.email);
      const name = input.name;
      if (existing !== null) {
        if (existing.passwordHash === null || !(await verifyPassword(existing.passwordHash, input.password))) {
          throw invalidCredentials();
        }
      } else if (name === undefined) {
        throw validationFailed([{ path: 'name', message: 'Vul uw naam in.' }]);
      }
      const newPasswordHash = existing === null ? await hashPassword(input.password) : null;
      const result = await repositories.transaction(async (tx) => {
        if (!(await tx.invitations.markAccepted(record.id, now()))) throw invitationInvalid();
        const user =
          existing ??
          (await tx.auth.createUser({ email: record.email, name: name ?? record.email, passwordHash: newPasswordHash }));
        await tx.organisations.addMembership(record.organisationId, user.id, record.role);
        const sessionId = await deps.auth.startSession(user.id, tx.auth);
        return { sessionId, user };
      });
      return { sessionId: result.sessionId, response: await deps.auth.sessionResponse(result.sessionId, result.user) };
    },
  };
}

export type InvitationsService = ReturnType<typeof createInvitationsService>;
