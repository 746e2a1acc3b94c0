/**
 * The commitments of the working version grouped by the guide's four themes: kind, responsible parties, R-ladder
 * step, the measure of a meetbare afspraak, the evidence of a procesafspraak, its traffic light with the figures
 * behind it, and its comments. Parties edit, add and remove commitments and insert templates here.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement, AgreementParty, AgreementProgress, CommentDto, CommitmentDto, CommitmentInput, EvidenceDto } from '@kringbouw/contracts';
import { agreementThemes, evidenceFileExtensions } from '@kringbouw/domain/agreements';
import { agreementOrganisationsActingFor, canAddAgreementEvidence, canCommentOnAgreement, canEditAgreement } from '@kringbouw/domain/authz';
import { ApiError } from '../../api/client.ts';
import { ErrorMessage, useErrorText } from '../../components/Status.tsx';
import { formatDateTime, formatIsoDate } from '../../lib/format.ts';
import { fieldErrorsFromProblems, type FieldErrors } from '../../lib/validation.ts';
import { useActor } from '../auth/session.ts';
import { agreementPaths, useAddCommitment, useAddEvidence, useAgreementTemplates, useDeleteCommitment, useInsertTemplates, useUpdateCommitment } from './api.ts';
import { CommentThread } from './CommentThread.tsx';
import { CommitmentForm } from './CommitmentForm.tsx';
import { commitmentValuesFrom, emptyCommitmentValues } from './commitment-values.ts';
import { fileSizeText, partyName, scopeText, targetText } from './labels.ts';
import { CommitmentFigures } from './ProgressOverview.tsx';
import { TemplatePicker, templateText } from './TemplatePicker.tsx';

/** Whether the text may change now (domain editEffect): locked during the bod, the evaluation and when finished. */
export function textEditable(agreement: Agreement): boolean {
  return ['concept', 'onderhandeling', 'wijziging', 'ondertekend'].includes(agreement.cycle.state);
}

interface SectionProps {
  agreement: Agreement;
  progress: AgreementProgress | undefined;
  comments: readonly CommentDto[];
  evidence: readonly EvidenceDto[];
}

type Editing = { mode: 'edit'; commitmentId: string } | { mode: 'add'; theme: string } | { mode: 'templates' } | null;

