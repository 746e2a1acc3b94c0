/**
 * SQL of the renovation plans (kansenkaart §5) and neighbourhood designations. Tables: drizzle/0010_renovation_plans.sql.
 * Area outlines come from the buildings the stock lists link (tables of the stock feature).
 */
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { DesignationCategory, RenovationIntervention } from '@kringbouw/domain/renovation';
import type { FootprintPolygon, StockVisibilityScope } from '@kringbouw/domain/opportunities';
import type { Db } from '../../db/index.ts';
import { municipalities, organisations } from '../../db/schema.ts';
import { stockBuildings, stockListRows, stockLists, stockListShares } from '../stock/stock.repository.ts';

export const renovationPlans = pgTable('renovation_plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  ownerOrganisationId: uuid('owner_organisation_id').notNull(),
  municipalityCode: text('municipality_code').notNull(),
  name: text('name').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const renovationPlanShares = pgTable(
  'renovation_plan_shares',
  { planId: uuid('plan_id').notNull(), organisationId: uuid('organisation_id').notNull() },
  (t) => [primaryKey({ columns: [t.planId, t.organisationId], name: 'renovation_plan_shares_pk' })],
);

export const renovationPlanRows = pgTable('renovation_plan_rows', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id').notNull(),
  year: integer('year').notNull(),
  intervention: text('intervention').$type<RenovationIntervention>().notNull(),
  dwellings: integer('dwellings').notNull(),
  complexnummer: text('complexnummer'),
  buurt: text('buurt'),
  circularAmbition: text('circular_ambition'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const neighbourhoodDesignations = pgTable('neighbourhood_designations', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id').notNull(),
  municipalityCode: text('municipality_code').notNull(),
  buurt: text('buurt').notNull(),
  categories: jsonb('categories').$type<DesignationCategory[]>().notNull(),
  note: text('note').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const neighbourhoodDesignationShares = pgTable(
  'neighbourhood_designation_shares',
  { designationId: uuid('designation_id').notNull(), organisationId: uuid('organisation_id').notNull() },
  (t) => [primaryKey({ columns: [t.designationId, t.organisationId], name: 'neighbourhood_designation_shares_pk' })],
);

export type PlanRowRecord = typeof renovationPlanRows.$inferSelect;
export type PlanRowInsert = Omit<typeof renovationPlanRows.$inferInsert, 'planId' | 'id' | 'createdAt'>;
export interface PlanRecord {
  id: string;
  ownerOrganisationId: string;
  ownerName: string;
  municipalityCode: string;
  name: string;
  updatedAt: Date;
  sharedWithOrganisationIds: string[];
  rowCount: number;
  dwellings: number;
}
export type DesignationRecord = typeof neighbourhoodDesignations.$inferSelect & { organisationName: string; sharedWithOrganisationIds: string[] };

/** A building an area outline is drawn from: the stock-list row that places it, and its footprint. */
export interface AreaBuilding {
  ownerOrganisationId: string;
  complexnummer: string;
  buurt: string | null;
  pandId: string;
  footprint: FootprintPolygon;
}

/** Owner in the actor's organisations or shared with one of them; everything for the coordinator. */
function scopeCondition(scope: StockVisibilityScope, owner: SQL | ReturnType<typeof sql>, sharedIds: (organisationIds: string[]) => SQL): SQL {
  if (scope.kind === 'all') return sql`true`;
  if (scope.kind === 'none' || scope.organisationIds.length === 0) return sql`false`;
  return or(sql`${owner} in (${sql.join(scope.organisationIds.map((id) => sql`${id}::uuid`), sql`, `)})`, sharedIds(scope.organisationIds)) ?? sql`false`;
}

function planScope(scope: StockVisibilityScope): SQL {
  return scopeCondition(scope, sql`${renovationPlans.ownerOrganisationId}`, (ids) =>
    inArray(renovationPlans.id, sql`(select ${renovationPlanShares.planId} from ${renovationPlanShares} where ${inArray(renovationPlanShares.organisationId, ids)})`),
  );
}

function designationScope(scope: StockVisibilityScope): SQL {
  return scopeCondition(scope, sql`${neighbourhoodDesignations.organisationId}`, (ids) =>
    inArray(
      neighbourhoodDesignations.id,
      sql`(select ${neighbourhoodDesignationShares.designationId} from ${neighbourhoodDesignationShares} where ${inArray(neighbourhoodDesignationShares.organisationId, ids)})`,
    ),
  );
}

function listScope(scope: StockVisibilityScope): SQL {
  return scopeCondition(scope, sql`${stockLists.ownerOrganisationId}`, (ids) =>
    inArray(stockLists.id, sql`(select ${stockListShares.listId} from ${stockListShares} where ${inArray(stockListShares.organisationId, ids)})`),
  );
}

export function createRenovationRepository(db: Db) {
  async function planRecords(where: SQL): Promise<PlanRecord[]> {
    const rows = await db
      .select({
        plan: renovationPlans,
        ownerName: organisations.name,
        rowCount: sql<number>`(select count(*)::int from ${renovationPlanRows} where ${renovationPlanRows.planId} = ${renovationPlans.id})`,
        dwellings: sql<number>`(select coalesce(sum(${renovationPlanRows.dwellings}), 0)::int from ${renovationPlanRows} where ${renovationPlanRows.planId} = ${renovationPlans.id})`,
      })
      .from(renovationPlans)
      .innerJoin(organisations, eq(organisations.id, renovationPlans.ownerOrganisationId))
      .where(where)
      .orderBy(asc(organisations.name), asc(renovationPlans.name), asc(renovationPlans.id));
    const ids = rows.map((r) => r.plan.id);
    const shares = ids.length === 0 ? [] : await db.select().from(renovationPlanShares).where(inArray(renovationPlanShares.planId, ids));
    return rows.map((r) => ({
      id: r.plan.id,
      ownerOrganisationId: r.plan.ownerOrganisationId,
      ownerName: r.ownerName,
      municipalityCode: r.plan.municipalityCode,
      name: r.plan.name,
      updatedAt: r.plan.updatedAt,
      rowCount: Number(r.rowCount),
      dwellings: Number(r.dwellings),
      sharedWithOrganisationIds: shares.filter((s) => s.planId === r.plan.id).map((s) => s.organisationId).sort(),
    }));
  }

  return {
    async municipalityExists(code: string): Promise<boolean> {
      return (await db.select({ code: municipalities.code }).from(municipalities).where(eq(municipalities.code, code)).limit(1)).length > 0;
    },

    async existingOrganisationIds(ids: string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      return new Set((await db.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, ids))).map((r) => r.id));
    },

    async createPlan(plan: { ownerOrganisationId: string; municipalityCode: string; name: string; createdBy: string; sharedWith: string[]; now: Date }): Promise<string> {
      return db.transaction(async (tx) => {
        const [created] = await tx
          .insert(renovationPlans)
          .values({ ownerOrganisationId: plan.ownerOrganisationId, municipalityCode: plan.municipalityCode, name: plan.name, createdBy: plan.createdBy, createdAt: plan.now, updatedAt: plan.now })
          .returning({ id: renovationPlans.id });
        if (!created) throw new Error('insert into renovation_plans returned nothing');
        if (plan.sharedWith.length > 0) await tx.insert(renovationPlanShares).values(plan.sharedWith.map((organisationId) => ({ planId: created.id, organisationId })));
        return created.id;
      });
    },

    async findPlan(id: string): Promise<PlanRecord | null> {
      return (await planRecords(eq(renovationPlans.id, id)))[0] ?? null;
    },

    async plans(scope: StockVisibilityScope, municipalityCode?: string): Promise<PlanRecord[]> {
      return planRecords(and(planScope(scope), municipalityCode === undefined ? undefined : eq(renovationPlans.municipalityCode, municipalityCode)) ?? sql`true`);
    },

    async planRows(planIds: string[]): Promise<PlanRowRecord[]> {
      if (planIds.length === 0) return [];
      return db
        .select()
        .from(renovationPlanRows)
        .where(inArray(renovationPlanRows.planId, planIds))
        .orderBy(asc(renovationPlanRows.year), asc(renovationPlanRows.complexnummer), asc(renovationPlanRows.buurt), asc(renovationPlanRows.createdAt), asc(renovationPlanRows.id));
    },

    async addRow(planId: string, row: PlanRowInsert, now: Date): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.insert(renovationPlanRows).values({ ...row, planId, createdAt: now });
        await tx.update(renovationPlans).set({ updatedAt: now }).where(eq(renovationPlans.id, planId));
      });
    },

    async deleteRow(planId: string, rowId: string, now: Date): Promise<boolean> {
      return db.transaction(async (tx) => {
        const deleted = await tx.delete(renovationPlanRows).where(and(eq(renovationPlanRows.planId, planId), eq(renovationPlanRows.id, rowId))).returning({ id: renovationPlanRows.id });
        if (deleted.length > 0) await tx.update(renovationPlans).set({ updatedAt: now }).where(eq(renovationPlans.id, planId));
        return deleted.length > 0;
      });
    },

    /** An uploaded plan replaces every row, in one transaction. */
    async replaceRows(planId: string, rows: PlanRowInsert[], now: Date): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.delete(renovationPlanRows).where(eq(renovationPlanRows.planId, planId));
        for (let i = 0; i < rows.length; i += 500) {
          await tx.insert(renovationPlanRows).values(rows.slice(i, i + 500).map((row) => ({ ...row, planId, createdAt: now })));
        }
        await tx.update(renovationPlans).set({ updatedAt: now }).where(eq(renovationPlans.id, planId));
      });
    },

    async replacePlanShares(planId: string, organisationIds: string[]): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.delete(renovationPlanShares).where(eq(renovationPlanShares.planId, planId));
        if (organisationIds.length > 0) await tx.insert(renovationPlanShares).values(organisationIds.map((organisationId) => ({ planId, organisationId })));
      });
    },

    async deletePlan(id: string): Promise<void> {
      await db.delete(renovationPlans).where(eq(renovationPlans.id, id));
    },

    /**
     * Buildings placed by stock lists in a municipality, with the list row's complex and buurt: of lists owned by
     * `ownerOrganisationIds` (plan areas) or visible in `scope` (designation outlines).
     */
    async areaBuildings(municipalityCode: string, lists: { ownerOrganisationIds: string[] } | { scope: StockVisibilityScope }): Promise<AreaBuilding[]> {
      const which = 'scope' in lists ? listScope(lists.scope) : lists.ownerOrganisationIds.length === 0 ? sql`false` : inArray(stockLists.ownerOrganisationId, lists.ownerOrganisationIds);
      const rows = await db
        .selectDistinct({
          ownerOrganisationId: stockLists.ownerOrganisationId,
          complexnummer: stockListRows.complexnummer,
          buurt: stockListRows.buurt,
          pandId: stockBuildings.bagId,
          footprint: stockBuildings.footprint,
        })
        .from(stockListRows)
        .innerJoin(stockLists, eq(stockLists.id, stockListRows.listId))
        .innerJoin(stockBuildings, eq(stockBuildings.bagId, stockListRows.pandId))
        .where(and(eq(stockLists.municipalityCode, municipalityCode), which));
      return rows;
    },

    /** Buurt names on visible stock-list rows of a municipality. */
    async listBuurten(municipalityCode: string, scope: StockVisibilityScope): Promise<string[]> {
      const rows = await db
        .selectDistinct({ buurt: stockListRows.buurt })
        .from(stockListRows)
        .innerJoin(stockLists, eq(stockLists.id, stockListRows.listId))
        .where(and(eq(stockLists.municipalityCode, municipalityCode), listScope(scope), sql`${stockListRows.buurt} is not null`));
      return rows.map((r) => r.buurt ?? '').filter((b) => b !== '');
    },

    async createDesignation(values: { organisationId: string; municipalityCode: string; buurt: string; categories: DesignationCategory[]; note: string; createdBy: string; sharedWith: string[]; now: Date }): Promise<string> {
      return db.transaction(async (tx) => {
        const [created] = await tx
          .insert(neighbourhoodDesignations)
          .values({ organisationId: values.organisationId, municipalityCode: values.municipalityCode, buurt: values.buurt, categories: values.categories, note: values.note, createdBy: values.createdBy, createdAt: values.now })
          .returning({ id: neighbourhoodDesignations.id });
        if (!created) throw new Error('insert into neighbourhood_designations returned nothing');
        if (values.sharedWith.length > 0) await tx.insert(neighbourhoodDesignationShares).values(values.sharedWith.map((organisationId) => ({ designationId: created.id, organisationId })));
        return created.id;
      });
    },

    async designations(where: { id: string } | { municipalityCode: string; scope: StockVisibilityScope }): Promise<DesignationRecord[]> {
      const condition = 'id' in where ? eq(neighbourhoodDesignations.id, where.id) : and(eq(neighbourhoodDesignations.municipalityCode, where.municipalityCode), designationScope(where.scope));
      const rows = await db
        .select({ designation: neighbourhoodDesignations, organisationName: organisations.name })
        .from(neighbourhoodDesignations)
        .innerJoin(organisations, eq(organisations.id, neighbourhoodDesignations.organisationId))
        .where(condition)
        .orderBy(asc(neighbourhoodDesignations.buurt), desc(neighbourhoodDesignations.createdAt), asc(neighbourhoodDesignations.id));
      const ids = rows.map((r) => r.designation.id);
      const shares = ids.length === 0 ? [] : await db.select().from(neighbourhoodDesignationShares).where(inArray(neighbourhoodDesignationShares.designationId, ids));
      return rows.map((r) => ({
        ...r.designation,
        organisationName: r.organisationName,
        sharedWithOrganisationIds: shares.filter((s) => s.designationId === r.designation.id).map((s) => s.organisationId).sort(),
      }));
    },

    async deleteDesignation(id: string): Promise<void> {
      await db.delete(neighbourhoodDesignations).where(eq(neighbourhoodDesignations.id, id));
    },
  };
}

export type RenovationRepository = ReturnType<typeof createRenovationRepository>;
