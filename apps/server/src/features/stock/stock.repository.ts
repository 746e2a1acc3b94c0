/**
 * SQL of the kansenkaart: imported buildings, corporation stock lists with their shares, and assessments.
 * The tables are created by drizzle/0001_stock.sql and described here (not in src/db/schema.ts) so the feature
 * stays in one folder.
 */
import { and, asc, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { boolean, date, doublePrecision, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { BuildingOpportunities, FootprintPolygon, OpportunityKind, StockVisibilityScope } from '@kringbouw/domain/opportunities';
import type { Db } from '../../db/index.ts';
import { municipalities, organisations, projects } from '../../db/schema.ts';

export const stockBuildings = pgTable('stock_buildings', {
  bagId: text('bag_id').primaryKey(),
  municipalityCode: text('municipality_code').notNull(),
  importedByOrganisationId: uuid('imported_by_organisation_id').notNull(),
  source: text('source').notNull(),
  footprint: jsonb('footprint').$type<FootprintPolygon>().notNull(),
  minLon: doublePrecision('min_lon').notNull(),
  minLat: doublePrecision('min_lat').notNull(),
  maxLon: doublePrecision('max_lon').notNull(),
  maxLat: doublePrecision('max_lat').notNull(),
  centroidLon: doublePrecision('centroid_lon').notNull(),
  centroidLat: doublePrecision('centroid_lat').notNull(),
  footprintAreaM2: doublePrecision('footprint_area_m2').notNull(),
  buildYear: integer('build_year'),
  roofType: text('roof_type'),
  heightM: doublePrecision('height_m'),
  storeysEstimate: integer('storeys_estimate'),
  useFunctions: jsonb('use_functions').$type<string[] | null>(),
  dwellings: integer('dwellings'),
  floorAreaM2: doublePrecision('floor_area_m2'),
  vacant: boolean('vacant'),
  dwellingType: text('dwelling_type'),
  scoreSplitsen: integer('score_splitsen').notNull(),
  scoreOptoppen: integer('score_optoppen').notNull(),
  scoreTransformatie: integer('score_transformatie').notNull(),
  opportunities: jsonb('opportunities').$type<BuildingOpportunities>().notNull(),
  neighbourDifferenceM: doublePrecision('neighbour_difference_m'),
  rulesVersion: text('rules_version').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});

export const stockLists = pgTable('stock_lists', {
  id: uuid('id').primaryKey().defaultRandom(),
  ownerOrganisationId: uuid('owner_organisation_id').notNull(),
  name: text('name').notNull(),
  municipalityCode: text('municipality_code').notNull(),
  rowCount: integer('row_count').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const stockListShares = pgTable(
  'stock_list_shares',
  { listId: uuid('list_id').notNull(), organisationId: uuid('organisation_id').notNull() },
  (t) => [primaryKey({ columns: [t.listId, t.organisationId], name: 'stock_list_shares_pk' })],
);

export const stockListRows = pgTable(
  'stock_list_rows',
  {
    listId: uuid('list_id').notNull(),
    rowNumber: integer('row_number').notNull(),
    bagId: text('bag_id'),
    bagIdType: text('bag_id_type'),
    pandId: text('pand_id'),
    adres: text('adres'),
    complexnummer: text('complexnummer').notNull(),
    woningtype: text('woningtype').notNull(),
    oppervlakteM2: doublePrecision('oppervlakte_m2').notNull(),
    energielabel: text('energielabel'),
    jaarGrootOnderhoud: integer('jaar_groot_onderhoud'),
    /** Neighbourhood as the corporation names it (migration 0010); the renovation plan draws areas from it. */
    buurt: text('buurt'),
  },
  (t) => [primaryKey({ columns: [t.listId, t.rowNumber], name: 'stock_list_rows_pk' })],
);

export const stockAssessments = pgTable(
  'stock_assessments',
  {
    bagId: text('bag_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    status: text('status').$type<'kandidaat' | 'ongeschikt'>().notNull(),
    kind: text('kind').$type<OpportunityKind | null>(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** The tenants' organisation was consulted about this candidate (null: not recorded). Migration 0006. */
    tenantConsulted: boolean('tenant_consulted'),
    consultedOn: date('consulted_on', { mode: 'string' }),
    tenantOpinion: text('tenant_opinion'),
    /** The project created from this candidate (kept through the assessment: it names the organisation). */
    projectId: uuid('project_id'),
  },
  (t) => [primaryKey({ columns: [t.bagId, t.organisationId], name: 'stock_assessments_pk' })],
);

export const stockUnits = pgTable(
  'stock_units',
  { vboId: text('vbo_id').notNull(), pandId: text('pand_id').notNull(), municipalityCode: text('municipality_code').notNull() },
  (t) => [primaryKey({ columns: [t.vboId, t.pandId], name: 'stock_units_pk' })],
);

/** Narrow copy for map views (centroids, clusters); refreshed per municipality by every import. */
export const stockPoints = pgTable('stock_points', {
  bagId: text('bag_id').primaryKey(),
  municipalityCode: text('municipality_code').notNull(),
  lon: doublePrecision('lon').notNull(),
  lat: doublePrecision('lat').notNull(),
  buildYear: integer('build_year'),
  roofType: text('roof_type'),
  scoreSplitsen: integer('score_splitsen').notNull(),
  scoreOptoppen: integer('score_optoppen').notNull(),
  scoreTransformatie: integer('score_transformatie').notNull(),
});

/** Highest zoom level with pre-aggregated clusters (migration 0011); above it clusters are grouped per request. */
export const MAX_CLUSTER_ZOOM = 15;

/**
 * Highest zoom level with pre-aggregated clusters per score bucket (migration 0015), for views filtered on a minimum
 * score that is a multiple of SCORE_BUCKET (the map's slider).
 */
export const MAX_BUCKET_ZOOM = 13;
export const SCORE_BUCKET = 10;

/** Size of a 64-pixel cluster cell at an integer zoom level, in degrees: 64 px × 360° / (256 px × 2^zoom). */
export function clusterCellDegrees(zoom: number): number {
  return 90 / 2 ** zoom;
}

/**
 * Re-aggregates a municipality's clusters from stock_points: the finest level from the points, every coarser level
 * from the one above (cells nest). Runs inside the caller's transaction, so the map never sees clusters of a
 * half-written import.
 */
async function refreshClusters(tx: Pick<Db, 'execute'>, municipalityCode: string): Promise<void> {
  await tx.execute(sql`delete from stock_clusters where municipality_code = ${municipalityCode}`);
  await tx.execute(sql`
    insert into stock_clusters
    select municipality_code, ${MAX_CLUSTER_ZOOM}::smallint, floor(lon * ${2 ** MAX_CLUSTER_ZOOM}::double precision / 90)::int, floor(lat * ${2 ** MAX_CLUSTER_ZOOM}::double precision / 90)::int,
      count(*)::int, sum(lon), sum(lat), sum(score_splitsen), max(score_splitsen), sum(score_optoppen), max(score_optoppen), sum(score_transformatie), max(score_transformatie)
    from stock_points where municipality_code = ${municipalityCode}
    group by 1, 2, 3, 4`);
  await tx.execute(sql`delete from stock_cluster_buckets where municipality_code = ${municipalityCode}`);
  await tx.execute(sql`
    insert into stock_cluster_buckets
    select municipality_code, ${MAX_BUCKET_ZOOM}::smallint, floor(lon * ${2 ** MAX_BUCKET_ZOOM}::double precision / 90)::int, floor(lat * ${2 ** MAX_BUCKET_ZOOM}::double precision / 90)::int,
      k.kind, least(floor(k.score::double precision / ${SCORE_BUCKET}::int), ${100 / SCORE_BUCKET}::int)::smallint, count(*)::int, sum(lon), sum(lat), sum(k.score), max(k.score)
    from stock_points
    cross join lateral (values ('splitsen', score_splitsen), ('optoppen', score_optoppen), ('transformatie', score_transformatie)) as k(kind, score)
    where municipality_code = ${municipalityCode}
    group by 1, 2, 3, 4, 5, 6`);
  for (let zoom = MAX_BUCKET_ZOOM - 1; zoom >= 0; zoom -= 1) {
    await tx.execute(sql`
      insert into stock_cluster_buckets
      select municipality_code, ${zoom}::smallint, floor(cell_x / 2.0)::int, floor(cell_y / 2.0)::int, kind, bucket, sum(count)::int, sum(sum_lon), sum(sum_lat), sum(sum_score), max(max_score)
      from stock_cluster_buckets where municipality_code = ${municipalityCode} and zoom = ${zoom + 1}
      group by 1, 2, 3, 4, 5, 6`);
  }
  for (let zoom = MAX_CLUSTER_ZOOM - 1; zoom >= 0; zoom -= 1) {
    await tx.execute(sql`
      insert into stock_clusters
      select municipality_code, ${zoom}::smallint, floor(cell_x / 2.0)::int, floor(cell_y / 2.0)::int, sum(count)::int, sum(sum_lon), sum(sum_lat),
        sum(sum_splitsen), max(max_splitsen), sum(sum_optoppen), max(max_optoppen), sum(sum_transformatie), max(max_transformatie)
      from stock_clusters where municipality_code = ${municipalityCode} and zoom = ${zoom + 1}
      group by 1, 2, 3, 4`);
  }
}

/** A municipality's own opportunity rules, one row per saved version (migration 0011). */
export const opportunityRuleSets = pgTable('opportunity_rule_sets', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityCode: text('municipality_code').notNull(),
  version: integer('version').notNull(),
  rules: jsonb('rules').$type<unknown>().notNull(),
  note: text('note').notNull(),
  organisationId: uuid('organisation_id'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type StockBuildingRow = typeof stockBuildings.$inferSelect;
export type StockBuildingInsert = typeof stockBuildings.$inferInsert;
export type StockListRowInsert = Omit<typeof stockListRows.$inferInsert, 'listId'>;
export type StockListRecord = typeof stockLists.$inferSelect & { ownerName: string; sharedWithOrganisationIds: string[] };
export type StockAssessmentRecord = typeof stockAssessments.$inferSelect & { organisationName: string };

/** BAG verblijfsobjecten facts joined onto a stored building. */
export interface UnitFacts {
  useFunctions: string[] | null;
  dwellings: number | null;
  floorAreaM2: number | null;
  vacant: boolean | null;
}

export interface ScoreUpdate {
  bagId: string;
  /** When set, the building's verblijfsobjecten facts are replaced too. */
  facts?: UnitFacts;
  scoreSplitsen: number;
  scoreOptoppen: number;
  scoreTransformatie: number;
  opportunities: BuildingOpportunities;
  neighbourDifferenceM: number | null;
  rulesVersion: string;
}

export interface BboxFilter {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
  kind: OpportunityKind;
  minScore: number;
  buildYearFrom?: number | undefined;
  buildYearTo?: number | undefined;
  /** Only buildings in these stock lists (already checked for visibility). */
  listIds?: string[] | undefined;
}

const BATCH = 500;

function scoreColumn(kind: OpportunityKind) {
  if (kind === 'splitsen') return stockBuildings.scoreSplitsen;
  if (kind === 'optoppen') return stockBuildings.scoreOptoppen;
  return stockBuildings.scoreTransformatie;
}

/** Score, build-year and stock-list conditions, shared by the footprint table and the narrow points table. */
function attributeConditions(
  filter: BboxFilter,
  columns: { score: AnyPgColumn; buildYear: AnyPgColumn; bagId: AnyPgColumn },
): (SQL | undefined)[] {
  return [
    gte(columns.score, filter.minScore),
    filter.buildYearFrom === undefined ? undefined : gte(columns.buildYear, filter.buildYearFrom),
    filter.buildYearTo === undefined ? undefined : lte(columns.buildYear, filter.buildYearTo),
    filter.listIds === undefined
      ? undefined
      : filter.listIds.length === 0
        ? sql`false`
        : inArray(
            columns.bagId,
            sql`(select ${stockListRows.pandId} from ${stockListRows} where ${inArray(stockListRows.listId, filter.listIds)} and ${stockListRows.pandId} is not null)`,
          ),
  ];
}

function bboxConditions(filter: BboxFilter): SQL {
  const conditions: (SQL | undefined)[] = [
    // Footprint bbox intersects the query bbox.
    lte(stockBuildings.minLon, filter.maxLon),
    gte(stockBuildings.maxLon, filter.minLon),
    lte(stockBuildings.minLat, filter.maxLat),
    gte(stockBuildings.maxLat, filter.minLat),
    ...attributeConditions(filter, { score: scoreColumn(filter.kind), buildYear: stockBuildings.buildYear, bagId: stockBuildings.bagId }),
  ];
  return and(...conditions) ?? sql`true`;
}

function pointScore(kind: OpportunityKind) {
  if (kind === 'splitsen') return stockPoints.scoreSplitsen;
  if (kind === 'optoppen') return stockPoints.scoreOptoppen;
  return stockPoints.scoreTransformatie;
}

/** The same filter on the narrow table, by centroid in view. */
function pointConditions(filter: BboxFilter): SQL {
  const conditions: (SQL | undefined)[] = [
    gte(stockPoints.lon, filter.minLon),
    lte(stockPoints.lon, filter.maxLon),
    gte(stockPoints.lat, filter.minLat),
    lte(stockPoints.lat, filter.maxLat),
    ...attributeConditions(filter, { score: pointScore(filter.kind), buildYear: stockPoints.buildYear, bagId: stockPoints.bagId }),
  ];
  return and(...conditions) ?? sql`true`;
}

function listScopeCondition(scope: StockVisibilityScope): SQL {
  if (scope.kind === 'all') return sql`true`;
  if (scope.kind === 'none' || scope.organisationIds.length === 0) return sql`false`;
  return (
    or(
      inArray(stockLists.ownerOrganisationId, scope.organisationIds),
      inArray(stockLists.id, sql`(select ${stockListShares.listId} from ${stockListShares} where ${inArray(stockListShares.organisationId, scope.organisationIds)})`),
    ) ?? sql`false`
  );
}

export function createStockRepository(db: Db) {
  return {
    async municipalityExists(code: string): Promise<boolean> {
      const rows = await db.select({ code: municipalities.code }).from(municipalities).where(eq(municipalities.code, code)).limit(1);
      return rows.length > 0;
    },

    async existingOrganisationIds(ids: string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await db.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, ids));
      return new Set(rows.map((r) => r.id));
    },

    /** Everything the scoring needs of a municipality's buildings (no footprints). */
    async scoringInputs(municipalityCode: string) {
      return db
        .select({
          bagId: stockBuildings.bagId,
          centroidLon: stockBuildings.centroidLon,
          centroidLat: stockBuildings.centroidLat,
          footprintAreaM2: stockBuildings.footprintAreaM2,
          buildYear: stockBuildings.buildYear,
          roofType: stockBuildings.roofType,
          heightM: stockBuildings.heightM,
          storeysEstimate: stockBuildings.storeysEstimate,
          useFunctions: stockBuildings.useFunctions,
          dwellings: stockBuildings.dwellings,
          floorAreaM2: stockBuildings.floorAreaM2,
          vacant: stockBuildings.vacant,
          dwellingType: stockBuildings.dwellingType,
        })
        .from(stockBuildings)
        .where(eq(stockBuildings.municipalityCode, municipalityCode));
    },

    /**
     * Writes an import and the re-scored neighbours in one transaction: all or nothing.
     * `buildings` are inserted or replaced; `scores` update buildings already stored.
     */
    async saveImport(
      municipalityCode: string,
      buildings: StockBuildingInsert[],
      scores: ScoreUpdate[],
      units: (typeof stockUnits.$inferInsert)[] = [],
      progress: {
        onBatch?: (fraction: number) => void;
        checkCancelled?: () => void;
        /** A new rule-set version, stored in the same transaction as the scores it produced. */
        ruleSet?: typeof opportunityRuleSets.$inferInsert;
      } = {},
    ): Promise<void> {
      const totalBatches = Math.max(1, Math.ceil(buildings.length / BATCH) + Math.ceil(scores.length / BATCH));
      let doneBatches = 0;
      const batchDone = () => {
        progress.checkCancelled?.();
        doneBatches += 1;
        progress.onBatch?.(Math.min(0.95, doneBatches / totalBatches));
      };
      await db.transaction(async (tx) => {
        for (let i = 0; i < units.length; i += BATCH) {
          await tx.insert(stockUnits).values(units.slice(i, i + BATCH)).onConflictDoNothing();
        }
        if (units.length > 0) {
          // Stock-list rows that name a verblijfsobject now find their pand.
          await tx.execute(sql`
            update stock_list_rows as r set pand_id = u.pand_id
            from stock_units as u
            where r.bag_id_type = 'verblijfsobject' and r.pand_id is null and r.bag_id = u.vbo_id`);
        }
        for (let i = 0; i < buildings.length; i += BATCH) {
          const batch = buildings.slice(i, i + BATCH);
          await tx
            .insert(stockBuildings)
            .values(batch)
            .onConflictDoUpdate({
              target: stockBuildings.bagId,
              set: Object.fromEntries(
                Object.entries({
                  municipalityCode: 'municipality_code', importedByOrganisationId: 'imported_by_organisation_id', source: 'source', footprint: 'footprint',
                  minLon: 'min_lon', minLat: 'min_lat', maxLon: 'max_lon', maxLat: 'max_lat', centroidLon: 'centroid_lon', centroidLat: 'centroid_lat',
                  footprintAreaM2: 'footprint_area_m2', buildYear: 'build_year', roofType: 'roof_type', heightM: 'height_m', storeysEstimate: 'storeys_estimate',
                  useFunctions: 'use_functions', dwellings: 'dwellings', floorAreaM2: 'floor_area_m2', vacant: 'vacant', dwellingType: 'dwelling_type',
                  scoreSplitsen: 'score_splitsen', scoreOptoppen: 'score_optoppen', scoreTransformatie: 'score_transformatie', opportunities: 'opportunities',
                  neighbourDifferenceM: 'neighbour_difference_m', rulesVersion: 'rules_version', importedAt: 'imported_at',
                }).map(([key, column]) => [key, sql.raw(`excluded."${column}"`)]),
              ),
            });
          batchDone();
        }
        for (let i = 0; i < scores.length; i += BATCH) {
          const batch = scores.slice(i, i + BATCH);
          const values = sql.join(
            batch.map(
              (s) =>
                sql`(${s.bagId}, ${s.scoreSplitsen}::integer, ${s.scoreOptoppen}::integer, ${s.scoreTransformatie}::integer, ${JSON.stringify(s.opportunities)}::jsonb, ${s.neighbourDifferenceM}::double precision, ${s.rulesVersion})`,
            ),
            sql`, `,
          );
          await tx.execute(sql`
            update stock_buildings as b set
              score_splitsen = v.s, score_optoppen = v.o, score_transformatie = v.t,
              opportunities = v.opp, neighbour_difference_m = v.nd, rules_version = v.rv
            from (values ${values}) as v(bag_id, s, o, t, opp, nd, rv)
            where b.bag_id = v.bag_id`);
          batchDone();
        }
        const withFacts = scores.filter((s): s is ScoreUpdate & { facts: UnitFacts } => s.facts !== undefined);
        for (let i = 0; i < withFacts.length; i += BATCH) {
          const values = sql.join(
            withFacts
              .slice(i, i + BATCH)
              .map(
                (s) =>
                  sql`(${s.bagId}, ${s.facts.useFunctions === null ? null : JSON.stringify(s.facts.useFunctions)}::jsonb, ${s.facts.dwellings}::integer, ${s.facts.floorAreaM2}::double precision, ${s.facts.vacant}::boolean)`,
              ),
            sql`, `,
          );
          await tx.execute(sql`
            update stock_buildings as b set use_functions = v.uf, dwellings = v.d, floor_area_m2 = v.fa, vacant = v.va
            from (values ${values}) as v(bag_id, uf, d, fa, va)
            where b.bag_id = v.bag_id`);
        }
        await tx.execute(sql`
          insert into stock_points (bag_id, municipality_code, lon, lat, build_year, roof_type, score_splitsen, score_optoppen, score_transformatie)
          select bag_id, municipality_code, centroid_lon, centroid_lat, build_year, roof_type, score_splitsen, score_optoppen, score_transformatie
          from stock_buildings where municipality_code = ${municipalityCode}
          on conflict (bag_id) do update set
            municipality_code = excluded.municipality_code, lon = excluded.lon, lat = excluded.lat, build_year = excluded.build_year,
            roof_type = excluded.roof_type, score_splitsen = excluded.score_splitsen, score_optoppen = excluded.score_optoppen,
            score_transformatie = excluded.score_transformatie`);
        await refreshClusters(tx, municipalityCode);
        progress.checkCancelled?.();
        if (progress.ruleSet) await tx.insert(opportunityRuleSets).values(progress.ruleSet);
      });
      progress.onBatch?.(1);
    },

    /** Saved rule-set versions of a municipality, newest first, with the saving organisation's name. */
    async ruleSets(municipalityCode: string) {
      return db
        .select({ ruleSet: opportunityRuleSets, organisationName: organisations.name })
        .from(opportunityRuleSets)
        .leftJoin(organisations, eq(organisations.id, opportunityRuleSets.organisationId))
        .where(eq(opportunityRuleSets.municipalityCode, municipalityCode))
        .orderBy(desc(opportunityRuleSets.version));
    },

    async organisationFacts(id: string): Promise<{ id: string; kind: string; municipalityCode: string | null } | null> {
      const [row] = await db.select({ id: organisations.id, kind: organisations.kind, municipalityCode: organisations.municipalityCode }).from(organisations).where(eq(organisations.id, id)).limit(1);
      return row ?? null;
    },

    /** Re-aggregates a municipality's map clusters in a transaction of their own (after a rule-set change; benchmarks). */
    async refreshClusters(municipalityCode: string): Promise<void> {
      await db.transaction(async (tx) => refreshClusters(tx, municipalityCode));
    },

    /** Number of buildings in view, counting no further than `cap` (so a whole-city view stops early). */
    async countInBbox(filter: BboxFilter, cap: number): Promise<number> {
      const limited = db.select({ one: sql`1` }).from(stockPoints).where(pointConditions(filter)).limit(cap).as('limited');
      const rows = await db.select({ n: sql<number>`count(*)::int` }).from(limited);
      return Number(rows[0]?.n ?? 0);
    },

    async buildingsInBbox(filter: BboxFilter, limit: number) {
      return db
        .select({
          bagId: stockBuildings.bagId,
          footprint: stockBuildings.footprint,
          centroidLon: stockBuildings.centroidLon,
          centroidLat: stockBuildings.centroidLat,
          buildYear: stockBuildings.buildYear,
          roofType: stockBuildings.roofType,
          scoreSplitsen: stockBuildings.scoreSplitsen,
          scoreOptoppen: stockBuildings.scoreOptoppen,
          scoreTransformatie: stockBuildings.scoreTransformatie,
        })
        .from(stockBuildings)
        .where(bboxConditions(filter))
        .orderBy(desc(scoreColumn(filter.kind)), asc(stockBuildings.bagId))
        .limit(limit);
    },

    async pointsInBbox(filter: BboxFilter, limit: number) {
      return db
        .select()
        .from(stockPoints)
        .where(pointConditions(filter))
        .orderBy(desc(pointScore(filter.kind)), asc(stockPoints.bagId))
        .limit(limit);
    },

    /** Grid clusters of centroids (cell size in degrees): count, mean and max score of the chosen kind. */
    async clustersInBbox(filter: BboxFilter, cellDeg: number) {
      const score = pointScore(filter.kind);
      const cellX = sql`floor(${stockPoints.lon} / ${cellDeg})`;
      const cellY = sql`floor(${stockPoints.lat} / ${cellDeg})`;
      const rows = await db
        .select({
          count: sql<number>`count(*)::int`,
          lon: sql<number>`avg(${stockPoints.lon})`,
          lat: sql<number>`avg(${stockPoints.lat})`,
          meanScore: sql<number>`avg(${score})`,
          maxScore: sql<number>`max(${score})`,
        })
        .from(stockPoints)
        .where(pointConditions(filter))
        .groupBy(cellX, cellY);
      return rows.map((r) => ({ count: Number(r.count), lon: Number(r.lon), lat: Number(r.lat), meanScore: Number(r.meanScore), maxScore: Number(r.maxScore) }));
    },

    /**
     * Pre-aggregated clusters of the buildings with a score of at least `minScore` (a multiple of SCORE_BUCKET, > 0)
     * at an integer zoom level up to MAX_BUCKET_ZOOM: the same cells as precomputedClustersInBbox, from the score
     * buckets.
     */
    async precomputedScoredClustersInBbox(filter: Pick<BboxFilter, 'minLon' | 'minLat' | 'maxLon' | 'maxLat' | 'kind' | 'minScore'>, zoom: number) {
      const cell = clusterCellDegrees(zoom);
      const result = (await db.execute(sql`
        select sum(count)::int as count, sum(sum_lon) / sum(count) as lon, sum(sum_lat) / sum(count) as lat,
          sum(sum_score)::double precision / sum(count) as mean_score, max(max_score) as max_score
        from stock_cluster_buckets
        where zoom = ${zoom} and kind = ${filter.kind} and bucket >= ${Math.floor(filter.minScore / SCORE_BUCKET)}
          and cell_x between ${Math.floor(filter.minLon / cell)} and ${Math.floor(filter.maxLon / cell)}
          and cell_y between ${Math.floor(filter.minLat / cell)} and ${Math.floor(filter.maxLat / cell)}
        group by cell_x, cell_y
        having sum(sum_lon) / sum(count) between ${filter.minLon} and ${filter.maxLon}
          and sum(sum_lat) / sum(count) between ${filter.minLat} and ${filter.maxLat}`)) as unknown as {
        rows: { count: number; lon: number; lat: number; mean_score: number; max_score: number }[];
      };
      return result.rows.map((r) => ({ count: Number(r.count), lon: Number(r.lon), lat: Number(r.lat), meanScore: Number(r.mean_score), maxScore: Number(r.max_score) }));
    },

    /**
     * Pre-aggregated clusters (no score, year or list filter) at an integer zoom level: the cells that overlap the
     * view, merged across municipalities, kept when their mean position lies in the view.
     */
    async precomputedClustersInBbox(filter: Pick<BboxFilter, 'minLon' | 'minLat' | 'maxLon' | 'maxLat' | 'kind'>, zoom: number) {
      const cell = clusterCellDegrees(zoom);
      const sumScore = sql.raw(`sum_${filter.kind}`);
      const maxScore = sql.raw(`max_${filter.kind}`);
      const result = (await db.execute(sql`
        select sum(count)::int as count, sum(sum_lon) / sum(count) as lon, sum(sum_lat) / sum(count) as lat,
          sum(${sumScore})::double precision / sum(count) as mean_score, max(${maxScore}) as max_score
        from stock_clusters
        where zoom = ${zoom}
          and cell_x between ${Math.floor(filter.minLon / cell)} and ${Math.floor(filter.maxLon / cell)}
          and cell_y between ${Math.floor(filter.minLat / cell)} and ${Math.floor(filter.maxLat / cell)}
        group by cell_x, cell_y
        having sum(sum_lon) / sum(count) between ${filter.minLon} and ${filter.maxLon}
          and sum(sum_lat) / sum(count) between ${filter.minLat} and ${filter.maxLat}`)) as unknown as {
        rows: { count: number; lon: number; lat: number; mean_score: number; max_score: number }[];
      };
      return result.rows.map((r) => ({ count: Number(r.count), lon: Number(r.lon), lat: Number(r.lat), meanScore: Number(r.mean_score), maxScore: Number(r.max_score) }));
    },

    async findBuilding(bagId: string): Promise<StockBuildingRow | null> {
      const rows = await db.select().from(stockBuildings).where(eq(stockBuildings.bagId, bagId)).limit(1);
      return rows[0] ?? null;
    },

    async candidates(
      filter: {
        municipalityCode: string;
        kind: OpportunityKind;
        minScore: number;
        limit: number;
        sort: 'score' | 'buildYear';
        buildYearFrom?: number | undefined;
        buildYearTo?: number | undefined;
        listIds?: string[] | undefined;
      },
      excludedByOrganisationIds: string[],
    ) {
      const score = scoreColumn(filter.kind);
      const excluded =
        excludedByOrganisationIds.length === 0
          ? sql`true`
          : sql`not exists (select 1 from ${stockAssessments} where ${stockAssessments.bagId} = ${stockBuildings.bagId} and ${stockAssessments.status} = 'ongeschikt' and ${inArray(stockAssessments.organisationId, excludedByOrganisationIds)})`;
      return db
        .select()
        .from(stockBuildings)
        .where(
          and(
            eq(stockBuildings.municipalityCode, filter.municipalityCode),
            gte(score, filter.minScore),
            excluded,
            filter.buildYearFrom === undefined ? undefined : gte(stockBuildings.buildYear, filter.buildYearFrom),
            filter.buildYearTo === undefined ? undefined : lte(stockBuildings.buildYear, filter.buildYearTo),
            filter.listIds === undefined
              ? undefined
              : filter.listIds.length === 0
                ? sql`false`
                : inArray(stockBuildings.bagId, sql`(select ${stockListRows.pandId} from ${stockListRows} where ${inArray(stockListRows.listId, filter.listIds)} and ${stockListRows.pandId} is not null)`),
          ),
        )
        .orderBy(...(filter.sort === 'score' ? [desc(score), asc(stockBuildings.buildYear)] : [asc(stockBuildings.buildYear), desc(score)]), asc(stockBuildings.bagId))
        .limit(filter.limit);
    },

    /** Assessments of these buildings by any of these organisations (null = all organisations). */
    async assessments(bagIds: string[], organisationIds: string[] | null): Promise<StockAssessmentRecord[]> {
      if (bagIds.length === 0 || (organisationIds !== null && organisationIds.length === 0)) return [];
      const rows = await db
        .select({ assessment: stockAssessments, organisationName: organisations.name })
        .from(stockAssessments)
        .innerJoin(organisations, eq(organisations.id, stockAssessments.organisationId))
        .where(and(inArray(stockAssessments.bagId, bagIds), organisationIds === null ? undefined : inArray(stockAssessments.organisationId, organisationIds)))
        .orderBy(asc(stockAssessments.bagId), asc(organisations.name));
      return rows.map((r) => ({ ...r.assessment, organisationName: r.organisationName }));
    },

    async saveAssessment(values: typeof stockAssessments.$inferInsert): Promise<void> {
      await db
        .insert(stockAssessments)
        .values(values)
        .onConflictDoUpdate({
          target: [stockAssessments.bagId, stockAssessments.organisationId],
          set: {
            status: values.status,
            kind: values.kind ?? null,
            reason: values.reason,
            createdBy: values.createdBy ?? null,
            updatedAt: values.updatedAt ?? new Date(),
            // Left out (undefined) = keep what is stored: a later verdict does not drop the consultation or project.
            ...(values.tenantConsulted !== undefined ? { tenantConsulted: values.tenantConsulted, consultedOn: values.consultedOn ?? null, tenantOpinion: values.tenantOpinion ?? null } : {}),
            ...(values.projectId !== undefined ? { projectId: values.projectId } : {}),
          },
        });
    },

    /** Owner of a project, to check that a linked project belongs to the assessing organisation. */
    async projectOwner(projectId: string): Promise<string | null> {
      const [row] = await db.select({ owner: projects.ownerOrganisationId }).from(projects).where(eq(projects.id, projectId)).limit(1);
      return row?.owner ?? null;
    },

    /** Pand of each known verblijfsobject (the first when a unit lies in several panden). */
    async pandsOfUnits(vboIds: string[]): Promise<Map<string, string>> {
      const map = new Map<string, string>();
      for (let i = 0; i < vboIds.length; i += BATCH) {
        const rows = await db
          .select({ vboId: stockUnits.vboId, pandId: stockUnits.pandId })
          .from(stockUnits)
          .where(inArray(stockUnits.vboId, vboIds.slice(i, i + BATCH)))
          .orderBy(asc(stockUnits.vboId), asc(stockUnits.pandId));
        for (const row of rows) if (!map.has(row.vboId)) map.set(row.vboId, row.pandId);
      }
      return map;
    },

    async createList(list: { ownerOrganisationId: string; name: string; municipalityCode: string; createdBy: string; sharedWith: string[] }, rows: StockListRowInsert[]): Promise<string> {
      return db.transaction(async (tx) => {
        const [created] = await tx
          .insert(stockLists)
          .values({ ownerOrganisationId: list.ownerOrganisationId, name: list.name, municipalityCode: list.municipalityCode, rowCount: rows.length, createdBy: list.createdBy })
          .returning({ id: stockLists.id });
        if (!created) throw new Error('insert into stock_lists returned nothing');
        for (let i = 0; i < rows.length; i += BATCH) {
          await tx.insert(stockListRows).values(rows.slice(i, i + BATCH).map((row) => ({ ...row, listId: created.id })));
        }
        if (list.sharedWith.length > 0) await tx.insert(stockListShares).values(list.sharedWith.map((organisationId) => ({ listId: created.id, organisationId })));
        return created.id;
      });
    },

    async findList(id: string): Promise<StockListRecord | null> {
      const rows = await db
        .select({ list: stockLists, ownerName: organisations.name })
        .from(stockLists)
        .innerJoin(organisations, eq(organisations.id, stockLists.ownerOrganisationId))
        .where(eq(stockLists.id, id))
        .limit(1);
      const row = rows[0];
      if (!row) return null;
      const shares = await db.select({ organisationId: stockListShares.organisationId }).from(stockListShares).where(eq(stockListShares.listId, id));
      return { ...row.list, ownerName: row.ownerName, sharedWithOrganisationIds: shares.map((s) => s.organisationId).sort() };
    },

    async lists(scope: StockVisibilityScope): Promise<StockListRecord[]> {
      const rows = await db
        .select({ list: stockLists, ownerName: organisations.name })
        .from(stockLists)
        .innerJoin(organisations, eq(organisations.id, stockLists.ownerOrganisationId))
        .where(listScopeCondition(scope))
        .orderBy(desc(stockLists.createdAt), asc(stockLists.id));
      const ids = rows.map((r) => r.list.id);
      const shares = ids.length === 0 ? [] : await db.select().from(stockListShares).where(inArray(stockListShares.listId, ids));
      return rows.map((r) => ({
        ...r.list,
        ownerName: r.ownerName,
        sharedWithOrganisationIds: shares.filter((s) => s.listId === r.list.id).map((s) => s.organisationId).sort(),
      }));
    },

    async listRows(listId: string) {
      return db.select().from(stockListRows).where(eq(stockListRows.listId, listId)).orderBy(asc(stockListRows.rowNumber));
    },

    /** Rows of the given (visible) lists that point at this pand. */
    async rowsForPand(pandId: string, listIds: string[]) {
      if (listIds.length === 0) return [];
      return db
        .select({ row: stockListRows, listName: stockLists.name })
        .from(stockListRows)
        .innerJoin(stockLists, eq(stockLists.id, stockListRows.listId))
        .where(and(eq(stockListRows.pandId, pandId), inArray(stockListRows.listId, listIds)))
        .orderBy(asc(stockLists.name), asc(stockListRows.rowNumber));
    },

    async replaceShares(listId: string, organisationIds: string[]): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.delete(stockListShares).where(eq(stockListShares.listId, listId));
        if (organisationIds.length > 0) await tx.insert(stockListShares).values(organisationIds.map((organisationId) => ({ listId, organisationId })));
      });
    },

    async deleteList(listId: string): Promise<void> {
      await db.delete(stockLists).where(eq(stockLists.id, listId));
    },
  };
}

export type StockRepository = ReturnType<typeof createStockRepository>;
