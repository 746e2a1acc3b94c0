/**
 * Prestatieafspraken: tripartite agreements (gemeente, woningcorporaties, huurdersorganisaties) with circular
 * commitments, the Woningwet yearly cycle, versions and approvals, progress from the indicator ledger, comments,
 * evidence, the audit trail, templates and in-app notifications. See docs/prestatieafspraken.md.
 *
 * Endpoints (all under /api; mutations need the x-csrf-token header like every other route):
 *   GET    /agreement-templates                              → agreementTemplates
 *   GET    /agreements?q&municipality&organisation&state&year&page&pageSize → agreementList
 *   POST   /agreements                 createAgreementRequest → 201 agreement
 *   GET    /agreements/:id                                   → agreement (404 when not visible)
 *   PUT    /agreements/:id             updateAgreementRequest → agreement
 *   POST   /agreements/:id/commitments createCommitmentRequest → 201 agreement
 *   POST   /agreements/:id/templates   insertTemplatesRequest → agreement
 *   PUT    /agreements/:id/commitments/:commitmentId updateCommitmentRequest → agreement
 *   DELETE /agreements/:id/commitments/:commitmentId?revision → agreement
 *   POST   /agreements/:id/transitions transitionRequest      → agreement
 *   POST   /agreements/:id/approvals   approveRequest         → agreement (the last party's approval signs)
 *   DELETE /agreements/:id/approvals/:organisationId?revision → agreement (withdraw; 409 `already_signed` after signing)
 *   GET    /agreements/:id/versions                          → agreementVersions
 *   GET    /agreements/:id/versions/:number                  → agreementVersion
 *   GET    /agreements/:id/versions/:number/diff?against     → versionDiff (default against number − 1)
 *   GET    /agreements/:id/progress?asOf&version             → agreementProgress
 *   GET    /agreements/:id/evidence                          → evidenceList
 *   POST   /agreements/:id/evidence    evidenceInput          → 201 evidence
 *   POST   /agreements/:id/evidence/upload  multipart: evidence fields + file "file" → 201 evidence
 *   GET    /agreements/:id/evidence/:evidenceId/file             → the attached document (404 when not visible)
 *   GET    /agreements/:id/comments?commitmentId&evaluationYear → commentList
 *   POST   /agreements/:id/comments    commentInput           → 201 comment
 *   GET    /agreements/:id/audit                             → auditList
 *   GET    /agreements/:id/audit.csv                         → text/csv
 *   GET    /agreements/:id/evaluation?year&format=pdf|docx   → the yearly evaluation document
 *   GET    /notifications?unread&limit                       → notificationList (own)
 *   POST   /notifications/:id/read                           → okResponse
 *   POST   /notifications/read-all                           → okResponse
 * Editing a signed agreement (state ondertekend) opens a new working version (state wijziging); editing is refused
 * with 409 `agreement_locked` in bod, evaluatie and afgerond; a stale revision gives 409 `version_conflict`.
 */
import { z } from 'zod';
import {
  agreementActions,
  agreementPartyRoles,
  agreementStates,
  agreementThemes,
  agreementVisibilities,
  commitmentKinds,
  comparators,
  evidenceFileFormats,
  guideSteps,
  pblSteps,
  scopeAggregations,
  shareBases,
  trafficLights,
} from '@kringbouw/domain/agreements';
import { indicatorIds } from '@kringbouw/domain/monitoring';
import { projectKinds } from '@kringbouw/domain/projects';
import { isoDate, isoDateTime, pageOf, paginationQuery, uuid } from './common.ts';
import { userRef } from './passports.ts';

export const agreementTheme = z.enum(agreementThemes);
export const agreementState = z.enum(agreementStates);
export const agreementAction = z.enum(agreementActions);
export const agreementVisibility = z.enum(agreementVisibilities);
export const agreementPartyRole = z.enum(agreementPartyRoles);
export const commitmentKind = z.enum(commitmentKinds);
export const comparator = z.enum(comparators);
export const trafficLight = z.enum(trafficLights);
/** Standing of the figures behind a result: official only, indicative only, or some of each (per project). */
export const figureStanding = z.enum(['officieel', 'indicatief', 'gemengd']);

const year = z.number().int().min(2000).max(2100);

// ───────────────────────── commitments ─────────────────────────

