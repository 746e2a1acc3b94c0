import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { createInvitationRequest, type Invitation, type Member, type OrganisationDetail } from '@kringbouw/contracts';
import { membershipRoles, type MembershipRole } from '@kringbouw/domain/organisations';
import { canInvite, canManageOrganisation, canViewMaterialMappings } from '@kringbouw/domain/authz';
import { PassportSettingsCard } from '../passports/PassportSettingsCard.tsx';
import { ApiError } from '../../api/client.ts';
import { Badge, ErrorMessage, Loading, useErrorText } from '../../components/Status.tsx';
import { FormField } from '../../components/FormField.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { formatDateTime, formatShortDate } from '../../lib/format.ts';
import { fieldErrorsFromIssues, fieldErrorsFromProblems, fieldId, type FieldErrors } from '../../lib/validation.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useActor } from '../auth/session.ts';
import { useMunicipalities } from '../municipalities/api.ts';
import { useChangeMemberRole, useInvite, useOrganisation, useRemoveMember, useRevokeInvitation } from './api.ts';

export default function OrganisationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useOrganisation(id);
  usePageTitle(query.data?.name ?? t('organisations.title'));
  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) return <NotFoundPage resource="organisation" />;
    return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <Organisation organisation={query.data} />;
}

function Organisation({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const actor = useActor();
  const municipalities = useMunicipalities();
  const manage = canManageOrganisation(actor, organisation.id);
  const invite = canInvite(actor, organisation.id);
  const municipality = organisation.municipalityCode
    ? (municipalities.data?.items.find((m) => m.code === organisation.municipalityCode)?.name ?? organisation.municipalityCode)
    : null;

  return (
    <article className="page">
      <p className="breadcrumb">
        <Link to="/organisaties">{t('organisations.backToList')}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>
            {organisation.name} {organisation.cityDealSignatory ? <Badge tone="success">{t('organisations.signatory')}</Badge> : null}
          </h1>
          <p className="lead">
            {t(`organisationKinds.${organisation.kind}`)}
            {organisation.shortName ? ` · ${organisation.shortName}` : ''}
          </p>
        </div>
        {manage ? (
          <div className="page-header__actions">
            <Link to={`/organisaties/${organisation.id}/bewerken`} className="button">
              {t('organisations.edit')}
            </Link>
          </div>
        ) : null}
      </div>

      <div className="detail-grid">
        <section className="card" aria-labelledby="org-facts">
          <h2 id="org-facts">{t('organisations.details')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('organisations.kind')}</dt>
              <dd>{t(`organisationKinds.${organisation.kind}`)}</dd>
            </div>
            {municipality ? (
              <div>
                <dt>{t('projects.fields.municipality')}</dt>
                <dd>{municipality}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('organisations.website')}</dt>
              <dd>
                {organisation.website ? (
                  <a href={organisation.website} rel="noopener noreferrer" target="_blank">
                    {organisation.website.replace(/^https?:\/\//, '')}
                  </a>
                ) : (
                  <span className="muted">{t('common.unknown')}</span>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('organisations.cityDeal')}</dt>
              <dd>{organisation.cityDealSignatory ? t('organisations.signatoryYes') : t('organisations.signatoryNo')}</dd>
            </div>
            <div>
              <dt>{t('organisations.projectsLink')}</dt>
              <dd>
                <ul className="plain-list">
                  <li>
                    <Link to={`/projecten?organisation=${organisation.id}`}>{t('organisations.projectsOfOrganisation')}</Link>
                  </li>
                  {canViewMaterialMappings(actor, organisation.id) ? (
                    <li>
                      <Link to={`/organisaties/${organisation.id}/materiaalkoppelingen`}>{t('passports.orgMappings.link')}</Link>
                    </li>
                  ) : null}
                  {organisation.municipalityCode ? (
                    <li>
                      <Link to={`/projecten?municipality=${organisation.municipalityCode}`}>{t('organisations.projectsInMunicipality', { name: municipality })}</Link>
                    </li>
                  ) : null}
                </ul>
              </dd>
            </div>
          </dl>
        </section>
        {invite ? <InviteForm organisationId={organisation.id} /> : null}
        {canViewMaterialMappings(actor, organisation.id) ? <PassportSettingsCard organisationId={organisation.id} /> : null}
      </div>

      <Members organisation={organisation} manage={manage} />
      {organisation.invitations !== null ? <Invitations organisationId={organisation.id} invitations={organisation.invitations} manage={invite} /> : null}
    </article>
  );
}

function Members({ organisation, manage }: { organisation: OrganisationDetail; manage: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="members-heading">
      <h2 id="members-heading">{t('organisations.members', { count: organisation.members.length })}</h2>
      {organisation.members.length === 0 ? (
        <p className="muted">{t('organisations.noMembers')}</p>
      ) : (
        <div className="table-wrapper">
          <table className="table table--responsive">
            <thead>
              <tr>
                <th scope="col">{t('organisations.memberName')}</th>
                <th scope="col">{t('signIn.email')}</th>
                <th scope="col">{t('organisations.role')}</th>
                <th scope="col">{t('organisations.joined')}</th>
                {manage ? <th scope="col">{t('organisations.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {organisation.members.map((m) => (
                <MemberRow key={m.userId} organisationId={organisation.id} member={m} manage={manage} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function MemberRow({ organisationId, member, manage }: { organisationId: string; member: Member; manage: boolean }) {
  const { t } = useTranslation();
  const changeRole = useChangeMemberRole(organisationId);
  const remove = useRemoveMember(organisationId);
  const [confirming, setConfirming] = useState(false);
  const roleSelectId = `role-${member.userId}`;
  const error = changeRole.error ?? remove.error;
  return (
    <tr>
      <td data-label={t('organisations.memberName')}>{member.name}</td>
      <td data-label={t('signIn.email')}>
        <a href={`mailto:${member.email}`}>{member.email}</a>
      </td>
      <td data-label={t('organisations.role')}>
        {manage ? (
          <>
            <label htmlFor={roleSelectId} className="visually-hidden">
              {t('organisations.roleOf', { name: member.name })}
            </label>
            <select
              id={roleSelectId}
              value={member.role}
              disabled={changeRole.isPending}
              onChange={(event) => {
                const role = membershipRoles.find((r) => r === event.target.value);
                if (role) changeRole.mutate({ userId: member.userId, role });
              }}
            >
              {membershipRoles.map((role) => (
                <option key={role} value={role}>
                  {t(`roles.${role}`)}
                </option>
              ))}
            </select>
          </>
        ) : (
          t(`roles.${member.role}`)
        )}
      </td>
      <td data-label={t('organisations.joined')}>
        <time dateTime={member.joinedAt}>{formatShortDate(member.joinedAt)}</time>
      </td>
      {manage ? (
        <td data-label={t('organisations.actions')}>
          {confirming ? (
            <span className="inline-confirm" role="group" aria-label={t('organisations.confirmRemove', { name: member.name })}>
              <button
                type="button"
                className="button button--danger button--small"
                disabled={remove.isPending}
                onClick={() => remove.mutate(member.userId)}
                aria-label={t('organisations.confirmRemoveAction', { name: member.name })}
              >
                {t('organisations.confirmRemoveShort')}
              </button>
              <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
            </span>
          ) : (
            <button type="button" className="button button--link" onClick={() => setConfirming(true)} aria-label={t('organisations.removeMember', { name: member.name })}>
              {t('organisations.remove')}
            </button>
          )}
          {error ? <ErrorText error={error} /> : null}
        </td>
      ) : null}
    </tr>
  );
}

function ErrorText({ error }: { error: unknown }) {
  const errorText = useErrorText();
  return (
    <p className="field__error" role="alert">
      {errorText(error)}
    </p>
  );
}

function Invitations({ organisationId, invitations, manage }: { organisationId: string; invitations: Invitation[]; manage: boolean }) {
  const { t } = useTranslation();
  const revoke = useRevokeInvitation(organisationId);
  return (
    <section className="section" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">{t('organisations.invitations')}</h2>
      {revoke.isError ? <ErrorMessage error={revoke.error} /> : null}
      {invitations.length === 0 ? (
        <p className="muted">{t('organisations.noInvitations')}</p>
      ) : (
        <div className="table-wrapper">
          <table className="table table--responsive">
            <thead>
              <tr>
                <th scope="col">{t('signIn.email')}</th>
                <th scope="col">{t('organisations.role')}</th>
                <th scope="col">{t('organisations.invitationStatus')}</th>
                <th scope="col">{t('organisations.invitedBy')}</th>
                <th scope="col">{t('organisations.expiresAt')}</th>
                {manage ? <th scope="col">{t('organisations.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <td data-label={t('signIn.email')}>{invitation.email}</td>
                  <td data-label={t('organisations.role')}>{t(`roles.${invitation.role}`)}</td>
                  <td data-label={t('organisations.invitationStatus')}>{t(`invitationStatus.${invitation.status}`)}</td>
                  <td data-label={t('organisations.invitedBy')}>{invitation.invitedBy}</td>
                  <td data-label={t('organisations.expiresAt')}>
                    <time dateTime={invitation.expiresAt}>{formatDateTime(invitation.expiresAt)}</time>
                  </td>
                  {manage ? (
                    <td data-label={t('organisations.actions')}>
                      {invitation.status === 'open' ? (
                        <button
                          type="button"
                          className="button button--link"
                          disabled={revoke.isPending}
                          onClick={() => revoke.mutate(invitation.id)}
                          aria-label={t('organisations.revoke', { email: invitation.email })}
                        >
                          {t('organisations.revokeShort')}
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function InviteForm({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const inviteMutation = useInvite(organisationId);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MembershipRole>('lezer');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const labels: Record<string, string> = { email: t('signIn.email'), role: t('organisations.role') };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSentTo(null);
    const parsed = createInvitationRequest.safeParse({ email: email.trim(), role });
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues, t));
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    inviteMutation.mutate(parsed.data, {
      onSuccess: () => {
        setSentTo(parsed.data.email);
        setEmail('');
      },
      onError: (error) => {
        if (error instanceof ApiError && error.fieldProblems.length > 0) {
          setErrors(fieldErrorsFromProblems(error.fieldProblems, t));
          setAttempt((n) => n + 1);
        }
      },
    });
  }

  const showGeneralError = inviteMutation.isError && !(inviteMutation.error instanceof ApiError && inviteMutation.error.fieldProblems.length > 0);

  return (
    <section className="card" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('organisations.invite.title')}</h2>
      <p className="field__hint">{t('organisations.invite.intro')}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} labelFor={(path) => labels[path] ?? path} attempt={attempt} />
        <div aria-live="polite">
          {sentTo ? (
            <p className="notice notice--success" role="status">
              {t('organisations.invite.sent', { email: sentTo })}
            </p>
          ) : null}
        </div>
        {showGeneralError ? <ErrorMessage error={inviteMutation.error} /> : null}
        <FormField id={fieldId('email')} label={labels.email} error={errors.email}>
          {(control) => <input {...control} type="email" autoComplete="off" value={email} onChange={(event) => setEmail(event.target.value)} />}
        </FormField>
        <FormField id={fieldId('role')} label={labels.role} hint={t('organisations.invite.roleHint')} error={errors.role}>
          {(control) => (
            <select {...control} value={role} onChange={(event) => setRole(membershipRoles.find((r) => r === event.target.value) ?? 'lezer')}>
              {membershipRoles.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div className="form__actions">
          <button type="submit" className="button" disabled={inviteMutation.isPending}>
            {t('organisations.invite.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
