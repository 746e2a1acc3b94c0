/**
 * The Woningwet yearly cycle as a timeline: bod (before 1 July), negotiation, signed by all parties (by
 * 15 December), then a joint evaluation per year of the period. Shows what happened when, what is overdue, and the
 * cycle actions this user may take now.
 */
import { useTranslation } from 'react-i18next';
import type { Agreement } from '@kringbouw/contracts';
import type { AgreementAction, AgreementState } from '@kringbouw/domain/agreements';
import { canTakeAgreementAction } from '@kringbouw/domain/authz';
import { ErrorMessage } from '../../components/Status.tsx';
import { formatDateTime, formatIsoDate } from '../../lib/format.ts';
import { useActor } from '../auth/session.ts';
import { useTransition } from './api.ts';

type StepState = 'done' | 'current' | 'upcoming';

/** Order of the states along the timeline; `wijziging` sits with `ondertekend` (a signed version stays in force). */
const stepOrder: Record<AgreementState, number> = { concept: 0, bod: 1, onderhandeling: 2, ondertekend: 3, wijziging: 3, evaluatie: 4, afgerond: 5 };

export function stepState(current: AgreementState, step: number): StepState {
  const at = stepOrder[current];
  if (step < at) return 'done';
  if (step === at) return current === 'afgerond' ? 'done' : 'current';
  return 'upcoming';
}

export function CycleSection({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const actor = useActor();
  const transition = useTransition(agreement.id);
  const { cycle } = agreement;
  const evaluationsDone = cycle.evaluations.filter((e) => e.completedAt !== null).length;
  const periodYears = agreement.periodEndYear - agreement.periodStartYear + 1;
  const openEvaluation = cycle.evaluations.find((e) => e.completedAt === null);

  const steps: { key: string; label: string; deadline?: string; happened?: string | null; note?: string }[] = [
    { key: 'concept', label: t('agreements.cycle.concept') },
    { key: 'bod', label: t('agreements.cycle.bod'), deadline: cycle.bidDeadline, happened: cycle.bidSubmittedAt },
    { key: 'onderhandeling', label: t('agreements.cycle.onderhandeling'), happened: cycle.negotiationStartedAt },
    { key: 'ondertekend', label: t('agreements.cycle.ondertekend'), deadline: cycle.signDeadline, happened: cycle.signedAt },
    {
      key: 'evaluatie',
      label: t('agreements.cycle.evaluatie'),
      note: openEvaluation
        ? t('agreements.cycle.evaluationRunning', { year: openEvaluation.year })
        : t('agreements.cycle.evaluationsDone', { done: evaluationsDone, total: periodYears }),
    },
    { key: 'afgerond', label: t('agreements.cycle.afgerond') },
  ];

  const actions = cycle.allowedActions.filter((action) => canTakeAgreementAction(actor, agreement, action));

  function run(action: AgreementAction) {
    transition.mutate({ action, revision: agreement.revision, ...(action === 'evaluatie_starten' && cycle.nextEvaluationYear ? { year: cycle.nextEvaluationYear } : {}) });
  }

  return (
    <section className="card" aria-labelledby="cycle-heading">
      <h2 id="cycle-heading">{t('agreements.cycle.title')}</h2>
      <p>
        {t('agreements.cycle.current')}: <strong data-testid="agreement-state">{t(`agreements.states.${cycle.state}`)}</strong>
      </p>
      <ol className="timeline agreement-cycle">
        {steps.map((step, index) => {
          const state = stepState(cycle.state, index);
          return (
            <li key={step.key} className={`timeline__step timeline__step--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="timeline__marker" aria-hidden="true" />
              <span className="timeline__label">{step.label}</span>
              {step.deadline ? (
                <span className="timeline__date">
                  {t('agreements.cycle.deadline')} <time dateTime={step.deadline}>{formatIsoDate(step.deadline)}</time>
                </span>
              ) : null}
              {step.happened ? (
                <span className="timeline__date">
                  <time dateTime={step.happened}>{formatDateTime(step.happened)}</time>
                </span>
              ) : null}
              {step.note ? <span className="timeline__date">{step.note}</span> : null}
            </li>
          );
        })}
      </ol>
      {cycle.state === 'wijziging' ? <p className="notice notice--warning">{t('agreements.cycle.changePending', { number: agreement.signedVersionNumber ?? '' })}</p> : null}
      {cycle.bidOverdue ? <p className="notice notice--warning">{t('agreements.cycle.bidOverdue', { date: formatIsoDate(cycle.bidDeadline) })}</p> : null}
      {cycle.signOverdue ? <p className="notice notice--warning">{t('agreements.cycle.signOverdue', { date: formatIsoDate(cycle.signDeadline) })}</p> : null}
      {actions.length > 0 ? (
        <div className="page-header__actions">
          {actions.map((action) => (
            <button key={action} type="button" className="button" disabled={transition.isPending} onClick={() => run(action)}>
              {t(`agreements.actions.${action}`, { year: cycle.nextEvaluationYear ?? openEvaluation?.year ?? '' })}
            </button>
          ))}
        </div>
      ) : null}
      {transition.isError ? <ErrorMessage error={transition.error} /> : null}
    </section>
  );
}
