/**
 * The yearly cycle of prestatieafspraken (Woningwet art. 44) as a pure state machine with dates.
 *
 * Dates (for an agreement whose period starts in year Y), from data/agreements/cycle.json: the woningcorporatie
 * sends its bod to the gemeente before 1 July of Y−1; the agreement is signed by all parties by 15 December of Y−1.
 * After signing, each year of the period gets a joint evaluation. Source: the assignment (issue #6), which names
 * Woningwet art. 44. Verification (see the data file and docs/prestatieafspraken.md): 1 July is confirmed by
 * secondary sources only; 15 December is unverified (a 2015 source says before 1 January).
 *
 * All dates are ISO strings; "today" is passed in (the domain has no clock).
 */
import cycleJson from '../../data/agreements/cycle.json' with { type: 'json' };
import type { AgreementAction, AgreementState } from './model.ts';

function monthDay(what: string, value: { month: number; day: number }): string {
  const { month, day } = value;
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (!Number.isInteger(month) || !Number.isInteger(day) || days === undefined || day < 1 || day > days) throw new Error(`cycle.json: ${what} is no date (${month}-${day})`);
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Version, source and verification of the cycle's dates (data/agreements/cycle.json). */
export const cycleData = { version: cycleJson.version, source: cycleJson.source, verification: cycleJson.verification } as const;
const bidMonthDay = monthDay('bidDeadline', cycleJson.bidDeadline);
const signMonthDay = monthDay('signDeadline', cycleJson.signDeadline);

export interface EvaluationRecord {
  year: number;
  startedAt: string;
  completedAt: string | null;
}

export interface CycleFacts {
  state: AgreementState;
  periodStartYear: number;
  periodEndYear: number;
  bidSubmittedAt: string | null;
  negotiationStartedAt: string | null;
  signedAt: string | null;
  evaluations: readonly EvaluationRecord[];
}

export interface CycleDeadlines {
  /** 1 July of the year before the period starts (data/agreements/cycle.json). */
  bidDeadline: string;
  /** 15 December of the year before the period starts (data/agreements/cycle.json; unverified). */
  signDeadline: string;
}

/** Deadlines of the cycle for a period starting in `periodStartYear` (ISO dates, inclusive). */
export function cycleDeadlines(periodStartYear: number): CycleDeadlines {
  const y = periodStartYear - 1;
  return { bidDeadline: `${pad(y)}-${bidMonthDay}`, signDeadline: `${pad(y)}-${signMonthDay}` };
}

function pad(year: number): string {
  return String(year).padStart(4, '0');
}

/** The date part of an ISO date or date-time. */
function dateOf(iso: string): string {
  return iso.slice(0, 10);
}

/**
 * Whether a deadline was missed: the step happened after the deadline, or has not happened and `today` is past it.
 * A bod is due "before 1 July": submitted on 1 July or later counts as late; signing on 15 December is on time.
 */
export function cycleOverdue(facts: CycleFacts, today: string): { bidOverdue: boolean; signOverdue: boolean } {
  const { bidDeadline, signDeadline } = cycleDeadlines(facts.periodStartYear);
  const bidOverdue = facts.bidSubmittedAt !== null ? dateOf(facts.bidSubmittedAt) >= bidDeadline : facts.state === 'concept' && today >= bidDeadline;
  const unsignedStates: readonly AgreementState[] = ['concept', 'bod', 'onderhandeling'];
  const signOverdue = facts.signedAt !== null ? dateOf(facts.signedAt) > signDeadline : unsignedStates.includes(facts.state) && today > signDeadline;
  return { bidOverdue, signOverdue };
}

/** The first year of the period without a completed evaluation; null when every year has been evaluated. */
export function nextEvaluationYear(facts: CycleFacts): number | null {
  for (let year = facts.periodStartYear; year <= facts.periodEndYear; year++) {
    if (!facts.evaluations.some((e) => e.year === year && e.completedAt !== null)) return year;
  }
  return null;
}

export type TransitionResult =
  | { ok: true; facts: CycleFacts }
  | { ok: false; code: 'invalid_transition' | 'too_early'; message: string };

/**
 * Applies an explicit action at moment `at` (ISO date-time):
 * - `bod_uitbrengen`: concept → bod;
 * - `onderhandeling_starten`: bod → onderhandeling;
 * - `evaluatie_starten` (year, default the next unevaluated one): ondertekend → evaluatie, not before 1 January of
 *   that year;
 * - `evaluatie_afronden`: evaluatie → ondertekend, or → afgerond after the period's last year.
 * Signing is not an action: it follows from the last approval ({@link stateAfterAllApproved}).
 */
export function applyAction(facts: CycleFacts, action: AgreementAction, at: string, year?: number): TransitionResult {
  const refuse = (message: string): TransitionResult => ({ ok: false, code: 'invalid_transition', message });
  switch (action) {
    case 'bod_uitbrengen':
      if (facts.state !== 'concept') return refuse('Een bod kan alleen vanuit een concept worden uitgebracht.');
      return { ok: true, facts: { ...facts, state: 'bod', bidSubmittedAt: at } };
    case 'onderhandeling_starten':
      if (facts.state !== 'bod') return refuse('De onderhandeling start nadat de corporatie een bod heeft uitgebracht.');
      return { ok: true, facts: { ...facts, state: 'onderhandeling', negotiationStartedAt: at } };
    case 'evaluatie_starten': {
      if (facts.state !== 'ondertekend') return refuse('Een evaluatie start alleen bij ondertekende afspraken zonder openstaande wijziging.');
      const next = nextEvaluationYear(facts);
      const target = year ?? next;
      if (target === null || target !== next) return refuse(next === null ? 'Alle jaren zijn al geëvalueerd.' : `Evalueer eerst ${next}.`);
      if (dateOf(at) < `${pad(target)}-01-01`) return { ok: false, code: 'too_early', message: `De evaluatie van ${target} kan pas vanaf 1 januari ${target} beginnen.` };
      const evaluations = [...facts.evaluations.filter((e) => e.year !== target), { year: target, startedAt: at, completedAt: null }];
      return { ok: true, facts: { ...facts, state: 'evaluatie', evaluations } };
    }
    case 'evaluatie_afronden': {
      if (facts.state !== 'evaluatie') return refuse('Er loopt geen evaluatie.');
      const open = facts.evaluations.find((e) => e.completedAt === null);
      if (open === undefined || (year !== undefined && year !== open.year)) return refuse('Deze evaluatie loopt niet.');
      const evaluations = facts.evaluations.map((e) => (e === open ? { ...e, completedAt: at } : e));
      const state: AgreementState = open.year >= facts.periodEndYear ? 'afgerond' : 'ondertekend';
      return { ok: true, facts: { ...facts, state, evaluations } };
    }
  }
}

/** Actions {@link applyAction} would accept now. */
export function allowedActions(facts: CycleFacts, today: string): AgreementAction[] {
  const at = `${today}T12:00:00.000Z`;
  return (['bod_uitbrengen', 'onderhandeling_starten', 'evaluatie_starten', 'evaluatie_afronden'] as const).filter((a) => applyAction(facts, a, at).ok);
}

export type EditEffect =
  | { allowed: true; newVersion: boolean; state: AgreementState }
  | { allowed: false; message: string };

/**
 * What editing the text does in each state: in concept, onderhandeling and wijziging the working version changes
 * (and earlier approvals of it lapse); in ondertekend a new version opens (state wijziging) while the signed one
 * stays in force; in bod, evaluatie and afgerond the text is locked.
 */
export function editEffect(state: AgreementState): EditEffect {
  switch (state) {
    case 'concept':
    case 'onderhandeling':
    case 'wijziging':
      return { allowed: true, newVersion: false, state };
    case 'ondertekend':
      return { allowed: true, newVersion: true, state: 'wijziging' };
    case 'bod':
      return { allowed: false, message: 'Het bod is uitgebracht: start eerst de onderhandeling om de tekst te wijzigen.' };
    case 'evaluatie':
      return { allowed: false, message: 'Tijdens de evaluatie ligt de tekst vast: rond de evaluatie eerst af.' };
    case 'afgerond':
      return { allowed: false, message: 'Deze prestatieafspraken zijn afgerond.' };
  }
}

/** Approvals are collected during the negotiation and for a pending change. */
export function canApproveInState(state: AgreementState): boolean {
  return state === 'onderhandeling' || state === 'wijziging';
}

/** When every party approved the working version, it is signed. */
export function stateAfterAllApproved(state: AgreementState): AgreementState {
  return canApproveInState(state) ? 'ondertekend' : state;
}

/** True when each party organisation has approved (approvals of other organisations are ignored). */
export function allPartiesApproved(partyOrganisationIds: readonly string[], approvedOrganisationIds: readonly string[]): boolean {
  const approved = new Set(approvedOrganisationIds);
  return partyOrganisationIds.length > 0 && partyOrganisationIds.every((id) => approved.has(id));
}

export type ApprovalWithdrawal =
  | { allowed: true }
  | { allowed: false; code: 'already_signed' | 'invalid_state'; message: string };

/**
 * Whether a party may withdraw its approval in this state. Approvals wait on an unsigned working version during the
 * negotiation and for a pending change (the states of {@link canApproveInState}); there a party may take its approval
 * back. Once the version is signed (ondertekend, evaluatie, afgerond) it never changes again, so neither do its
 * approvals: `already_signed`. Before the negotiation nobody has approved yet: `invalid_state`.
 */
export function approvalWithdrawal(state: AgreementState): ApprovalWithdrawal {
  if (canApproveInState(state)) return { allowed: true };
  if (state === 'ondertekend' || state === 'evaluatie' || state === 'afgerond') {
    return { allowed: false, code: 'already_signed', message: 'Deze versie is door alle partijen ondertekend: een goedkeuring kan niet meer worden ingetrokken.' };
  }
  return { allowed: false, code: 'invalid_state', message: 'Er is nog niets goed te keuren: goedkeuringen beginnen bij de onderhandeling.' };
}
