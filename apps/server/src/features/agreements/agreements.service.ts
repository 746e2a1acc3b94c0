/**
 * Prestatieafspraken: create and edit the working version (a change after signing opens a new version), the
 * Woningwet cycle, approvals by every party (the last one signs), evidence, comments, progress from the indicator
 * ledger, the append-only audit trail, notifications (in the app and by mail) and the yearly evaluation document.
 */
import { randomUUID } from 'node:crypto';
import type {
  AgreementList,
  AgreementListQuery,
  ApproveRequest,
  CommentInput,
  CommitmentInput,
  CreateAgreementRequest,
  EvidenceInput,
  TransitionRequest,
  UpdateAgreementRequest,
} from '@kringbouw/contracts';
import {
  agreementTemplateSet,
  allPartiesApproved,
  applyAction,
  approvalWithdrawal,
  canApproveInState,
  checkEvidenceFile,
  commitmentFromTemplate,
  diffValues,
  diffVersions,
  editEffect,
  evaluateAgreement,
  evidenceFileName,
  findTemplate,
  stateAfterAllApproved,
  type AgreementPartyRole,
  type AgreementState,
  type Commitment,
  type FieldChange,
} from '@kringbouw/domain/agreements';
import {
  agreementOrganisationsActingFor,
  agreementVisibilityScope,
  canAddAgreementEvidence,
  canApproveAgreementFor,
  canCommentOnAgreement,
  canCreateAgreement,
  canEditAgreement,
  canTakeAgreementAction,
  canViewAgreement,
  canViewAgreementAudit,
  canViewProject,
  type Actor,
  type AgreementAccessFacts,
  type SignedInActor,
} from '@kringbouw/domain/authz';
import { indicatorCatalogue } from '@kringbouw/domain/monitoring';
import { AppError, forbidden, notFound, unauthenticated, validationFailed, type FieldProblem } from '../../errors.ts';
import type { MailTransport } from '../../mail/index.ts';
import type { AgreementContent, AgreementRow, AgreementsRepository, AuditValues, PartyContent, PartyRecord, ProgressProjectRecord } from './agreements.repository.ts';
import { presentAgreement, presentAgreementListItem, presentAudit, presentComment, presentEvidence, presentNotification, presentProgress, presentVersion, presentVersionSummary, type ProgressPresentInput } from './agreements.presenter.ts';

const agreementNotFound = () => notFound('Deze prestatieafspraken bestaan niet of u hebt er geen toegang toe.');
const versionConflict = () => new AppError('version_conflict', 'De afspraken zijn intussen gewijzigd. Laad ze opnieuw en probeer het nog eens.', 409);

const partyRoleOfKind: Record<string, AgreementPartyRole | undefined> = {
  gemeente: 'gemeente',
  woningcorporatie: 'woningcorporatie',
  huurdersorganisatie: 'huurdersorganisatie',
};

/** Longest period of one set of prestatieafspraken (years). */
const MAX_PERIOD_YEARS = 10;

export const notificationTexts: Record<string, string> = {
  bod_uitgebracht: 'De corporatie heeft haar bod uitgebracht',
  onderhandeling_gestart: 'De onderhandeling is gestart',
  goedkeuring_gevraagd: 'Een nieuwe versie wacht op goedkeuring',
  goedgekeurd: 'Een partij heeft de afspraken goedgekeurd',
  goedkeuring_ingetrokken: 'Een partij heeft haar goedkeuring ingetrokken',
  ondertekend: 'Alle partijen hebben de afspraken ondertekend',
  reactie: 'Nieuwe reactie',
  evaluatie_gestart: 'De jaarlijkse evaluatie is gestart',
  evaluatie_afgerond: 'De jaarlijkse evaluatie is afgerond',
  bewijs_toegevoegd: 'Bewijs toegevoegd bij een procesafspraak',
};

/** A document sent with evidence (multipart), as read from the request. */
export interface EvidenceUpload {
  fileName: string;
  bytes: Buffer;
}

interface Loaded {
  row: AgreementRow;
  parties: PartyRecord[];
  facts: AgreementAccessFacts;
}

interface PendingMail {
  to: string;
  subject: string;
  text: string;
}

function factsOf(row: AgreementRow, parties: readonly PartyRecord[]): AgreementAccessFacts {
  return { visibility: row.visibility, parties: parties.map((p) => ({ organisationId: p.organisationId, role: p.role })) };
}

function requireSignedIn(actor: Actor): SignedInActor {
  if (actor === null) throw unauthenticated();
  return actor;
}

function header(content: AgreementContent) {
  const { commitments: _c, ...rest } = content;
  return rest;
}