export function CommitmentsSection({ agreement, progress, comments, evidence }: SectionProps) {
  const { t } = useTranslation();
  const actor = useActor();
  const [editing, setEditing] = useState<Editing>(null);
  const update = useUpdateCommitment(agreement.id);
  const add = useAddCommitment(agreement.id);
  const remove = useDeleteCommitment(agreement.id);
  const insert = useInsertTemplates(agreement.id);
  const [templateIds, setTemplateIds] = useState<string[]>([]);
  const mayEdit = canEditAgreement(actor, agreement) && textEditable(agreement);
  const actingForIds = agreementOrganisationsActingFor(actor, agreement);
  const actingFor = agreement.parties.filter((party) => actingForIds.includes(party.organisationId));
  const mayComment = canCommentOnAgreement(actor, agreement);
  const mayAddEvidence = canAddAgreementEvidence(actor, agreement);
  const opensVersion = agreement.cycle.state === 'ondertekend' ? t('agreements.commitment.opensNewVersion', { number: agreement.workingVersion.number + 1 }) : undefined;

  return (
    <section aria-labelledby="commitments-heading" className="section">
      <div className="page-header">
        <h2 id="commitments-heading">{t('agreements.commitments.title')}</h2>
        {mayEdit ? (
          <div className="page-header__actions">
            <button type="button" className="button button--secondary" onClick={() => setEditing({ mode: 'templates' })}>
              {t('agreements.commitments.insertTemplates')}
            </button>
          </div>
        ) : null}
      </div>
      {!textEditable(agreement) ? <p className="muted">{t(`agreements.commitments.locked.${agreement.cycle.state}`)}</p> : null}
      {editing?.mode === 'templates' ? (
        <div className="card">
          <TemplatePicker selected={templateIds} onChange={setTemplateIds} />
          {opensVersion ? <p className="notice notice--warning">{opensVersion}</p> : null}
          <div className="form__actions">
            <button
              type="button"
              className="button"
              disabled={templateIds.length === 0 || insert.isPending}
              onClick={() =>
                insert.mutate(
                  { templateIds, revision: agreement.revision },
                  {
                    onSuccess: () => {
                      setTemplateIds([]);
                      setEditing(null);
                    },
                  },
                )
              }
            >
              {t('agreements.commitments.insertSelected', { count: templateIds.length })}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </button>
          </div>
          {insert.isError ? <ErrorMessage error={insert.error} /> : null}
        </div>
      ) : null}
      {remove.isError ? <ErrorMessage error={remove.error} /> : null}

      {agreementThemes.map((theme) => {
        const items = agreement.commitments.filter((commitment) => commitment.theme === theme);
        const themeProgress = progress?.themes.find((entry) => entry.theme === theme);
        return (
          <section key={theme} className="theme-group" aria-labelledby={`theme-${theme}`} data-theme={theme}>
            <h3 id={`theme-${theme}`}>
              {t(`agreements.themes.${theme}`)} <span className="muted">({items.length})</span>
              {themeProgress && items.length > 0 ? <span className="visually-hidden"> · {t(`agreements.lights.${themeProgress.light}`)}</span> : null}
            </h3>
            {items.length === 0 ? <p className="muted">{t('agreements.commitments.noneInTheme')}</p> : null}
            {items.map((commitment) =>
              editing?.mode === 'edit' && editing.commitmentId === commitment.id ? (
                <div key={commitment.id} className="card">
                  <h4>{t('agreements.commitments.editTitle', { title: commitment.title })}</h4>
                  <CommitmentForm
                    initialValues={commitmentValuesFrom(commitment)}
                    parties={agreement.parties}
                    municipalityCode={agreement.municipalityCode}
                    submitLabel={t('agreements.commitments.save')}
                    notice={opensVersion}
                    onCancel={() => setEditing(null)}
                    onSubmit={async (input: CommitmentInput) => {
                      await update.mutateAsync({ commitmentId: commitment.id, body: { commitment: input, revision: agreement.revision } });
                      setEditing(null);
                    }}
                  />
                </div>
              ) : (
                <CommitmentCard
                  key={commitment.id}
                  agreement={agreement}
                  commitment={commitment}
                  progress={progress?.commitments.find((entry) => entry.commitmentId === commitment.id)}
                  comments={comments.filter((comment) => comment.commitmentId === commitment.id)}
                  evidence={evidence.filter((item) => item.commitmentId === commitment.id)}
                  actingFor={mayComment ? actingFor : []}
                  mayAddEvidence={mayAddEvidence}
                  onEdit={mayEdit ? () => setEditing({ mode: 'edit', commitmentId: commitment.id }) : undefined}
                  onRemove={
                    mayEdit
                      ? () => {
                          if (window.confirm(t('agreements.commitments.removeConfirm', { title: commitment.title }))) {
                            remove.mutate({ commitmentId: commitment.id, revision: agreement.revision });
                          }
                        }
                      : undefined
                  }
                />
              ),
            )}
            {mayEdit ? (
              editing?.mode === 'add' && editing.theme === theme ? (
                <div className="card">
                  <h4>{t('agreements.commitments.addTitle', { theme: t(`agreements.themes.${theme}`) })}</h4>
                  <CommitmentForm
                    initialValues={emptyCommitmentValues(theme)}
                    parties={agreement.parties}
                    municipalityCode={agreement.municipalityCode}
                    submitLabel={t('agreements.commitments.add')}
                    notice={opensVersion}
                    onCancel={() => setEditing(null)}
                    onSubmit={async (input: CommitmentInput) => {
                      await add.mutateAsync({ commitment: input, revision: agreement.revision });
                      setEditing(null);
                    }}
                  />
                </div>
              ) : (
                <button type="button" className="button button--link" onClick={() => setEditing({ mode: 'add', theme })}>
                  {t('agreements.commitments.addTo', { theme: t(`agreements.themes.${theme}`) })}
                </button>
              )
            ) : null}
          </section>
        );
      })}
    </section>
  );
}

interface CardProps {
  agreement: Agreement;
  commitment: CommitmentDto;
  progress: AgreementProgress['commitments'][number] | undefined;
  comments: readonly CommentDto[];
  evidence: readonly EvidenceDto[];
  actingFor: readonly AgreementParty[];
  mayAddEvidence: boolean;
  onEdit: (() => void) | undefined;
  onRemove: (() => void) | undefined;
}

