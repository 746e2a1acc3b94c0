/**
 * Monitoring dashboards at scale, through the HTTP API (app.inject: session, authorization, SQL, confidentiality rule,
 * zod serialisation), on generated data: BENCH_MONITORING_PROJECTS (default 10 000) projects with
 * BENCH_MONITORING_LINES (default 100) passport lines each on PGlite, and — when BENCH_DATABASE_URL points at a
 * PostgreSQL server — BENCH_MONITORING_PG_PROJECTS (default 100 000) projects on PostgreSQL (a temporary database).
 *
 * Compared in the same run with naive aggregations that do not use the per-project aggregates:
 * - ledger: every project's current official MPG recomputed from the whole indicator ledger (window function);
 * - lines: every passport line of every project's vastgestelde version scanned (jsonb expansion) to get each project's
 *   material origin and the share meeting its HNN level. The generator derives the ledger's computed material origin
 *   from the same lines, so the naive figure and the dashboard's `hnnShare.materialOrigin` must agree.
 *
 * All data is generated in SQL (generate_series), so 10M lines fit in minutes on a small machine. The per-project
 * aggregate rows are filled set-based in SQL with the ledger rule; a sample is checked against `ledgerFigures`.
 */
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { DASHBOARD_FIRST_PAGE, municipalityDashboard, cityDealOverview } from '@kringbouw/contracts';
import { ledgerFigures, checkHnnLevel } from '@kringbouw/domain/monitoring';
import { buildApp } from '../apps/server/src/app.ts';
import { databaseFromPglite, databaseFromPool, type Database } from '../apps/server/src/db/index.ts';
import { demoPassword } from '../apps/server/src/demo/demo-data.ts';
import { seedDemoData } from '../apps/server/src/demo/seed.ts';
import { dashboardOfCells } from '../apps/server/src/features/monitoring/monitoring.cells.ts';
import { createMonitoringRepository } from '../apps/server/src/features/monitoring/monitoring.repository.ts';
import { cityDealMunicipalityCodes, loadMunicipalityAssets } from '../apps/server/src/features/municipalities/municipalities.assets.ts';
import { MemoryMailTransport } from '../apps/server/src/mail/index.ts';
import { createRepositories } from '../apps/server/src/repositories.ts';
import { prepareDatabase } from '../apps/server/src/startup.ts';

const BIG_CITY = 'GM0344'; // Utrecht: weight 40, the largest municipality in the generated data
const TYPICAL_CITY = 'GM0080'; // Leeuwarden: weight 10 like the other City Deal cities
const ELEMENTS = 10;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

async function timed(runs: number, fn: () => Promise<unknown>, warmup = 3): Promise<Timing> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), runs };
}