export function createAgreementsService(deps: { repository: AgreementsRepository; mail: MailTransport; now: () => Date; publicUrl?: URL | null; log?: { error(obj: unknown, msg: string): void } }) {
  const { repository, mail, now } = deps;
  const today = () => now().toISOString().slice(0, 10);

  async function load(r: AgreementsRepository, actor: Actor, id: string, lock = false): Promise<Loaded> {
    const row = await r.findRow(id, lock);
    if (row === null) throw agreementNotFound();
    const parties = await r.parties(id);
    const facts = factsOf(row, parties);
    if (!canViewAgreement(actor, facts)) throw agreementNotFound();
    return { row, parties, facts };
  }

  async function present(r: AgreementsRepository, id: string) {
    const row = await r.findRow(id);
    if (row === null) throw agreementNotFound();
    const [parties, versions, approvals] = await Promise.all([r.parties(id), r.versions(id), r.approvals(id)]);
    const working = versions.find((v) => v.number === row.workingVersion);
    if (working === undefined) throw new Error(`agreement ${id} has no version ${row.workingVersion}`);
    return presentAgreement({ row, parties, working, approvals, today: today() });
  }

  /** Parties from the request: each an existing gemeente, woningcorporatie or huurdersorganisatie. */
  async function resolveParties(r: AgreementsRepository, input: readonly { organisationId: string; tenantsOfOrganisationId: string | null }[]) {
    const problems: FieldProblem[] = [];
    const orgs = await r.organisations(input.map((p) => p.organisationId));
    const parties: PartyContent[] = [];
    const seen = new Set<string>();
    let municipalityCode: string | null = null;
    input.forEach((p, i) => {
      const path = `parties.${i}.organisationId`;
      const org = orgs.find((o) => o.id === p.organisationId);
      if (org === undefined) return problems.push({ path, message: 'Deze organisatie bestaat niet.' });
      if (seen.has(p.organisationId)) return problems.push({ path, message: 'Deze organisatie staat al bij de partijen.' });
      seen.add(p.organisationId);
      const role = partyRoleOfKind[org.kind];
      if (role === undefined) return problems.push({ path, message: `${org.name} is geen gemeente, woningcorporatie of huurdersorganisatie.` });
      if (role === 'gemeente') {
        if (org.municipalityCode === null) problems.push({ path, message: `Van ${org.name} is geen CBS-gemeentecode bekend.` });
        else municipalityCode = org.municipalityCode;
      }
      parties.push({ organisationId: p.organisationId, role, tenantsOfOrganisationId: p.tenantsOfOrganisationId });
      return undefined;
    });
    if (problems.length === 0) {
      const count = (role: AgreementPartyRole) => parties.filter((p) => p.role === role).length;
      if (count('gemeente') !== 1) problems.push({ path: 'parties', message: 'Precies één gemeente is partij.' });
      if (count('woningcorporatie') < 1) problems.push({ path: 'parties', message: 'Ten minste één woningcorporatie is partij.' });
      if (count('huurdersorganisatie') < 1) problems.push({ path: 'parties', message: 'Ten minste één huurdersorganisatie is partij.' });
      parties.forEach((p, i) => {
        if (p.tenantsOfOrganisationId === null) return;
        const path = `parties.${i}.tenantsOfOrganisationId`;
        if (p.role !== 'huurdersorganisatie') problems.push({ path, message: 'Alleen een huurdersorganisatie vertegenwoordigt de huurders van een corporatie.' });
        else if (!parties.some((q) => q.organisationId === p.tenantsOfOrganisationId && q.role === 'woningcorporatie')) problems.push({ path, message: 'Kies een woningcorporatie die partij is.' });
      });
    }
    return { parties, municipalityCode: municipalityCode as string | null, problems };
  }

  function periodProblems(start: number, end: number): FieldProblem[] {
    if (end < start) return [{ path: 'periodEndYear', message: 'Het eindjaar ligt vóór het beginjaar.' }];
    if (end - start + 1 > MAX_PERIOD_YEARS) return [{ path: 'periodEndYear', message: `Een periode duurt ten hoogste ${MAX_PERIOD_YEARS} jaar.` }];
    return [];
  }

  /** Problems of commitments against the parties and the municipality's projects; `pathOf(i)` names commitment i. */
  async function commitmentProblems(r: AgreementsRepository, commitments: readonly Commitment[], parties: readonly PartyContent[], municipalityCode: string, pathOf: (i: number) => string | null): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    const partyIds = new Set(parties.map((p) => p.organisationId));
    const projectIds = commitments.flatMap((c) => (c.kind === 'meetbaar' && c.scope.type === 'project' ? [c.scope.projectId] : []));
    const existing = await r.projectsIn(municipalityCode, projectIds);
    commitments.forEach((c, i) => {
      const prefix = pathOf(i);
      if (prefix === null) return;
      c.responsibleOrganisationIds.forEach((orgId, j) => {
        if (!partyIds.has(orgId)) problems.push({ path: `${prefix}.responsibleOrganisationIds.${j}`, message: 'Een verantwoordelijke partij moet partij zijn bij de afspraken.' });
      });
      if (new Set(c.responsibleOrganisationIds).size !== c.responsibleOrganisationIds.length) problems.push({ path: `${prefix}.responsibleOrganisationIds`, message: 'Noem elke partij één keer.' });
      if (c.kind !== 'meetbaar') return;
      if (c.scope.type === 'project') {
        if (!existing.has(c.scope.projectId)) problems.push({ path: `${prefix}.scope.projectId`, message: 'Dit project bestaat niet in de gemeente van deze afspraken.' });
      } else if (!partyIds.has(c.scope.organisationId)) {
        problems.push({ path: `${prefix}.scope.organisationId`, message: 'Kies een partij bij de afspraken.' });
      }
      if (c.scope.type !== 'project' && c.scope.type === 'aandeel' && c.comparator !== 'eq' && (c.target < 0 || c.target > 100)) {
        problems.push({ path: `${prefix}.target`, message: 'Een aandeel ligt tussen 0 en 100 %.' });
      }
    });
    return problems;
  }

  function commitmentOf(input: CommitmentInput, id: string): Commitment {
    const base = {
      id,
      theme: input.theme,
      title: input.title,
      text: input.text,
      responsibleOrganisationIds: input.responsibleOrganisationIds,
      rLadder: { pbl: input.rLadder.pbl, guide: input.rLadder.guide },
      templateId: input.templateId,
      templateVersion: input.templateVersion,
    };
    if (input.kind === 'proces') return { ...base, kind: 'proces', dueDate: input.dueDate };
    return { ...base, kind: 'meetbaar', indicatorId: input.indicatorId, comparator: input.comparator, target: input.target, scope: input.scope, deadline: input.deadline };
  }

  function templateCommitments(templateIds: readonly string[], parties: readonly PartyContent[], periodEndYear: number, pathPrefix: string): { commitments: Commitment[]; problems: FieldProblem[] } {
    const problems: FieldProblem[] = [];
    const commitments: Commitment[] = [];
    templateIds.forEach((templateId, i) => {
      const template = findTemplate(templateId);
      if (template === undefined) problems.push({ path: `${pathPrefix}.${i}`, message: 'Dit sjabloon bestaat niet.' });
      else commitments.push(commitmentFromTemplate({ template, id: randomUUID(), parties, periodEndYear }));
    });
    return { commitments, problems };
  }

  /** Notification rows for members of the party organisations (not the actor), and the mails to send after commit. */
  async function notify(r: AgreementsRepository, input: { row: AgreementRow; parties: readonly PartyRecord[]; kind: string; actorId: string; organisationId?: string | null; commitmentId?: string | null; at: Date }): Promise<PendingMail[]> {
    const members = (await r.membersOf(input.parties.map((p) => p.organisationId))).filter((m) => m.userId !== input.actorId);
    await r.insertNotifications(
      members.map((m) => ({ userId: m.userId, kind: input.kind, agreementId: input.row.id, commitmentId: input.commitmentId ?? null, actorId: input.actorId, organisationId: input.organisationId ?? null, at: input.at })),
    );
    const link = new URL(`/prestatieafspraken/${input.row.id}`, deps.publicUrl?.origin ?? 'http://localhost').href;
    const where = deps.publicUrl ? link : `/prestatieafspraken/${input.row.id}`;
    const what = notificationTexts[input.kind] ?? input.kind;
    return members.map((m) => ({
      to: m.email,
      subject: `Kringbouw: ${what} — ${input.row.title}`,
      text: `Beste ${m.name},\n\n${what} bij "${input.row.title}".\n\nBekijk de prestatieafspraken: ${where}\n\nU krijgt dit bericht omdat u lid bent van een partij bij deze afspraken.`,
    }));
  }

  async function sendAll(mails: readonly PendingMail[]): Promise<void> {
    for (const m of mails) {
      try {
        await mail.send(m);
      } catch (error) {
        deps.log?.error({ err: error, to: m.to }, 'notification mail failed');
      }
    }
  }

  function audit(row: { id: string }, actorId: string, at: Date, versionNumber: number | null, entries: readonly Omit<AuditValues, 'agreementId' | 'actorId' | 'at' | 'versionNumber'>[]): AuditValues[] {
    return entries.map((e) => ({ ...e, agreementId: row.id, actorId, at, versionNumber }));
  }

  /** Audit entries for the differences between two contents: header changes and per commitment. */
  function contentAudit(before: AgreementContent, after: AgreementContent): Omit<AuditValues, 'agreementId' | 'actorId' | 'at' | 'versionNumber'>[] {
    const d = diffVersions(before, after);
    const out: Omit<AuditValues, 'agreementId' | 'actorId' | 'at' | 'versionNumber'>[] = [];
    if (d.agreement.length > 0) out.push({ action: 'agreement_updated', entity: 'agreement', entityId: null, changes: d.agreement });
    for (const c of d.commitments.added) out.push({ action: 'commitment_added', entity: 'commitment', entityId: c.id, changes: diffValues({}, c) });
    for (const c of d.commitments.changed) out.push({ action: 'commitment_updated', entity: 'commitment', entityId: c.commitmentId, changes: c.changes });
    for (const c of d.commitments.removed) out.push({ action: 'commitment_removed', entity: 'commitment', entityId: c.id, changes: diffValues(c, {}) });
    return out;
  }

  /**
   * Changes the working version's content in one transaction: 404/403/409 checks, the change, validation (400, and
   * nothing is written), then either an update of the unsigned working version or a new version after signing.
   */
  async function changeContent(
    actor: Actor,
    id: string,
    revision: number | undefined,
    change: (current: AgreementContent, r: AgreementsRepository) => Promise<{ next: AgreementContent; problems: FieldProblem[]; municipalityCode: string }>,
  ) {
    const user = requireSignedIn(actor);
    const at = now();
    let mails: PendingMail[] = [];
    await repository.transaction(async (r) => {
      const { row, facts } = await load(r, actor, id, true);
      if (!canEditAgreement(actor, facts)) throw forbidden('Alleen partijen (bewerker of beheerder) wijzigen de afspraken.');
      if (revision !== undefined && revision !== row.revision) throw versionConflict();
      const effect = editEffect(row.state);
      if (!effect.allowed) throw new AppError('agreement_locked', effect.message, 409);
      const working = await r.version(id, row.workingVersion);
      if (working === null) throw new Error(`agreement ${id} has no working version`);
      const { next, problems, municipalityCode } = await change(working.content, r);
      if (problems.length > 0) throw validationFailed(problems);
      const changes = contentAudit(working.content, next);
      if (changes.length === 0) return;
      const versionNumber = effect.newVersion ? row.workingVersion + 1 : row.workingVersion;
      await r.saveWorkingContent(id, versionNumber, next, municipalityCode, at, effect.newVersion ? { createdBy: user.userId } : null);
      const entries = audit(row, user.userId, at, versionNumber, changes);
      if (effect.newVersion) {
        await r.updateCycle(id, { state: effect.state }, at);
        entries.unshift(
          ...audit(row, user.userId, at, versionNumber, [
            { action: 'version_created', entity: 'agreement', entityId: null, changes: [{ field: 'workingVersion', before: row.workingVersion, after: versionNumber }] },
            { action: 'state_changed', entity: 'agreement', entityId: null, changes: [{ field: 'state', before: row.state, after: effect.state }] },
          ]),
        );
        const newParties = await r.parties(id);
        mails = await notify(r, { row: { ...row, title: next.title }, parties: newParties, kind: 'goedkeuring_gevraagd', actorId: user.userId, at });
      } else if (canApproveInState(row.state) && (await r.approvedOrganisations(id, row.revision)).length > 0) {
        // The edit lets approvals of the previous text lapse: those parties must approve again.
        mails = await notify(r, { row: { ...row, title: next.title }, parties: await r.parties(id), kind: 'goedkeuring_gevraagd', actorId: user.userId, at });
      }
      await r.appendAudit(entries);
    });
    await sendAll(mails);
    return present(repository, id);
  }

  /** Checks the organisation the actor acts for: a party, and one where the actor is bewerker+. */
  function actingFor(actor: Actor, loaded: Loaded, organisationId: string, path = 'organisationId'): void {
    if (!loaded.parties.some((p) => p.organisationId === organisationId)) throw validationFailed([{ path, message: 'Deze organisatie is geen partij bij de afspraken.' }]);
    if (!agreementOrganisationsActingFor(actor, loaded.facts).includes(organisationId)) throw forbidden('U kunt niet namens deze organisatie optreden.');
  }

  /** The version whose commitments count: the requested one, else the signed one, else the working one. */
  async function versionForProgress(r: AgreementsRepository, row: AgreementRow, requested?: number) {
    const number = requested ?? row.signedVersion ?? row.workingVersion;
    const version = await r.version(row.id, number);
    if (version === null) throw notFound('Deze versie bestaat niet.');
    return version;
  }

  /** The evaluation of one version's commitments against the ledger as it stood at the end of asOf (UTC). */
  function evaluateAt(content: AgreementContent, projects: readonly ProgressProjectRecord[], evidence: readonly { commitmentId: string; date: string }[], asOf: string) {
    // Later declarations and withdrawals do not count.
    const until = new Date(`${asOf}T23:59:59.999Z`).getTime();
    return evaluateAgreement({
      commitments: content.commitments,
      projects: projects.map((p) => ({ id: p.id, name: p.name, kind: p.kind, dwellings: p.dwellings, organisationIds: [p.ownerOrganisationId, ...p.partyOrganisationIds], ledger: p.ledger.filter((e) => e.recordedAt.getTime() <= until) })),
      evidence: evidence.map((e) => ({ commitmentId: e.commitmentId, date: e.date })),
      asOf,
      periodEndYear: content.periodEndYear,
    });
  }

  async function progressOf(actor: Actor, id: string, query: { asOf?: string | undefined; version?: number | undefined }): Promise<ProgressPresentInput> {
    const loaded = await load(repository, actor, id);
    const version = await versionForProgress(repository, loaded.row, query.version);
    const asOf = query.asOf ?? today();
    const [projects, evidence] = await Promise.all([repository.progressProjects(loaded.row.municipalityCode), repository.evidence(id)]);
    const result = evaluateAt(version.content, projects, evidence, asOf);
    const visible = new Map(projects.map((p) => [p.id, { name: p.name, visible: canViewProject(actor, { ownerOrganisationId: p.ownerOrganisationId, visibility: p.visibility, parties: p.partyOrganisationIds.map((organisationId) => ({ organisationId })) }) }]));
    return { agreementId: id, version, asOf, catalogueVersion: indicatorCatalogue.version, result, projects: visible, evidence };
  }

  return {
    templates() {
      return agreementTemplateSet;
    },

    async list(actor: Actor, query: AgreementListQuery): Promise<AgreementList> {
      requireSignedIn(actor);
      const { rows, total } = await repository.list({ scope: agreementVisibilityScope(actor), q: query.q, municipality: query.municipality, organisation: query.organisation, state: query.state, year: query.year, page: query.page, pageSize: query.pageSize });
      // Each row's light as GET /progress gives it by default (signed version, else working; today), read for the
      // whole page at once.
      const asOf = today();
      const inputs = await repository.listProgressInputs(rows.map((row) => ({ agreementId: row.id, versionNumber: row.signedVersion ?? row.workingVersion, municipalityCode: row.municipalityCode })));
      const items = rows.map((row) => {
        const content = inputs.contents.get(row.id);
        if (content === undefined) throw new Error(`agreement ${row.id} has no version ${row.signedVersion ?? row.workingVersion}`);
        const { light } = evaluateAt(content, inputs.projects.get(row.municipalityCode) ?? [], inputs.evidence.get(row.id) ?? [], asOf);
        return presentAgreementListItem({ ...row, light });
      });
      return { items, total, page: query.page, pageSize: query.pageSize };
    },

    async get(actor: Actor, id: string) {
      await load(repository, actor, id);
      return present(repository, id);
    },

    async create(actor: Actor, body: CreateAgreementRequest, options: { isExample?: boolean } = {}) {
      const user = requireSignedIn(actor);
      if (!canCreateAgreement(actor, body.parties.map((p) => p.organisationId))) throw forbidden('U moet bewerker of beheerder zijn bij een van de partijen.');
      const at = now();
      const id = await repository.transaction(async (r) => {
        const { parties, municipalityCode, problems } = await resolveParties(r, body.parties);
        problems.push(...periodProblems(body.periodStartYear, body.periodEndYear));
        const written = body.commitments.map((c) => commitmentOf(c, randomUUID()));
        const fromTemplates = templateCommitments(body.templateIds, parties, body.periodEndYear, 'templateIds');
        problems.push(...fromTemplates.problems);
        if (problems.length > 0 || municipalityCode === null) throw validationFailed(problems);
        const commitments = [...written, ...fromTemplates.commitments];
        problems.push(...(await commitmentProblems(r, commitments, parties, municipalityCode, (i) => (i < written.length ? `commitments.${i}` : `templateIds.${i - written.length}`))));
        if (problems.length > 0) throw validationFailed(problems);
        const content: AgreementContent = { title: body.title, description: body.description, periodStartYear: body.periodStartYear, periodEndYear: body.periodEndYear, visibility: body.visibility, parties, commitments };
        const newId = await r.insertAgreement({ content, municipalityCode, state: 'concept', createdBy: user.userId, at, isExample: options.isExample ?? false });
        const empty: AgreementContent = { title: '', description: '', periodStartYear: 0, periodEndYear: 0, visibility: content.visibility, parties: [], commitments: [] };
        await r.appendAudit(
          audit({ id: newId }, user.userId, at, 1, [
            { action: 'agreement_created', entity: 'agreement', entityId: null, changes: diffValues({}, { ...header(content), state: 'concept' }) },
            ...contentAudit(empty, content).filter((e) => e.entity === 'commitment'),
          ]),
        );
        return newId;
      });
      return present(repository, id);
    },

    async update(actor: Actor, id: string, body: UpdateAgreementRequest) {
      return changeContent(actor, id, body.revision, async (current, r) => {
        const { parties, municipalityCode, problems } = await resolveParties(r, body.parties);
        problems.push(...periodProblems(body.periodStartYear, body.periodEndYear));
        if (problems.length > 0 || municipalityCode === null) return { next: current, problems, municipalityCode: municipalityCode ?? '' };
        const next: AgreementContent = { ...current, title: body.title, description: body.description, periodStartYear: body.periodStartYear, periodEndYear: body.periodEndYear, visibility: body.visibility, parties };
        // Commitments keep referring to parties; one that no longer is a party is a problem of the party list.
        const commitmentIssues = await commitmentProblems(r, next.commitments, parties, municipalityCode, (i) => `commitments.${i}`);
        const mapped = commitmentIssues.map((p) => ({ path: 'parties', message: `Afspraak "${next.commitments[Number(p.path.split('.')[1])]?.title ?? ''}": ${p.message}` }));
        return { next, problems: mapped, municipalityCode };
      });
    },

    async addCommitment(actor: Actor, id: string, input: CommitmentInput, revision?: number) {
      return changeContent(actor, id, revision, async (current, r) => {
        const commitment = commitmentOf(input, randomUUID());
        const next = { ...current, commitments: [...current.commitments, commitment] };
        const municipalityCode = (await r.findRow(id))?.municipalityCode ?? '';
        const problems = await commitmentProblems(r, next.commitments, next.parties, municipalityCode, (i) => (i === next.commitments.length - 1 ? 'commitment' : null));
        return { next, problems, municipalityCode };
      });
    },

    async insertTemplates(actor: Actor, id: string, templateIds: readonly string[], revision?: number) {
      return changeContent(actor, id, revision, async (current, r) => {
        const { commitments, problems } = templateCommitments(templateIds, current.parties, current.periodEndYear, 'templateIds');
        const municipalityCode = (await r.findRow(id))?.municipalityCode ?? '';
        return { next: { ...current, commitments: [...current.commitments, ...commitments] }, problems, municipalityCode };
      });
    },

    async updateCommitment(actor: Actor, id: string, commitmentId: string, input: CommitmentInput, revision?: number) {
      return changeContent(actor, id, revision, async (current, r) => {
        const index = current.commitments.findIndex((c) => c.id === commitmentId);
        if (index < 0) throw notFound('Deze afspraak bestaat niet in de werkversie.');
        const commitment = commitmentOf(input, commitmentId);
        const next = { ...current, commitments: current.commitments.map((c, i) => (i === index ? commitment : c)) };
        const municipalityCode = (await r.findRow(id))?.municipalityCode ?? '';
        const problems = await commitmentProblems(r, next.commitments, next.parties, municipalityCode, (i) => (i === index ? 'commitment' : null));
        return { next, problems, municipalityCode };
      });
    },

    async removeCommitment(actor: Actor, id: string, commitmentId: string, revision?: number) {
      return changeContent(actor, id, revision, async (current, r) => {
        if (!current.commitments.some((c) => c.id === commitmentId)) throw notFound('Deze afspraak bestaat niet in de werkversie.');
        const municipalityCode = (await r.findRow(id))?.municipalityCode ?? '';
        return { next: { ...current, commitments: current.commitments.filter((c) => c.id !== commitmentId) }, problems: [], municipalityCode };
      });
    },

    async transition(actor: Actor, id: string, body: TransitionRequest) {
      const user = requireSignedIn(actor);
      const at = now();
      let mails: PendingMail[] = [];
      await repository.transaction(async (r) => {
        const { row, parties, facts } = await load(r, actor, id, true);
        if (!canTakeAgreementAction(actor, facts, body.action)) {
          const who = body.action === 'bod_uitbrengen' ? 'de woningcorporatie' : body.action === 'onderhandeling_starten' ? 'de gemeente' : 'een partij';
          throw forbidden(`Alleen ${who} (bewerker of beheerder) kan deze stap zetten.`);
        }
        if (body.revision !== row.revision) throw versionConflict();
        const before = { state: row.state, bidSubmittedAt: row.bidSubmittedAt?.toISOString() ?? null, negotiationStartedAt: row.negotiationStartedAt?.toISOString() ?? null, signedAt: row.signedAt?.toISOString() ?? null, evaluations: row.evaluations };
        const result = applyAction({ ...before, periodStartYear: row.periodStartYear, periodEndYear: row.periodEndYear }, body.action, at.toISOString(), body.year);
        if (!result.ok) throw new AppError(result.code, result.message, 409);
        const f = result.facts;
        await r.updateCycle(id, { state: f.state, bidSubmittedAt: f.bidSubmittedAt === null ? null : new Date(f.bidSubmittedAt), negotiationStartedAt: f.negotiationStartedAt === null ? null : new Date(f.negotiationStartedAt), evaluations: [...f.evaluations] }, at);
        const after = { state: f.state, bidSubmittedAt: f.bidSubmittedAt, negotiationStartedAt: f.negotiationStartedAt, signedAt: f.signedAt, evaluations: f.evaluations };
        await r.appendAudit(audit(row, user.userId, at, row.workingVersion, [{ action: 'state_changed', entity: 'agreement', entityId: null, changes: diffValues(before, after) }]));
        const kind = { bod_uitbrengen: 'bod_uitgebracht', onderhandeling_starten: 'onderhandeling_gestart', evaluatie_starten: 'evaluatie_gestart', evaluatie_afronden: 'evaluatie_afgerond' }[body.action];
        mails = await notify(r, { row, parties, kind, actorId: user.userId, at });
      });
      await sendAll(mails);
      return present(repository, id);
    },

    async approve(actor: Actor, id: string, body: ApproveRequest) {
      const user = requireSignedIn(actor);
      const at = now();
      let mails: PendingMail[] = [];
      await repository.transaction(async (r) => {
        const loaded = await load(r, actor, id, true);
        const { row, parties, facts } = loaded;
        if (!parties.some((p) => p.organisationId === body.organisationId)) throw validationFailed([{ path: 'organisationId', message: 'Deze organisatie is geen partij bij de afspraken.' }]);
        if (!canApproveAgreementFor(actor, facts, body.organisationId)) throw forbidden('Alleen een bewerker of beheerder van deze partij keurt namens haar goed.');
        if (!canApproveInState(row.state)) throw new AppError('invalid_state', 'Goedkeuren kan tijdens de onderhandeling of bij een openstaande wijziging.', 409);
        if (body.revision !== row.revision) throw versionConflict();
        const already = await r.approvedOrganisations(row.id, row.revision);
        if (already.includes(body.organisationId)) throw new AppError('already_approved', 'Deze partij heeft deze tekst al goedgekeurd.', 409);
        await r.insertApproval({ agreementId: id, versionNumber: row.workingVersion, revision: row.revision, organisationId: body.organisationId, approvedBy: user.userId, at, note: body.note ?? null });
        const entries = audit(row, user.userId, at, row.workingVersion, [{ action: 'approved', entity: 'approval', entityId: body.organisationId, changes: [{ field: `approvals.${body.organisationId}`, before: null, after: { revision: row.revision, note: body.note ?? null } }] }]);
        const approved = [...already, body.organisationId];
        if (allPartiesApproved(parties.map((p) => p.organisationId), approved)) {
          const state: AgreementState = stateAfterAllApproved(row.state);
          await r.signVersion(id, row.workingVersion, at);
          await r.updateCycle(id, { state, signedVersion: row.workingVersion, ...(row.signedAt === null ? { signedAt: at } : {}) }, at);
          entries.push(
            ...audit(row, user.userId, at, row.workingVersion, [
              { action: 'signed', entity: 'agreement', entityId: null, changes: [{ field: 'signedVersion', before: row.signedVersion, after: row.workingVersion }] },
              { action: 'state_changed', entity: 'agreement', entityId: null, changes: [{ field: 'state', before: row.state, after: state }] },
            ]),
          );
          await r.appendAudit(entries);
          mails = await notify(r, { row, parties, kind: 'ondertekend', actorId: user.userId, organisationId: body.organisationId, at });
        } else {
          await r.appendAudit(entries);
          mails = await notify(r, { row, parties, kind: 'goedgekeurd', actorId: user.userId, organisationId: body.organisationId, at });
        }
      });
      await sendAll(mails);
      return present(repository, id);
    },

    /**
     * Withdraws the organisation's approval of the working version: by a bewerker or beheerder of that party, only while
     * the version is unsigned (409 `already_signed` after signing). Recorded in the audit trail; the parties are told.
     */
    async withdrawApproval(actor: Actor, id: string, organisationId: string, revision?: number) {
      const user = requireSignedIn(actor);
      const at = now();
      let mails: PendingMail[] = [];
      await repository.transaction(async (r) => {
        const { row, parties, facts } = await load(r, actor, id, true);
        if (!parties.some((p) => p.organisationId === organisationId)) throw notFound('Deze organisatie is geen partij bij de afspraken.');
        if (!canApproveAgreementFor(actor, facts, organisationId)) throw forbidden('Alleen een bewerker of beheerder van deze partij trekt haar goedkeuring in.');
        const allowed = approvalWithdrawal(row.state);
        if (!allowed.allowed) throw new AppError(allowed.code, allowed.message, 409);
        if (revision !== undefined && revision !== row.revision) throw versionConflict();
        const withdrawn = await r.withdrawApproval({ agreementId: id, revision: row.revision, organisationId, withdrawnBy: user.userId, at });
        if (withdrawn === null) throw new AppError('not_approved', 'Deze partij heeft de huidige tekst niet goedgekeurd; er is niets in te trekken.', 409);
        await r.updateCycle(id, {}, at);
        await r.appendAudit(
          audit(row, user.userId, at, row.workingVersion, [
            { action: 'approval_withdrawn', entity: 'approval', entityId: organisationId, changes: [{ field: `approvals.${organisationId}`, before: { revision: row.revision, note: withdrawn.note }, after: null }] },
          ]),
        );
        mails = await notify(r, { row, parties, kind: 'goedkeuring_ingetrokken', actorId: user.userId, organisationId, at });
      });
      await sendAll(mails);
      return present(repository, id);
    },

    async versions(actor: Actor, id: string) {
      await load(repository, actor, id);
      const [versions, approvals, parties] = await Promise.all([repository.versions(id), repository.approvals(id), repository.parties(id)]);
      return { items: versions.map((v) => presentVersionSummary(v, approvals, parties)) };
    },

    async version(actor: Actor, id: string, number: number) {
      await load(repository, actor, id);
      const version = await repository.version(id, number);
      if (version === null) throw notFound('Deze versie bestaat niet.');
      const [approvals, orgs] = await Promise.all([repository.approvals(id), repository.organisations(version.content.parties.map((p) => p.organisationId))]);
      const parties = version.content.parties.map((p) => ({ ...p, organisationName: orgs.find((o) => o.id === p.organisationId)?.name ?? '—' }));
      return presentVersion(version, approvals, parties);
    },

    async diff(actor: Actor, id: string, number: number, against?: number) {
      await load(repository, actor, id);
      const from = against ?? number - 1;
      const [a, b] = await Promise.all([repository.version(id, from), repository.version(id, number)]);
      if (b === null) throw notFound('Deze versie bestaat niet.');
      if (a === null) throw from < 1 ? validationFailed([{ path: 'against', message: 'Versie 1 heeft geen voorganger; kies een andere versie om mee te vergelijken.' }]) : notFound('De versie om mee te vergelijken bestaat niet.');
      const d = diffVersions(a.content, b.content);
      return { from, to: number, agreement: d.agreement, commitments: d.commitments };
    },

    async progress(actor: Actor, id: string, query: { asOf?: string | undefined; version?: number | undefined }) {
      return presentProgress(await progressOf(actor, id, query));
    },

    progressOf,

    async evidence(actor: Actor, id: string) {
      await load(repository, actor, id);
      return { items: (await repository.evidence(id)).map(presentEvidence) };
    },

    /** 404/403 before a possibly large upload is read: the agreement exists, is visible, and the actor may add evidence. */
    async assertMayAddEvidence(actor: Actor, id: string): Promise<void> {
      requireSignedIn(actor);
      const loaded = await load(repository, actor, id);
      if (!canAddAgreementEvidence(actor, loaded.facts)) throw forbidden('Alleen partijen (bewerker of beheerder) leggen bewijs vast.');
    },

    /**
     * Records evidence for a procesafspraak, optionally with a document: its type is recognised from its bytes (PDF,
     * docx, xlsx, odt, png, jpeg) and it is stored with the evidence row in one transaction — a refused file (400 at
     * `file`) stores nothing.
     */
    async addEvidence(actor: Actor, id: string, body: EvidenceInput, upload: EvidenceUpload | null = null) {
      const user = requireSignedIn(actor);
      const at = now();
      let mails: PendingMail[] = [];
      const evidenceId = await repository.transaction(async (r) => {
        const loaded = await load(r, actor, id, true);
        if (!canAddAgreementEvidence(actor, loaded.facts)) throw forbidden('Alleen partijen (bewerker of beheerder) leggen bewijs vast.');
        actingFor(actor, loaded, body.organisationId);
        let file: { name: string; mediaType: string; content: Buffer } | null = null;
        if (upload !== null) {
          const name = evidenceFileName(upload.fileName);
          const check = checkEvidenceFile({ fileName: name, bytes: upload.bytes });
          if (!check.ok) throw validationFailed([{ path: 'file', message: check.message, code: check.code }]);
          file = { name, mediaType: check.mediaType, content: upload.bytes };
        }
        if (body.date > today()) throw validationFailed([{ path: 'date', message: 'Bewijs gaat over iets dat al is gebeurd: de datum ligt in de toekomst.' }]);
        const versions = await r.versions(id);
        const commitment = versions.flatMap((v) => v.content.commitments).find((c) => c.id === body.commitmentId);
        if (commitment === undefined) throw validationFailed([{ path: 'commitmentId', message: 'Deze afspraak bestaat niet.' }]);
        if (commitment.kind !== 'proces') throw validationFailed([{ path: 'commitmentId', message: 'Bewijs hoort bij een procesafspraak; een meetbare afspraak volgt uit de indicatoren.' }]);
        const newId = await r.insertEvidence({ agreementId: id, commitmentId: body.commitmentId, note: body.note, date: body.date, documentTitle: body.documentTitle, documentUrl: body.documentUrl, organisationId: body.organisationId, recordedBy: user.userId, at, file });
        const recorded = { commitmentId: body.commitmentId, note: body.note, date: body.date, documentTitle: body.documentTitle, documentUrl: body.documentUrl, organisationId: body.organisationId };
        const changes = [...diffValues({}, recorded), ...(file === null ? [] : diffValues({}, { name: file.name, mediaType: file.mediaType, sizeBytes: file.content.length }, 'file'))];
        await r.appendAudit(audit(loaded.row, user.userId, at, null, [{ action: 'evidence_added', entity: 'evidence', entityId: newId, changes }]));
        mails = await notify(r, { row: loaded.row, parties: loaded.parties, kind: 'bewijs_toegevoegd', actorId: user.userId, organisationId: body.organisationId, commitmentId: body.commitmentId, at });
        return newId;
      });
      await sendAll(mails);
      const created = (await repository.evidence(id)).find((e) => e.id === evidenceId);
      if (created === undefined) throw new Error('evidence vanished');
      return presentEvidence(created);
    },

    /** The document of one evidence row, for whoever may see the agreement (404 otherwise, and when there is none). */
    async evidenceFile(actor: Actor, id: string, evidenceId: string) {
      await load(repository, actor, id);
      const file = await repository.evidenceFile(id, evidenceId);
      if (file === null) throw notFound('Bij dit bewijs hoort geen document.');
      return file;
    },

    async comments(actor: Actor, id: string, filter: { commitmentId?: string | undefined; evaluationYear?: number | undefined }) {
      await load(repository, actor, id);
      return { items: (await repository.comments(id, filter)).map(presentComment) };
    },

    async addComment(actor: Actor, id: string, body: CommentInput) {
      const user = requireSignedIn(actor);
      const at = now();
      let mails: PendingMail[] = [];
      const commentId = await repository.transaction(async (r) => {
        const loaded = await load(r, actor, id);
        if (!canCommentOnAgreement(actor, loaded.facts)) throw forbidden('Alleen partijen (bewerker of beheerder) reageren op de afspraken.');
        actingFor(actor, loaded, body.organisationId);
        if (body.commitmentId !== null) {
          const versions = await r.versions(id);
          if (!versions.some((v) => v.content.commitments.some((c) => c.id === body.commitmentId))) throw validationFailed([{ path: 'commitmentId', message: 'Deze afspraak bestaat niet.' }]);
        }
        if (body.evaluationYear !== null && (body.evaluationYear < loaded.row.periodStartYear || body.evaluationYear > loaded.row.periodEndYear)) {
          throw validationFailed([{ path: 'evaluationYear', message: `Kies een jaar binnen de periode ${loaded.row.periodStartYear}–${loaded.row.periodEndYear}.` }]);
        }
        const newId = await r.insertComment({ agreementId: id, commitmentId: body.commitmentId, body: body.body, organisationId: body.organisationId, evaluationYear: body.evaluationYear, authorId: user.userId, at });
        await r.appendAudit(audit(loaded.row, user.userId, at, null, [{ action: 'comment_added', entity: 'comment', entityId: newId, changes: diffValues({}, { commitmentId: body.commitmentId, body: body.body, organisationId: body.organisationId, evaluationYear: body.evaluationYear }) }]));
        mails = await notify(r, { row: loaded.row, parties: loaded.parties, kind: 'reactie', actorId: user.userId, organisationId: body.organisationId, commitmentId: body.commitmentId, at });
        return newId;
      });
      await sendAll(mails);
      const created = (await repository.comments(id, {})).find((c) => c.id === commentId);
      if (created === undefined) throw new Error('comment vanished');
      return presentComment(created);
    },

    async audit(actor: Actor, id: string) {
      const { facts } = await load(repository, actor, id);
      if (!canViewAgreementAudit(actor, facts)) throw forbidden('De wijzigingsgeschiedenis is zichtbaar voor de partijen.');
      return { items: (await repository.audit(id)).map(presentAudit) };
    },

    async notifications(actor: Actor, query: { unread: boolean; limit: number }) {
      const user = requireSignedIn(actor);
      const { items, unreadCount } = await repository.notifications(user.userId, query);
      return { items: items.map(presentNotification), unreadCount };
    },

    async markRead(actor: Actor, notificationId: string) {
      const user = requireSignedIn(actor);
      if (!(await repository.markRead(user.userId, notificationId, now()))) throw notFound('Deze melding bestaat niet.');
      return { ok: true as const };
    },

    async markAllRead(actor: Actor) {
      const user = requireSignedIn(actor);
      await repository.markAllRead(user.userId, now());
      return { ok: true as const };
    },

    /** For the evaluation document: the agreement, its progress at the end of the year (or today) and the year's comments. */
    async evaluationInput(actor: Actor, id: string, year: number) {
      const loaded = await load(repository, actor, id);
      if (year < loaded.row.periodStartYear || year > loaded.row.periodEndYear) throw validationFailed([{ path: 'year', message: `Kies een jaar binnen de periode ${loaded.row.periodStartYear}–${loaded.row.periodEndYear}.` }]);
      const endOfYear = `${year}-12-31`;
      const asOf = today() < endOfYear ? today() : endOfYear;
      const progress = presentProgress(await progressOf(actor, id, { asOf }));
      const agreement = await present(repository, id);
      const version = await versionForProgress(repository, loaded.row);
      const comments = (await repository.comments(id, { evaluationYear: year })).map(presentComment);
      return { agreement, progress, comments, year, versionNumber: version.number, commitments: version.content.commitments, generatedAt: now() };
    },
  };
}

export type AgreementsService = ReturnType<typeof createAgreementsService>;
export type { FieldChange };