function CommitmentCard({ agreement, commitment, progress, comments, evidence, actingFor, mayAddEvidence, onEdit, onRemove }: CardProps) {
  const { t, i18n } = useTranslation();
  const projectName = commitment.kind === 'meetbaar' && commitment.scope.type === 'project' ? progress?.projects.find((p) => p.projectId !== null)?.projectName ?? undefined : undefined;
  return (
    <article className="card commitment" aria-labelledby={`commitment-${commitment.id}`} data-commitment-id={commitment.id}>
      <header className="commitment__header">
        <h4 id={`commitment-${commitment.id}`} className="commitment__title">
          {commitment.title}
        </h4>
        <div className="commitment__tags">
          <span className={`badge badge--neutral commitment__kind commitment__kind--${commitment.kind}`}>{t(`agreements.kindsShort.${commitment.kind}`)}</span>
          <span className="badge badge--neutral" title={t(`agreements.pbl.${commitment.rLadder.pbl}`)}>
            {commitment.rLadder.pbl} {t(`agreements.pbl.${commitment.rLadder.pbl}`)}
            {commitment.rLadder.guide ? ` · ${t(`agreements.guide.${commitment.rLadder.guide}`)}` : ''}
          </span>
        </div>
      </header>
      <p className="commitment__text">{commitment.text}</p>
      <dl className="facts facts--compact">
        <div>
          <dt>{t('agreements.commitment.responsible')}</dt>
          <dd>{commitment.responsibleOrganisationIds.map((id) => partyName(agreement.parties, id)).join(', ')}</dd>
        </div>
        {commitment.kind === 'meetbaar' ? (
          <>
            <div>
              <dt>{t('agreements.commitment.target')}</dt>
              <dd data-testid="commitment-target">{targetText(commitment, i18n.language)}</dd>
            </div>
            <div>
              <dt>{t('agreements.commitment.scope')}</dt>
              <dd>{scopeText(t, commitment.scope, agreement.parties, commitment.indicatorId, projectName)}</dd>
            </div>
            <div>
              <dt>{t('agreements.commitment.deadline')}</dt>
              <dd>{formatIsoDate(commitment.deadline)}</dd>
            </div>
          </>
        ) : (
          <div>
            <dt>{t('agreements.commitment.dueDate')}</dt>
            <dd>{commitment.dueDate ? formatIsoDate(commitment.dueDate) : t('agreements.commitment.withinPeriod')}</dd>
          </div>
        )}
        {commitment.templateId ? (
          <div>
            <dt>{t('agreements.commitment.template')}</dt>
            <dd className="muted">
              <TemplateName id={commitment.templateId} />
            </dd>
          </div>
        ) : null}
      </dl>
      {progress ? <CommitmentFigures progress={progress} /> : null}
      {commitment.kind === 'proces' ? <EvidenceList agreement={agreement} commitmentId={commitment.id} evidence={evidence} actingFor={mayAddEvidence ? actingFor : []} /> : null}
      {onEdit || onRemove ? (
        <div className="commitment__actions">
          {onEdit ? (
            <button type="button" className="button button--small button--secondary" onClick={onEdit}>
              {t('agreements.commitments.edit', { title: commitment.title })}
            </button>
          ) : null}
          {onRemove ? (
            <button type="button" className="button button--small button--link" onClick={onRemove}>
              {t('agreements.commitments.remove')}
            </button>
          ) : null}
        </div>
      ) : null}
      <CommentThread
        agreementId={agreement.id}
        commitmentId={commitment.id}
        comments={comments}
        actingFor={actingFor}
        label={t('agreements.comments.labelFor', { title: commitment.title })}
      />
    </article>
  );
}

