/**
 * Monitoring dashboard: latency of the municipality dashboard (service call: stored per-project aggregate rows joined
 * with the live project facts, then the pure aggregation with the confidentiality rule) on generated data in PGlite,
 * compared in the same run with a naive aggregation that recomputes every project's current values from the whole
 * indicator ledger per request (window function over indicator_entries).
 *
 * Size: BENCH_MONITORING_PROJECTS (default 10 000) projects, all in one municipality (the worst case for one
 * dashboard), 7 computed ledger entries each plus an official MPG for 30 %, 10 % confidential.
 * Not measured here: the passport-line side (1M lines) — dashboards never read passport lines; the computed values
 * reach the ledger once, when a version is published.
 */
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { databaseFromPglite } from '../apps/server/src/db/index.ts';
import { indicatorEntries, projectMonitoring, projects } from '../apps/server/src/db/schema.ts';
import { createRepositories } from '../apps/server/src/repositories.ts';
import { createMonitoringRepository } from '../apps/server/src/features/monitoring/monitoring.repository.ts';
import { createMonitoringService } from '../apps/server/src/features/monitoring/monitoring.service.ts';
import { loadMunicipalityAssets } from '../apps/server/src/features/municipalities/municipalities.assets.ts';
import { prepareDatabase } from '../apps/server/src/startup.ts';
import { ledgerFigures, type IndicatorId, type LedgerEntry } from '@kringbouw/domain/monitoring';

const UTRECHT = 'GM0344';
const kinds = ['nieuwbouw', 'transformatie', 'renovatie', 'optopping'] as const;
const phases = ['initiatief', 'ontwerp', 'realisatie', 'opgeleverd'] as const;
const computedIds: IndicatorId[] = ['mpg', 'mki', 'embodiedCarbon', 'storedCarbon', 'materialOrigin', 'detachability', 'mci'];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function timed(runs: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 3; i += 1) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

