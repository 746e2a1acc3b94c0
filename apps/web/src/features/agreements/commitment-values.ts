/**
 * The commitment form keeps what the user typed as text; these functions turn it into a request body (numbers in
 * Dutch or English notation) and back.
 */
import type { CommitmentDto, CommitmentInput } from '@kringbouw/contracts';
import { parseNumber } from '../projects/form-values.ts';

export interface CommitmentFormValues {
  theme: string;
  title: string;
  text: string;
  responsibleOrganisationIds: string[];
  kind: 'proces' | 'meetbaar';
  pbl: string;
  guide: string;
  dueDate: string;
  indicatorId: string;
  comparator: string;
  target: string;
  deadline: string;
  scopeType: 'alle_projecten' | 'project' | 'aandeel';
  scopeOrganisationId: string;
  projectKinds: string[];
  aggregation: string;
  basis: string;
  projectComparator: string;
  projectThreshold: string;
  projectId: string;
  templateId: string | null;
  templateVersion: string | null;
}

export function emptyCommitmentValues(theme = ''): CommitmentFormValues {
  return {
    theme,
    title: '',
    text: '',
    responsibleOrganisationIds: [],
    kind: 'proces',
    pbl: '',
    guide: '',
    dueDate: '',
    indicatorId: '',
    comparator: '',
    target: '',
    deadline: '',
    scopeType: 'alle_projecten',
    scopeOrganisationId: '',
    projectKinds: ['nieuwbouw'],
    aggregation: 'elk_project',
    basis: 'woningen',
    projectComparator: 'gte',
    projectThreshold: '',
    projectId: '',
    templateId: null,
    templateVersion: null,
  };
}

/** Numbers are shown in Dutch notation: 0.6 → "0,6". */
function numberText(value: number): string {
  return String(value).replace('.', ',');
}

export function commitmentValuesFrom(commitment: CommitmentDto): CommitmentFormValues {
  const base: CommitmentFormValues = {
    ...emptyCommitmentValues(commitment.theme),
    title: commitment.title,
    text: commitment.text,
    responsibleOrganisationIds: [...commitment.responsibleOrganisationIds],
    kind: commitment.kind,
    pbl: commitment.rLadder.pbl,
    guide: commitment.rLadder.guide ?? '',
    templateId: commitment.templateId,
    templateVersion: commitment.templateVersion,
  };
  if (commitment.kind === 'proces') return { ...base, dueDate: commitment.dueDate ?? '' };
  const scope = commitment.scope;
  return {
    ...base,
    indicatorId: commitment.indicatorId,
    comparator: commitment.comparator,
    target: numberText(commitment.target),
    deadline: commitment.deadline,
    scopeType: scope.type,
    scopeOrganisationId: scope.type === 'project' ? '' : scope.organisationId,
    projectKinds: scope.type === 'project' ? base.projectKinds : [...scope.projectKinds],
    aggregation: scope.type === 'alle_projecten' ? scope.aggregation : base.aggregation,
    basis: scope.type === 'aandeel' ? scope.basis : base.basis,
    projectComparator: scope.type === 'aandeel' ? scope.projectComparator : base.projectComparator,
    projectThreshold: scope.type === 'aandeel' ? numberText(scope.projectThreshold) : '',
    projectId: scope.type === 'project' ? scope.projectId : '',
  };
}

function orUndefined(text: string): string | undefined {
  return text === '' ? undefined : text;
}

/** The body to validate with `commitmentInput`; empty fields are left out so the schema names them. */
export function commitmentBodyFrom(values: CommitmentFormValues): Record<string, unknown> {
  const common = {
    theme: orUndefined(values.theme),
    title: values.title,
    text: values.text,
    responsibleOrganisationIds: values.responsibleOrganisationIds,
    rLadder: { pbl: orUndefined(values.pbl), guide: values.guide === '' ? null : values.guide },
    templateId: values.templateId,
    templateVersion: values.templateVersion,
  };
  if (values.kind === 'proces') return { ...common, kind: 'proces', dueDate: values.dueDate === '' ? null : values.dueDate };
  const scope =
    values.scopeType === 'project'
      ? { type: 'project', projectId: orUndefined(values.projectId) }
      : values.scopeType === 'alle_projecten'
        ? { type: 'alle_projecten', organisationId: orUndefined(values.scopeOrganisationId), projectKinds: values.projectKinds, aggregation: values.aggregation }
        : {
            type: 'aandeel',
            organisationId: orUndefined(values.scopeOrganisationId),
            projectKinds: values.projectKinds,
            basis: values.basis,
            projectComparator: orUndefined(values.projectComparator),
            projectThreshold: numberOrMissing(values.projectThreshold),
          };
  return {
    ...common,
    kind: 'meetbaar',
    indicatorId: orUndefined(values.indicatorId),
    comparator: orUndefined(values.comparator),
    target: numberOrMissing(values.target),
    scope,
    deadline: orUndefined(values.deadline),
  };
}

/** Empty → undefined ("fill in"); unreadable → NaN ("enter a number"). */
function numberOrMissing(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  return parseNumber(text) ?? Number.NaN;
}

export type { CommitmentInput };