export const rLadderTag = z.object({
  /** PBL R-ladder step R0 Refuse … R9 Recover. */
  pbl: z.enum(pblSteps),
  /** The guide's four steps (Refuse, Reduce, Reuse, Redesign); null when none fits. */
  guide: z.enum(guideSteps).nullable().default(null),
});

export const commitmentScope = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('alle_projecten'),
    /** Whose projects (owner or party): usually a woningcorporatie of the agreement. */
    organisationId: uuid,
    projectKinds: z.array(z.enum(projectKinds)).min(1, 'Kies ten minste één soort project.'),
    aggregation: z.enum(scopeAggregations).default('elk_project'),
  }),
  z.object({ type: z.literal('project'), projectId: uuid }),
  z.object({
    type: z.literal('aandeel'),
    organisationId: uuid,
    projectKinds: z.array(z.enum(projectKinds)).min(1, 'Kies ten minste één soort project.'),
    basis: z.enum(shareBases).default('woningen'),
    /** Each project counts as meeting when its value satisfies this comparator and threshold. */
    projectComparator: comparator,
    projectThreshold: z.number().finite(),
  }),
]);
export type CommitmentScopeDto = z.infer<typeof commitmentScope>;

const commitmentCommon = {
  theme: agreementTheme,
  title: z.string().trim().min(1, 'Geef de afspraak een titel.').max(300),
  text: z.string().trim().min(1, 'Beschrijf de afspraak.').max(5000),
  /** Must be parties of the agreement. */
  responsibleOrganisationIds: z.array(uuid).min(1, 'Kies ten minste één verantwoordelijke partij.').max(20),
  rLadder: rLadderTag,
  templateId: z.string().max(100).nullable().default(null),
  templateVersion: z.string().max(50).nullable().default(null),
};

export const processCommitmentInput = z.object({
  ...commitmentCommon,
  kind: z.literal('proces'),
  dueDate: isoDate.nullable().default(null),
});

export const measurableCommitmentInput = z.object({
  ...commitmentCommon,
  kind: z.literal('meetbaar'),
  indicatorId: z.enum(indicatorIds),
  comparator,
  target: z.number().finite(),
  scope: commitmentScope,
  deadline: isoDate,
});

/** A commitment as written by a user (create or full replacement). */
export const commitmentInput = z.discriminatedUnion('kind', [processCommitmentInput, measurableCommitmentInput]);
export type CommitmentInput = z.infer<typeof commitmentInput>;

const commitmentOut = {
  id: uuid,
  theme: agreementTheme,
  title: z.string(),
  text: z.string(),
  responsibleOrganisationIds: z.array(uuid),
  rLadder: z.object({ pbl: z.enum(pblSteps), guide: z.enum(guideSteps).nullable() }),
  templateId: z.string().nullable(),
  templateVersion: z.string().nullable(),
};

export const commitment = z.discriminatedUnion('kind', [
  z.object({ ...commitmentOut, kind: z.literal('proces'), dueDate: isoDate.nullable() }),
  z.object({
    ...commitmentOut,
    kind: z.literal('meetbaar'),
    indicatorId: z.enum(indicatorIds),
    comparator,
    target: z.number(),
    scope: commitmentScope,
    deadline: isoDate,
  }),
]);
export type CommitmentDto = z.infer<typeof commitment>;

// ───────────────────────── agreements ─────────────────────────

export const agreementPartyInput = z.object({
  organisationId: uuid,
  /** For a huurdersorganisatie: the woningcorporatie whose tenants it represents (a party too); else null. */
  tenantsOfOrganisationId: uuid.nullable().default(null),
});

export const agreementParty = z.object({
  organisationId: uuid,
  organisationName: z.string(),
  /** Derived from the organisation's kind. */
  role: agreementPartyRole,
  tenantsOfOrganisationId: uuid.nullable(),
});
export type AgreementParty = z.infer<typeof agreementParty>;

const agreementHeaderFields = {
  title: z.string().trim().min(2, 'Geef de prestatieafspraken een titel.').max(200),
  description: z.string().trim().max(5000).default(''),
  periodStartYear: year,
  periodEndYear: year,
  visibility: agreementVisibility.default('partijen'),
  /** Exactly one gemeente, one or more woningcorporaties and one or more huurdersorganisaties. */
  parties: z.array(agreementPartyInput).min(3, 'Een gemeente, een woningcorporatie en een huurdersorganisatie zijn nodig.').max(30),
};

