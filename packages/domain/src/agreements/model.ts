/**
 * Prestatieafspraken: the vocabulary of a tripartite agreement between a gemeente, one or more woningcorporaties
 * and their huurdersorganisaties (Woningwet art. 42–44), with circular commitments grouped by the themes of the
 * Cirkelstad guide "Circulaire prestatieafspraken" (seeds/cirkelstad-handreiking-circulaire-prestatieafspraken.txt).
 */
import type { IndicatorId } from '../monitoring/catalogue.ts';
import type { ProjectKind } from '../projects/index.ts';

/** The guide's three themes (§5) plus its process advice (§6–7) as the fourth, learning track. */
export const agreementThemes = ['bestaande_voorraad', 'verduurzaming_renovatie', 'nieuwbouw', 'proces_leren'] as const;
export type AgreementTheme = (typeof agreementThemes)[number];

/** The role an organisation plays in the agreement, fixed by its organisation kind. */
export const agreementPartyRoles = ['gemeente', 'woningcorporatie', 'huurdersorganisatie'] as const;
export type AgreementPartyRole = (typeof agreementPartyRoles)[number];

/**
 * States of the yearly cycle:
 * `concept` (the corporation prepares its bod) → `bod` (bod submitted, deadline 1 July) → `onderhandeling`
 * → `ondertekend` (approved by every party, deadline 15 December) → `evaluatie` (joint yearly evaluation) →
 * back to `ondertekend`, or `afgerond` after the evaluation of the last year. A change after signing opens
 * `wijziging`: a new version that every party approves again while the signed one stays in force.
 */
export const agreementStates = ['concept', 'bod', 'onderhandeling', 'ondertekend', 'wijziging', 'evaluatie', 'afgerond'] as const;
export type AgreementState = (typeof agreementStates)[number];

/** Actions a person takes explicitly; signing happens by the last approval, a `wijziging` by editing a signed text. */
export const agreementActions = ['bod_uitbrengen', 'onderhandeling_starten', 'evaluatie_starten', 'evaluatie_afronden'] as const;
export type AgreementAction = (typeof agreementActions)[number];

/** Who sees the agreement: everyone signed in (`openbaar`) or only the parties' members (and the coordinator). */
export const agreementVisibilities = ['openbaar', 'partijen'] as const;
export type AgreementVisibility = (typeof agreementVisibilities)[number];

export const commitmentKinds = ['proces', 'meetbaar'] as const;
export type CommitmentKind = (typeof commitmentKinds)[number];

/** Comparator of a measurable target: value ≤ target, ≥, <, >, =. */
export const comparators = ['lte', 'gte', 'lt', 'gt', 'eq'] as const;
export type Comparator = (typeof comparators)[number];

/** How the values of several projects in scope are combined for an `alle_projecten` scope. */
export const scopeAggregations = ['elk_project', 'gemiddelde', 'som'] as const;
export type ScopeAggregation = (typeof scopeAggregations)[number];

/** What a share target counts: dwellings (weighted by the project's number of dwellings) or projects. */
export const shareBases = ['woningen', 'projecten'] as const;
export type ShareBasis = (typeof shareBases)[number];

/** PBL R-ladder, 10 steps (Potting et al. 2017); see fact sheet §8. */
export const pblSteps = ['R0', 'R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9'] as const;
export type PblStep = (typeof pblSteps)[number];

/** The guide's own four-step reading of the R-ladder (§2): Refuse, Reduce, Reuse, Redesign. */
export const guideSteps = ['refuse', 'reduce', 'reuse', 'redesign'] as const;
export type GuideStep = (typeof guideSteps)[number];

export type TrafficLight = 'groen' | 'oranje' | 'rood' | 'grijs';
export const trafficLights = ['groen', 'oranje', 'rood', 'grijs'] as const;

/** Which projects a measurable commitment looks at (always within the agreement's municipality). */
export type CommitmentScope =
  | {
      /** All projects of the organisation (owner or party) in the municipality of the given kinds. */
      type: 'alle_projecten';
      organisationId: string;
      projectKinds: ProjectKind[];
      aggregation: ScopeAggregation;
    }
  | { type: 'project'; projectId: string }
  | {
      /**
       * A share of the projects: the commitment's comparator/target apply to the share (in %) of dwellings or
       * projects whose own value meets `projectComparator`/`projectThreshold`.
       */
      type: 'aandeel';
      organisationId: string;
      projectKinds: ProjectKind[];
      basis: ShareBasis;
      projectComparator: Comparator;
      projectThreshold: number;
    };

export interface RLadderTag {
  pbl: PblStep;
  guide: GuideStep | null;
}

interface CommitmentBase {
  /** Stable across versions: comments, evidence and progress refer to it. */
  id: string;
  theme: AgreementTheme;
  title: string;
  text: string;
  responsibleOrganisationIds: string[];
  rLadder: RLadderTag;
  /** The template it was inserted from (and that template's data version), if any. */
  templateId: string | null;
  templateVersion: string | null;
}

export interface ProcessCommitment extends CommitmentBase {
  kind: 'proces';
  /** By when the evidence is due; null = within the period. */
  dueDate: string | null;
}

export interface MeasurableCommitment extends CommitmentBase {
  kind: 'meetbaar';
  indicatorId: IndicatorId;
  comparator: Comparator;
  target: number;
  scope: CommitmentScope;
  /** ISO date by which the target must be met. */
  deadline: string;
}

export type Commitment = ProcessCommitment | MeasurableCommitment;
