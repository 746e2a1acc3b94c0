import type { z } from 'zod';
import {
  canActForOrganisation,
  canEditMunicipalityRules,
  canManageStockList,
  canViewStockList,
  defaultOpportunityRules,
  parseOpportunityRules,
  scoreStock,
  stockVisibilityScope,
  type BagGebruiksdoel,
  type OpportunityKind,
  type OpportunityRules,
  type RoofType,
  type StockActor,
  type StockBuilding,
} from '@kringbouw/domain/opportunities';
import {
  hasErrors,
  joinVerblijfsobjecten,
  readCityJson,
  readBagCsv,
  readCorporationStock,
  simplifyFootprint,
  StockFileError,
  streamBagGeoJson,
  toleranceForZoom,
  type ImportIssue,
  type Verblijfsobject,
} from '@kringbouw/stock-io';
import { AppError, forbidden, notFound, validationFailed } from '../../errors.ts';
import { buildingValues, candidatesWorkbook, presentAssessment, presentBuilding, presentListDetail, presentListSummary, scoreOf } from './stock.presenter.ts';
import { MAX_BUCKET_ZOOM, MAX_CLUSTER_ZOOM, SCORE_BUCKET, type BboxFilter, type ScoreUpdate, type StockListRecord, type StockRepository } from './stock.repository.ts';
import type { bboxQuery, bboxResponse, candidateList, candidatesQuery, importResult } from './stock.schemas.ts';

/** Above this many buildings in view the map gets grid clusters instead of buildings. */
export const MAX_MAP_FEATURES = 5000;
/** From this zoom level on footprints are sent (simplified); below it centroids. */
export const FOOTPRINT_MIN_ZOOM = 15;
/** At most this many issues travel back in a rejection; the count says how many there were. */
const MAX_REPORTED_ISSUES = 200;

const listNotFound = () => notFound('Deze voorraadlijst bestaat niet of u hebt er geen toegang toe.');
const buildingNotFound = () => notFound('Dit pand is niet geïmporteerd.');

function rejected(issues: ImportIssue[]): AppError {
  const errors = issues.filter((i) => i.severity === 'error');
  return new AppError('import_rejected', `Het bestand bevat ${errors.length} fout(en); er is niets opgeslagen.`, 400, {
    errorCount: errors.length,
    issues: errors.slice(0, MAX_REPORTED_ISSUES),
  });
}

async function* prepend(first: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield first;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

/** Reads an upload: CityJSON (parsed whole, a tile is one document) or GeoJSON / GeoJSONSeq (streamed). */
async function readBuildingsUpload(chunks: AsyncIterable<Buffer>): Promise<{ buildings: StockBuilding[]; units: Verblijfsobject[]; issues: ImportIssue[]; source: string }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new StockFileError('Het bestand is leeg.');
  const head = first.value.subarray(0, 4096).toString('utf8');
  // CityJSON members are unordered; 3D BAG tiles start with "CityObjects" and have "type" near the end.
  if (/"type"\s*:\s*"CityJSON"|"CityObjects"\s*:/.test(head)) {
    const parts: Buffer[] = [first.value];
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      parts.push(next.value);
    }
    const result = readCityJson(Buffer.concat(parts).toString('utf8'));
    return { buildings: result.buildings, units: [], issues: result.issues, source: '3dbag-cityjson' };
  }
  const buildings: StockBuilding[] = [];
  const units: Verblijfsobject[] = [];
  const issues: ImportIssue[] = [];
  for await (const item of streamBagGeoJson(prepend(first.value, iterator))) {
    if (item.kind === 'pand') buildings.push(item.building);
    else if (item.kind === 'verblijfsobject') units.push(item.verblijfsobject);
    else issues.push(item.issue);
  }
  return { buildings, units, issues, source: 'geojson' };
}

/** Share of the progress bar for reading and transforming the file; scoring ends at SAVE_FROM, writing fills the rest. */
const READ_SHARE = 0.6;
const SAVE_FROM = 0.7;