export const createAgreementRequest = z.object({
  ...agreementHeaderFields,
  /** Commitments written in full… */
  commitments: z.array(commitmentInput).max(200).default([]),
  /**
   * …and/or templates to insert (GET /api/agreement-templates): each becomes an editable commitment with the
   * template's Dutch text; responsible parties are the agreement's parties of the template's suggested roles.
   */
  templateIds: z.array(z.string().max(100)).max(100).default([]),
});
export type CreateAgreementRequest = z.infer<typeof createAgreementRequest>;

/** Replaces the header of the working version. `revision` is the one read (409 `version_conflict` otherwise). */
export const updateAgreementRequest = z.object({ ...agreementHeaderFields, revision: z.number().int().min(1) });
export type UpdateAgreementRequest = z.infer<typeof updateAgreementRequest>;

/** Adds a commitment to the working version; optional `revision` is checked when given. */
export const createCommitmentRequest = z.object({ commitment: commitmentInput, revision: z.number().int().min(1).optional() });
export type CreateCommitmentRequest = z.infer<typeof createCommitmentRequest>;

/** Inserts templates into the working version as commitments. */
export const insertTemplatesRequest = z.object({
  templateIds: z.array(z.string().max(100)).min(1).max(100),
  revision: z.number().int().min(1).optional(),
});

export const updateCommitmentRequest = z.object({ commitment: commitmentInput, revision: z.number().int().min(1).optional() });
export type UpdateCommitmentRequest = z.infer<typeof updateCommitmentRequest>;

export const deleteCommitmentQuery = z.object({ revision: z.coerce.number().int().min(1).optional() });

export const agreementParams = z.object({ id: uuid });
export const approvalParams = z.object({ id: uuid, organisationId: uuid });
export const evidenceParams = z.object({ id: uuid, evidenceId: uuid });
export const commitmentParams = z.object({ id: uuid, commitmentId: uuid });
export const versionParams = z.object({ id: uuid, number: z.coerce.number().int().min(1) });

export const approval = z.object({
  organisationId: uuid,
  organisationName: z.string(),
  approvedBy: userRef,
  approvedAt: isoDateTime,
  versionNumber: z.number().int(),
  note: z.string().nullable(),
});
export type ApprovalDto = z.infer<typeof approval>;

/** Dates of the Woningwet cycle for the agreement's first year and what happened when. */
export const agreementCycle = z.object({
  state: agreementState,
  /** 1 July of the year before the period starts (Woningwet art. 44; secondary sources, see domain data agreements/cycle.json). */
  bidDeadline: isoDate,
  /** 15 December of the year before the period starts (unverified, see domain data agreements/cycle.json). */
  signDeadline: isoDate,
  bidSubmittedAt: isoDateTime.nullable(),
  negotiationStartedAt: isoDateTime.nullable(),
  /** When the first version was signed by all parties. */
  signedAt: isoDateTime.nullable(),
  bidOverdue: z.boolean(),
  signOverdue: z.boolean(),
  /** Yearly evaluations, one per year of the period once started. */
  evaluations: z.array(z.object({ year, startedAt: isoDateTime, completedAt: isoDateTime.nullable() })),
  /** The year the next evaluation would cover, null when all are done. */
  nextEvaluationYear: year.nullable(),
  /** Actions the state machine allows now (who may take them: see the authz policies). */
  allowedActions: z.array(agreementAction),
});
export type AgreementCycle = z.infer<typeof agreementCycle>;

export const agreementVersionSummary = z.object({
  number: z.number().int().min(1),
  /** Signed = approved by every party; a signed version never changes. */
  signed: z.boolean(),
  signedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  createdBy: userRef.nullable(),
  approvals: z.array(approval),
  /** Per party whether it approved this version. */
  approvalStatus: z.array(z.object({ organisationId: uuid, organisationName: z.string(), approved: z.boolean() })),
});
export type AgreementVersionSummary = z.infer<typeof agreementVersionSummary>;

