/**
 * Material passports of a project: versions (concept → vastgesteld, immutable once vastgesteld), the stored
 * indicators (recomputed by the engine whenever the lines change), diff, table imports, exports and the
 * organisation's passport settings. IFC imports run as jobs (passports.jobs.ts) and end in `saveImported`.
 */
import type {
  CreatePassportVersionRequest,
  ImportProblem,
  ImportReport,
  PassportDiff,
  PassportDocument,
  PassportSettings,
  PassportSource,
  PassportVersion,
  PassportVersionList,
} from '@kringbouw/contracts';
import { passportDocument, passportIndicators, type updatePassportVersionRequest } from '@kringbouw/contracts';
import type { z } from 'zod';
import { canEditMaterialMappings, canEditPassports, canManagePassportSettings, canViewPassports, roleIn, isCoordinator, type Actor, type SignedInActor } from '@kringbouw/domain/authz';
import { calculateIndicators, diffPassportLines, normalizeMaterialName, type ProfileLibrary } from '@kringbouw/domain/lca';
import {
  createPassportTemplate,
  passportFormatOf,
  passportPdf,
  passportToLcax,
  preparePassport,
  writePassportXlsx,
  type ProjectInput,
  type ReadResult,
  type WritablePassport,
} from '@kringbouw/passport-io';
import { AppError, forbidden, notFound, validationFailed } from '../../errors.ts';
import type { Repositories } from '../../repositories.ts';
import type { ProjectRecord } from '../projects/projects.repository.ts';
import type { MaterialMappingsRepository } from '../material-mappings/material-mappings.repository.ts';
import {
  assignKeys,
  derivedValues,
  documentFromTable,
  engineInputOf,
  indicatorDeltas,
  keyedLinesOf,
  lineCountOf,
  materialsOf,
  newLineKey,
  type ProfileResolver,
} from './passports.documents.ts';
import { presentDiffLine, presentVersion, presentVersionSummary } from './passports.presenter.ts';
import type { PassportsRepository, VersionRecord } from './passports.repository.ts';

const projectNotFound = () => notFound('Dit project bestaat niet of u hebt er geen toegang toe.');
const versionNotFound = () => notFound('Deze paspoortversie bestaat niet.');
export const publishedConflict = () =>
  new AppError('passport_published', 'Deze versie is vastgesteld en kan niet meer worden gewijzigd. Maak een nieuwe conceptversie (kopie) om verder te werken.', 409);

type UpdateRequest = z.output<typeof updatePassportVersionRequest>;

export interface PassportsDeps {
  repositories: Repositories;
  passports: PassportsRepository;
  mappings: MaterialMappingsRepository;
  library: ProfileLibrary;
  now: () => Date;
}

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer | string;
}

/** Default passport project data from the project record (BVO may still be missing). */
export function projectDataOf(project: ProjectRecord): PassportDocument['project'] {
  return { name: project.name, bvoM2: project.bvoM2, buildingType: project.buildingType };
}

