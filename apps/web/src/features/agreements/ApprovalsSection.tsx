/**
 * Approvals of the working version: per party whether it approved, who did and when. A member (bewerker or more) of
 * a party approves on behalf of that organisation — the huurdersorganisatie exactly like the others — and can
 * withdraw that approval (after confirming) while the version is unsigned. The last approval signs the version.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '@kringbouw/contracts';
import { agreementOrganisationsActingFor, canApproveAgreementFor } from '@kringbouw/domain/authz';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { ErrorMessage } from '../../components/Status.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useActor } from '../auth/session.ts';
import { useApprove, useWithdrawApproval } from './api.ts';

/** Approvals are collected during the negotiation and for a pending change (domain: canApproveInState). */
export function approvalsOpen(agreement: Agreement): boolean {
  return agreement.cycle.state === 'onderhandeling' || agreement.cycle.state === 'wijziging';
}

export function ApprovalsSection({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const actor = useActor();
  const approve = useApprove(agreement.id);
  const withdraw = useWithdrawApproval(agreement.id);
  const [note, setNote] = useState('');
  const version = agreement.workingVersion;
  const open = approvalsOpen(agreement);
  const actingFor = agreementOrganisationsActingFor(actor, agreement);

  return (
    <section className="card" aria-labelledby="approvals-heading">
      <h2 id="approvals-heading">{t('agreements.approvals.title', { number: version.number })}</h2>
      {version.signed ? (
        <p className="notice notice--success">{t('agreements.approvals.signed', { date: version.signedAt ? formatDateTime(version.signedAt) : '' })}</p>
      ) : open ? (
        <p>{t('agreements.approvals.open')}</p>
      ) : (
        <p className="muted">{t('agreements.approvals.notYet')}</p>
      )}
      <ul className="approval-list">
        {version.approvalStatus.map((status) => {
          const given = version.approvals.find((a) => a.organisationId === status.organisationId);
          const mayAct = open && !version.signed && actingFor.includes(status.organisationId) && canApproveAgreementFor(actor, agreement, status.organisationId);
          const mayApprove = mayAct && !status.approved;
          const mayWithdraw = mayAct && status.approved;
          return (
            <li key={status.organisationId} className="approval-list__item" data-approved={status.approved}>
              <span className={`approval-list__mark approval-list__mark--${status.approved ? 'yes' : 'no'}`} aria-hidden="true">
                {status.approved ? '✓' : '○'}
              </span>
              <div>
                <strong>{status.organisationName}</strong>
                {given ? (
                  <div>
                    {t('agreements.approvals.by', { name: given.approvedBy.name, date: formatDateTime(given.approvedAt) })}
                    {given.note ? <div className="muted">“{given.note}”</div> : null}
                  </div>
                ) : (
                  <div className="muted">{t('agreements.approvals.pending')}</div>
                )}
              </div>
              {mayApprove ? (
                <button
                  type="button"
                  className="button button--small"
                  disabled={approve.isPending}
                  onClick={() =>
                    approve.mutate(
                      { organisationId: status.organisationId, revision: agreement.revision, ...(note.trim() ? { note: note.trim() } : {}) },
                      { onSuccess: () => setNote('') },
                    )
                  }
                >
                  {t('agreements.approvals.approveFor', { name: status.organisationName })}
                </button>
              ) : null}
              {mayWithdraw ? (
                <ConfirmButton
                  label={t('agreements.approvals.withdraw')}
                  question={t('agreements.approvals.withdrawConfirm', { name: status.organisationName })}
                  disabled={withdraw.isPending}
                  onConfirm={() => withdraw.mutate({ organisationId: status.organisationId, revision: agreement.revision })}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
      {open && actingFor.some((id) => !version.approvalStatus.find((s) => s.organisationId === id)?.approved) ? (
        <div className="field">
          <label htmlFor="approval-note" className="field__label">
            {t('agreements.approvals.note')} <span className="field__optional">({t('common.optional')})</span>
          </label>
          <input id="approval-note" type="text" maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} />
        </div>
      ) : null}
      {approve.isError ? <ErrorMessage error={approve.error} /> : null}
      {withdraw.isError ? <ErrorMessage error={withdraw.error} /> : null}
    </section>
  );
}