export type StockImportPhase = 'read' | 'score' | 'save';
export interface ImportProgress {
  onProgress?: (phase: StockImportPhase, fraction: number) => void;
  signal?: AbortSignal;
  /** Size of the upload, to turn bytes read into a fraction. */
  totalBytes?: number;
}

export const importCancelled = () => new AppError('import_cancelled', 'De import is afgebroken; er is niets opgeslagen.', 409);

/** Passes chunks through, reporting the fraction of `totalBytes` read; stops with import_cancelled on abort. */
async function* countBytes(chunks: AsyncIterable<Buffer>, totalBytes: number, report: (fraction: number) => void, signal: AbortSignal | undefined): AsyncGenerator<Buffer> {
  let read = 0;
  for await (const chunk of chunks) {
    if (signal?.aborted) throw importCancelled();
    read += chunk.length;
    report(Math.min(1, read / totalBytes));
    yield chunk;
  }
}

function asStockBuilding(row: Awaited<ReturnType<StockRepository['scoringInputs']>>[number]): StockBuilding {
  return {
    bagId: row.bagId,
    footprint: { type: 'Polygon', coordinates: [] },
    footprintAreaM2: row.footprintAreaM2,
    buildYear: row.buildYear,
    roofType: row.roofType as RoofType | null,
    heightM: row.heightM,
    storeysEstimate: row.storeysEstimate,
    centroid: [row.centroidLon, row.centroidLat],
    useFunctions: row.useFunctions as BagGebruiksdoel[] | null,
    dwellings: row.dwellings,
    floorAreaM2: row.floorAreaM2,
    vacant: row.vacant,
    dwellingType: row.dwellingType,
  };
}

/** The stored scores of a re-scored building (import of its neighbours, or a new rule set). */
function scoreUpdateOf(s: ReturnType<typeof scoreStock>[number]): ScoreUpdate {
  return {
    bagId: s.bagId,
    scoreSplitsen: s.opportunities.splitsen.score,
    scoreOptoppen: s.opportunities.optoppen.score,
    scoreTransformatie: s.opportunities.transformatie.score,
    opportunities: s.opportunities,
    neighbourDifferenceM: s.neighbours?.differenceM ?? null,
    rulesVersion: s.opportunities.rulesVersion,
  };
}