export function createPassportsService(deps: PassportsDeps) {
  const { repositories, passports, mappings, library, now } = deps;

  async function visibleProject(actor: Actor, projectId: string): Promise<ProjectRecord> {
    const project = await repositories.projects.findById(projectId);
    if (project === null || !canViewPassports(actor, project)) throw projectNotFound();
    return project;
  }

  async function editableProject(actor: Actor, projectId: string): Promise<{ project: ProjectRecord; actor: SignedInActor }> {
    const project = await visibleProject(actor, projectId);
    if (actor === null || !canEditPassports(actor, project)) throw forbidden('U mag de paspoorten van dit project niet wijzigen.');
    return { project, actor };
  }

  async function findVersion(projectId: string, versionId: string): Promise<VersionRecord> {
    const record = await passports.find(projectId, versionId);
    if (record === null) throw versionNotFound();
    return record;
  }

  function documentOf(record: VersionRecord): PassportDocument {
    // Stored documents were validated on the way in; parsing again guards against hand-edited rows.
    return passportDocument.parse(record.document);
  }

  async function resolverFor(organisationId: string, names: readonly string[]): Promise<ProfileResolver> {
    const found = await mappings.byNames(organisationId, names.map(normalizeMaterialName));
    return { mapping: (name) => found.get(name)?.profileId };
  }

  async function present(project: ProjectRecord, record: VersionRecord): Promise<PassportVersion> {
    return presentWith(project, record, documentOf(record));
  }

  /** Answers a version whose document is already in memory (just written), without reading it back. */
  async function presentFresh(project: ProjectRecord, versionId: string, document: PassportDocument): Promise<PassportVersion> {
    const meta = await passports.findMeta(project.id, versionId);
    if (meta === null) throw versionNotFound();
    return presentWith(project, meta, document);
  }

  async function presentWith(project: ProjectRecord, record: Omit<VersionRecord, 'document'>, document: PassportDocument): Promise<PassportVersion> {
    const names = new Set<string>();
    for (const element of document.elements) for (const line of element.lines) names.add(normalizeMaterialName(line.description));
    const found = await mappings.byNames(project.ownerOrganisationId, [...names]);
    return presentVersion(record, document, materialsOf(document, found, library), project.ownerOrganisationId);
  }

  async function conflictFor(projectId: string, versionId: string): Promise<never> {
    const latest = await passports.find(projectId, versionId);
    if (latest === null) throw versionNotFound();
    if (latest.status === 'vastgesteld') throw publishedConflict();
    throw new AppError('version_conflict', 'Iemand anders heeft deze versie intussen gewijzigd. Laad de nieuwste versie en probeer het opnieuw.', 409, { currentRevision: latest.revision });
  }

  /**
   * Profiles named in an imported file become the organisation's mapping (origin `imported`) for names that have
   * none yet — never overwriting a mapping someone chose. Only when the importer may edit the mapping.
   */
  async function learnMappings(actor: SignedInActor, organisationId: string, document: PassportDocument): Promise<void> {
    if (!canEditMaterialMappings(actor, organisationId)) return;
    const learned = new Map<string, { materialName: string; profileId: string }>();
    for (const element of document.elements) {
      for (const line of element.lines) {
        if (line.profileOrigin !== 'file' || line.profileId === undefined || !library.profiles.has(line.profileId)) continue;
        const name = normalizeMaterialName(line.description);
        if (name !== '' && !learned.has(name)) learned.set(name, { materialName: line.description, profileId: line.profileId });
      }
    }
    const at = now();
    await mappings.insertMissing(
      [...learned.entries()].map(([normalizedName, { materialName, profileId }]) => ({ organisationId, materialName, normalizedName, profileId, origin: 'imported' as const, updatedBy: actor.userId, now: at })),
    );
  }

  /** Inserts a new concept; `beforeCommit` may throw to roll the whole insert back (cancelled imports). */
  async function insertVersion(
    actor: SignedInActor,
    project: ProjectRecord,
    content: { label: string; source: PassportSource; basedOnVersionId: string | null; document: PassportDocument; importReport: ImportReport | null },
    options: { file?: { name: string; content: Buffer } | undefined; beforeCommit?: () => void } = {},
  ): Promise<string> {
    const at = now();
    return passports.insert(
      project.id,
      {
        label: content.label,
        source: content.source,
        basedOnVersionId: content.basedOnVersionId,
        document: content.document,
        importReport: content.importReport,
        ...derivedValues(content.document, library, at),
      },
      { createdBy: actor.userId, now: at, file: options.file, ...(options.beforeCommit && { beforeCommit: options.beforeCommit }) },
    );
  }

  async function get(actor: Actor, projectId: string, versionId: string): Promise<PassportVersion> {
    const project = await visibleProject(actor, projectId);
    return present(project, await findVersion(projectId, versionId));
  }

  /**
   * Reads a table file; problems become 400 import_rejected with row, column and message. Project data: the file's
   * own (xlsx sheet "Project", JSON) wins, the project record fills what the file lacks; without any BVO the concept
   * is stored with BVO empty (indicators follow once it is filled in).
   */
  async function readTable(project: ProjectRecord, fileName: string, bytes: Uint8Array): Promise<{ read: Extract<ReadResult, { ok: true }>; bvoMissing: boolean }> {
    const format = passportFormatOf(fileName);
    if (format === undefined) {
      throw new AppError('unsupported_file_type', `"${fileName}" is geen .csv, .xlsx of .json. Gebruik het sjabloon (xlsx) of een CSV met dezelfde kolommen; IFC-modellen gaan via de IFC-import.`, 415);
    }
    if (bytes.length === 0) throw rejected([{ row: null, column: null, message: 'Het bestand is leeg.' }]);
    const fallback: ProjectInput = { buildingType: project.buildingType, ...(project.bvoM2 !== null && { bvoM2: project.bvoM2 }), name: project.name };
    // The file is unzipped and parsed once; only the validation runs again with other project values.
    const complete = await preparePassport(bytes, format);
    let result = format === 'csv' ? complete(fallback) : complete({});
    if (!result.ok && format !== 'csv' && result.issues.every((issue) => issue.path.startsWith('project.'))) {
      result = complete(withoutKeysOf(fallback, result.issues.map((issue) => issue.path)));
    }
    let bvoMissing = false;
    if (!result.ok && result.issues.every((issue) => issue.path === 'project.bvoM2' && issue.message.startsWith('BVO ontbreekt'))) {
      // A placeholder lets the reader finish; the stored concept has BVO empty.
      bvoMissing = true;
      result = complete({ ...(format === 'csv' ? fallback : withoutKeysOf(fallback, ['project.buildingType'])), bvoM2: 1 });
    }
    if (!result.ok) {
      throw rejected(result.issues.map((issue) => ({ row: issue.row ?? null, column: issue.column ?? (issue.row === undefined ? issue.path : null), message: issue.message })));
    }
    return { read: result, bvoMissing };
  }

  /**
   * The document of an imported table. Its own function so that the reader's passport (a second copy of every line)
   * can be collected as soon as the document exists, before the engine, the insert and the answer.
   */
  async function importedDocument(project: ProjectRecord, fileName: string, bytes: Uint8Array): Promise<PassportDocument> {
    const { read, bvoMissing } = await readTable(project, fileName, bytes);
    const names = read.passport.elements.flatMap((element) => element.lines.map((line) => line.description));
    const resolver = await resolverFor(project.ownerOrganisationId, names);
    const document = documentFromTable(read.passport, read.lineExtras, resolver, library);
    if (bvoMissing) document.project.bvoM2 = null;
    return document;
  }

  return {
    get,

    async list(actor: Actor, projectId: string): Promise<PassportVersionList> {
      await visibleProject(actor, projectId);
      return { items: (await passports.list(projectId)).map(presentVersionSummary) };
    },

    async create(actor: Actor, projectId: string, input: CreatePassportVersionRequest): Promise<PassportVersion> {
      const { project, actor: editor } = await editableProject(actor, projectId);
      let document: PassportDocument = { project: projectDataOf(project), elements: [] };
      let source: PassportSource = 'empty';
      let label = input.label ?? 'Nieuw concept';
      if (input.copyOf !== undefined) {
        const original = await passports.find(projectId, input.copyOf);
        if (original === null) throw validationFailed([{ path: 'copyOf', message: 'Deze versie bestaat niet in dit project.' }]);
        document = documentOf(original);
        source = 'copy';
        label = input.label ?? `Kopie van versie ${original.number}`;
      }
      const id = await insertVersion(editor, project, { label, source, basedOnVersionId: input.copyOf ?? null, document, importReport: null });
      return get(actor, projectId, id);
    },

    async update(actor: Actor, projectId: string, versionId: string, parsed: UpdateRequest): Promise<PassportVersion> {
      const { project } = await editableProject(actor, projectId);
      const current = await findVersion(projectId, versionId);
      if (current.status === 'vastgesteld') throw publishedConflict();
      const document: PassportDocument = {
        project: parsed.passport.project,
        elements: parsed.passport.elements.map((element) => ({
          ...element,
          source: element.source ?? null,
          lines: element.lines.map((line) => ({
            ...line,
            key: line.key ?? newLineKey(),
            profileOrigin: line.profileOrigin ?? (line.profileId === undefined ? null : 'manual'),
            origin: line.origin ?? { renewablePct: 0, reusedPct: 0, recycledPct: 0 },
            endOfLife: line.endOfLife ?? { reusePct: 0, recyclingPct: 0 },
            detachability: line.detachability ?? {},
          })),
        })),
      };
      const problems = assignKeys(document.elements);
      if (problems.length > 0) throw validationFailed(problems);
      const unknown = new Set<string>();
      document.elements.forEach((element, e) =>
        element.lines.forEach((line, l) => {
          if (line.profileId !== undefined && !library.profiles.has(line.profileId) && unknown.size < 50) unknown.add(`passport.elements.${e}.lines.${l}.profileId`);
        }),
      );
      if (unknown.size > 0) throw validationFailed([...unknown].map((path) => ({ path, message: `Dit profiel staat niet in de bibliotheek ${library.id}.` })));
      const at = now();
      const updated = await passports.update(
        projectId,
        versionId,
        parsed.revision,
        { ...(parsed.label !== undefined && { label: parsed.label }), document, source: current.source === 'empty' ? 'editor' : current.source, ...derivedValues(document, library, at) },
        at,
      );
      if (!updated) await conflictFor(projectId, versionId);
      return presentFresh(project, versionId, document);
    },

    /** Puts the organisation's mapping on lines without profile (and, by default, on lines with a suggested one). */
    async applyMappings(actor: Actor, projectId: string, versionId: string, input: { revision: number; replaceSuggested: boolean }): Promise<PassportVersion> {
      const { project } = await editableProject(actor, projectId);
      const current = await findVersion(projectId, versionId);
      if (current.status === 'vastgesteld') throw publishedConflict();
      const document = documentOf(current);
      const names = document.elements.flatMap((element) => element.lines.map((line) => line.description));
      const resolver = await resolverFor(project.ownerOrganisationId, names);
      let changed = 0;
      for (const element of document.elements) {
        element.lines = element.lines.map((line) => {
          const replaceable = line.profileId === undefined || (input.replaceSuggested && line.profileOrigin === 'suggested');
          if (!replaceable) return line;
          const mapped = resolver.mapping(normalizeMaterialName(line.description));
          if (mapped === undefined || (mapped === line.profileId && line.profileOrigin === 'mapping')) return line;
          changed += 1;
          return { ...line, profileId: mapped, profileOrigin: 'mapping' };
        });
      }
      if (changed === 0) return present(project, current);
      const at = now();
      const updated = await passports.update(projectId, versionId, input.revision, { document, ...derivedValues(document, library, at) }, at);
      if (!updated) await conflictFor(projectId, versionId);
      return presentFresh(project, versionId, document);
    },

    async publish(actor: Actor, projectId: string, versionId: string, revision: number): Promise<PassportVersion> {
      const { actor: editor } = await editableProject(actor, projectId);
      const current = await findVersion(projectId, versionId);
      if (current.status === 'vastgesteld') throw publishedConflict();
      if (current.lineCount === 0) throw new AppError('passport_empty', 'Een paspoort zonder materiaalregels kan niet worden vastgesteld.', 409);
      if (!(await passports.publish(projectId, versionId, revision, editor.userId, now()))) await conflictFor(projectId, versionId);
      return get(actor, projectId, versionId);
    },

    async delete(actor: Actor, projectId: string, versionId: string): Promise<void> {
      await editableProject(actor, projectId);
      const current = await findVersion(projectId, versionId);
      if (current.status === 'vastgesteld') throw publishedConflict();
      if (!(await passports.deleteConcept(projectId, versionId))) await conflictFor(projectId, versionId);
    },

    async diff(actor: Actor, projectId: string, fromId: string, toId: string): Promise<PassportDiff> {
      await visibleProject(actor, projectId);
      const [from, to] = await Promise.all([findVersion(projectId, fromId), findVersion(projectId, toId)]);
      const lines = diffPassportLines(keyedLinesOf(documentOf(from)), keyedLinesOf(documentOf(to)));
      return {
        from: { id: from.id, number: from.number, label: from.label },
        to: { id: to.id, number: to.number, label: to.label },
        counts: { added: lines.added.length, removed: lines.removed.length, changed: lines.changed.length, unchanged: lines.unchanged },
        added: lines.added.map(presentDiffLine),
        removed: lines.removed.map(presentDiffLine),
        changed: lines.changed.map((c) => ({ before: presentDiffLine(c.before), after: presentDiffLine(c.after), changes: c.changes })),
        indicators: indicatorDeltas(passportIndicators.nullable().parse(from.indicators ?? null), passportIndicators.nullable().parse(to.indicators ?? null)),
      };
    },

    /** CSV / XLSX / JSON import: all rows valid → a new concept; any problem → 400 with every problem, nothing saved. */
    async importTable(actor: Actor, projectId: string, upload: { fileName: string; bytes: Uint8Array; label?: string | undefined }): Promise<PassportVersion> {
      const { project, actor: editor } = await editableProject(actor, projectId);
      const document = await importedDocument(project, upload.fileName, upload.bytes);
      const format = passportFormatOf(upload.fileName) ?? 'csv';
      const importReport: ImportReport = {
        format,
        fileName: upload.fileName,
        ifcSchema: null,
        elementCount: document.elements.length,
        lineCount: lineCountOf(document),
        quantitySources: null,
        withoutMaterial: [],
        withoutQuantity: [],
        notes: [],
      };
      const id = await insertVersion(editor, project, { label: upload.label ?? `Import ${upload.fileName}`, source: format, basedOnVersionId: null, document, importReport });
      await learnMappings(editor, project.ownerOrganisationId, document);
      return presentFresh(project, id, document);
    },

    /** For IFC jobs: the project, checked for the editing actor at the moment the upload starts. */
    editableProject,
    insertVersion,
    resolverFor,

    async settingsOf(organisationId: string): Promise<PassportSettings> {
      return passports.settings(organisationId);
    },

    async getSettings(actor: Actor, organisationId: string): Promise<PassportSettings> {
      if (!(await repositories.organisations.existingIds([organisationId])).has(organisationId)) throw notFound('Deze organisatie bestaat niet.');
      if (!(isCoordinator(actor) || roleIn(actor, organisationId) !== null)) throw forbidden('Alleen leden van deze organisatie zien haar paspoortinstellingen.');
      return passports.settings(organisationId);
    },

    async putSettings(actor: Actor, organisationId: string, settings: PassportSettings): Promise<PassportSettings> {
      if (!(await repositories.organisations.existingIds([organisationId])).has(organisationId)) throw notFound('Deze organisatie bestaat niet.');
      if (!canManagePassportSettings(actor, organisationId)) throw forbidden('Alleen beheerders van deze organisatie kunnen de paspoortinstellingen wijzigen.');
      await passports.saveSettings(organisationId, settings, now());
      return passports.settings(organisationId);
    },

    async originalFile(actor: Actor, projectId: string, versionId: string): Promise<{ name: string; content: Buffer }> {
      await visibleProject(actor, projectId);
      await findVersion(projectId, versionId);
      const file = await passports.originalFile(versionId);
      if (file === null) throw notFound('Van deze versie is geen origineel bestand bewaard.');
      return file;
    },

    template: () => createPassportTemplate(),

    async export(actor: Actor, projectId: string, versionId: string, format: 'xlsx' | 'json' | 'lcax' | 'pdf'): Promise<ExportFile> {
      const project = await visibleProject(actor, projectId);
      const record = await findVersion(projectId, versionId);
      const document = documentOf(record);
      const base = `paspoort-${slug(project.name)}-v${record.number}`;
      const writable: WritablePassport = { project: writableProject(document), elements: document.elements };
      if (format === 'xlsx') {
        return { fileName: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await writePassportXlsx(writable) };
      }
      const input = engineInputOf(document);
      if (format === 'json') {
        if (!('passport' in input)) throw new AppError('passport_incomplete', `Geen JSON-export: ${input.unavailable}`, 409);
        return { fileName: `${base}.json`, contentType: 'application/json; charset=utf-8', body: `${JSON.stringify({ format: 'kringbouw-passport/1', ...stripExtras(input.passport) }, null, 2)}\n` };
      }
      if (!('passport' in input)) throw new AppError('passport_incomplete', `Geen export: ${input.unavailable}`, 409);
      const result = calculateIndicators(input.passport, { library });
      if (format === 'lcax') {
        const lcax = passportToLcax({ id: record.id, name: `${project.name} — versie ${record.number}`, description: record.label, city: project.municipalityName, passport: { project: writable.project, elements: input.passport.elements }, result, library });
        return { fileName: `${base}.lcax.json`, contentType: 'application/json; charset=utf-8', body: `${JSON.stringify(lcax, null, 2)}\n` };
      }
      if (record.status !== 'vastgesteld' || record.publishedAt === null) {
        throw new AppError('passport_not_published', 'Een PDF-paspoort is er alleen van een vastgestelde versie.', 409);
      }
      const owner = await repositories.organisations.findById(project.ownerOrganisationId);
      const pdf = await passportPdf({
        projectName: project.name,
        municipality: project.municipalityName,
        owner: owner?.name ?? null,
        versionNumber: record.number,
        versionLabel: record.label,
        publishedAt: record.publishedAt,
        publishedBy: record.publishedByName,
        passport: { project: writable.project, elements: input.passport.elements },
        result,
      });
      return { fileName: `${base}.pdf`, contentType: 'application/pdf', body: pdf };
    },
  };
}

