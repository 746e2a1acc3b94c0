/**
 * What changed and who did what: the versions with their approvals and the differences of the working version
 * against the one before, the audit trail (who, when, before → after; downloadable as CSV) and the yearly evaluation
 * document.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Agreement, AgreementParty, CommentDto, FieldChange, VersionDiff } from '@kringbouw/contracts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { agreementPaths, useAgreementAudit, useAgreementVersions, useVersionDiff } from './api.ts';
import { CommentThread } from './CommentThread.tsx';
import { commitmentFieldLabel } from './CommitmentForm.tsx';

/** A before/after value in a few words: lists joined, objects as compact JSON, nothing as a dash. */
export function changeValueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) return value.join(', ');
  return JSON.stringify(value);
}

function changeLabel(t: TFunction, field: string): string {
  const agreementFields: Record<string, string> = {
    title: t('agreements.fields.title'),
    description: t('agreements.fields.description'),
    periodStartYear: t('agreements.fields.periodStartYear'),
    periodEndYear: t('agreements.fields.periodEndYear'),
    visibility: t('agreements.fields.visibility'),
    parties: t('agreements.fields.parties'),
    state: t('agreements.columns.state'),
  };
  return agreementFields[field] ?? commitmentFieldLabel(t, field);
}

/** Enumerated values (state, visibility, theme, kind) in words; everything else as {@link changeValueText}. */
function valueInWords(t: TFunction, field: string, value: unknown): string {
  const enumerations: Record<string, string> = { state: 'states', visibility: 'visibility', theme: 'themes', kind: 'kindsShort' };
  const section = enumerations[field];
  if (section && typeof value === 'string') return t(`agreements.${section}.${value}`, { defaultValue: value });
  return changeValueText(value);
}