export function createStockService(deps: { repository: StockRepository; now: () => Date; maxMapFeatures?: number }) {
  const { repository, now } = deps;
  const maxMapFeatures = deps.maxMapFeatures ?? MAX_MAP_FEATURES;

  /** Organisations whose assessments the actor sees: its own, owners of lists shared with it; all for the coordinator. */
  async function visibleAssessmentOrganisations(actor: StockActor): Promise<string[] | null> {
    const scope = stockVisibilityScope(actor);
    if (scope.kind === 'all') return null;
    if (scope.kind === 'none') return [];
    const lists = await repository.lists(scope);
    return [...new Set([...scope.organisationIds, ...lists.map((l) => l.ownerOrganisationId)])];
  }

  /** The rules that score a municipality: its newest saved version, or the default set. */
  async function rulesFor(municipalityCode: string): Promise<{ version: number | null; rules: OpportunityRules }> {
    const [latest] = await repository.ruleSets(municipalityCode);
    if (!latest) return { version: null, rules: defaultOpportunityRules };
    return { version: latest.ruleSet.version, rules: parseOpportunityRules(latest.ruleSet.rules) };
  }

  async function ruleSetView(municipalityCode: string) {
    const history = await repository.ruleSets(municipalityCode);
    const { version, rules } = await rulesFor(municipalityCode);
    return {
      municipalityCode,
      version,
      rules,
      history: history.map((h) => ({
        version: h.ruleSet.version,
        rulesVersion: parseOpportunityRules(h.ruleSet.rules).version,
        note: h.ruleSet.note,
        organisationName: h.organisationName,
        createdAt: h.ruleSet.createdAt.toISOString(),
      })),
    };
  }

  async function visibleList(actor: StockActor, id: string): Promise<StockListRecord> {
    const list = await repository.findList(id);
    if (list === null || !canViewStockList(actor, list)) throw listNotFound();
    return list;
  }

  return {
    async importBuildings(
      actor: StockActor,
      input: { municipalityCode: string; organisationId: string; chunks: AsyncIterable<Buffer> },
      progress: ImportProgress = {},
    ): Promise<z.infer<typeof importResult>> {
      if (!canActForOrganisation(actor, input.organisationId)) {
        throw forbidden('U kunt alleen gebouwen importeren voor een organisatie waar u bewerker of beheerder bent.');
      }
      if (!(await repository.municipalityExists(input.municipalityCode))) {
        throw validationFailed([{ path: 'code', message: `Onbekende CBS-gemeentecode: ${input.municipalityCode}` }]);
      }
      const { onProgress, signal, totalBytes } = progress;
      const checkCancelled = () => {
        if (signal?.aborted) throw importCancelled();
      };
      let upload;
      try {
        upload = await readBuildingsUpload(onProgress && totalBytes ? countBytes(input.chunks, totalBytes, (f) => onProgress('read', READ_SHARE * f), signal) : input.chunks);
      } catch (error) {
        if (error instanceof StockFileError) throw new AppError('invalid_file', error.message, 400, { issues: error.issues });
        throw error;
      }
      if (hasErrors(upload.issues)) throw rejected(upload.issues);
      if (upload.buildings.length === 0) throw new AppError('invalid_file', 'Het bestand bevat geen panden.', 400);
      const joined = upload.units.length > 0 ? joinVerblijfsobjecten(upload.buildings, upload.units) : { buildings: upload.buildings, issues: [] };

      // Score the new buildings together with the municipality's stored ones: neighbours cross tile borders.
      const incoming = new Set(joined.buildings.map((b) => b.bagId));
      const stored = (await repository.scoringInputs(input.municipalityCode)).filter((row) => !incoming.has(row.bagId));
      const all = [...joined.buildings, ...stored.map(asStockBuilding)];
      const { rules } = await rulesFor(input.municipalityCode);
      checkCancelled();
      onProgress?.('score', READ_SHARE);
      const scored = scoreStock(all, rules);
      checkCancelled();
      onProgress?.('save', SAVE_FROM);
      const at = now();
      const context = { municipalityCode: input.municipalityCode, organisationId: input.organisationId, source: upload.source, now: at };
      const newRows = joined.buildings.map((building, index) => {
        const score = scored[index];
        if (!score) throw new Error('scoring lost a building');
        return buildingValues(building, score, context);
      });
      const updates: ScoreUpdate[] = scored.slice(joined.buildings.length).map(scoreUpdateOf);
      await repository.saveImport(input.municipalityCode, newRows, updates, [], {
        onBatch: (fraction) => onProgress?.('save', SAVE_FROM + (1 - SAVE_FROM) * fraction),
        // Checked inside the transaction: throwing rolls everything back, so a cancelled import writes nothing.
        checkCancelled,
      });
      return {
        imported: newRows.length,
        verblijfsobjecten: upload.units.length,
        rescored: updates.length,
        rulesVersion: rules.version,
        warnings: [...upload.issues, ...joined.issues].slice(0, MAX_REPORTED_ISSUES),
      };
    },

    /**
     * BAG verblijfsobjecten (CSV or GeoJSON) for a municipality whose panden are stored: use functions, dwellings,
     * floor area and vacancy are joined onto the panden and the municipality is re-scored, in one transaction.
     */
    async importVerblijfsobjecten(
      actor: StockActor,
      input: { municipalityCode: string; organisationId: string; chunks: AsyncIterable<Buffer> },
    ): Promise<z.infer<typeof importResult>> {
      if (!canActForOrganisation(actor, input.organisationId)) {
        throw forbidden('U kunt alleen BAG-gegevens importeren voor een organisatie waar u bewerker of beheerder bent.');
      }
      const parts: Buffer[] = [];
      for await (const chunk of input.chunks) parts.push(chunk);
      const bytes = Buffer.concat(parts);
      const head = bytes.subarray(0, 2048).toString('utf8').trimStart();
      let units: Verblijfsobject[] = [];
      let issues: ImportIssue[] = [];
      try {
        if (head.startsWith('{') || head.startsWith('\u001e')) {
          const result = { units: [] as Verblijfsobject[], issues: [] as ImportIssue[] };
          for await (const item of streamBagGeoJson([bytes])) {
            if (item.kind === 'verblijfsobject') result.units.push(item.verblijfsobject);
            else if (item.kind === 'issue') result.issues.push(item.issue);
            else result.issues.push({ severity: 'error', id: item.building.bagId, reason: 'a pand in a verblijfsobjecten file; import panden as buildings' });
          }
          ({ units, issues } = result);
        } else {
          const result = await readBagCsv(bytes);
          units = result.verblijfsobjecten;
          issues = result.issues;
        }
      } catch (error) {
        if (error instanceof StockFileError) throw new AppError('invalid_file', error.message, 400, { issues: error.issues });
        throw error;
      }
      if (hasErrors(issues)) throw rejected(issues);
      if (units.length === 0) throw new AppError('invalid_file', 'Het bestand bevat geen verblijfsobjecten.', 400);
      const stored = (await repository.scoringInputs(input.municipalityCode)).map(asStockBuilding);
      if (stored.length === 0) throw new AppError('no_buildings', 'Importeer eerst de panden (3D BAG) van deze gemeente.', 409);
      const joined = joinVerblijfsobjecten(stored, units);
      const { rules } = await rulesFor(input.municipalityCode);
      const scored = scoreStock(joined.buildings, rules);
      const touched = new Set(units.flatMap((u) => u.pandIds));
      const updates: ScoreUpdate[] = scored.map((s, index) => {
        const building = joined.buildings[index];
        return {
          bagId: s.bagId,
          scoreSplitsen: s.opportunities.splitsen.score,
          scoreOptoppen: s.opportunities.optoppen.score,
          scoreTransformatie: s.opportunities.transformatie.score,
          opportunities: s.opportunities,
          neighbourDifferenceM: s.neighbours?.differenceM ?? null,
          rulesVersion: s.opportunities.rulesVersion,
          // The extract covers the municipality: panden without units get "no units" (useFunctions [], 0 dwellings).
          ...(building ? { facts: { useFunctions: building.useFunctions, dwellings: building.dwellings, floorAreaM2: building.floorAreaM2, vacant: building.vacant } } : {}),
        };
      });
      const links = units.flatMap((u) => u.pandIds.map((pandId) => ({ vboId: u.identificatie, pandId, municipalityCode: input.municipalityCode })));
      await repository.saveImport(input.municipalityCode, [], updates, links);
      return {
        imported: stored.filter((b) => touched.has(b.bagId)).length,
        verblijfsobjecten: units.length,
        rescored: updates.length,
        rulesVersion: rules.version,
        warnings: [...issues, ...joined.issues].slice(0, MAX_REPORTED_ISSUES),
      };
    },

    async rules(municipalityCode: string) {
      if (!(await repository.municipalityExists(municipalityCode))) throw notFound(`Onbekende CBS-gemeentecode: ${municipalityCode}`);
      return ruleSetView(municipalityCode);
    },

    /**
     * Saves a new version of a municipality's rules and re-scores every stored building of the municipality with
     * it — scores, points and clusters — in the same transaction as the new version: all or nothing.
     */
    async saveRules(actor: StockActor, municipalityCode: string, input: { organisationId: string; rules: OpportunityRules; note: string }) {
      if (!(await repository.municipalityExists(municipalityCode))) throw notFound(`Onbekende CBS-gemeentecode: ${municipalityCode}`);
      const organisation = await repository.organisationFacts(input.organisationId);
      if (organisation === null || !canEditMunicipalityRules(actor, organisation, municipalityCode)) {
        throw forbidden('Alleen bewerkers en beheerders van deze gemeente (of de coördinator) wijzigen de regels van de kansenkaart.');
      }
      const [latest] = await repository.ruleSets(municipalityCode);
      const version = (latest?.ruleSet.version ?? 0) + 1;
      // The version string every score records: which municipality, which saved version.
      const rules: OpportunityRules = { ...input.rules, version: `${municipalityCode}-v${version}` };
      const stored = (await repository.scoringInputs(municipalityCode)).map(asStockBuilding);
      const scored = scoreStock(stored, rules);
      const updates: ScoreUpdate[] = scored.map(scoreUpdateOf);
      await repository.saveImport(municipalityCode, [], updates, [], {
        ruleSet: { municipalityCode, version, rules, note: input.note, organisationId: input.organisationId, createdBy: actor.userId, createdAt: now() },
      });
      return { ...(await ruleSetView(municipalityCode)), rescored: updates.length };
    },

    async buildingsInView(actor: StockActor, query: z.infer<typeof bboxQuery>): Promise<z.infer<typeof bboxResponse>> {
      let listIds: string[] | undefined;
      if (query.listId !== undefined) listIds = [(await visibleList(actor, query.listId)).id];
      const filter: BboxFilter = { ...query.bbox, kind: query.kind, minScore: query.minScore, buildYearFrom: query.buildYearFrom, buildYearTo: query.buildYearTo, listIds };
      const counted = await repository.countInBbox(filter, maxMapFeatures + 1);
      const base = { type: 'FeatureCollection' as const, total: counted, kind: query.kind };
      if (counted > maxMapFeatures) {
        // Cells of 64 screen pixels at this zoom. Without year or list filters they are read pre-aggregated: all
        // buildings, or (up to MAX_BUCKET_ZOOM) those scoring at least a multiple of 10, as the map's slider asks.
        const zoomLevel = Math.max(0, Math.floor(query.zoom));
        const noYearOrList = filter.buildYearFrom === undefined && filter.buildYearTo === undefined && filter.listIds === undefined;
        const clusters =
          noYearOrList && filter.minScore === 0 && zoomLevel <= MAX_CLUSTER_ZOOM
            ? await repository.precomputedClustersInBbox(filter, zoomLevel)
            : noYearOrList && filter.minScore % SCORE_BUCKET === 0 && zoomLevel <= MAX_BUCKET_ZOOM
              ? await repository.precomputedScoredClustersInBbox(filter, zoomLevel)
              : await repository.clustersInBbox(filter, toleranceForZoom(query.zoom) * 2 * 64);
        return {
          ...base,
          total: clusters.reduce((sum, c) => sum + c.count, 0),
          mode: 'clusters',
          features: clusters.map((c, index) => ({
            type: 'Feature' as const,
            id: `cluster-${index}`,
            geometry: { type: 'Point' as const, coordinates: [Math.round(c.lon * 1e6) / 1e6, Math.round(c.lat * 1e6) / 1e6] as [number, number] },
            properties: { count: c.count, meanScore: Math.round(c.meanScore), maxScore: c.maxScore },
          })),
        };
      }
      if (query.zoom < FOOTPRINT_MIN_ZOOM) {
        const points = await repository.pointsInBbox(filter, maxMapFeatures);
        return {
          ...base,
          total: points.length,
          mode: 'points',
          features: points.map((point) => ({
            type: 'Feature' as const,
            id: point.bagId,
            geometry: { type: 'Point' as const, coordinates: [point.lon, point.lat] as [number, number] },
            properties: { bagId: point.bagId, score: scoreOf(point, query.kind), buildYear: point.buildYear, roofType: point.roofType },
          })),
        };
      }
      // Footprints: every building whose footprint box touches the view (a few more than the centroid count).
      const rows = await repository.buildingsInBbox(filter, maxMapFeatures);
      const tolerance = toleranceForZoom(query.zoom);
      return {
        ...base,
        total: rows.length,
        mode: 'footprints',
        features: rows.map((row) => ({
          type: 'Feature' as const,
          id: row.bagId,
          geometry: simplifyFootprint(row.footprint, tolerance),
          properties: { bagId: row.bagId, score: scoreOf(row, query.kind), buildYear: row.buildYear, roofType: row.roofType },
        })),
      };
    },

    async building(actor: StockActor, bagId: string) {
      const row = await repository.findBuilding(bagId);
      if (row === null) throw buildingNotFound();
      const organisationIds = await visibleAssessmentOrganisations(actor);
      const assessments = await repository.assessments([bagId], organisationIds);
      const lists = await repository.lists(stockVisibilityScope(actor));
      const listRows = await repository.rowsForPand(bagId, lists.map((l) => l.id));
      return presentBuilding(row, assessments, listRows);
    },

    async assess(
      actor: StockActor,
      bagId: string,
      input: {
        organisationId: string;
        status: 'kandidaat' | 'ongeschikt';
        kind: OpportunityKind | null;
        reason: string;
        consultation?: { consulted: boolean; date: string | null; opinion: string } | null | undefined;
        projectId?: string | null | undefined;
      },
    ) {
      if (!canActForOrganisation(actor, input.organisationId)) {
        throw forbidden('U kunt alleen beoordelen namens een organisatie waar u bewerker of beheerder bent.');
      }
      if ((await repository.findBuilding(bagId)) === null) throw buildingNotFound();
      if (input.projectId && (await repository.projectOwner(input.projectId)) !== input.organisationId) {
        throw validationFailed([{ path: 'projectId', message: 'Dit project bestaat niet of is niet van deze organisatie.' }]);
      }
      const consultation =
        input.consultation === undefined
          ? {}
          : input.consultation === null
            ? { tenantConsulted: null, consultedOn: null, tenantOpinion: null }
            : { tenantConsulted: input.consultation.consulted, consultedOn: input.consultation.date, tenantOpinion: input.consultation.opinion };
      await repository.saveAssessment({
        bagId,
        organisationId: input.organisationId,
        status: input.status,
        kind: input.kind,
        reason: input.reason,
        createdBy: actor.userId,
        updatedAt: now(),
        ...consultation,
        ...(input.projectId !== undefined ? { projectId: input.projectId } : {}),
      });
      return this.building(actor, bagId);
    },

    async candidates(actor: StockActor, municipalityCode: string, query: z.infer<typeof candidatesQuery>): Promise<z.infer<typeof candidateList>> {
      const own = actor.memberships.map((m) => m.organisationId);
      const listIds = query.listId === undefined ? undefined : [(await visibleList(actor, query.listId)).id];
      const rows = await repository.candidates({ municipalityCode, ...query, listIds }, own);
      const assessments = await repository.assessments(rows.map((r) => r.bagId), await visibleAssessmentOrganisations(actor));
      return {
        kind: query.kind,
        items: rows.map((row) => ({
          bagId: row.bagId,
          score: scoreOf(row, query.kind),
          reasons: row.opportunities[query.kind].reasons.map((r) => r.text_nl),
          buildYear: row.buildYear,
          roofType: row.roofType,
          heightM: row.heightM,
          centroid: [row.centroidLon, row.centroidLat] as [number, number],
          assessments: assessments.filter((a) => a.bagId === row.bagId).map(presentAssessment),
        })),
      };
    },

    /** The candidate list as a workbook: one row per building, the reasons as text, assessments of visible organisations. */
    async candidatesWorkbook(actor: StockActor, municipalityCode: string, query: z.infer<typeof candidatesQuery>): Promise<Buffer> {
      const list = await this.candidates(actor, municipalityCode, query);
      return candidatesWorkbook(municipalityCode, list, (await rulesFor(municipalityCode)).rules.version);
    },

    async createList(
      actor: StockActor,
      input: { organisationId: string; name: string; municipalityCode: string; sharedWith: string[]; file: Buffer },
    ) {
      if (!canManageStockList(actor, { ownerOrganisationId: input.organisationId })) {
        throw forbidden('U kunt alleen een voorraadlijst uploaden voor een organisatie waar u bewerker of beheerder bent.');
      }
      const problems = [];
      if (!(await repository.municipalityExists(input.municipalityCode))) problems.push({ path: 'municipalityCode', message: `Onbekende CBS-gemeentecode: ${input.municipalityCode}` });
      const existing = await repository.existingOrganisationIds(input.sharedWith);
      input.sharedWith.forEach((id, index) => {
        if (!existing.has(id)) problems.push({ path: `sharedWith.${index}`, message: 'Deze organisatie bestaat niet.' });
      });
      if (problems.length > 0) throw validationFailed(problems);
      const result = await readCorporationStock(new Uint8Array(input.file));
      if (!result.ok) throw rejected(result.issues);
      const unitIds = result.rows.filter((row) => row.bagIdType === 'verblijfsobject' && row.bagId !== null).map((row) => row.bagId ?? '');
      const pandOfUnit = await repository.pandsOfUnits(unitIds);
      const id = await repository.createList(
        { ownerOrganisationId: input.organisationId, name: input.name, municipalityCode: input.municipalityCode, createdBy: actor.userId, sharedWith: [...new Set(input.sharedWith)].filter((o) => o !== input.organisationId) },
        result.rows.map((row) => ({
          rowNumber: row.row,
          bagId: row.bagId,
          bagIdType: row.bagIdType,
          // A pand id links directly; a verblijfsobject id through the imported BAG verblijfsobjecten (now or later).
          pandId: row.bagIdType === 'pand' ? row.bagId : row.bagId === null ? null : (pandOfUnit.get(row.bagId) ?? null),
          adres: row.adres,
          complexnummer: row.complexnummer,
          woningtype: row.woningtype,
          oppervlakteM2: row.oppervlakteM2,
          energielabel: row.energielabel,
          jaarGrootOnderhoud: row.jaarGrootOnderhoud,
          buurt: row.buurt,
        })),
      );
      return this.list(actor, id);
    },

    async lists(actor: StockActor) {
      return { items: (await repository.lists(stockVisibilityScope(actor))).map(presentListSummary) };
    },

    async list(actor: StockActor, id: string) {
      const list = await visibleList(actor, id);
      return presentListDetail(list, await repository.listRows(id));
    },

    async share(actor: StockActor, id: string, organisationIds: string[]) {
      const list = await visibleList(actor, id);
      if (!canManageStockList(actor, list)) throw forbidden('Alleen bewerkers en beheerders van de eigenaar delen een voorraadlijst.');
      const unique = [...new Set(organisationIds)].filter((o) => o !== list.ownerOrganisationId);
      const existing = await repository.existingOrganisationIds(unique);
      const problems = unique.flatMap((o, index) => (existing.has(o) ? [] : [{ path: `organisationIds.${index}`, message: 'Deze organisatie bestaat niet.' }]));
      if (problems.length > 0) throw validationFailed(problems);
      await repository.replaceShares(id, unique);
      return presentListSummary((await repository.findList(id)) ?? list);
    },

    async deleteList(actor: StockActor, id: string) {
      const list = await visibleList(actor, id);
      if (!canManageStockList(actor, list)) throw forbidden('Alleen bewerkers en beheerders van de eigenaar verwijderen een voorraadlijst.');
      await repository.deleteList(id);
    },
  };
}

export type StockService = ReturnType<typeof createStockService>;