export const agreement = z.object({
  id: uuid,
  title: z.string(),
  description: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  periodStartYear: z.number().int(),
  periodEndYear: z.number().int(),
  visibility: agreementVisibility,
  parties: z.array(agreementParty),
  /** The working version: the one being edited/approved, or the signed one when no change is pending. */
  workingVersion: agreementVersionSummary,
  /** The version in force (last signed), null before the first signing. */
  signedVersionNumber: z.number().int().nullable(),
  commitments: z.array(commitment),
  cycle: agreementCycle,
  /** Increases with every change of the working version; send it back with edits and approvals. */
  revision: z.number().int().min(1),
  isExample: z.boolean(),
  createdBy: userRef.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Agreement = z.infer<typeof agreement>;

export const agreementListQuery = paginationQuery.extend({
  q: z.string().trim().max(200).optional(),
  municipality: z.string().regex(/^GM\d{4}$/).optional(),
  /** Only agreements this organisation is a party to. */
  organisation: uuid.optional(),
  state: agreementState.optional(),
  /** Only agreements whose period covers this year (periodStartYear ≤ year ≤ periodEndYear). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type AgreementListQuery = z.infer<typeof agreementListQuery>;

export const agreementListItem = z.object({
  id: uuid,
  title: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  periodStartYear: z.number().int(),
  periodEndYear: z.number().int(),
  state: agreementState,
  visibility: agreementVisibility,
  parties: z.array(agreementParty),
  commitmentCount: z.number().int(),
  workingVersionNumber: z.number().int(),
  signedVersionNumber: z.number().int().nullable(),
  /**
   * The overall traffic light as GET /agreements/:id/progress computes it with its defaults: the signed version (else
   * the working one), as of today (grijs when that version has no commitments).
   */
  light: trafficLight,
  isExample: z.boolean(),
  updatedAt: isoDateTime,
});
export const agreementList = pageOf(agreementListItem);
export type AgreementList = z.infer<typeof agreementList>;

// ───────────────────────── cycle and approvals ─────────────────────────

export const transitionRequest = z.object({
  action: agreementAction,
  revision: z.number().int().min(1),
  /** For evaluatie_starten / evaluatie_afronden: the year evaluated (default: the cycle's nextEvaluationYear). */
  year: year.optional(),
});
export type TransitionRequest = z.infer<typeof transitionRequest>;

/** Approve the working version exactly as read (`revision`) on behalf of one party organisation. */
export const approveRequest = z.object({
  organisationId: uuid,
  revision: z.number().int().min(1),
  note: z.string().trim().max(2000).optional(),
});
export type ApproveRequest = z.infer<typeof approveRequest>;

/**
 * Withdraw the organisation's approval of the working version (DELETE …/approvals/:organisationId). Only while the
 * version is unsigned (409 `already_signed` afterwards); `revision`, when given, must be the current one.
 */
export const withdrawApprovalQuery = z.object({ revision: z.coerce.number().int().min(1).optional() });

export const agreementVersions = z.object({ items: z.array(agreementVersionSummary) });

/** One version's full text. */
export const agreementVersion = agreementVersionSummary.extend({
  title: z.string(),
  description: z.string(),
  periodStartYear: z.number().int(),
  periodEndYear: z.number().int(),
  visibility: agreementVisibility,
  parties: z.array(agreementParty),
  commitments: z.array(commitment),
});
export type AgreementVersion = z.infer<typeof agreementVersion>;

export const fieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export type FieldChange = z.infer<typeof fieldChange>;

export const diffQuery = z.object({ against: z.coerce.number().int().min(1).optional() });

/** What changed from version `from` to version `to`. */
export const versionDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  agreement: z.array(fieldChange),
  commitments: z.object({
    added: z.array(commitment),
    removed: z.array(commitment),
    changed: z.array(z.object({ commitmentId: uuid, title: z.string(), changes: z.array(fieldChange) })),
  }),
});
export type VersionDiff = z.infer<typeof versionDiff>;

// ───────────────────────── evidence, comments ─────────────────────────

export const evidenceInput = z.object({
  /** A procesafspraak of the agreement. */
  commitmentId: uuid,
  note: z.string().trim().min(1, 'Beschrijf het bewijs.').max(5000),
  /** The date the agreed thing happened (e.g. the excursion, the report). */
  date: isoDate,
  documentTitle: z.string().trim().max(300).nullable().default(null),
  documentUrl: z.url({ protocol: /^https?$/, error: 'Gebruik een http(s)-adres.' }).max(2000).nullable().default(null),
  /** On behalf of which party (must be one the user is bewerker+ in). */
  organisationId: uuid,
});
export type EvidenceInput = z.infer<typeof evidenceInput>;
// POST …/evidence/upload takes the same fields as multipart/form-data strings (an empty documentTitle or documentUrl
// counts as none) plus the part "file": PDF, docx, xlsx, odt, png or jpeg, recognised by its content (400
// `validation_failed` at `file` otherwise, nothing stored), at most 20 MB by default (413 `payload_too_large`).