async function rows<T>(database: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Generates organisations, projects, parties, one vastgestelde passport version per project and the ledger. */
async function generate(database: Database, count: number, linesPerProject: number): Promise<{ ms: number; lines: number; entries: number }> {
  const t0 = performance.now();
  const db = database.db;
  const linesPerElement = Math.max(1, Math.round(linesPerProject / ELEMENTS));
  await db.execute(sql`select setseed(0.42)`);
  await db.execute(sql`insert into organisations (name, kind) select 'Benchmarkorganisatie ' || g, 'corporatie' from generate_series(1, 50) g`);
  await db.execute(sql`create temporary table bench_orgs as select row_number() over (order by id) - 1 as idx, id from organisations`);
  // Municipalities weighted: Utrecht 40, the other City Deal cities 10, every other municipality 1.
  await db.execute(sql`create temporary table bench_weights (idx int, code text)`);
  const codes = await rows<{ code: string }>(database, sql`select code from municipalities order by code`);
  const weighted = codes.flatMap(({ code }) => Array.from({ length: code === BIG_CITY ? 40 : cityDealMunicipalityCodes.has(code) ? 10 : 1 }, () => code));
  for (let i = 0; i < weighted.length; i += 500) {
    const chunk = weighted.slice(i, i + 500);
    await db.execute(sql`insert into bench_weights values ${sql.join(chunk.map((code, j) => sql`(${i + j}, ${code})`), sql`, `)}`);
  }
  const orgCount = Number((await rows<{ n: number }>(database, sql`select count(*)::int as n from bench_orgs`))[0]?.n ?? 1);

  const batch = 10_000;
  for (let start = 1; start <= count; start += batch) {
    const end = Math.min(count, start + batch - 1);
    await db.execute(sql`
      insert into projects (name, municipality_code, lat, lon, kind, phase, ontwerp_date, realisatie_date, opgeleverd_date, dwellings, bvo_m2, building_type, concept_name, visibility, owner_organisation_id, created_at)
      select 'Benchmarkproject ' || lpad(s.g::text, 6, '0'), w.code, 51 + s.r3 * 2, 4 + s.r4 * 2,
             (array['nieuwbouw','transformatie','renovatie','optopping'])[1 + floor(s.r5 * 4)::int],
             (array['initiatief','ontwerp','realisatie','opgeleverd'])[1 + floor(s.r6 * 4)::int],
             make_date(2019 + floor(s.r7 * 8)::int, 6, 1),
             case when s.r6 >= 0.5 then make_date(2020 + floor(s.r7 * 7)::int, 3, 1) end,
             case when s.r6 >= 0.75 then make_date(2021 + floor(s.r7 * 6)::int, 9, 1) end,
             10 + floor(s.r8 * 200)::int, 500 + s.r8 * 20000,
             case when s.r9 < 0.5 then 'gestapeld' when s.r9 < 0.9 then 'grondgebonden' else 'utiliteit' end,
             case when s.r10 < 0.3 then 'Conceptwoning' end,
             case when s.r11 < 0.1 then 'vertrouwelijk' else 'openbaar' end,
             o.id, timestamptz '2026-01-01 00:00:00+00'
      from (select g, random() as r1, random() as r2, random() as r3, random() as r4, random() as r5, random() as r6, random() as r7,
                   random() as r8, random() as r9, random() as r10, random() as r11
            from generate_series(${start}::int, ${end}::int) g) s
      join bench_weights w on w.idx = floor(s.r1 * ${weighted.length})::int
      join bench_orgs o on o.idx = floor(s.r2 * ${orgCount})::int`);
  }
  await db.execute(sql`
    insert into project_parties (project_id, organisation_id, role, position)
    select p.id, o.id, 'adviseur', 0 from (select id, random() as r1, random() as r2 from projects) p
    join bench_orgs o on o.idx = floor(p.r2 * ${orgCount})::int where p.r1 < 0.2
    on conflict do nothing`);

  // One vastgestelde version per project: ELEMENTS elements × linesPerElement lines, then its computed ledger entries.
  const ids = await rows<{ id: string }>(database, sql`select id from projects where name like 'Benchmarkproject %' order by id`);
  for (let i = 0; i < ids.length; i += 5_000) {
    const first = ids[i]?.id ?? '';
    const last = ids[Math.min(ids.length, i + 5_000) - 1]?.id ?? '';
    await db.execute(sql`
      insert into passport_versions (project_id, number, label, status, source, document, element_count, line_count, unmapped_count, published_at)
      select p.id, 1, 'Vastgesteld', 'vastgesteld', 'import',
             jsonb_build_object('project', jsonb_build_object('bvoM2', p.bvo_m2, 'buildingType', p.building_type),
               'elements', (select jsonb_agg(jsonb_build_object('nlsfb', '2' || e || '.1', 'name', 'Element ' || e, 'layer', 'constructie',
                 'lines', (select jsonb_agg(jsonb_build_object(
                     'key', 'e' || e || '-l' || l, 'description', 'Materiaal ' || l, 'quantity', round((1 + random() * 50)::numeric, 3), 'unit', 'm3',
                     'massKg', round((100 + random() * 5000 + p.dwellings * 0)::numeric, 1), 'profileId', 'profiel-' || (1 + floor(random() * 120)::int),
                     'origin', jsonb_build_object('renewablePct', floor(random() * 60)::int, 'reusedPct', floor(random() * 20)::int, 'recycledPct', floor(random() * 20)::int),
                     'endOfLife', jsonb_build_object('reusePct', 10, 'recyclingPct', 60), 'detachability', jsonb_build_object(), 'hazardous', false))
                   from generate_series(1, ${linesPerElement}::int) l where e > 0)))
                 from generate_series(1, ${ELEMENTS}::int) e)),
             ${ELEMENTS}, ${ELEMENTS * linesPerElement}, 0, timestamptz '2026-01-01 00:00:00+00'
      from projects p where p.id between ${first}::uuid and ${last}::uuid and p.name like 'Benchmarkproject %'`);
  }
  // Computed (berekend) entries of each version; material origin = mass-weighted origin share of the version's lines.
  await db.execute(sql`
    insert into indicator_entries (project_id, indicator_id, source, value, passport_version_id, passport_version_number, tool, calculation_date, recorded_at)
    select v.project_id, i.id, 'berekend',
           case i.id when 'mpg' then 0.3 + random() * 0.6 when 'mki' then random() * 1000000 when 'embodiedCarbon' then 120 + random() * 200
                     when 'storedCarbon' then random() * 500 when 'detachability' then 30 + random() * 50 when 'mci' then random()
                     else (select sum((l ->> 'massKg')::float8 * ((l -> 'origin' ->> 'renewablePct')::float8 + (l -> 'origin' ->> 'reusedPct')::float8 + (l -> 'origin' ->> 'recycledPct')::float8))
                                  / sum((l ->> 'massKg')::float8)
                           from jsonb_array_elements(v.document -> 'elements') el, jsonb_array_elements(el -> 'lines') l) end,
           v.id, 1, 'Kringbouw', date '2026-01-01', timestamptz '2026-01-01 00:00:00+00'
    from passport_versions v cross join (values ('mpg'), ('mki'), ('embodiedCarbon'), ('storedCarbon'), ('materialOrigin'), ('detachability'), ('mci')) i(id)
    order by v.project_id, i.id`);
  // Declared official values: MPG for 30 % (a tenth of those first declared wrongly and withdrawn), stored CO2 for 10 %.
  await db.execute(sql`create temporary table bench_declared as select id as project_id, random() as r1, random() as r2, random() as r3 from projects where name like 'Benchmarkproject %'`);
  await db.execute(sql`
    insert into indicator_entries (project_id, indicator_id, source, value, tool, tool_version, calculation_date, recorded_at)
    select project_id, 'mpg', 'opgegeven', 0.9 + r2, 'GPR Materiaal', '5.2', date '2026-02-01', timestamptz '2026-02-01 00:00:00+00' from bench_declared where r1 < 0.03`);
  await db.execute(sql`
    insert into indicator_entries (project_id, indicator_id, source, value, withdraws_entry_id, tool, note, recorded_at)
    select e.project_id, 'mpg', 'opgegeven', null, e.id, null, 'Tikfout', timestamptz '2026-02-02 00:00:00+00' from indicator_entries e where e.source = 'opgegeven' and e.indicator_id = 'mpg'`);
  await db.execute(sql`
    insert into indicator_entries (project_id, indicator_id, source, value, tool, tool_version, calculation_date, recorded_at)
    select project_id, 'mpg', 'opgegeven', 0.3 + r2 * 0.5, 'GPR Materiaal', '5.2', date '2026-03-01', timestamptz '2026-03-01 00:00:00+00' from bench_declared where r1 < 0.3
    union all
    select project_id, 'storedCarbon', 'opgegeven', r3 * 400, 'EN 16449', '2014', date '2026-03-01', timestamptz '2026-03-01 00:00:00+00' from bench_declared where r3 < 0.1`);
  // Per-project aggregate rows (they exist from the projects' insert, trigger of migration 0008): the ledger figures,
  // set-based with the ledger rule (newest non-withdrawn official / indicative entry per indicator).
  await db.execute(sql`
    update project_monitoring m set
      official_mpg = f.official_mpg, indicative_mpg = f.indicative_mpg,
      official_stored_carbon_t = f.official_stored, indicative_stored_carbon_t = f.indicative_stored,
      hnn_mpg = f.mpg, hnn_embodied_carbon = f.embodied, hnn_material_origin = f.origin, hnn_detachability = f.detachability,
      hnn = jsonb_build_object('mpg', f.mpg, 'embodiedCarbon', f.embodied, 'materialOrigin', f.origin, 'detachability', f.detachability),
      updated_at = now()
    from (
      select project_id,
             max(value) filter (where indicator_id = 'mpg' and official) as official_mpg, max(value) filter (where indicator_id = 'mpg' and not official) as indicative_mpg,
             max(value) filter (where indicator_id = 'storedCarbon' and official) as official_stored, max(value) filter (where indicator_id = 'storedCarbon' and not official) as indicative_stored,
             coalesce(max(value) filter (where indicator_id = 'mpg' and official), max(value) filter (where indicator_id = 'mpg' and not official)) as mpg,
             coalesce(max(value) filter (where indicator_id = 'embodiedCarbon' and official), max(value) filter (where indicator_id = 'embodiedCarbon' and not official)) as embodied,
             coalesce(max(value) filter (where indicator_id = 'materialOrigin' and official), max(value) filter (where indicator_id = 'materialOrigin' and not official)) as origin,
             coalesce(max(value) filter (where indicator_id = 'detachability' and official), max(value) filter (where indicator_id = 'detachability' and not official)) as detachability
      from (select distinct on (e.project_id, e.indicator_id, e.source <> 'berekend') e.project_id, e.indicator_id, e.source <> 'berekend' as official, e.value
            from indicator_entries e
            where e.withdraws_entry_id is null and not exists (select 1 from indicator_entries w where w.withdraws_entry_id = e.id)
            order by e.project_id, e.indicator_id, e.source <> 'berekend', e.seq desc) current
      group by project_id
    ) f
    where m.project_id = f.project_id`);
  await db.execute(sql`analyze`);
  const [counts] = await rows<{ lines: number; entries: number }>(database, sql`select (select coalesce(sum(line_count), 0)::int from passport_versions) as lines, (select count(*)::int from indicator_entries) as entries`);
  return { ms: performance.now() - t0, lines: Number(counts?.lines ?? 0), entries: Number(counts?.entries ?? 0) };
}

/** Spot check: the set-based aggregate rows of a sample of projects equal `ledgerFigures` over their whole ledger. */
async function spotCheck(database: Database, sample: number): Promise<{ checked: number; differ: number }> {
  const repository = createMonitoringRepository(database.db);
  const ids = await rows<{ id: string }>(database, sql`select project_id as id from project_monitoring order by md5(project_id::text) limit ${sample}`);
  const stored = await repository.storedFigures(ids.map((r) => r.id));
  let differ = 0;
  for (const row of stored) {
    const figures = ledgerFigures(await repository.entries(row.projectId));
    const same = isDeepStrictEqual(
      { officialMpg: row.officialMpg, indicativeMpg: row.indicativeMpg, officialStoredCarbonT: row.officialStoredCarbonT, indicativeStoredCarbonT: row.indicativeStoredCarbonT, hnnValues: row.hnn },
      figures,
    );
    if (!same) differ += 1;
  }
  return { checked: stored.length, differ };
}

interface Row {
  what: string;
  timing: Timing | null;
  note: string;
}

async function run(label: string, database: Database, count: number, linesPerProject: number): Promise<{ label: string; rows: Row[]; summary: string }> {
  const municipalities = loadMunicipalityAssets();
  await prepareDatabase(database, municipalities);
  await seedDemoData(createRepositories(database.db));
  // BENCH_MONITORING_KEEP: a kept PostgreSQL database is generated once and measured again on later runs.
  const [existing] = await rows<{ n: number }>(database, sql`select count(*)::int as n from projects where name like 'Benchmarkproject %'`);
  const generated =
    Number(existing?.n ?? 0) === count
      ? { ms: Number.NaN, ...(await rows<{ lines: number; entries: number }>(database, sql`select (select coalesce(sum(line_count), 0)::int from passport_versions) as lines, (select count(*)::int from indicator_entries) as entries`))[0] }
      : await generate(database, count, linesPerProject);
  const check = await spotCheck(database, 300);
  const sizes = await rows<{ code: string; n: number }>(database, sql`select municipality_code as code, count(*)::int as n from projects where municipality_code in (${BIG_CITY}, ${TYPICAL_CITY}) group by 1`);
  const sizeOf = (code: string) => Number(sizes.find((s) => s.code === code)?.n ?? 0);
  const [deal] = await rows<{ n: number }>(database, sql`select count(*)::int as n from projects where municipality_code in (${sql.join([...cityDealMunicipalityCodes].map((c) => sql`${c}`), sql`, `)})`);

  const app = await buildApp({
    config: { production: false, sessionSecret: 'b'.repeat(40), publicUrl: null, trustProxy: false, oidc: null, webDistDir: '/nonexistent', logLevel: 'silent' },
    database,
    mail: new MemoryMailTransport(),
    municipalities,
    logger: false,
  });
  await app.ready();
  const cookieOf = async (email: string) => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password: demoPassword } });
    if (response.statusCode !== 200) throw new Error(`sign-in ${email}: ${response.statusCode}`);
    return `kb_session=${response.cookies.find((c) => c.name === 'kb_session')?.value ?? ''}`;
  };
  const coordinator = await cookieOf('coordinator@citydeal.demo');
  const outsider = await cookieOf('bouwer@vanwijnen.demo');
  const get = (cookie: string, url: string) => async () => {
    const response = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
    return response;
  };

  const runs = 30;
  const out: Row[] = [];
  const dash = async (what: string, cookie: string, url: string) => {
    const response = await get(cookie, url)();
    out.push({ what, timing: await timed(runs, get(cookie, url)), note: `${(response.rawPayload.length / 1024).toFixed(0)} KiB` });
    return response;
  };
  const bigCoordinator = municipalityDashboard.parse((await dash(`municipality dashboard ${BIG_CITY} (${sizeOf(BIG_CITY).toLocaleString('en')} projects), coordinator — figures + first ${DASHBOARD_FIRST_PAGE} projects`, coordinator, `/api/municipalities/${BIG_CITY}/monitoring`)).json());
  await dash(`municipality dashboard ${BIG_CITY}, outsider, kind filter`, outsider, `/api/municipalities/${BIG_CITY}/monitoring?kind=nieuwbouw`);
  await dash(`municipality dashboard ${TYPICAL_CITY} (${sizeOf(TYPICAL_CITY).toLocaleString('en')} projects), outsider`, outsider, `/api/municipalities/${TYPICAL_CITY}/monitoring`);
  const overview = cityDealOverview.parse((await dash(`City Deal dashboard (8 cities, ${Number(deal?.n ?? 0).toLocaleString('en')} projects), coordinator`, coordinator, '/api/monitoring/city-deal')).json());
  await dash('City Deal dashboard, outsider, year filter', outsider, '/api/monitoring/city-deal?year=2024');
  // The project list, apart from the dashboard: paged in SQL (LIMIT/OFFSET; the default order walks
  // project_monitoring_list_idx), the compact map and the streamed CSV of the whole visible list.
  const bigList = `/api/municipalities/${BIG_CITY}/monitoring/projects`;
  const lastPage = Math.max(1, Math.ceil(bigCoordinator.projectsTotal / DASHBOARD_FIRST_PAGE));
  await dash(`project list ${BIG_CITY}, coordinator, page 1 (by name)`, coordinator, `${bigList}?page=1`);
  await dash(`project list ${BIG_CITY}, coordinator, last page ${lastPage} (by name)`, coordinator, `${bigList}?page=${lastPage}`);
  await dash(`project list ${BIG_CITY}, coordinator, page 1 by dwellings desc`, coordinator, `${bigList}?page=1&sort=-dwellings`);
  await dash(`project list ${BIG_CITY}, outsider, page 2, kind filter, by official MPG`, outsider, `${bigList}?page=2&kind=nieuwbouw&sort=officialMpg`);
  await dash(`project map ${BIG_CITY}, coordinator (id, name, phase, location, dwellings, MPG)`, coordinator, `/api/municipalities/${BIG_CITY}/monitoring/map`);
  const csvUrl = `/api/municipalities/${BIG_CITY}/monitoring/projects.csv`;
  const csvProbe = await get(coordinator, csvUrl)();
  out.push({ what: `project CSV ${BIG_CITY}, coordinator (all ${bigCoordinator.projectsTotal.toLocaleString('en')} visible, streamed in keyset batches)`, timing: await timed(10, get(coordinator, csvUrl), 2), note: `${(csvProbe.rawPayload.length / 1024).toFixed(0)} KiB` });
  // Where the time of the largest dashboard goes: the figures (cells query + confidentiality rule) and the first page.
  const monitoring = createMonitoringRepository(database.db);
  const everyone = { kind: 'all' as const };
  const bigQuery = { municipalityCodes: [BIG_CITY] };
  out.push({ what: `of which: ${BIG_CITY} figures only (cells query + rule), coordinator`, timing: await timed(runs, async () => dashboardOfCells(await monitoring.cells(everyone, bigQuery))), note: '' });
  out.push({ what: `of which: ${BIG_CITY} first page only (SQL LIMIT ${DASHBOARD_FIRST_PAGE}), coordinator`, timing: await timed(runs, () => monitoring.projectPage(everyone, bigQuery, { offset: 0, limit: DASHBOARD_FIRST_PAGE, sort: 'name' })), note: '' });
  out.push({ what: 'of which: City Deal figures only (cells query + rule per city), coordinator', timing: await timed(runs, async () => {
      const cells = await monitoring.cells(everyone, { municipalityCodes: [...cityDealMunicipalityCodes] });
      return [...cityDealMunicipalityCodes].map((code) => dashboardOfCells(cells.filter((c) => c.municipalityCode === code)));
    }), note: '' });

  // Report generation, when the reports routes are there (another part of issue 5).
  for (const [what, url] of [
    [`yearly report ${BIG_CITY} 2025, PDF`, `/api/municipalities/${BIG_CITY}/monitoring/report?kind=jaarrapport&year=2025&format=pdf`],
    [`yearly report ${BIG_CITY} 2025, xlsx`, `/api/municipalities/${BIG_CITY}/monitoring/report?kind=jaarrapport&year=2025&format=xlsx`],
    ['City Deal yearly report 2025, PDF', '/api/monitoring/city-deal/report?kind=jaarrapport&year=2025&format=pdf'],
  ] as const) {
    const probe = await app.inject({ method: 'GET', url, headers: { cookie: coordinator } });
    if (probe.statusCode !== 200) {
      out.push({ what, timing: null, note: `not measured: ${probe.statusCode}` });
      continue;
    }
    out.push({ what, timing: await timed(5, get(coordinator, url), 1), note: `${(probe.rawPayload.length / 1024).toFixed(0)} KiB` });
  }

  // Naive 1: the municipality's current official MPGs recomputed from the whole ledger per request.
  const naiveLedger = sql`
    with ranked as (
      select e.project_id, e.indicator_id, e.source, e.value,
             row_number() over (partition by e.project_id, e.indicator_id, (e.source = 'berekend') order by e.seq desc) as rn
      from indicator_entries e join projects p on p.id = e.project_id
      where p.municipality_code = ${BIG_CITY} and e.withdraws_entry_id is null
        and not exists (select 1 from indicator_entries w where w.withdraws_entry_id = e.id)
    )
    select avg(value) filter (where indicator_id = 'mpg' and source <> 'berekend' and rn = 1) as average from ranked`;
  const naiveRuns = count > 20_000 ? 5 : 10;
  out.push({ what: `naive ledger: ${BIG_CITY} average official MPG recomputed from the whole ledger`, timing: await timed(naiveRuns, () => database.db.execute(naiveLedger), 1), note: '' });
  const ledgerAverage = Number((await rows<{ average: number | null }>(database, naiveLedger))[0]?.average ?? Number.NaN);

  // Naive 2: every passport line of the municipality / the City Deal scanned for material origin → HNN share.
  const levels = (['gestapeld', 'grondgebonden', 'utiliteit'] as const).map((t) => sql`when ${t} then ${checkHnnLevel('materialOrigin', 0, t).level}::float8`);
  const naiveLines = (codes: readonly string[]) => sql`
    select count(*) filter (where origin >= level)::int as met, count(level)::int as checked, sum(lines)::bigint as lines
    from (select p.building_type, (case p.building_type ${sql.join(levels, sql` `)} end) as level, count(*) as lines,
                 sum((l ->> 'massKg')::float8 * ((l -> 'origin' ->> 'renewablePct')::float8 + (l -> 'origin' ->> 'reusedPct')::float8 + (l -> 'origin' ->> 'recycledPct')::float8)) / sum((l ->> 'massKg')::float8) as origin
          from projects p join passport_versions v on v.project_id = p.id and v.status = 'vastgesteld'
          cross join lateral jsonb_array_elements(v.document -> 'elements') el cross join lateral jsonb_array_elements(el -> 'lines') l
          where p.municipality_code in (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})
            and not exists (select 1 from indicator_entries o where o.project_id = p.id and o.indicator_id = 'materialOrigin' and o.source <> 'berekend')
          group by p.id, p.building_type) per_project`;
  const bigLines = (await rows<{ met: number; checked: number; lines: number | string }>(database, naiveLines([BIG_CITY])))[0];
  out.push({ what: `naive lines: ${BIG_CITY} material-origin HNN share from ${Number(bigLines?.lines ?? 0).toLocaleString('en')} lines`, timing: await timed(naiveRuns, () => database.db.execute(naiveLines([BIG_CITY])), 1), note: '' });
  const dealCodes = [...cityDealMunicipalityCodes];
  const dealLines = (await rows<{ met: number; checked: number; lines: number | string }>(database, naiveLines(dealCodes)))[0];
  out.push({ what: `naive lines: City Deal material-origin HNN share from ${Number(dealLines?.lines ?? 0).toLocaleString('en')} lines`, timing: await timed(Math.max(3, naiveRuns - 5), () => database.db.execute(naiveLines(dealCodes)), 1), note: '' });

  // Keeping the aggregates current: one declaration (ledger insert + aggregate row rewrite, one transaction).
  const repository = createMonitoringRepository(database.db);
  const [target] = await rows<{ id: string }>(database, sql`select id from projects where municipality_code = ${BIG_CITY} limit 1`);
  const declareOne = () =>
    repository.appendAndRefresh(target?.id ?? '', [{ indicatorId: 'mki', source: 'opgegeven', value: 123_456, withdrawsEntryId: null, passportVersionId: null, passportVersionNumber: null, dataVersions: null, tool: 'GPR Materiaal', toolVersion: '5.2', nmdVersion: null, calculationDate: '2026-04-01', note: null, recordedBy: null }], new Date());
  out.push({ what: 'write: declare one value (ledger insert + aggregate row rewrite, one transaction)', timing: await timed(20, declareOne, 2), note: '' });

  const agreeMpg = bigCoordinator.totals.averageOfficialMpg !== null && Math.abs(bigCoordinator.totals.averageOfficialMpg - ledgerAverage) < 1e-9;
  const dashOrigin = bigCoordinator.totals.hnnShare.materialOrigin;
  const agreeOrigin = dashOrigin.met === bigLines?.met && dashOrigin.checked === bigLines?.checked;
  const [version] = await rows<{ v: string }>(database, sql`select version() as v`);
  await app.close();
  const summary = [
    `${label}: ${count.toLocaleString('en')} projects, ${Number(generated.lines ?? 0).toLocaleString('en')} passport lines, ${Number(generated.entries ?? 0).toLocaleString('en')} ledger entries; ${Number.isNaN(generated.ms) ? 'generated by an earlier run (kept database)' : `generated in SQL in ${(generated.ms / 1000).toFixed(0)} s`} (${(version?.v ?? '').split(',')[0]}).`,
    `Aggregate rows spot-checked against \`ledgerFigures\` over the whole ledger: ${check.checked} projects, ${check.differ} differ.`,
    `${BIG_CITY} coordinator: average official MPG ${agreeMpg ? 'agrees' : '**differs**'} with the naive ledger recomputation (${bigCoordinator.totals.averageOfficialMpg?.toFixed(6) ?? '—'} vs ${ledgerAverage.toFixed(6)}); material-origin HNN share ${agreeOrigin ? 'agrees' : '**differs**'} with the naive line scan (${dashOrigin.met}/${dashOrigin.checked} vs ${bigLines?.met}/${bigLines?.checked}). City Deal total: ${overview.total.projects.toLocaleString('en')} projects.`,
  ].join('\n');
  return { label, rows: out, summary };
}

