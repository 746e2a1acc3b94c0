import type { Project } from '@kringbouw/contracts';
import { projectPhases, type ProjectPhase } from '@kringbouw/domain/projects';

/** What the form holds: text as typed, so half-typed numbers and empty fields survive re-renders. */
export interface PartyRow {
  key: string;
  organisationId: string;
  role: string;
}

export interface ProjectFormValues {
  ownerOrganisationId: string;
  name: string;
  description: string;
  municipalityCode: string;
  lat: string;
  lon: string;
  kind: string;
  phase: string;
  buildingType: string;
  phaseDates: Record<ProjectPhase, string>;
  dwellings: string;
  bvoM2: string;
  conceptName: string;
  conceptSupplier: string;
  parties: PartyRow[];
  visibility: string;
}

let rowCounter = 0;
export function newPartyRow(organisationId = '', role = ''): PartyRow {
  rowCounter += 1;
  return { key: `party-${rowCounter}`, organisationId, role };
}

export function emptyFormValues(ownerOrganisationId = ''): ProjectFormValues {
  return {
    ownerOrganisationId,
    name: '',
    description: '',
    municipalityCode: '',
    lat: '',
    lon: '',
    kind: '',
    phase: '',
    buildingType: '',
    phaseDates: { initiatief: '', ontwerp: '', realisatie: '', opgeleverd: '' },
    dwellings: '',
    bvoM2: '',
    conceptName: '',
    conceptSupplier: '',
    parties: [],
    visibility: 'openbaar',
  };
}

function decimalText(value: number): string {
  return String(value).replace('.', ',');
}

export function formValuesFromProject(project: Project): ProjectFormValues {
  return {
    ownerOrganisationId: project.ownerOrganisationId,
    name: project.name,
    description: project.description,
    municipalityCode: project.municipalityCode,
    lat: project.location ? decimalText(project.location.lat) : '',
    lon: project.location ? decimalText(project.location.lon) : '',
    kind: project.kind,
    phase: project.phase,
    buildingType: project.buildingType,
    phaseDates: {
      initiatief: project.phaseDates.initiatief ?? '',
      ontwerp: project.phaseDates.ontwerp ?? '',
      realisatie: project.phaseDates.realisatie ?? '',
      opgeleverd: project.phaseDates.opgeleverd ?? '',
    },
    dwellings: String(project.dwellings),
    bvoM2: project.bvoM2 === null ? '' : decimalText(project.bvoM2),
    conceptName: project.concept?.name ?? '',
    conceptSupplier: project.concept?.supplier ?? '',
    parties: project.parties.map((party) => newPartyRow(party.organisationId, party.role)),
    visibility: project.visibility,
  };
}

/**
 * Reads a number as people type it in the Netherlands: "1.250,5" and "1250.5" both work. Empty text is
 * `undefined` (the schema then says the field is required); anything unreadable is NaN (the schema says
 * "enter a number").
 */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return undefined;
  let normalised = trimmed;
  if (trimmed.includes(',')) normalised = trimmed.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(\.\d{3})+$/.test(trimmed)) normalised = trimmed.replace(/\./g, '');
  return /^[-+]?\d*\.?\d+$/.test(normalised) ? Number(normalised) : Number.NaN;
}

function orUndefined(text: string): string | undefined {
  return text === '' ? undefined : text;
}

/** The request body as the contract expects it; the contract schema then decides what is wrong. */
export function requestBodyFromValues(values: ProjectFormValues): Record<string, unknown> {
  const hasLocation = values.lat.trim() !== '' || values.lon.trim() !== '';
  const hasConcept = values.conceptName.trim() !== '' || values.conceptSupplier.trim() !== '';
  const phaseDates = Object.fromEntries(projectPhases.map((phase) => [phase, values.phaseDates[phase] === '' ? null : values.phaseDates[phase]]));
  return {
    // Empty required text goes as undefined, so the message is "fill this in" rather than "too short".
    name: orUndefined(values.name.trim()) === undefined ? undefined : values.name,
    description: values.description,
    municipalityCode: orUndefined(values.municipalityCode),
    location: hasLocation ? { lat: parseNumber(values.lat), lon: parseNumber(values.lon) } : null,
    kind: orUndefined(values.kind),
    phase: orUndefined(values.phase),
    phaseDates,
    dwellings: parseNumber(values.dwellings),
    bvoM2: values.bvoM2.trim() === '' ? null : parseNumber(values.bvoM2),
    buildingType: orUndefined(values.buildingType),
    concept: hasConcept ? { name: values.conceptName, supplier: values.conceptSupplier.trim() === '' ? null : values.conceptSupplier } : null,
    parties: values.parties.map((party) => ({ organisationId: orUndefined(party.organisationId), role: orUndefined(party.role) })),
    visibility: values.visibility,
  };
}
