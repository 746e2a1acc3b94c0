/**
 * HTTP-level tests of the monitoring reports (yearly report, mid-term review; PDF and xlsx from one model), the City
 * Deal trends, lessons (monitoring level 1) and the confidentiality rule in every export.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cityDealTrends, DASHBOARD_FIRST_PAGE, lesson, lessonList } from '@kringbouw/contracts';
import { call, createTestContext, idOfOrganisation, projectBody, signIn, type Session, type TestContext } from '../../../test/helpers.ts';
import { pdfText as rawPdfText } from '../../../test/pdf-text.ts';
import { injectMultipart } from '../../../test/stock-support.ts';
import { declarationMultipart } from '../../../test/matrix/monitoring.support.ts';
import { buildReportModel, emptyTotals } from '@kringbouw/domain/monitoring';
import { PDF_MAX_TABLE_ROWS, renderReportPdf } from './monitoring.reports.pdf.ts';
import { renderReportXlsx } from './monitoring.reports.xlsx.ts';

let ctx: TestContext;
let bewerker: Session;
let lezer: Session;
let outsider: Session;
let coordinator: Session;
let leiden: string;

const pdf = Buffer.from('%PDF-1.4\n% report test\n%%EOF\n');

async function newProject(name: string, year: number, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await call(ctx.app, bewerker, 'POST', '/api/projects', projectBody(leiden, { name, dwellings: 50, phase: 'opgeleverd', phaseDates: { initiatief: null, ontwerp: null, realisatie: null, opgeleverd: `${year}-06-01` }, ...overrides }));
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

async function declareMpg(projectId: string, value: string): Promise<void> {
  const fields = { indicatorId: 'mpg', value, tool: 'GPR Materiaal', toolVersion: '5.2', nmdVersion: 'NMD 3.7', calculationDate: '2026-03-01' };
  const response = await injectMultipart(ctx.app, bewerker, 'POST', `/api/projects/${projectId}/indicators`, declarationMultipart(fields, { name: 'mpg.pdf', content: pdf }));
  expect(response.statusCode, response.body).toBe(201);
}

async function download(session: Session, url: string): Promise<Buffer> {
  const response = await call(ctx.app, session, 'GET', url);
  expect(response.statusCode, response.body).toBe(200);
  return response.rawPayload;
}

/** Every sheet as rows of cell values. */
async function sheets(xlsx: Buffer): Promise<Map<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const out = new Map<string, unknown[][]>();
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    out.set(sheet.name, rows);
  });
  return out;
}

/** The PDF's text with line breaks as spaces (table cells wrap). */
const pdfText = (file: Buffer) => rawPdfText(file).replace(/\s+/g, ' ');

const rowOf = (rows: unknown[][] | undefined, first: unknown) => rows?.find((r) => r[0] === first);

beforeAll(async () => {
  ctx = await createTestContext();
  bewerker = await signIn(ctx.app, 'beleid@leiden.demo');
  lezer = await signIn(ctx.app, 'lezer@leiden.demo');
  outsider = await signIn(ctx.app, 'bouwer@vanwijnen.demo');
  coordinator = await signIn(ctx.app, 'coordinator@citydeal.demo');
  leiden = await idOfOrganisation(ctx.app, coordinator, 'Gemeente Leiden');
});

afterAll(async () => {
  await ctx?.close();
});

