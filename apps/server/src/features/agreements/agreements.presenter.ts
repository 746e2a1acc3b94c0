/** Maps stored agreements, versions, approvals, evidence, comments, audit entries and progress to the contracts. */
import type {
  Agreement,
  AgreementProgress,
  AgreementVersion,
  AgreementVersionSummary,
  AuditEntry,
  CommentDto,
  CommitmentDto,
  EvidenceDto,
  NotificationDto,
  agreementListItem,
} from '@kringbouw/contracts';
import { catalogueIndicator, type IndicatorId } from '@kringbouw/domain/monitoring';
import { allowedActions, cycleDeadlines, cycleOverdue, evidenceFileFormatInfo, evidenceFileFormats, nextEvaluationYear, type AgreementProgressResult, type EvidenceFileFormat, type Commitment, type CycleFacts, type TrafficLight } from '@kringbouw/domain/agreements';
import type { z } from 'zod';
import type { AgreementRow, ApprovalRecord, AuditRecord, CommentRecord, EvidenceRecord, NotificationRecord, PartyRecord, VersionRecord } from './agreements.repository.ts';

const iso = (d: Date) => d.toISOString();

function presentCommitment(c: Commitment): CommitmentDto {
  return c as CommitmentDto;
}

function presentParty(p: PartyRecord) {
  return { organisationId: p.organisationId, organisationName: p.organisationName, role: p.role, tenantsOfOrganisationId: p.tenantsOfOrganisationId };
}

function presentApproval(a: ApprovalRecord) {
  return { organisationId: a.organisationId, organisationName: a.organisationName, approvedBy: a.approvedBy, approvedAt: iso(a.approvedAt), versionNumber: a.versionNumber, note: a.note };
}

/**
 * The approvals that count for a version: those given at the text's latest revision. For the working version that is
 * the agreement's current revision (an edit lets earlier approvals lapse); for an older version the last revision
 * anyone approved.
 */
function validApprovals(version: VersionRecord, approvals: readonly ApprovalRecord[], currentRevision?: number): ApprovalRecord[] {
  const own = approvals.filter((a) => a.versionNumber === version.number);
  const revision = currentRevision ?? Math.max(0, ...own.map((a) => a.revision));
  return own.filter((a) => a.revision === revision);
}

export function presentVersionSummary(version: VersionRecord, approvals: readonly ApprovalRecord[], parties: readonly { organisationId: string; organisationName: string }[], currentRevision?: number): AgreementVersionSummary {
  const valid = validApprovals(version, approvals, version.signedAt === null ? currentRevision : undefined);
  return {
    number: version.number,
    signed: version.signedAt !== null,
    signedAt: version.signedAt === null ? null : iso(version.signedAt),
    createdAt: iso(version.createdAt),
    createdBy: version.createdBy,
    approvals: valid.map(presentApproval),
    approvalStatus: parties.map((p) => ({ organisationId: p.organisationId, organisationName: p.organisationName, approved: valid.some((a) => a.organisationId === p.organisationId) })),
  };
}

export function presentVersion(version: VersionRecord, approvals: readonly ApprovalRecord[], parties: readonly PartyRecord[]): AgreementVersion {
  const c = version.content;
  return {
    ...presentVersionSummary(version, approvals, parties),
    title: c.title,
    description: c.description,
    periodStartYear: c.periodStartYear,
    periodEndYear: c.periodEndYear,
    visibility: c.visibility,
    parties: parties.map(presentParty),
    commitments: c.commitments.map(presentCommitment),
  };
}

export function cycleFactsOf(row: AgreementRow): CycleFacts {
  return {
    state: row.state,
    periodStartYear: row.periodStartYear,
    periodEndYear: row.periodEndYear,
    bidSubmittedAt: row.bidSubmittedAt === null ? null : iso(row.bidSubmittedAt),
    negotiationStartedAt: row.negotiationStartedAt === null ? null : iso(row.negotiationStartedAt),
    signedAt: row.signedAt === null ? null : iso(row.signedAt),
    evaluations: row.evaluations,
  };
}

