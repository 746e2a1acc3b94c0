/**
 * Comments on one commitment (or on the agreement as a whole): every party — the huurdersorganisatie with the
 * same right as the gemeente and the corporation — writes on behalf of its organisation.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementParty, CommentDto } from '@kringbouw/contracts';
import { ApiError } from '../../api/client.ts';
import { useErrorText } from '../../components/Status.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useAddComment } from './api.ts';

interface CommentThreadProps {
  agreementId: string;
  commitmentId: string | null;
  comments: readonly CommentDto[];
  /** Party organisations the user may write for; empty = read only. */
  actingFor: readonly AgreementParty[];
  label: string;
  /** Comments that belong to that year's evaluation (they appear in the evaluation document). */
  evaluationYear?: number | null;
}

export function CommentThread({ agreementId, commitmentId, comments, actingFor, label, evaluationYear = null }: CommentThreadProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const add = useAddComment(agreementId);
  const id = useId();
  const [body, setBody] = useState('');
  const [organisationId, setOrganisationId] = useState(actingFor[0]?.organisationId ?? '');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (body.trim() === '') return setError(t('agreements.comments.empty'));
    try {
      await add.mutateAsync({ commitmentId, body: body.trim(), organisationId, evaluationYear });
      setBody('');
    } catch (caught) {
      const problem = caught instanceof ApiError ? caught.fieldProblems.find((p) => p.path === 'body') : undefined;
      setError(problem?.message || errorText(caught));
    }
  }

  return (
    <div className="comment-thread">
      <h4 className="comment-thread__title">{t('agreements.comments.title', { count: comments.length })}</h4>
      {comments.length === 0 ? <p className="muted">{t('agreements.comments.none')}</p> : null}
      <ol className="comment-list">
        {comments.map((comment) => (
          <li key={comment.id} className="comment">
            <p className="comment__meta">
              <strong>{comment.author?.name ?? t('agreements.audit.unknownActor')}</strong> · {comment.organisationName} ·{' '}
              <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
              {comment.evaluationYear ? <span className="muted"> · {t('agreements.comments.evaluationYear', { year: comment.evaluationYear })}</span> : null}
            </p>
            <p className="comment__body">{comment.body}</p>
          </li>
        ))}
      </ol>
      {actingFor.length > 0 ? (
        <form className="comment-form" onSubmit={(event) => void submit(event)} noValidate aria-label={label}>
          <div className={`field${error ? ' field--error' : ''}`}>
            <label htmlFor={`${id}-body`} className="field__label">
              {label}
            </label>
            {error ? (
              <p id={`${id}-error`} className="field__error">
                {error}
              </p>
            ) : null}
            <textarea id={`${id}-body`} rows={2} value={body} onChange={(event) => setBody(event.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
          </div>
          {actingFor.length > 1 ? (
            <div className="field">
              <label htmlFor={`${id}-org`} className="field__label">
                {t('agreements.comments.onBehalfOf')}
              </label>
              <select id={`${id}-org`} value={organisationId} onChange={(event) => setOrganisationId(event.target.value)}>
                {actingFor.map((party) => (
                  <option key={party.organisationId} value={party.organisationId}>
                    {party.organisationName}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <p className="field__hint">{t('agreements.comments.asOrganisation', { name: actingFor[0]?.organisationName ?? '' })}</p>
          )}
          <button type="submit" className="button button--small button--secondary" disabled={add.isPending}>
            {t('agreements.comments.submit')}
          </button>
        </form>
      ) : null}
    </div>
  );
}
