/** Monitoring: the indicator ledger of a project (official vs indicative), declarations and the municipality dashboard. */
import { z } from 'zod';
import { indicatorIds, ledgerSources, phaseSources, reportKinds } from '@kringbouw/domain/monitoring';
import { projectKinds, projectPhases } from '@kringbouw/domain/projects';
import { isoDate, isoDateTime, pageOf, uuid } from './common.ts';
import { userRef } from './passports.ts';

export const indicatorId = z.enum(indicatorIds);
export const hnnStatus = z.enum(['voldoet', 'voldoet niet', 'geen niveau', 'niet berekend']);
export const standing = z.enum(['officieel', 'indicatief']);

export const catalogueEntry = z.object({
  id: indicatorId,
  nl: z.string(),
  en: z.string(),
  unit: z.string(),
  direction: z.enum(['lower', 'higher', 'none']),
  decimals: z.number().int(),
  hasHnnLevel: z.boolean(),
  computed: z.boolean(),
  declarable: z.boolean(),
  officialSource: z.string(),
});

export const ledgerEntry = z.object({
  id: uuid,
  indicatorId,
  source: z.enum(ledgerSources),
  standing,
  /** null for a withdrawal. */
  value: z.number().nullable(),
  withdrawsEntryId: uuid.nullable(),
  passportVersion: z.object({ id: uuid.nullable(), number: z.number().int() }).nullable(),
  dataVersions: z.record(z.string(), z.string()).nullable(),
  tool: z.string().nullable(),
  toolVersion: z.string().nullable(),
  nmdVersion: z.string().nullable(),
  calculationDate: isoDate.nullable(),
  note: z.string().nullable(),
  report: z.object({ name: z.string(), sizeBytes: z.number().int() }).nullable(),
  recordedBy: userRef.nullable(),
  recordedAt: isoDateTime,
  /**
   * The project's phase when the value was recorded. `phaseSource` 'vastgelegd': stored at that moment (never null);
   * 'afgeleid': recorded before Kringbouw stored phases, derived once from the phase start dates (null when none
   * lay before the recording) — an approximation.
   */
  phase: z.enum(projectPhases).nullable(),
  phaseSource: z.enum(phaseSources),
});
export type LedgerEntryDto = z.infer<typeof ledgerEntry>;

export const currentValue = z.object({
  entryId: uuid,
  value: z.number(),
  standing,
  hnnLevel: z.number().nullable(),
  hnnComparison: z.enum(['max', 'min', 'none']),
  hnnStatus,
});

export const indicatorState = z.object({
  indicator: catalogueEntry,
  official: currentValue.nullable(),
  indicative: currentValue.nullable(),
  display: standing.nullable(),
  history: z.array(z.object({ entry: ledgerEntry, withdrawn: z.boolean(), superseded: z.boolean() })),
  /**
   * The HNN level this indicator is checked against for the project's current building type (hnn-levels.json),
   * also when the ledger holds no current value — the reference line of the trend chart. null: no level.
   */
  hnnReference: z.object({ level: z.number(), comparison: z.enum(['max', 'min']) }).nullable(),
});

export const projectIndicators = z.object({
  projectId: uuid,
  buildingType: z.string(),
  catalogueVersion: z.string(),
  hnnVersion: z.string(),
  canDeclare: z.boolean(),
  indicators: z.array(indicatorState),
});
export type ProjectIndicators = z.infer<typeof projectIndicators>;

/** Multipart fields of a declaration (the optional "report" file part is the PDF). */
export const declareIndicatorFields = z.object({
  indicatorId,
  value: z.coerce.number({ error: 'Vul een getal in.' }).refine(Number.isFinite, 'Vul een getal in.'),
  tool: z.string().trim().min(1, 'Vul het rekeninstrument in.').max(200),
  toolVersion: z.string().trim().min(1, 'Vul de versie van het rekeninstrument in.').max(100),
  nmdVersion: z.string().trim().max(100).optional(),
  calculationDate: isoDate,
  note: z.string().trim().max(2000).optional(),
});
export type DeclareIndicatorFields = z.infer<typeof declareIndicatorFields>;

export const withdrawIndicatorRequest = z.object({ reason: z.string().trim().min(1, 'Geef een reden.').max(2000) });

export const entryParams = z.object({ id: uuid, entryId: uuid });

export const dashboardQuery = z.object({
  kind: z.enum(projectKinds).optional(),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
});

const hnnShare = z.object({ met: z.number().int(), checked: z.number().int(), share: z.number().nullable() });

const dashboardTotals = z.object({
  projects: z.number().int(),
  dwellings: z.number().int(),
  averageOfficialMpg: z.number().nullable(),
  projectsWithOfficialMpg: z.number().int(),
  storedCarbonT: z.object({ officieel: z.number(), indicatief: z.number() }),
  hnnShare: z.object({ mpg: hnnShare, embodiedCarbon: hnnShare, materialOrigin: hnnShare, detachability: hnnShare }),
  industrialisedShare: z.number().nullable(),
  confidentialCounted: z.number().int(),
});

const yearRow = z.object({ year: z.number().int(), projects: z.number().int(), dwellings: z.number().int() });

/** The City Deal cities side by side (same totals as each city's dashboard) and the deal as a whole. */
export const cityDealOverview = z.object({
  filter: z.object({ kind: z.enum(projectKinds).nullable(), year: z.number().int().nullable() }),
  cities: z.array(z.object({ municipalityCode: z.string(), municipalityName: z.string(), totals: dashboardTotals, byYear: z.array(yearRow) })),
  total: dashboardTotals,
});
export type CityDealOverview = z.infer<typeof cityDealOverview>;