describe('yearly report and mid-term review', () => {
  it('renders the same figures in the xlsx and the PDF: average official MPG, projects named, official and indicative apart', async () => {
    const a = await newProject('Rapportproject Alfa', 2031);
    const b = await newProject('Rapportproject Beta', 2031, { concept: null });
    await declareMpg(a, '0.40');
    await declareMpg(b, '0.60');

    const xlsx = await sheets(await download(bewerker, '/api/municipalities/GM0546/monitoring/report?year=2031&format=xlsx'));
    const key = xlsx.get('Kengetallen');
    // (0.40 + 0.60) / 2 = 0.50 over the two projects with an official MPG
    expect(rowOf(key, 'Gemiddelde MPG (€/m² BVO/jr)')?.[1]).toBeCloseTo(0.5, 10);
    expect(rowOf(key, 'Projecten')?.[1]).toBe(2);
    expect(rowOf(key, 'Woningen')?.[1]).toBe(100);
    // 50 of 100 dwellings are in a project with a building concept
    expect(rowOf(key, 'Woningen geïndustrialiseerd/conceptueel (%)')?.[1]).toBeCloseTo(50, 10);
    const projects = xlsx.get('Projecten') ?? [];
    expect(projects.map((r) => r[0])).toEqual(expect.arrayContaining(['Rapportproject Alfa', 'Rapportproject Beta']));
    expect(rowOf(projects, 'Rapportproject Alfa')?.[6]).toBe(0.4);
    expect(rowOf(xlsx.get('Pijplijn'), 'Opgeleverd')?.slice(1)).toEqual([2, 100]);

    const file = await download(bewerker, '/api/municipalities/GM0546/monitoring/report?year=2031&format=pdf');
    expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(file);
    expect(text).toContain('Monitoringsrapportage 2031');
    expect(text).toContain('Rapportproject Alfa');
    expect(text).toContain('De gemiddelde officiële MPG is 0,50 €/m² BVO per jaar over 2 projecten');
  });

  it('the mid-term review covers every year up to its year, the total being the sum of the years', async () => {
    const c = await newProject('Rapportproject Gamma', 2032);
    await declareMpg(c, '0.80');
    const xlsx = await sheets(await download(coordinator, '/api/municipalities/GM0546/monitoring/report?year=2032&kind=tussentijdse-evaluatie&format=xlsx'));
    const trend = xlsx.get('Trend per jaar') ?? [];
    const y2031 = rowOf(trend, '2031');
    const y2032 = rowOf(trend, '2032');
    const total = rowOf(trend, 'Totaal');
    expect(y2032?.slice(1, 3)).toEqual([1, 50]);
    expect(total?.[1]).toBe(trend.filter((r) => /^\d{4}$/.test(String(r[0]))).reduce((s, r) => s + Number(r[1]), 0));
    expect(Number(total?.[1])).toBeGreaterThanOrEqual(Number(y2031?.[1]) + 1);
    const text = pdfText(await download(coordinator, '/api/municipalities/GM0546/monitoring/report?year=2032&kind=tussentijdse-evaluatie'));
    expect(text).toContain('Tussentijdse evaluatie');
    expect(text).toContain('Rapportproject Gamma');
  });

  it('counts confidential projects for outsiders only when ≥ 3 fall in one figure, and never names them', async () => {
    const secret = { visibility: 'vertrouwelijk', concept: null };
    await newProject('Geheim Een', 2033, secret);
    await newProject('Geheim Twee', 2033, secret);
    const projectsFor = async (session: Session) => {
      const xlsx = await sheets(await download(session, '/api/municipalities/GM0546/monitoring/report?year=2033&format=xlsx'));
      return { xlsx, projects: rowOf(xlsx.get('Kengetallen'), 'Projecten')?.[1], text: pdfText(await download(session, '/api/municipalities/GM0546/monitoring/report?year=2033&format=pdf')) };
    };
    const two = await projectsFor(outsider);
    expect(two.projects).toBe(0);
    expect(JSON.stringify([...two.xlsx.values()])).not.toContain('Geheim');
    expect(two.text).not.toContain('Geheim');

    await newProject('Geheim Drie', 2033, secret);
    const three = await projectsFor(outsider);
    expect(three.projects).toBe(3);
    expect(JSON.stringify([...three.xlsx.values()])).not.toContain('Geheim');
    expect(three.text).not.toContain('Geheim');
    expect(three.text).toContain('tellen 3 vertrouwelijke projecten mee die niet bij naam worden genoemd');

    const member = await projectsFor(lezer);
    expect(member.projects).toBe(3);
    expect(member.text).toContain('Geheim Drie');

    // The City Deal report applies the same rule: the outsider sees Leiden's 2033 count, no names.
    const deal = await sheets(await download(outsider, '/api/monitoring/city-deal/report?year=2033&format=xlsx'));
    expect(rowOf(deal.get('Steden'), 'Leiden')?.[1]).toBe(3);
    expect(JSON.stringify([...deal.values()])).not.toContain('Geheim');
  });

  it('lists every project the reader may see, not only the dashboard\'s first page', async () => {
    const count = DASHBOARD_FIRST_PAGE + 5;
    for (let i = 0; i < count; i += 1) await newProject(`Lijstproject ${String(i).padStart(3, '0')}`, 2034, { municipalityCode: 'GM0014', location: { lat: 53.2, lon: 6.56 } });
    const xlsx = await sheets(await download(outsider, '/api/municipalities/GM0014/monitoring/report?year=2034&format=xlsx'));
    const listed = (xlsx.get('Projecten') ?? []).map((r) => r[0]).filter((n) => typeof n === 'string' && n.startsWith('Lijstproject'));
    expect(listed).toHaveLength(count);
  });

  it('refuses bad input with a clear 400 and unknown municipalities with 404', async () => {
    const missingYear = await call(ctx.app, bewerker, 'GET', '/api/municipalities/GM0546/monitoring/report');
    expect(missingYear.statusCode).toBe(400);
    expect(JSON.stringify(missingYear.json())).toContain('year');
    expect((await call(ctx.app, bewerker, 'GET', '/api/municipalities/GM0546/monitoring/report?year=2031&format=docx')).statusCode).toBe(400);
    expect((await call(ctx.app, bewerker, 'GET', '/api/municipalities/GM0546/monitoring/report?year=2031&kind=kwartaal')).statusCode).toBe(400);
    expect((await call(ctx.app, bewerker, 'GET', '/api/municipalities/GM9999/monitoring/report?year=2031')).statusCode).toBe(404);
  });

  it('City Deal trends per year equal the City Deal overview filtered on that year', async () => {
    const trends = cityDealTrends.parse((await call(ctx.app, coordinator, 'GET', '/api/monitoring/city-deal/trends')).json());
    const y2031 = trends.years.find((y) => y.year === 2031);
    const overview = (await call(ctx.app, coordinator, 'GET', '/api/monitoring/city-deal?year=2031')).json<{ total: unknown }>();
    expect(y2031?.totals).toEqual(overview.total);
    expect(trends.years.map((y) => y.year)).toEqual([...trends.years.map((y) => y.year)].sort((p, q) => p - q));
  });
});