/** The document attached to evidence (its bytes: GET …/evidence/:evidenceId/file). */
export const evidenceFile = z.object({
  name: z.string(),
  sizeBytes: z.number().int().min(0),
  /** The media type recognised from the file's content (not the one the browser sent). */
  mediaType: z.string(),
  format: z.enum(evidenceFileFormats),
});
export type EvidenceFileDto = z.infer<typeof evidenceFile>;

export const evidence = z.object({
  id: uuid,
  commitmentId: uuid,
  note: z.string(),
  date: isoDate,
  documentTitle: z.string().nullable(),
  documentUrl: z.string().nullable(),
  /** An uploaded document, null when none was attached. */
  file: evidenceFile.nullable(),
  organisationId: uuid,
  organisationName: z.string(),
  recordedBy: userRef.nullable(),
  recordedAt: isoDateTime,
});
export type EvidenceDto = z.infer<typeof evidence>;
export const evidenceList = z.object({ items: z.array(evidence) });

export const commentInput = z.object({
  /** null: a comment on the agreement as a whole. */
  commitmentId: uuid.nullable().default(null),
  body: z.string().trim().min(1, 'Schrijf een opmerking.').max(5000),
  /** On behalf of which party. */
  organisationId: uuid,
  /** Set when the comment is part of that year's evaluation (it then appears in the evaluation document). */
  evaluationYear: year.nullable().default(null),
});
export type CommentInput = z.infer<typeof commentInput>;

export const comment = z.object({
  id: uuid,
  /** null: a comment on the agreement as a whole. */
  commitmentId: uuid.nullable(),
  body: z.string(),
  organisationId: uuid,
  organisationName: z.string(),
  evaluationYear: z.number().int().nullable(),
  author: userRef.nullable(),
  createdAt: isoDateTime,
});
export type CommentDto = z.infer<typeof comment>;

export const commentListQuery = z.object({
  commitmentId: uuid.optional(),
  evaluationYear: z.coerce.number().int().optional(),
});
export const commentList = z.object({ items: z.array(comment) });

// ───────────────────────── progress ─────────────────────────

export const progressQuery = z.object({
  /**
   * Evaluate as of this date (default today): deadlines and evidence dates are compared with it, and only ledger
   * entries recorded on or before it (end of day, UTC) count.
   */
  asOf: isoDate.optional(),
  /** Which version's commitments: default the signed version, else the working one. */
  version: z.coerce.number().int().min(1).optional(),
});

export const projectFigure = z.object({
  /**
   * null for the one row that stands for the confidential projects the viewer may not see: they are counted in the
   * result, but their name, value and verdict are not shown (dwellings is their total).
   */
  projectId: uuid.nullable(),
  projectName: z.string().nullable(),
  dwellings: z.number().int(),
  value: z.number().nullable(),
  standing: z.enum(['officieel', 'indicatief']).nullable(),
  /** Whether this project's value meets the target (or the share threshold); null without a value. */
  meets: z.boolean().nullable(),
});
export type ProjectFigure = z.infer<typeof projectFigure>;

export const commitmentProgress = z.object({
  commitmentId: uuid,
  theme: agreementTheme,
  kind: commitmentKind,
  title: z.string(),
  light: trafficLight,
  /**
   * `behaald` target met / evidence recorded · `niet_behaald` deadline passed without meeting it ·
   * `loopt` not met yet, deadline ahead · `geen_gegevens` nothing to judge (no project in scope has a value).
   */
  status: z.enum(['behaald', 'niet_behaald', 'loopt', 'geen_gegevens']),
  /** Meetbaar: the achieved figure (aggregate, share in %, or the project's value) in the indicator's unit or %. */
  achieved: z.number().nullable(),
  target: z.number().nullable(),
  comparator: comparator.nullable(),
  unit: z.string().nullable(),
  indicatorId: z.enum(indicatorIds).nullable(),
  /** Standing of the values used: say `indicatief` loudly — no official value was available. */
  standing: figureStanding.nullable(),
  onlyIndicative: z.boolean(),
  projectsInScope: z.number().int(),
  projectsWithValue: z.number().int(),
  projects: z.array(projectFigure),
  deadline: isoDate.nullable(),
  /** Proces: evidence recorded. */
  evidence: z.array(evidence),
});
export type CommitmentProgress = z.infer<typeof commitmentProgress>;