export function ChangeList({ changes }: { changes: readonly FieldChange[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) return null;
  return (
    <ul className="change-list">
      {changes.map((change, index) => (
        <li key={`${change.field}-${index}`}>
          <span className="change-list__field">{changeLabel(t, change.field)}</span>: <del>{valueInWords(t, change.field, change.before)}</del> → <ins>{valueInWords(t, change.field, change.after)}</ins>
        </li>
      ))}
    </ul>
  );
}

export function DiffView({ diff }: { diff: VersionDiff }) {
  const { t } = useTranslation();
  const nothing = diff.agreement.length === 0 && diff.commitments.added.length === 0 && diff.commitments.removed.length === 0 && diff.commitments.changed.length === 0;
  return (
    <div className="diff" data-testid="version-diff">
      <p>{t('agreements.versions.diffTitle', { from: diff.from, to: diff.to })}</p>
      {nothing ? <p className="muted">{t('agreements.versions.noChanges')}</p> : null}
      <ChangeList changes={diff.agreement} />
      {diff.commitments.added.map((commitment) => (
        <p key={commitment.id}>
          <ins>{t('agreements.versions.added', { title: commitment.title })}</ins>
        </p>
      ))}
      {diff.commitments.removed.map((commitment) => (
        <p key={commitment.id}>
          <del>{t('agreements.versions.removed', { title: commitment.title })}</del>
        </p>
      ))}
      {diff.commitments.changed.map((changed) => (
        <div key={changed.commitmentId}>
          <p>{t('agreements.versions.changed', { title: changed.title })}</p>
          <ChangeList changes={changed.changes} />
        </div>
      ))}
    </div>
  );
}

export function VersionsSection({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const versions = useAgreementVersions(agreement.id);
  const working = agreement.workingVersion.number;
  const diff = useVersionDiff(agreement.id, working, working > 1);
  return (
    <section className="card" aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t('agreements.versions.title')}</h2>
      {working > 1 ? diff.isPending ? <Loading /> : diff.isError ? <ErrorMessage error={diff.error} /> : <DiffView diff={diff.data} /> : null}
      {versions.isPending ? (
        <Loading />
      ) : versions.isError ? (
        <ErrorMessage error={versions.error} onRetry={() => void versions.refetch()} />
      ) : (
        <ol className="plain-list version-list">
          {versions.data.items.map((version) => (
            <li key={version.number}>
              <strong>{t('agreements.versionShort', { number: version.number })}</strong>{' '}
              {version.signed ? (
                <span className="badge badge--success">{t('agreements.versions.signedOn', { date: version.signedAt ? formatDateTime(version.signedAt) : '' })}</span>
              ) : (
                <span className="badge badge--neutral">{t('agreements.versions.unsigned')}</span>
              )}
              {version.number === agreement.signedVersionNumber ? <span className="muted"> · {t('agreements.versions.inForce')}</span> : null}
              <div className="muted">
                {t('agreements.versions.created', { date: formatDateTime(version.createdAt), name: version.createdBy?.name ?? '—' })}
                {version.approvals.length > 0
                  ? ` · ${t('agreements.versions.approvedBy', { list: version.approvals.map((a) => `${a.organisationName} (${a.approvedBy.name}, ${formatDateTime(a.approvedAt)})`).join('; ') })}`
                  : ''}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function AuditSection({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const audit = useAgreementAudit(agreement.id, open);
  return (
    <section className="card" aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('agreements.audit.title')}</h2>
      <p className="field__hint">{t('agreements.audit.intro')}</p>
      <div className="page-header__actions">
        <button type="button" className="button button--secondary" aria-expanded={open} onClick={() => setOpen((value) => !value)}>
          {open ? t('agreements.audit.hide') : t('agreements.audit.show')}
        </button>
        <a className="button button--secondary" href={agreementPaths.auditCsv(agreement.id)} download>
          {t('agreements.audit.download')}
        </a>
      </div>
      {open ? (
        audit.isPending ? (
          <Loading />
        ) : audit.isError ? (
          <ErrorMessage error={audit.error} onRetry={() => void audit.refetch()} />
        ) : (
          <div className="table-wrapper">
            <table className="table audit-table">
              <thead>
                <tr>
                  <th scope="col">{t('agreements.audit.when')}</th>
                  <th scope="col">{t('agreements.audit.who')}</th>
                  <th scope="col">{t('agreements.audit.what')}</th>
                  <th scope="col">{t('agreements.audit.changes')}</th>
                </tr>
              </thead>
              <tbody>
                {audit.data.items.map((entry) => (
                  <tr key={entry.id}>
                    <td>{formatDateTime(entry.at)}</td>
                    <td>{entry.actor?.name ?? t('agreements.audit.unknownActor')}</td>
                    <td>
                      {t(`agreements.audit.actions.${entry.action}`)}
                      {entry.versionNumber ? <span className="muted"> · {t('agreements.versionShort', { number: entry.versionNumber })}</span> : null}
                    </td>
                    <td>
                      <ChangeList changes={entry.changes} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </section>
  );
}

export function EvaluationSection({ agreement, comments, actingFor }: { agreement: Agreement; comments: readonly CommentDto[]; actingFor: readonly AgreementParty[] }) {
  const { t } = useTranslation();
  const years = Array.from({ length: agreement.periodEndYear - agreement.periodStartYear + 1 }, (_, i) => agreement.periodStartYear + i);
  const started = agreement.cycle.evaluations.map((e) => e.year);
  const [year, setYear] = useState(started.at(-1) ?? agreement.periodStartYear);
  return (
    <section className="card" aria-labelledby="evaluation-heading">
      <h2 id="evaluation-heading">{t('agreements.evaluation.title')}</h2>
      <p className="field__hint">{t('agreements.evaluation.intro')}</p>
      {agreement.cycle.evaluations.length > 0 ? (
        <ul className="plain-list">
          {agreement.cycle.evaluations.map((evaluation) => (
            <li key={evaluation.year}>
              {evaluation.year}:{' '}
              {evaluation.completedAt
                ? t('agreements.evaluation.completed', { date: formatDateTime(evaluation.completedAt) })
                : t('agreements.evaluation.running', { date: formatDateTime(evaluation.startedAt) })}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="field">
        <label htmlFor="evaluation-year" className="field__label">
          {t('agreements.evaluation.year')}
        </label>
        <select id="evaluation-year" value={year} onChange={(event) => setYear(Number(event.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <CommentThread
        agreementId={agreement.id}
        commitmentId={null}
        evaluationYear={year}
        comments={comments.filter((comment) => comment.evaluationYear === year)}
        actingFor={actingFor}
        label={t('agreements.evaluation.commentLabel', { year })}
      />
      <div className="page-header__actions">
        <a className="button button--secondary" href={agreementPaths.evaluation(agreement.id, year, 'pdf')} download>
          {t('agreements.evaluation.downloadPdf', { year })}
        </a>
        <a className="button button--secondary" href={agreementPaths.evaluation(agreement.id, year, 'docx')} download>
          {t('agreements.evaluation.downloadDocx', { year })}
        </a>
      </div>
    </section>
  );
}
