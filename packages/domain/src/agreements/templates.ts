/**
 * Templates for commitments, after the suggestions of the Cirkelstad guide (data/agreements/templates.json, own
 * words in Dutch and English). Inserting a template gives an ordinary, editable commitment.
 */
import templatesJson from '../../data/agreements/templates.json' with { type: 'json' };
import { indicatorIds, type IndicatorId } from '../monitoring/catalogue.ts';
import { projectKinds, type ProjectKind } from '../projects/index.ts';
import {
  agreementPartyRoles,
  agreementThemes,
  commitmentKinds,
  comparators,
  guideSteps,
  pblSteps,
  scopeAggregations,
  type AgreementPartyRole,
  type AgreementTheme,
  type Commitment,
  type CommitmentKind,
  type Comparator,
  type GuideStep,
  type PblStep,
  type ScopeAggregation,
} from './model.ts';

export interface TemplateMeasure {
  indicatorId: IndicatorId;
  comparator: Comparator;
  target: number;
  scopeType: 'alle_projecten' | 'aandeel';
  aggregation: ScopeAggregation | null;
  projectKinds: ProjectKind[];
  projectComparator: Comparator | null;
  projectThreshold: number | null;
}

export interface AgreementTemplateData {
  id: string;
  theme: AgreementTheme;
  level: 'start' | 'gevorderd';
  kind: CommitmentKind;
  guideSection: string;
  responsibleRoles: AgreementPartyRole[];
  rLadder: { pbl: PblStep; guide: GuideStep | null };
  measure: TemplateMeasure | null;
  nl: { title: string; text: string };
  en: { title: string; text: string };
}

export interface AgreementTemplateSet {
  version: string;
  source: string;
  verification: string;
  templates: AgreementTemplateData[];
}

function oneOf<T extends string>(values: readonly T[], value: unknown, what: string): T {
  if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
  throw new Error(`templates.json: ${what} "${String(value)}"`);
}

function loadTemplates(): AgreementTemplateSet {
  const seen = new Set<string>();
  const templates = templatesJson.templates.map((raw): AgreementTemplateData => {
    if (seen.has(raw.id)) throw new Error(`templates.json: duplicate id ${raw.id}`);
    seen.add(raw.id);
    const where = `template ${raw.id}:`;
    const m = raw.measure;
    const measure: TemplateMeasure | null =
      m === null
        ? null
        : {
            indicatorId: oneOf(indicatorIds, m.indicatorId, `${where} indicator`),
            comparator: oneOf(comparators, m.comparator, `${where} comparator`),
            target: m.target,
            scopeType: oneOf(['alle_projecten', 'aandeel'] as const, m.scopeType, `${where} scopeType`),
            aggregation: m.aggregation === null ? null : oneOf(scopeAggregations, m.aggregation, `${where} aggregation`),
            projectKinds: m.projectKinds.map((k) => oneOf(projectKinds, k, `${where} project kind`)),
            projectComparator: m.projectComparator === null ? null : oneOf(comparators, m.projectComparator, `${where} projectComparator`),
            projectThreshold: m.projectThreshold,
          };
    const kind = oneOf(commitmentKinds, raw.kind, `${where} kind`);
    if ((kind === 'meetbaar') !== (measure !== null)) throw new Error(`templates.json: ${where} measurable templates need a measure, others none`);
    if (measure?.scopeType === 'aandeel' && (measure.projectComparator === null || measure.projectThreshold === null)) throw new Error(`templates.json: ${where} a share needs a project threshold`);
    return {
      id: raw.id,
      theme: oneOf(agreementThemes, raw.theme, `${where} theme`),
      level: oneOf(['start', 'gevorderd'] as const, raw.level, `${where} level`),
      kind,
      guideSection: raw.guideSection,
      responsibleRoles: raw.responsibleRoles.map((r) => oneOf(agreementPartyRoles, r, `${where} role`)),
      rLadder: { pbl: oneOf(pblSteps, raw.rLadder.pbl, `${where} pbl`), guide: raw.rLadder.guide === null ? null : oneOf(guideSteps, raw.rLadder.guide, `${where} guide step`) },
      measure,
      nl: raw.nl,
      en: raw.en,
    };
  });
  return { version: templatesJson.version, source: templatesJson.source, verification: templatesJson.verification, templates };
}

/** The shipped templates (validated when the module loads). */
export const agreementTemplateSet: AgreementTemplateSet = loadTemplates();

export function findTemplate(id: string, set: AgreementTemplateSet = agreementTemplateSet): AgreementTemplateData | undefined {
  return set.templates.find((t) => t.id === id);
}

/**
 * A commitment from a template, in Dutch: responsible are the parties with the template's roles (all parties when
 * none match); a measurable template's scope covers the first woningcorporatie's projects and its deadline is
 * 31 December of the period's last year. `id` is supplied by the caller (the domain makes no random ids).
 */
export function commitmentFromTemplate({
  template,
  id,
  parties,
  periodEndYear,
  templateVersion = agreementTemplateSet.version,
}: {
  template: AgreementTemplateData;
  id: string;
  parties: readonly { organisationId: string; role: AgreementPartyRole }[];
  periodEndYear: number;
  templateVersion?: string;
}): Commitment {
  const responsible = parties.filter((p) => template.responsibleRoles.includes(p.role)).map((p) => p.organisationId);
  const base = {
    id,
    theme: template.theme,
    title: template.nl.title,
    text: template.nl.text,
    responsibleOrganisationIds: responsible.length > 0 ? responsible : parties.map((p) => p.organisationId),
    rLadder: template.rLadder,
    templateId: template.id,
    templateVersion,
  };
  const m = template.measure;
  if (m === null) return { ...base, kind: 'proces', dueDate: null };
  const corporation = parties.find((p) => p.role === 'woningcorporatie')?.organisationId ?? parties[0]?.organisationId ?? '';
  const scope =
    m.scopeType === 'aandeel'
      ? { type: 'aandeel' as const, organisationId: corporation, projectKinds: m.projectKinds, basis: 'woningen' as const, projectComparator: m.projectComparator ?? m.comparator, projectThreshold: m.projectThreshold ?? m.target }
      : { type: 'alle_projecten' as const, organisationId: corporation, projectKinds: m.projectKinds, aggregation: m.aggregation ?? 'elk_project' };
  return { ...base, kind: 'meetbaar', indicatorId: m.indicatorId, comparator: m.comparator, target: m.target, scope, deadline: `${periodEndYear}-12-31` };
}