const lightCounts = z.object({ groen: z.number().int(), oranje: z.number().int(), rood: z.number().int(), grijs: z.number().int() });

export const agreementProgress = z.object({
  agreementId: uuid,
  versionNumber: z.number().int(),
  asOf: isoDate,
  catalogueVersion: z.string(),
  light: trafficLight,
  counts: lightCounts,
  themes: z.array(z.object({ theme: agreementTheme, light: trafficLight, counts: lightCounts })),
  commitments: z.array(commitmentProgress),
});
export type AgreementProgress = z.infer<typeof agreementProgress>;

export const evaluationQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  format: z.enum(['pdf', 'docx']).default('pdf'),
});

// ───────────────────────── audit trail ─────────────────────────

export const auditActions = [
  'agreement_created',
  'agreement_updated',
  'version_created',
  'commitment_added',
  'commitment_updated',
  'commitment_removed',
  'state_changed',
  'approved',
  'approval_withdrawn',
  'signed',
  'evidence_added',
  'comment_added',
] as const;

export const auditEntry = z.object({
  id: uuid,
  seq: z.number().int(),
  at: isoDateTime,
  actor: userRef.nullable(),
  action: z.enum(auditActions),
  /** 'agreement' or 'commitment' (with entityId) etc. */
  entity: z.enum(['agreement', 'commitment', 'approval', 'evidence', 'comment']),
  entityId: uuid.nullable(),
  versionNumber: z.number().int().nullable(),
  changes: z.array(fieldChange),
});
export type AuditEntry = z.infer<typeof auditEntry>;
export const auditList = z.object({ items: z.array(auditEntry) });

// ───────────────────────── templates ─────────────────────────

export const agreementTemplate = z.object({
  id: z.string(),
  theme: agreementTheme,
  /** The guide's two levels: parties starting with circular work, and advanced parties. */
  level: z.enum(['start', 'gevorderd']),
  kind: commitmentKind,
  nl: z.object({ title: z.string(), text: z.string() }),
  en: z.object({ title: z.string(), text: z.string() }),
  /** Roles whose parties become responsible when inserted. */
  responsibleRoles: z.array(agreementPartyRole),
  rLadder: z.object({ pbl: z.enum(pblSteps), guide: z.enum(guideSteps).nullable() }),
  /** For measurable templates: a suggested indicator, comparator, target and scope type (editable). */
  measure: z
    .object({
      indicatorId: z.enum(indicatorIds),
      comparator,
      target: z.number(),
      scopeType: z.enum(['alle_projecten', 'project', 'aandeel']),
      aggregation: z.enum(scopeAggregations).nullable(),
      projectKinds: z.array(z.enum(projectKinds)),
      projectComparator: comparator.nullable(),
      projectThreshold: z.number().nullable(),
    })
    .nullable(),
  /** Where in the guide the suggestion comes from (section). */
  guideSection: z.string(),
});
export type AgreementTemplate = z.infer<typeof agreementTemplate>;

export const agreementTemplates = z.object({
  version: z.string(),
  source: z.string(),
  verification: z.string(),
  templates: z.array(agreementTemplate),
});
export type AgreementTemplates = z.infer<typeof agreementTemplates>;

// ───────────────────────── notifications ─────────────────────────

export const notificationKinds = [
  'bod_uitgebracht',
  'onderhandeling_gestart',
  'goedkeuring_gevraagd',
  'goedgekeurd',
  'goedkeuring_ingetrokken',
  'ondertekend',
  'reactie',
  'evaluatie_gestart',
  'evaluatie_afgerond',
  'bewijs_toegevoegd',
] as const;

export const notification = z.object({
  id: uuid,
  kind: z.enum(notificationKinds),
  agreementId: uuid,
  agreementTitle: z.string(),
  commitmentId: uuid.nullable(),
  actor: userRef.nullable(),
  /** The organisation the actor acted for, when relevant. */
  organisationName: z.string().nullable(),
  createdAt: isoDateTime,
  readAt: isoDateTime.nullable(),
});
export type NotificationDto = z.infer<typeof notification>;

export const notificationListQuery = z.object({
  unread: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const notificationList = z.object({ items: z.array(notification), unreadCount: z.number().int() });
export type NotificationList = z.infer<typeof notificationList>;
export const notificationParams = z.object({ id: uuid });
