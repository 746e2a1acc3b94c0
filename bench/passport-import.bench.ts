/**
 * Passport imports through the real server path (Fastify inject → multipart upload → job → worker → mapping →
 * engine → one transaction into PGlite), each case in its own child process so peak memory (maxRSS) belongs to it:
 *  - IFC: the fixture with base quantities (office-cv2.ifc) and a generated ~40 MB IFC4 model, against web-ifc's bare
 *    open + property walk of the same file (Init, OpenModel, every IfcRelDefinesByProperties and
 *    IfcRelAssociatesMaterial read flattened) measured in the same run.
 *    Goals (issue 4): server path ≤ 1.5 × the bare walk; peak memory ≤ 3 × file size + 300 MB.
 *  - A 100k-line xlsx passport (template layout): time and peak memory of the table import.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const officeIfc = path.join(here, '..', 'packages', 'ifc', 'test', 'fixtures', 'office-cv2.ifc');

interface CaseResult {
  ms: number;
  maxRssMb: number;
  /** Peak RSS before the measured work (server cases: the app on PGlite with demo data). */
  beforeMb?: number;
  detail: string;
}

function runChild(args: string[]): CaseResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const last = out.trim().split('\n').at(-1) ?? '';
  process.stderr.write(`passport-import ${args.slice(1, 2).join(' ')} ${path.basename(args[2] ?? '')}: ${last}\n`);
  return JSON.parse(last) as CaseResult;
}

const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

/** web-ifc alone: Init, open, read every property and material relation flattened. */
async function bareWalk(file: string): Promise<CaseResult> {
  const { IfcAPI, LogLevel, IFCRELDEFINESBYPROPERTIES, IFCRELASSOCIATESMATERIAL } = await import('web-ifc');
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  const t0 = performance.now();
  const bytes = new Uint8Array(readFileSync(file));
  const api = new IfcAPI();
  api.SetWasmPath(`${path.dirname(require.resolve('web-ifc'))}/`, true);
  await api.Init(undefined, true);
  api.SetLogLevel(LogLevel.LOG_LEVEL_OFF);
  const model = api.OpenModel(bytes);
  let read = 0;
  for (const type of [IFCRELDEFINESBYPROPERTIES, IFCRELASSOCIATESMATERIAL]) {
    const ids = api.GetLineIDsWithType(model, type);
    for (let i = 0; i < ids.size(); i++) {
      api.GetLine(model, ids.get(i), true);
      read += 1;
    }
  }
  api.CloseModel(model);
  return { ms: performance.now() - t0, maxRssMb: maxRssMb(), detail: `${read} relations read` };
}

/** An app on a fresh in-memory PGlite with the demo data, a signed-in bewerker and a project. */
async function serverFixture() {
  const { PGlite } = await import('@electric-sql/pglite');
  const { databaseFromPglite } = await import('../apps/server/src/db/index.ts');
  const { prepareDatabase } = await import('../apps/server/src/startup.ts');
  const { loadMunicipalityAssets } = await import('../apps/server/src/features/municipalities/municipalities.assets.ts');
  const { seedDemoData } = await import('../apps/server/src/demo/seed.ts');
  const { createRepositories } = await import('../apps/server/src/repositories.ts');
  const { buildApp } = await import('../apps/server/src/app.ts');
  const municipalities = loadMunicipalityAssets();
  const database = databaseFromPglite(await PGlite.create());
  await prepareDatabase(database, municipalities);
  await seedDemoData(createRepositories(database.db));
  const app = await buildApp({
    config: { production: false, sessionSecret: 'bench-session-secret-0123456789-abcdefghijkl', publicUrl: null, trustProxy: false, oidc: null, webDistDir: '/nonexistent', logLevel: 'silent', passportUploadLimitMb: 500 },
    database,
    municipalities,
    logger: false,
  });
  await app.ready();
  const signIn = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'beleid@leiden.demo', password: 'kringbouw-demo' } });
  const cookie = signIn.cookies.find((c) => c.name === 'kb_session');
  const headers = { cookie: `kb_session=${cookie?.value ?? ''}`, 'x-csrf-token': signIn.json<{ csrfToken: string }>().csrfToken };
  const orgs = await app.inject({ method: 'GET', url: '/api/organisations?q=Gemeente%20Leiden', headers });
  const leiden = orgs.json<{ items: { id: string; name: string }[] }>().items.find((o) => o.name === 'Gemeente Leiden')?.id;
  const project = await app.inject({
    method: 'POST',
    url: '/api/projects',
    headers,
    payload: { name: 'Benchmark', municipalityCode: 'GM0546', kind: 'nieuwbouw', phase: 'ontwerp', dwellings: 60, bvoM2: 5000, buildingType: 'gestapeld', ownerOrganisationId: leiden, parties: [] },
  });
  const projectId = project.json<{ id: string }>().id;
  const multipart = (name: string, content: Buffer) => {
    const boundary = '----kringbouwbench';
    return {
      headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    };
  };
  return { app, headers, projectId, multipart, close: async () => { await app.close(); await database.close(); } };
}

