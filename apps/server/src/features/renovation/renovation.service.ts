import type { z } from 'zod';
import type { createDesignationRequest, createRenovationPlanRequest, renovationOverview, renovationOverviewQuery, renovationPlanRowRequest } from '@kringbouw/contracts';
import { stockVisibilityScope, type StockActor } from '@kringbouw/domain/opportunities';
import {
  areaKeyOf,
  areaOutline,
  canManageRenovationRecord,
  canViewRenovationRecord,
  normaliseAreaName,
  renovationInterventions,
  totalsPerArea,
  totalsPerYear,
} from '@kringbouw/domain/renovation';
import { readRenovationPlan } from '@kringbouw/stock-io';
import { AppError, forbidden, notFound, validationFailed, type FieldProblem } from '../../errors.ts';
import { presentDesignation, presentPlanDetail, presentPlanSummary } from './renovation.presenter.ts';
import type { AreaBuilding, PlanRecord, RenovationRepository } from './renovation.repository.ts';

/** The overview's default span: this year and the nine after it. */
const PLAN_SPAN_YEARS = 10;
const MAX_REPORTED_ISSUES = 200;

const planNotFound = () => notFound('Dit renovatieplan bestaat niet of u hebt er geen toegang toe.');
const designationNotFound = () => notFound('Deze aanwijzing bestaat niet of u hebt er geen toegang toe.');

/** Outline of the buildings whose list row matches the area (its buurt, or its complex). */
function outlineOf(buildings: AreaBuilding[], key: string) {
  const matching = new Map<string, AreaBuilding>();
  for (const b of buildings) {
    const hit = key.startsWith('buurt:') ? b.buurt !== null && `buurt:${normaliseAreaName(b.buurt)}` === key : `complex:${b.complexnummer.trim()}` === key;
    if (hit) matching.set(b.pandId, b);
  }
  return { buildings: matching.size, outline: areaOutline([...matching.values()].map((b) => b.footprint)) };
}

