import { importReport, passportIndicators, passportSources, type PassportDocument, type PassportVersion, type PassportVersionSummary, type VersionMaterial } from '@kringbouw/contracts';
import type { DocumentLine } from './passports.documents.ts';
import type { VersionRecord, VersionSummaryRecord } from './passports.repository.ts';

const userRef = (id: string | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

export function presentVersionSummary(record: VersionSummaryRecord): PassportVersionSummary {
  return {
    id: record.id,
    projectId: record.projectId,
    number: record.number,
    label: record.label,
    status: record.status,
    source: passportSources.find((source) => source === record.source) ?? 'editor',
    basedOnVersionId: record.basedOnVersionId,
    elementCount: record.elementCount,
    lineCount: record.lineCount,
    unmappedCount: record.unmappedCount,
    mpg: record.mpg,
    gwpA1a5: record.gwpA1a5,
    revision: record.revision,
    createdAt: record.createdAt.toISOString(),
    createdBy: userRef(record.createdById, record.createdByName),
    updatedAt: record.updatedAt.toISOString(),
    publishedAt: record.publishedAt?.toISOString() ?? null,
    publishedBy: userRef(record.publishedById, record.publishedByName),
    originalFile: record.originalFileName === null ? null : { name: record.originalFileName, sizeBytes: record.originalFileSize ?? 0 },
  };
}

export function presentVersion(record: Omit<VersionRecord, 'document'>, document: PassportDocument, materials: VersionMaterial[], mappingOrganisationId: string): PassportVersion {
  return {
    ...presentVersionSummary(record),
    passport: document,
    indicators: passportIndicators.nullable().parse(record.indicators ?? null),
    indicatorsUnavailable: record.indicatorsUnavailable,
    materials,
    importReport: importReport.nullable().parse(record.importReport ?? null),
    mappingOrganisationId,
  };
}

export function presentDiffLine(keyed: DocumentLine) {
  return {
    key: keyed.key,
    element: keyed.element.name,
    nlsfb: keyed.element.nlsfb,
    layer: keyed.element.layer,
    description: keyed.line.description,
    quantity: keyed.line.quantity,
    unit: keyed.line.unit,
    profileId: keyed.line.profileId ?? null,
  };
}