/** One project of a municipality's monitoring list (only projects the viewer may see). */
export const dashboardProject = z.object({
  id: uuid,
  name: z.string(),
  kind: z.enum(projectKinds),
  phase: z.enum(projectPhases),
  year: z.number().int(),
  dwellings: z.number().int(),
  officialMpg: z.number().nullable(),
  indicativeMpg: z.number().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});
export type DashboardProject = z.infer<typeof dashboardProject>;

/** Number of projects the dashboard response carries (the first page of the list in the default order). */
export const DASHBOARD_FIRST_PAGE = 50;
export const MAX_PROJECT_PAGE_SIZE = 200;

/** Sort keys of the project list; a leading "-" sorts descending. Ties (and nulls, last) by name, then id. */
export const dashboardProjectSorts = ['name', '-name', 'year', '-year', 'dwellings', '-dwellings', 'officialMpg', '-officialMpg', 'indicativeMpg', '-indicativeMpg'] as const;
export const dashboardProjectSort = z.enum(dashboardProjectSorts);
export type DashboardProjectSort = z.infer<typeof dashboardProjectSort>;

/** The paged list of a municipality's monitoring projects (same filters as the dashboard). */
export const dashboardProjectsQuery = dashboardQuery.extend({
  /** Bounded, so OFFSET stays a valid bigint (1e20 would be a database error, not a 400). */
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PROJECT_PAGE_SIZE).default(DASHBOARD_FIRST_PAGE),
  sort: dashboardProjectSort.default('name'),
});
export type DashboardProjectsQuery = z.infer<typeof dashboardProjectsQuery>;

/** The full visible list as CSV: same filters as the paged list, always in the default order (name, then id). */
export const dashboardProjectsCsvQuery = dashboardQuery;

/** `total`: projects the viewer may see under the filter (all pages). */
export const dashboardProjectPage = pageOf(dashboardProject).extend({ sort: dashboardProjectSort });
export type DashboardProjectPage = z.infer<typeof dashboardProjectPage>;

/** The compact map of a municipality's visible projects with a location: what the project map draws, nothing more (in no particular order). */
const mapStandings = ['officieel', 'indicatief', 'geen'] as const;

/**
 * The projects on a municipality dashboard's map, as columns: entry i of every array is the same project (no order).
 * Columns rather than one object per point because a big city has thousands of points: at 9,000 projects this is
 * about 40 % less to build in SQL, to send and to parse than objects with repeated keys.
 */
export const dashboardProjectMap = z
  .object({
    id: z.array(uuid),
    name: z.array(z.string()),
    phase: z.array(z.enum(projectPhases)),
    /** WGS84, 5 decimals (about 1 m). */
    lat: z.array(z.number()),
    lon: z.array(z.number()),
    dwellings: z.array(z.number().int()),
    /** The MPG the colour shows: official when there is one, else indicative, else null (3 decimals). */
    mpg: z.array(z.number().nullable()),
    standing: z.array(z.enum(mapStandings)),
  })
  .refine((m) => [m.name, m.phase, m.lat, m.lon, m.dwellings, m.mpg, m.standing].every((column) => column.length === m.id.length), {
    message: 'Alle kolommen van de kaart hebben evenveel waarden.',
  });
export type DashboardProjectMap = z.infer<typeof dashboardProjectMap>;

/** One project of the map, as an object. */
export interface DashboardMapPoint {
  id: string;
  name: string;
  phase: DashboardProjectMap['phase'][number];
  lat: number;
  lon: number;
  dwellings: number;
  mpg: number | null;
  standing: (typeof mapStandings)[number];
}

/** The map's columns as one object per project (for code that reads points one by one). */
export function mapPoints(map: DashboardProjectMap): DashboardMapPoint[] {
  return map.id.map((id, i) => ({
    id,
    name: map.name[i] as string,
    phase: map.phase[i] as DashboardMapPoint['phase'],
    lat: map.lat[i] as number,
    lon: map.lon[i] as number,
    dwellings: map.dwellings[i] as number,
    mpg: map.mpg[i] ?? null,
    standing: map.standing[i] as DashboardMapPoint['standing'],
  }));
}

export const municipalityDashboard = z.object({
  municipalityCode: z.string(),
  municipalityName: z.string(),
  filter: z.object({ kind: z.enum(projectKinds).nullable(), year: z.number().int().nullable() }),
  totals: dashboardTotals,
  pipeline: z.array(z.object({ phase: z.enum(projectPhases), projects: z.number().int(), dwellings: z.number().int() })),
  byYear: z.array(yearRow),
  /**
   * The FIRST PAGE (at most `DASHBOARD_FIRST_PAGE` = 50, order `name`) of the projects the viewer may see — since the
   * paged list endpoint (`GET /api/municipalities/:code/monitoring/projects`) this is no longer the full list; the
   * full list is paged there, streamed as CSV from `…/projects.csv`, and the map reads `…/map`. Confidential projects
   * of others are never named.
   */
  projects: z.array(dashboardProject),
  /** How many projects the viewer may see under the filter (the length of the full list). */
  projectsTotal: z.number().int(),
});
export type MunicipalityDashboard = z.infer<typeof municipalityDashboard>;

/** The yearly monitoring report (jaarrapport) or the mid-term review (tussentijdse-evaluatie), as PDF or xlsx. */
export const reportQuery = z.object({
  kind: z.enum(reportKinds).default('jaarrapport'),
  year: z.coerce.number().int().min(2000).max(2100),
  format: z.enum(['pdf', 'xlsx']).default('pdf'),
});
export type ReportQuery = z.infer<typeof reportQuery>;

/** City Deal trends: per year the deal total of that year's overview (confidentiality rule applied per year). */
export const cityDealTrends = z.object({ years: z.array(z.object({ year: z.number().int(), totals: dashboardTotals })) });
export type CityDealTrends = z.infer<typeof cityDealTrends>;