export type PassportsService = ReturnType<typeof createPassportsService>;

export function rejected(problems: ImportProblem[]): AppError {
  const shown = problems.slice(0, 500);
  const more = problems.length - shown.length;
  return new AppError(
    'import_rejected',
    `Het bestand is niet ingelezen: ${problems.length} ${problems.length === 1 ? 'probleem' : 'problemen'}${more > 0 ? ` (de eerste ${shown.length} staan in de lijst)` : ''}. Er is niets opgeslagen.`,
    400,
    shown,
  );
}

function withoutKeysOf(fallback: ProjectInput, paths: string[]): ProjectInput {
  const out: ProjectInput = {};
  if (paths.includes('project.bvoM2') && fallback.bvoM2 !== undefined) out.bvoM2 = fallback.bvoM2;
  if (paths.includes('project.buildingType') && fallback.buildingType !== undefined) out.buildingType = fallback.buildingType;
  return out;
}

function writableProject(document: PassportDocument): ProjectInput {
  const { bvoM2, ...rest } = document.project;
  return { ...rest, ...(bvoM2 !== null && { bvoM2 }) };
}

/** The engine's passport without the server's extra line fields (key, profileOrigin) and element source. */
function stripExtras(passport: { project: unknown; elements: { nlsfb: string; name: string; layer: string; lines: object[] }[] }) {
  return {
    project: passport.project,
    elements: passport.elements.map((element) => ({
      nlsfb: element.nlsfb,
      name: element.name,
      layer: element.layer,
      lines: element.lines.map((line) => Object.fromEntries(Object.entries(line).filter(([key]) => key !== 'key' && key !== 'profileOrigin'))),
    })),
  };
}

function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'project'
  );
}