export function presentAgreement(input: { row: AgreementRow; parties: readonly PartyRecord[]; working: VersionRecord; approvals: readonly ApprovalRecord[]; today: string }): Agreement {
  const { row, parties, working, approvals, today } = input;
  const facts = cycleFactsOf(row);
  const { bidDeadline, signDeadline } = cycleDeadlines(row.periodStartYear);
  return {
    id: row.id,
    title: row.title,
    description: working.content.description,
    municipalityCode: row.municipalityCode,
    municipalityName: row.municipalityName,
    periodStartYear: row.periodStartYear,
    periodEndYear: row.periodEndYear,
    visibility: row.visibility,
    parties: parties.map(presentParty),
    workingVersion: presentVersionSummary(working, approvals, parties, row.revision),
    signedVersionNumber: row.signedVersion,
    commitments: working.content.commitments.map(presentCommitment),
    cycle: {
      state: row.state,
      bidDeadline,
      signDeadline,
      bidSubmittedAt: facts.bidSubmittedAt,
      negotiationStartedAt: facts.negotiationStartedAt,
      signedAt: facts.signedAt,
      ...cycleOverdue(facts, today),
      evaluations: row.evaluations.map((e) => ({ year: e.year, startedAt: e.startedAt, completedAt: e.completedAt })),
      nextEvaluationYear: nextEvaluationYear(facts),
      allowedActions: allowedActions(facts, today),
    },
    revision: row.revision,
    isExample: row.isExample,
    createdBy: row.createdBy,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function presentAgreementListItem(row: AgreementRow & { parties: PartyRecord[]; commitmentCount: number; light: TrafficLight }): z.infer<typeof agreementListItem> {
  return {
    id: row.id,
    title: row.title,
    municipalityCode: row.municipalityCode,
    municipalityName: row.municipalityName,
    periodStartYear: row.periodStartYear,
    periodEndYear: row.periodEndYear,
    state: row.state,
    visibility: row.visibility,
    parties: row.parties.map(presentParty),
    commitmentCount: row.commitmentCount,
    workingVersionNumber: row.workingVersion,
    signedVersionNumber: row.signedVersion,
    light: row.light,
    isExample: row.isExample,
    updatedAt: iso(row.updatedAt),
  };
}

/** The accepted format of a stored media type (recognised from the bytes at upload). */
function formatOfMediaType(mediaType: string): EvidenceFileFormat {
  const format = evidenceFileFormats.find((f) => evidenceFileFormatInfo[f].mediaType === mediaType);
  if (format === undefined) throw new Error(`evidence file with unexpected media type ${mediaType}`);
  return format;
}

export function presentEvidence(e: EvidenceRecord): EvidenceDto {
  const file = e.file === null ? null : { name: e.file.name, sizeBytes: e.file.sizeBytes, mediaType: e.file.mediaType, format: formatOfMediaType(e.file.mediaType) };
  return { ...e, file, recordedAt: iso(e.recordedAt) };
}

export function presentComment(c: CommentRecord): CommentDto {
  return { ...c, createdAt: iso(c.createdAt) };
}

export function presentAudit(a: AuditRecord): AuditEntry {
  return { ...a, at: iso(a.at), action: a.action as AuditEntry['action'], entity: a.entity as AuditEntry['entity'] };
}

export function presentNotification(n: NotificationRecord): NotificationDto {
  return { ...n, kind: n.kind as NotificationDto['kind'], createdAt: iso(n.createdAt), readAt: n.readAt === null ? null : iso(n.readAt) };
}

export interface ProgressPresentInput {
  agreementId: string;
  version: VersionRecord;
  asOf: string;
  catalogueVersion: string;
  result: AgreementProgressResult;
  /** Per project: its name and whether the viewer may see it (otherwise counted, never named). */
  projects: ReadonlyMap<string, { name: string; visible: boolean }>;
  evidence: readonly EvidenceRecord[];
}

/**
 * Per-project figures: projects the viewer may see by name; confidential projects the viewer may not see are counted
 * in the result but merged into one row without id, name, value or verdict (only their total dwellings).
 */
function presentFigures(figures: AgreementProgressResult['commitments'][number]['projects'], projects: ProgressPresentInput['projects']): AgreementProgress['commitments'][number]['projects'] {
  const shown = figures.filter((f) => projects.get(f.projectId)?.visible === true);
  const hidden = figures.filter((f) => projects.get(f.projectId)?.visible !== true);
  const rows: AgreementProgress['commitments'][number]['projects'] = shown.map((f) => ({ projectId: f.projectId, projectName: projects.get(f.projectId)?.name ?? null, dwellings: f.dwellings, value: f.value, standing: f.standing, meets: f.meets }));
  if (hidden.length > 0) rows.push({ projectId: null, projectName: null, dwellings: hidden.reduce((s, f) => s + f.dwellings, 0), value: null, standing: null, meets: null });
  return rows;
}

export function presentProgress(input: ProgressPresentInput): AgreementProgress {
  const { result, version } = input;
  return {
    agreementId: input.agreementId,
    versionNumber: version.number,
    asOf: input.asOf,
    catalogueVersion: input.catalogueVersion,
    light: result.light,
    counts: result.counts,
    themes: result.themes,
    commitments: result.commitments.map((r) => {
      const c = version.content.commitments.find((x) => x.id === r.commitmentId);
      const measurable = c?.kind === 'meetbaar' ? c : null;
      const indicator = measurable === null ? null : catalogueIndicator(measurable.indicatorId as IndicatorId);
      const shareBasis = measurable?.scope.type === 'aandeel' ? measurable.scope.basis : null;
      return {
        commitmentId: r.commitmentId,
        theme: r.theme,
        kind: r.kind,
        title: c?.title ?? '',
        light: r.light,
        status: r.status,
        achieved: r.achieved,
        target: measurable?.target ?? null,
        comparator: measurable?.comparator ?? null,
        unit: indicator === null ? null : shareBasis === null ? indicator.unit : shareBasis === 'woningen' ? '% woningen' : '% projecten',
        indicatorId: measurable?.indicatorId ?? null,
        standing: r.standing,
        onlyIndicative: r.standing === 'indicatief',
        projectsInScope: r.projectsInScope,
        projectsWithValue: r.projectsWithValue,
        projects: presentFigures(r.projects, input.projects),
        deadline: measurable?.deadline ?? (c?.kind === 'proces' ? c.dueDate : null),
        evidence: input.evidence.filter((e) => e.commitmentId === r.commitmentId && e.date <= input.asOf).map(presentEvidence),
      };
    }),
  };
}