async function serverIfc(file: string): Promise<CaseResult> {
  const fixture = await serverFixture();
  const content = readFileSync(file);
  const baseline = maxRssMb();
  const t0 = performance.now();
  const started = await fixture.app.inject({ method: 'POST', url: `/api/projects/${fixture.projectId}/passports/imports/ifc`, ...fixture.multipart(path.basename(file), content) });
  if (started.statusCode !== 202) throw new Error(`upload: ${started.statusCode} ${started.body}`);
  const jobId = started.json<{ id: string }>().id;
  const events = await fixture.app.inject({ method: 'GET', url: `/api/projects/${fixture.projectId}/passports/imports/${jobId}/events`, headers: fixture.headers });
  const ms = performance.now() - t0;
  // Peak at the end of the import, before the check below loads the version again.
  const peak = maxRssMb();
  const done = /event: done\ndata: (.*)\n/.exec(events.body);
  if (!done?.[1]) throw new Error(`import failed: ${events.body.slice(-400)}`);
  const versionId = (JSON.parse(done[1]) as { versionId: string }).versionId;
  const version = await fixture.app.inject({ method: 'GET', url: `/api/projects/${fixture.projectId}/passports/${versionId}`, headers: fixture.headers });
  const v = version.json<{ lineCount: number; elementCount: number; unmappedCount: number }>();
  await fixture.close();
  return { ms, maxRssMb: peak, beforeMb: baseline, detail: `${v.elementCount} elements, ${v.lineCount} lines, ${v.unmappedCount} unmapped names; peak RSS before the upload (server, PGlite, demo data) ${baseline.toFixed(0)} MB` };
}

async function serverXlsx(file: string): Promise<CaseResult> {
  const fixture = await serverFixture();
  const content = readFileSync(file);
  const baseline = maxRssMb();
  const t0 = performance.now();
  const response = await fixture.app.inject({ method: 'POST', url: `/api/projects/${fixture.projectId}/passports/imports/table`, ...fixture.multipart('groot.xlsx', content) });
  const ms = performance.now() - t0;
  if (response.statusCode !== 201) throw new Error(`xlsx import: ${response.statusCode} ${response.body.slice(0, 400)}`);
  const v = response.json<{ lineCount: number; mpg: number | null }>();
  await fixture.close();
  return { ms, maxRssMb: maxRssMb(), beforeMb: baseline, detail: `${v.lineCount} lines stored, MPG ${v.mpg?.toFixed(3) ?? '–'} (indicatief); peak RSS before the upload ${baseline.toFixed(0)} MB` };
}