describe('renderers', () => {
  it('the PDF prints at most PDF_MAX_TABLE_ROWS rows of a table and says so; the xlsx holds every row', async () => {
    const projects = Array.from({ length: PDF_MAX_TABLE_ROWS + 50 }, (_, i) => ({ name: `Project ${String(i).padStart(4, '0')}`, municipalityName: 'Leiden', kind: 'nieuwbouw' as const, phase: 'ontwerp' as const, year: 2031, dwellings: 10, officialMpg: null, indicativeMpg: 0.5 }));
    const model = buildReportModel({ kind: 'jaarrapport', scope: { level: 'gemeente', code: 'GM0546', name: 'Leiden' }, year: 2031, years: [{ year: 2031, totals: emptyTotals() }], pipeline: [], cities: [], projects, lessons: [], dataVersions: {}, generatedAt: '2031-12-01T00:00:00.000Z', reader: 'test' });
    const file = await renderReportPdf(model);
    const text = pdfText(file);
    // Every page has its footer and no footer opened a page of its own.
    const pages = (file.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThan(5);
    expect(text).toContain(`pagina ${pages} van ${pages}`);
    expect(text).not.toContain(`pagina ${pages + 1}`);
    expect(text).toContain(`Project ${String(PDF_MAX_TABLE_ROWS - 1).padStart(4, '0')}`);
    expect(text).not.toContain(`Project ${String(PDF_MAX_TABLE_ROWS).padStart(4, '0')}`);
    expect(text).toContain('… en nog 50 rijen: het Excel-bestand bevat de hele tabel.');
    const xlsx = await sheets(await renderReportXlsx(model));
    expect(xlsx.get('Projecten')?.filter((r) => String(r[0]).startsWith('Project ')).length).toBe(PDF_MAX_TABLE_ROWS + 50);
  });
});

describe('ledger sources', () => {
  it('refuses "geaudit" (reserved until audits exist) and "berekend" with source_not_accepted, writing nothing', async () => {
    const projectId = await newProject('Bronproject', 2031);
    const fields = { indicatorId: 'storedCarbon', value: '12', tool: 'Auditbureau', toolVersion: '1', calculationDate: '2026-03-01' };
    for (const source of ['geaudit', 'berekend']) {
      const response = await injectMultipart(ctx.app, coordinator, 'POST', `/api/projects/${projectId}/indicators`, declarationMultipart({ source, ...fields }));
      expect(response.statusCode).toBe(400);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('source_not_accepted');
    }
    const indicators = (await call(ctx.app, coordinator, 'GET', `/api/projects/${projectId}/indicators`)).json<{ indicators: { history: unknown[] }[] }>();
    expect(indicators.indicators.flatMap((i) => i.history)).toEqual([]);
    const declared = await injectMultipart(ctx.app, coordinator, 'POST', `/api/projects/${projectId}/indicators`, declarationMultipart({ source: 'opgegeven', ...fields }));
    expect(declared.statusCode, declared.body).toBe(201);
  });
});

describe('lessons (monitoring level 1)', () => {
  it('records a lesson for your organisation, refuses others and empty ones, lists it and puts it in the report', async () => {
    const body = { organisationId: leiden, year: 2031, theme: 'biobased', accelerators: 'Vroeg overleg met de leverancier van houtskeletbouw', blockers: 'Brandveiligheidseisen voor hout in gestapelde bouw' };
    const created = await call(ctx.app, bewerker, 'POST', '/api/lessons', body);
    expect(created.statusCode, created.body).toBe(201);
    const dto = lesson.parse(created.json());
    expect(dto.organisation.name).toBe('Gemeente Leiden');
    expect(dto.author?.name).toBeTruthy();

    expect((await call(ctx.app, lezer, 'POST', '/api/lessons', body)).statusCode).toBe(403);
    expect((await call(ctx.app, outsider, 'POST', '/api/lessons', body)).statusCode).toBe(403);
    const empty = await call(ctx.app, bewerker, 'POST', '/api/lessons', { ...body, accelerators: ' ', blockers: '' });
    expect(empty.statusCode).toBe(400);
    expect(JSON.stringify(empty.json())).toContain('Vul in wat versnelde of wat blokkeerde.');
    expect((await call(ctx.app, bewerker, 'POST', '/api/lessons', { ...body, year: 1990 })).statusCode).toBe(400);

    const list = lessonList.parse((await call(ctx.app, outsider, 'GET', '/api/lessons?year=2031&theme=biobased')).json());
    expect(list.items.map((l) => l.id)).toContain(dto.id);
    expect(list.canRecordFor.map((o) => o.id)).not.toContain(leiden);
    const mine = lessonList.parse((await call(ctx.app, bewerker, 'GET', '/api/lessons?municipalityCode=GM0546')).json());
    expect(mine.canRecordFor.map((o) => o.id)).toContain(leiden);
    expect(lessonList.parse((await call(ctx.app, bewerker, 'GET', '/api/lessons?year=2040')).json()).items).toEqual([]);

    const xlsx = await sheets(await download(bewerker, '/api/municipalities/GM0546/monitoring/report?year=2031&format=xlsx'));
    const row = xlsx.get('Lessen')?.find((r) => r[1] === 'Gemeente Leiden');
    expect(row?.slice(2, 5)).toEqual(['Biobased bouwen', body.accelerators, body.blockers]);
    // A yearly report for another year does not carry it.
    const other = await sheets(await download(bewerker, '/api/municipalities/GM0546/monitoring/report?year=2030&format=xlsx'));
    expect(other.get('Lessen')?.some((r) => r[1] === 'Gemeente Leiden')).toBe(false);
  });
});