export default async function monitoringBench(): Promise<string> {
  const count = Number(process.env.BENCH_MONITORING_PROJECTS ?? 10_000);
  const database = databaseFromPglite(await PGlite.create());
  await prepareDatabase(database, loadMunicipalityAssets());
  const db = database.db;
  const inserted = (await db.execute(sql`insert into organisations (name, kind) values ('Benchmark gemeente', 'gemeente') returning id`)) as unknown as { rows: { id: string }[] };
  const organisationId = inserted.rows[0]?.id ?? '';

  let seed = 7;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };

  const t0 = performance.now();
  let entryRows = 0;
  const batch = 500;
  for (let start = 0; start < count; start += batch) {
    const rows = Array.from({ length: Math.min(batch, count - start) }, (_, i) => ({
      name: `Benchmarkproject ${start + i}`,
      municipalityCode: UTRECHT,
      kind: kinds[(start + i) % kinds.length] ?? 'nieuwbouw',
      phase: phases[Math.floor(random() * phases.length)] ?? 'ontwerp',
      ontwerpDate: `${2020 + Math.floor(random() * 7)}-06-01`,
      dwellings: 10 + Math.floor(random() * 200),
      buildingType: random() < 0.5 ? 'gestapeld' : 'grondgebonden',
      conceptName: random() < 0.3 ? 'Concept' : null,
      visibility: random() < 0.1 ? ('vertrouwelijk' as const) : ('openbaar' as const),
      ownerOrganisationId: organisationId,
    }));
    const ids = await db.insert(projects).values(rows).returning({ id: projects.id });
    const entries: (typeof indicatorEntries.$inferInsert)[] = [];
    const monitoringRows: (typeof projectMonitoring.$inferInsert)[] = [];
    const at = new Date('2026-01-01T00:00:00Z');
    for (const { id } of ids) {
      const ledger: LedgerEntry[] = [];
      let seq = 0;
      const add = (indicatorId: IndicatorId, source: 'berekend' | 'opgegeven', value: number) => {
        seq += 1;
        ledger.push({ id: `${id}-${seq}`, seq, indicatorId, source, value, withdrawsEntryId: null });
        entries.push({ projectId: id, indicatorId, source, value, recordedAt: at });
      };
      for (const indicatorId of computedIds) add(indicatorId, 'berekend', indicatorId === 'mpg' ? 0.3 + random() * 0.6 : random() * 100);
      if (random() < 0.3) add('mpg', 'opgegeven', 0.3 + random() * 0.5);
      const figures = ledgerFigures(ledger);
      monitoringRows.push({ projectId: id, officialMpg: figures.officialMpg, indicativeMpg: figures.indicativeMpg, officialStoredCarbonT: figures.officialStoredCarbonT, indicativeStoredCarbonT: figures.indicativeStoredCarbonT, hnn: figures.hnnValues, updatedAt: at });
    }
    entryRows += entries.length;
    await db.insert(indicatorEntries).values(entries);
    await db.insert(projectMonitoring).values(monitoringRows);
  }
  const loadMs = performance.now() - t0;

  const service = createMonitoringService({ repositories: createRepositories(db), monitoring: createMonitoringRepository(db), now: () => new Date() });
  const coordinator = { userId: '00000000-0000-0000-0000-000000000000', platformRole: 'coordinator' as const, memberships: [] };
  const outsider = { userId: '00000000-0000-0000-0000-000000000001', platformRole: null, memberships: [] };
  const runs = 30;
  const repository = createMonitoringRepository(db);
  const readOnly = await timed(runs, () => repository.aggregateRows(UTRECHT));
  const dashCoordinator = await timed(runs, () => service.dashboard(coordinator, UTRECHT, {}));
  const dashOutsider = await timed(runs, () => service.dashboard(outsider, UTRECHT, { kind: 'nieuwbouw' }));
  const check = await service.dashboard(coordinator, UTRECHT, {});

  // Naive: current official/indicative MPG per project recomputed from the whole ledger, then averaged.
  const naive = await timed(runs, () =>
    db.execute(sql`
      with ranked as (
        select e.project_id, e.indicator_id, e.source, e.value,
               row_number() over (partition by e.project_id, e.indicator_id, (e.source = 'berekend') order by e.seq desc) as rn
        from indicator_entries e join projects p on p.id = e.project_id
        where p.municipality_code = ${UTRECHT} and e.withdraws_entry_id is null
          and not exists (select 1 from indicator_entries w where w.withdraws_entry_id = e.id)
      )
      select count(distinct project_id) as projects,
             avg(value) filter (where indicator_id = 'mpg' and source <> 'berekend' and rn = 1) as average_official_mpg,
             sum(value) filter (where indicator_id = 'storedCarbon' and rn = 1) as stored
      from ranked`),
  );
  const naiveResult = (await db.execute(sql`
      with ranked as (
        select e.project_id, e.indicator_id, e.source, e.value,
               row_number() over (partition by e.project_id, e.indicator_id, (e.source = 'berekend') order by e.seq desc) as rn
        from indicator_entries e join projects p on p.id = e.project_id
        where p.municipality_code = ${UTRECHT} and e.withdraws_entry_id is null
          and not exists (select 1 from indicator_entries w where w.withdraws_entry_id = e.id)
      )
      select avg(value) filter (where indicator_id = 'mpg' and source <> 'berekend' and rn = 1) as average_official_mpg from ranked`)) as unknown as { rows: { average_official_mpg: number | string | null }[] };
  const naiveAverage = Number(naiveResult.rows[0]?.average_official_mpg ?? Number.NaN);
  const agree = check.totals.averageOfficialMpg !== null && Math.abs(check.totals.averageOfficialMpg - naiveAverage) < 1e-9;
  await database.close();

  const ms = (v: number) => v.toFixed(1);
  return `### Monitoring dashboard (PGlite, in-process)

${count.toLocaleString('en')} projects in one municipality, ${entryRows.toLocaleString('en')} ledger entries; generated and loaded in ${(loadMs / 1000).toFixed(1)} s. ${runs} timed runs each after 3 warm-up runs.

| request | p50 ms | p95 ms |
|---|---|---|
| of which: reading the ${count.toLocaleString('en')} aggregate rows joined with the projects (SQL + row mapping) | ${ms(readOnly.p50)} | ${ms(readOnly.p95)} |
| municipality dashboard, coordinator (aggregate rows) | ${ms(dashCoordinator.p50)} | ${ms(dashCoordinator.p95)} |
| municipality dashboard, outsider, kind filter (aggregate rows + confidentiality rule) | ${ms(dashOutsider.p50)} | ${ms(dashOutsider.p95)} |
| naive: current values recomputed from the whole ledger (SQL window), average MPG only | ${ms(naive.p50)} | ${ms(naive.p95)} |

Average official MPG from the aggregate rows and from the naive recomputation ${agree ? 'agree' : '**differ**'} (${check.totals.averageOfficialMpg?.toFixed(6) ?? '—'} vs ${naiveAverage.toFixed(6)}).
Not measured: PostgreSQL at 100k projects, the City Deal dashboard and report generation (not built yet).`;
}