export function createRenovationService(deps: { repository: RenovationRepository; now: () => Date }) {
  const { repository, now } = deps;

  async function visiblePlan(actor: StockActor, id: string): Promise<PlanRecord> {
    const plan = await repository.findPlan(id);
    if (plan === null || !canViewRenovationRecord(actor, plan)) throw planNotFound();
    return plan;
  }

  async function managedPlan(actor: StockActor, id: string): Promise<PlanRecord> {
    const plan = await visiblePlan(actor, id);
    if (!canManageRenovationRecord(actor, plan)) throw forbidden('Alleen bewerkers en beheerders van de eigenaar wijzigen een renovatieplan.');
    return plan;
  }

  async function checkReferences(input: { municipalityCode?: string; sharedWith: string[] }, sharedPath: string): Promise<string[]> {
    const problems: FieldProblem[] = [];
    if (input.municipalityCode !== undefined && !(await repository.municipalityExists(input.municipalityCode))) {
      problems.push({ path: 'municipalityCode', message: `Onbekende CBS-gemeentecode: ${input.municipalityCode}` });
    }
    const unique = [...new Set(input.sharedWith)];
    const existing = await repository.existingOrganisationIds(unique);
    input.sharedWith.forEach((id, index) => {
      if (!existing.has(id)) problems.push({ path: `${sharedPath}.${index}`, message: 'Deze organisatie bestaat niet.' });
    });
    if (problems.length > 0) throw validationFailed(problems);
    return unique;
  }

  async function detail(id: string) {
    const plan = await repository.findPlan(id);
    if (plan === null) throw planNotFound();
    return presentPlanDetail(plan, await repository.planRows([id]));
  }

  return {
    async createPlan(actor: StockActor, input: z.output<typeof createRenovationPlanRequest>) {
      if (!canManageRenovationRecord(actor, { ownerOrganisationId: input.organisationId })) {
        throw forbidden('U kunt alleen een renovatieplan maken voor een organisatie waar u bewerker of beheerder bent.');
      }
      const sharedWith = (await checkReferences(input, 'sharedWith')).filter((o) => o !== input.organisationId);
      const id = await repository.createPlan({ ownerOrganisationId: input.organisationId, municipalityCode: input.municipalityCode, name: input.name, createdBy: actor.userId, sharedWith, now: now() });
      return detail(id);
    },

    async plans(actor: StockActor, municipalityCode: string | undefined) {
      return { items: (await repository.plans(stockVisibilityScope(actor), municipalityCode)).map(presentPlanSummary) };
    },

    async plan(actor: StockActor, id: string) {
      await visiblePlan(actor, id);
      return detail(id);
    },

    async addRow(actor: StockActor, id: string, row: z.output<typeof renovationPlanRowRequest>) {
      await managedPlan(actor, id);
      await repository.addRow(id, row, now());
      return detail(id);
    },

    async deleteRow(actor: StockActor, id: string, rowId: string) {
      await managedPlan(actor, id);
      if (!(await repository.deleteRow(id, rowId, now()))) throw notFound('Deze regel bestaat niet (meer).');
      return detail(id);
    },

    /** A CSV/XLSX plan replaces the plan's rows: all rows valid, or 400 with every bad row and nothing changed. */
    async importRows(actor: StockActor, id: string, file: Buffer) {
      await managedPlan(actor, id);
      const result = await readRenovationPlan(new Uint8Array(file));
      if (!result.ok) {
        const errors = result.issues.filter((i) => i.severity === 'error');
        throw new AppError('import_rejected', `Het bestand bevat ${errors.length} fout(en); er is niets opgeslagen.`, 400, { errorCount: errors.length, issues: errors.slice(0, MAX_REPORTED_ISSUES) });
      }
      await repository.replaceRows(
        id,
        result.rows.map((r) => ({ year: r.year, intervention: r.intervention, dwellings: r.dwellings, complexnummer: r.complexnummer, buurt: r.buurt, circularAmbition: r.circularAmbition })),
        now(),
      );
      return { ...(await detail(id)), imported: result.rows.length, ignoredColumns: result.ignoredColumns };
    },

    async share(actor: StockActor, id: string, organisationIds: string[]) {
      const plan = await managedPlan(actor, id);
      const unique = (await checkReferences({ sharedWith: organisationIds }, 'organisationIds')).filter((o) => o !== plan.ownerOrganisationId);
      await repository.replacePlanShares(id, unique);
      return presentPlanSummary((await repository.findPlan(id)) ?? plan);
    },

    async deletePlan(actor: StockActor, id: string) {
      await managedPlan(actor, id);
      await repository.deletePlan(id);
    },

    /**
     * Where and when renovation happens in a municipality, from the plans the actor may see: dwellings per year and
     * intervention, per area (buurt, else complex) with an outline drawn from the plan owner's stock lists, and the
     * designations the actor may see with outlines from the stock lists the actor may see.
     */
    async overview(actor: StockActor, municipalityCode: string, query: z.output<typeof renovationOverviewQuery>): Promise<z.infer<typeof renovationOverview>> {
      const fromYear = query.fromYear ?? now().getUTCFullYear();
      const toYear = query.toYear ?? fromYear + PLAN_SPAN_YEARS - 1;
      if (toYear < fromYear) throw validationFailed([{ path: 'toYear', message: 'Het eindjaar ligt voor het beginjaar.' }]);
      if (toYear - fromYear > 50) throw validationFailed([{ path: 'toYear', message: 'Kies hoogstens 50 jaar.' }]);
      const scope = stockVisibilityScope(actor);
      const plans = await repository.plans(scope, municipalityCode);
      const rows = await repository.planRows(plans.map((p) => p.id));
      const ownerOf = new Map(plans.map((p) => [p.id, p.ownerOrganisationId]));
      const facts = rows.map((r) => ({ year: r.year, intervention: r.intervention, dwellings: r.dwellings, areaKey: areaKeyOf(r), ownerOrganisationId: ownerOf.get(r.planId) ?? '' }));
      const range = { fromYear, toYear };
      const ownerIds = [...new Set(plans.map((p) => p.ownerOrganisationId))];
      const planBuildings = await repository.areaBuildings(municipalityCode, { ownerOrganisationIds: ownerIds });
      const displayName = new Map<string, string>();
      for (const r of rows) {
        const key = areaKeyOf(r);
        if (!displayName.has(key)) displayName.set(key, key.startsWith('buurt:') ? (r.buurt ?? '').trim() : (r.complexnummer ?? '').trim());
      }
      const areas = totalsPerArea(facts, range).map((area) => {
        // An area's buildings come from the stock lists of the plans' owners that count in this area.
        const owners = new Set(facts.filter((f) => f.areaKey === area.areaKey).map((f) => f.ownerOrganisationId));
        const { buildings, outline } = outlineOf(planBuildings.filter((b) => owners.has(b.ownerOrganisationId)), area.areaKey);
        return {
          key: area.areaKey,
          kind: area.areaKey.startsWith('buurt:') ? ('buurt' as const) : ('complex' as const),
          name: displayName.get(area.areaKey) ?? area.areaKey,
          total: area.total,
          peakYear: area.peakYear,
          perYear: Object.fromEntries(Object.entries(area.perYear).map(([year, n]) => [year, n])),
          buildings,
          outline,
        };
      });
      const designations = await repository.designations({ municipalityCode, scope });
      const visibleBuildings = designations.length === 0 ? [] : await repository.areaBuildings(municipalityCode, { scope });
      const buurten = new Map<string, string>();
      for (const name of [...(await repository.listBuurten(municipalityCode, scope)), ...rows.map((r) => r.buurt ?? '')]) {
        if (name.trim() !== '' && !buurten.has(normaliseAreaName(name))) buurten.set(normaliseAreaName(name), name.trim());
      }
      return {
        municipalityCode,
        fromYear,
        toYear,
        plans: plans.map((p) => ({ id: p.id, name: p.name, ownerName: p.ownerName })),
        years: totalsPerYear(facts, range, renovationInterventions),
        areas,
        designations: designations.map((d) => presentDesignation(d, outlineOf(visibleBuildings, `buurt:${normaliseAreaName(d.buurt)}`).outline)),
        buurten: [...buurten.values()].sort((a, b) => a.localeCompare(b, 'nl')),
      };
    },

    async createDesignation(actor: StockActor, input: z.output<typeof createDesignationRequest>) {
      if (!canManageRenovationRecord(actor, { ownerOrganisationId: input.organisationId })) {
        throw forbidden('U kunt alleen een buurt aanwijzen namens een organisatie waar u bewerker of beheerder bent.');
      }
      const sharedWith = (await checkReferences(input, 'sharedWith')).filter((o) => o !== input.organisationId);
      const id = await repository.createDesignation({ ...input, categories: [...new Set(input.categories)], createdBy: actor.userId, sharedWith, now: now() });
      const [created] = await repository.designations({ id });
      if (!created) throw designationNotFound();
      const buildings = await repository.areaBuildings(input.municipalityCode, { scope: stockVisibilityScope(actor) });
      return presentDesignation(created, outlineOf(buildings, `buurt:${normaliseAreaName(created.buurt)}`).outline);
    },

    async deleteDesignation(actor: StockActor, id: string) {
      const [designation] = await repository.designations({ id });
      if (!designation || !canViewRenovationRecord(actor, { ownerOrganisationId: designation.organisationId, sharedWithOrganisationIds: designation.sharedWithOrganisationIds })) {
        throw designationNotFound();
      }
      if (!canManageRenovationRecord(actor, { ownerOrganisationId: designation.organisationId })) throw forbidden('Alleen bewerkers en beheerders van de aanwijzende organisatie trekken een aanwijzing in.');
      await repository.deleteDesignation(id);
    },
  };
}

export type RenovationService = ReturnType<typeof createRenovationService>;