export default async function monitoringBench(): Promise<string> {
  const lines = Number(process.env.BENCH_MONITORING_LINES ?? 100);
  const results = [];
  const load = [loadavg().map((l) => l.toFixed(2)).join(' ')];
  if (process.env.BENCH_MONITORING_SKIP_PGLITE === undefined) {
    const pglite = databaseFromPglite(await PGlite.create());
    results.push(await run('PGlite (in memory)', pglite, Number(process.env.BENCH_MONITORING_PROJECTS ?? 10_000), lines));
    await pglite.close();
    load.push(loadavg().map((l) => l.toFixed(2)).join(' '));
  }
  const serverUrl = process.env.BENCH_DATABASE_URL;
  let pgNote = 'PostgreSQL: not run (set BENCH_DATABASE_URL=postgres://user@host:5432/postgres).';
  if (serverUrl) {
    const keep = process.env.BENCH_MONITORING_KEEP !== undefined;
    const name = keep ? 'kb_bench_monitoring_kept' : `kb_bench_monitoring_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
    if (!exists) await admin.query(`create database "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const database = databaseFromPool(new pg.Pool({ connectionString: url.href, max: 4 }));
    try {
      results.push(await run('PostgreSQL', database, Number(process.env.BENCH_MONITORING_PG_PROJECTS ?? 100_000), lines));
      pgNote = '';
    } finally {
      await database.close();
      if (!keep) await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
    load.push(loadavg().map((l) => l.toFixed(2)).join(' '));
  }
  const ms = (v: number) => v.toFixed(1);
  const tables = results.map(
    (r) => `${r.summary}

| ${r.label}: request | p50 ms | p95 ms | runs | response |
|---|---:|---:|---:|---|
${r.rows.map((row) => `| ${row.what} | ${row.timing ? ms(row.timing.p50) : '—'} | ${row.timing ? ms(row.timing.p95) : '—'} | ${row.timing?.runs ?? 0} | ${row.note} |`).join('\n')}`,
  );
  return `### Monitoring dashboards at scale (bench/monitoring.bench.ts)

HTTP through \`app.inject\` (session, authorization, SQL cells + confidentiality rule, zod serialisation); timed runs after
warm-up. Projects spread over all municipalities with weights (Utrecht 40, the other City Deal cities 10, others 1),
10 % confidential, 30 % with an official MPG; the coordinator sees every project, the outsider (a builder without
projects here) only public ones plus confidential ones in groups of ≥ 3. Goal: dashboards p95 ≤ 100 ms. The
municipality dashboard carries the figures and the first 50 projects; the list pages, the map and the CSV are
measured apart (the CSV holds every visible project, so it is not held to the dashboard goal).
Load average (1/5/15 min) at start and after each database: ${load.join(' → ')}. ${pgNote}

${tables.join('\n\n')}`;
}