function EvidenceList({ agreement, commitmentId, evidence, actingFor }: { agreement: Agreement; commitmentId: string; evidence: readonly EvidenceDto[]; actingFor: readonly AgreementParty[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div className="evidence">
      <h5>{t('agreements.evidence.title')}</h5>
      {evidence.length === 0 ? <p className="muted">{t('agreements.evidence.none')}</p> : null}
      <ul className="plain-list">
        {evidence.map((item) => (
          <li key={item.id}>
            <strong>{formatIsoDate(item.date)}</strong> · {item.note}
            {item.documentUrl ? (
              <>
                {' '}
                ·{' '}
                <a href={item.documentUrl} rel="noopener noreferrer" target="_blank">
                  {item.documentTitle ?? item.documentUrl}
                </a>
              </>
            ) : item.documentTitle ? (
              ` · ${item.documentTitle}`
            ) : null}
            {item.file ? (
              <div className="evidence__file" data-testid="evidence-file">
                <a href={agreementPaths.evidenceFile(agreement.id, item.id)} download={item.file.name}>
                  {item.file.name}
                </a>{' '}
                <span className="muted">
                  ({t(`agreements.evidence.formats.${item.file.format}`)}, {fileSizeText(item.file.sizeBytes)})
                </span>
              </div>
            ) : null}
            <div className="muted">
              {item.organisationName}
              {item.recordedBy ? ` · ${item.recordedBy.name}` : ''} · {formatDateTime(item.recordedAt)}
            </div>
          </li>
        ))}
      </ul>
      {actingFor.length > 0 ? (
        open ? (
          <EvidenceForm agreementId={agreement.id} commitmentId={commitmentId} actingFor={actingFor} onDone={() => setOpen(false)} />
        ) : (
          <button type="button" className="button button--small button--secondary" onClick={() => setOpen(true)}>
            {t('agreements.evidence.add')}
          </button>
        )
      ) : null}
    </div>
  );
}

function EvidenceForm({ agreementId, commitmentId, actingFor, onDone }: { agreementId: string; commitmentId: string; actingFor: readonly AgreementParty[]; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const errorText = useErrorText();
  const add = useAddEvidence(agreementId);
  const [note, setNote] = useState('');
  const [date, setDate] = useState('');
  const [documentTitle, setDocumentTitle] = useState('');
  const [documentUrl, setDocumentUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [organisationId, setOrganisationId] = useState(actingFor[0]?.organisationId ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setGeneral(null);
    const local: FieldErrors = {};
    if (note.trim() === '') local.note = t('validation.required');
    if (date === '') local.date = t('validation.required');
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    try {
      await add.mutateAsync({
        commitmentId,
        note: note.trim(),
        date,
        organisationId,
        documentTitle: documentTitle.trim() === '' ? null : documentTitle.trim(),
        documentUrl: documentUrl.trim() === '' ? null : documentUrl.trim(),
        file,
      });
      onDone();
    } catch (error) {
      // 400 with field problems, and 413 (document too large) which names the field "file"
      if (error instanceof ApiError && (error.status === 400 || error.status === 413) && error.fieldProblems.length > 0) setErrors(fieldErrorsFromProblems(error.fieldProblems, t));
      else setGeneral(errorText(error));
    }
  }

  const field = (name: string, label: string, input: (props: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ReactNode, hint?: string) => (
    <div className={`field${errors[name] ? ' field--error' : ''}`}>
      <label htmlFor={`${id}-${name}`} className="field__label">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-${name}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {errors[name] ? (
        <p id={`${id}-${name}-error`} className="field__error">
          {errors[name]}
        </p>
      ) : null}
      {input({ id: `${id}-${name}`, ...(errors[name] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${name}-error` } : {}) })}
    </div>
  );

  return (
    <form className="form evidence-form" onSubmit={(event) => void submit(event)} noValidate aria-label={t('agreements.evidence.add')}>
      {general ? (
        <p className="notice notice--error" role="alert">
          {general}
        </p>
      ) : null}
      {field('note', t('agreements.evidence.note'), (props) => <textarea {...props} rows={2} value={note} onChange={(event) => setNote(event.target.value)} />)}
      <div className="field-row">
        {field('date', t('agreements.evidence.date'), (props) => <input {...props} type="date" value={date} onChange={(event) => setDate(event.target.value)} />)}
        {field('documentTitle', t('agreements.evidence.documentTitle'), (props) => <input {...props} type="text" value={documentTitle} onChange={(event) => setDocumentTitle(event.target.value)} />)}
      </div>
      {field('documentUrl', t('agreements.evidence.documentUrl'), (props) => <input {...props} type="url" value={documentUrl} onChange={(event) => setDocumentUrl(event.target.value)} />)}
      {field(
        'file',
        t('agreements.evidence.file'),
        (props) => (
          <input
            {...props}
            aria-describedby={[`${id}-file-hint`, props['aria-describedby']].filter(Boolean).join(' ')}
            type="file"
            accept={evidenceFileExtensions.map((extension) => `.${extension}`).join(',')}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        ),
        t('agreements.evidence.fileHint'),
      )}
      {actingFor.length > 1
        ? field('organisationId', t('agreements.comments.onBehalfOf'), (props) => (
            <select {...props} value={organisationId} onChange={(event) => setOrganisationId(event.target.value)}>
              {actingFor.map((party) => (
                <option key={party.organisationId} value={party.organisationId}>
                  {party.organisationName}
                </option>
              ))}
            </select>
          ))
        : null}
      <div className="form__actions">
        <button type="submit" className="button button--small" disabled={add.isPending}>
          {t('agreements.evidence.submit')}
        </button>
        <button type="button" className="button button--small button--secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The template a commitment started from, by its title in the UI language (the id while templates load). */
function TemplateName({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const templates = useAgreementTemplates();
  const template = templates.data?.templates.find((item) => item.id === id);
  if (!template) return <>{id}</>;
  return (
    <>
      {templateText(template, i18n.language).title} ({t(`agreements.templates.levels.${template.level}`)})
    </>
  );
}