/** A passport of `count` lines over real profiles, as the template workbook. */
async function writeLargeXlsx(file: string, count: number): Promise<void> {
  const { oekobaudat2020II } = await import('@kringbouw/domain/lca');
  const { writePassportXlsx } = await import('@kringbouw/passport-io');
  const profiles = [...oekobaudat2020II().profiles.values()].filter((p) => p.kgPerDeclaredUnit !== undefined).slice(0, 80);
  const elements = [];
  for (let e = 0; e < count / 20; e++) {
    const lines = [];
    for (let l = 0; l < 20; l++) {
      const profile = profiles[(e * 20 + l) % profiles.length];
      if (!profile) continue;
      lines.push({
        key: `b-${e}-${l}`,
        description: profile.name.de || profile.name.en || profile.id,
        quantity: 1 + ((e * 31 + l * 7) % 97),
        unit: profile.declaredUnit,
        profileId: profile.id,
        serviceLifeYears: 25 + (l % 4) * 25,
        origin: { renewablePct: l % 3 === 0 ? 100 : 0, reusedPct: 0, recycledPct: l % 3 === 0 ? 0 : 10 },
        endOfLife: { reusePct: 10, recyclingPct: 50 },
        detachability: { connection: 'droog' as const, accessibility: 'vrij' as const },
        hazardous: false,
      });
    }
    elements.push({ nlsfb: String(21 + (e % 20)), name: `Element ${e}`, layer: 'constructie', lines });
  }
  writeFileSync(file, await writePassportXlsx({ project: { bvoM2: 5000, buildingType: 'gestapeld', name: 'Benchmark' }, elements }));
}

const mb = (bytes: number) => bytes / (1024 * 1024);
const f0 = (n: number) => n.toFixed(0);

export default async function passportImportBenchmark(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kringbouw-passport-bench-'));
  try {
    const { generateIfc } = await import('@kringbouw/ifc/generate');
    const bigIfc = path.join(dir, 'generated-40mb.ifc');
    writeFileSync(bigIfc, generateIfc({ storeys: 20, wallsPerStorey: 1200, slabsPerStorey: 100, columnsPerStorey: 300, beamsPerStorey: 100 }).text);
    const xlsx = path.join(dir, 'passport-100k.xlsx');
    await writeLargeXlsx(xlsx, 100_000);

    const rows: string[] = [];
    for (const [label, file] of [['office-cv2.ifc (IFC2X3, base quantities)', officeIfc], ['generated IFC4 model', bigIfc]] as const) {
      const size = mb(statSync(file).size);
      const bare = runChild(['--case', 'bare', file]);
      const server = runChild(['--case', 'server-ifc', file]);
      const memoryGoal = 3 * size + 300;
      rows.push(
        `| ${label} | ${size.toFixed(1)} MB | ${f0(bare.ms)} ms | ${f0(server.ms)} ms | **${(server.ms / bare.ms).toFixed(2)}×** (goal ≤ 1.5×) | ${f0(server.maxRssMb)} MB; growth by the import ${f0(server.maxRssMb - (server.beforeMb ?? 0))} MB (goal ≤ ${f0(memoryGoal)} MB); bare web-ifc process ${f0(bare.maxRssMb)} MB | ${server.detail} |`,
      );
    }
    const table = runChild(['--case', 'server-xlsx', xlsx]);
    return [
      '## Passport imports (server path)',
      '',
      `Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}. Each case runs in its own process (PGlite in memory, demo data, Fastify inject).`,
      'Server path = upload → header check → worker (web-ifc) → material mapping → engine → one transaction, until the `done` event.',
      'Bare = web-ifc Init + OpenModel + every IfcRelDefinesByProperties / IfcRelAssociatesMaterial read flattened, in the same run.',
      '',
      '| model | size | bare web-ifc | server path | ratio | peak RSS | result |',
      '|---|---:|---:|---:|---:|---:|---|',
      ...rows,
      '',
      `**100k-line xlsx passport** (${mb(statSync(xlsx).size).toFixed(1)} MB, template layout): ${f0(table.ms)} ms through POST …/imports/table (read + validate + map + engine + store + the 201 answer with the whole passport), peak RSS ${f0(table.maxRssMb)} MB, growth by the import ${f0(table.maxRssMb - (table.beforeMb ?? 0))} MB. ${table.detail}.`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--case' && import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const kind = process.argv[3];
  const file = process.argv[4] ?? '';
  const result = kind === 'bare' ? await bareWalk(file) : kind === 'server-ifc' ? await serverIfc(file) : await serverXlsx(file);
  process.stdout.write(`\n${JSON.stringify(result)}\n`);
  process.exit(0);
}
