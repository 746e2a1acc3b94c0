/**
 * One set of prestatieafspraken: parties and period, the yearly cycle, traffic lights, the commitments per theme,
 * approvals, versions, general comments, the audit trail and the yearly evaluation document.
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '@kringbouw/contracts';
import { agreementOrganisationsActingFor, canCommentOnAgreement, canEditAgreement, canViewAgreementAudit } from '@kringbouw/domain/authz';
import { ApiError } from '../../api/client.ts';
import { Badge, ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useActor } from '../auth/session.ts';
import { useAgreement, useAgreementComments, useAgreementEvidence, useAgreementProgress } from './api.ts';
import { ApprovalsSection } from './ApprovalsSection.tsx';
import { CommentThread } from './CommentThread.tsx';
import { CommitmentsSection, textEditable } from './CommitmentsSection.tsx';
import { HeaderForm } from './HeaderForm.tsx';
import { CycleSection } from './CycleSection.tsx';
import { AuditSection, EvaluationSection, VersionsSection } from './HistorySections.tsx';
import { ProgressOverview } from './ProgressOverview.tsx';
import './agreements.css';

export default function AgreementPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useAgreement(id);
  usePageTitle(query.data?.title ?? t('agreements.title'));
  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) {
      return (
        <div className="page page--narrow">
          <h1>{t('notFound.title')}</h1>
          <p>{t('agreements.notFound')}</p>
          <p>
            <Link to="/prestatieafspraken">{t('agreements.backToList')}</Link>
          </p>
        </div>
      );
    }
    return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <AgreementView agreement={query.data} />;
}

export function AgreementView({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const actor = useActor();
  const progress = useAgreementProgress(agreement.id, agreement.commitments.length > 0);
  const comments = useAgreementComments(agreement.id);
  const evidence = useAgreementEvidence(agreement.id);
  const actingForIds = canCommentOnAgreement(actor, agreement) ? agreementOrganisationsActingFor(actor, agreement) : [];
  const actingFor = agreement.parties.filter((party) => actingForIds.includes(party.organisationId));
  const [editingHeader, setEditingHeader] = useState(false);
  const mayEditHeader = canEditAgreement(actor, agreement) && textEditable(agreement);
  const period = agreement.periodStartYear === agreement.periodEndYear ? String(agreement.periodStartYear) : `${agreement.periodStartYear}–${agreement.periodEndYear}`;

  return (
    <article className="page agreement-page">
      <p className="breadcrumb">
        <Link to="/prestatieafspraken">{t('agreements.backToList')}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>
            {agreement.title}
            {agreement.isExample ? (
              <>
                {' '}
                <Badge tone="example">{t('agreements.example')}</Badge>
              </>
            ) : null}
          </h1>
          <p className="lead">
            {agreement.municipalityName} · {t('agreements.periodLabel', { period })} · {t('agreements.versionShort', { number: agreement.workingVersion.number })} ·{' '}
            {t(`agreements.visibility.${agreement.visibility}`)}
          </p>
        </div>
        {mayEditHeader && !editingHeader ? (
          <div className="page-header__actions">
            <button type="button" className="button button--secondary" onClick={() => setEditingHeader(true)}>
              {t('agreements.header.edit')}
            </button>
          </div>
        ) : null}
      </div>
      {editingHeader ? <HeaderForm agreement={agreement} onDone={() => setEditingHeader(false)} /> : null}
      {agreement.description ? <p className="description">{agreement.description}</p> : null}

      <section className="card" aria-labelledby="parties-heading">
        <h2 id="parties-heading">{t('agreements.fields.parties')}</h2>
        <ul className="party-list">
          {agreement.parties.map((party) => (
            <li key={party.organisationId}>
              <Link to={`/organisaties/${party.organisationId}`}>{party.organisationName}</Link>{' '}
              <span className="party-list__role">{t(`agreements.roles.${party.role}`)}</span>
              {party.tenantsOfOrganisationId ? (
                <span className="muted">
                  {' '}
                  · {t('agreements.tenantsOf', { name: agreement.parties.find((p) => p.organisationId === party.tenantsOfOrganisationId)?.organisationName ?? '' })}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <CycleSection agreement={agreement} />
      {agreement.commitments.length > 0 ? (
        progress.isPending ? (
          <Loading label={t('agreements.progress.loading')} />
        ) : progress.isError ? (
          <ErrorMessage error={progress.error} onRetry={() => void progress.refetch()} />
        ) : (
          <ProgressOverview progress={progress.data} />
        )
      ) : null}
      <ApprovalsSection agreement={agreement} />
      <CommitmentsSection agreement={agreement} progress={progress.data} comments={comments.data?.items ?? []} evidence={evidence.data?.items ?? []} />

      <section className="card" aria-labelledby="general-comments-heading">
        <h2 id="general-comments-heading">{t('agreements.comments.generalTitle')}</h2>
        <CommentThread
          agreementId={agreement.id}
          commitmentId={null}
          comments={(comments.data?.items ?? []).filter((comment) => comment.commitmentId === null && comment.evaluationYear === null)}
          actingFor={actingFor}
          label={t('agreements.comments.labelGeneral')}
        />
      </section>

      <VersionsSection agreement={agreement} />
      <EvaluationSection agreement={agreement} comments={comments.data?.items ?? []} actingFor={actingFor} />
      {canViewAgreementAudit(actor, agreement) ? <AuditSection agreement={agreement} /> : null}
    </article>
  );
}
