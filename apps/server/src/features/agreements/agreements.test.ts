/**
 * HTTP-level tests of prestatieafspraken against a real database: the cycle with three approvals, lapsing approvals,
 * immutable signed versions and new versions with a diff, the append-only audit trail, visibility, validation
 * (400 with field paths, nothing written), progress from the indicator ledger, comments, notifications and mail,
 * and the evaluation document.
 */
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agreement as agreementSchema,
  agreementList,
  agreementProgress,
  agreementTemplates,
  agreementVersion,
  auditList,
  commentList,
  notificationList,
  versionDiff,
  type Agreement,
} from '@kringbouw/contracts';
import JSZip from 'jszip';
import { call, createTestContext, projectBody, signIn, type Session, type TestContext } from '../../../test/helpers.ts';
import { declarationMultipart } from '../../../test/matrix/monitoring.support.ts';
import { agreementBody, agreementIn, leidenParties, processCommitment, type LeidenParties } from '../../../test/matrix/agreements.support.ts';
import { pdfText } from '../../../test/pdf-text.ts';
import { injectMultipart } from '../../../test/stock-support.ts';
import { agreementAudit, agreements, agreementVersions } from '../../db/schema.ts';

let ctx: TestContext;
let p: LeidenParties;
let gemeente: Session;
let lezer: Session;
let outsider: Session;
let coordinator: Session;

async function ok<T>(response: { statusCode: number; body: string; json<U>(): U }, status = 200): Promise<T> {
  expect(response.statusCode, response.body).toBe(status);
  return response.json<T>();
}

async function get(id: string, session: Session = gemeente): Promise<Agreement> {
  return agreementSchema.parse(await ok(await call(ctx.app, session, 'GET', `/api/agreements/${id}`)));
}

/** The database's own message (drizzle wraps it in "Failed query: …" with the driver error as cause). */
async function dbError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
    return `${error instanceof Error ? error.message : String(error)} ${cause}`;
  }
  return 'no error';
}

async function tableCounts() {
  const [a] = await ctx.database.db.select({ n: count() }).from(agreements);
  const [v] = await ctx.database.db.select({ n: count() }).from(agreementVersions);
  const [au] = await ctx.database.db.select({ n: count() }).from(agreementAudit);
  return { agreements: Number(a?.n), versions: Number(v?.n), audit: Number(au?.n) };
}

function measurable(corporatie: string, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'meetbaar',
    theme: 'nieuwbouw',
    title: 'Herkomst materialen nieuwbouw',
    text: 'Elk nieuwbouwproject van de corporatie haalt ten minste 30 % herkomst.',
    responsibleOrganisationIds: [corporatie],
    rLadder: { pbl: 'R2', guide: 'redesign' },
    indicatorId: 'materialOrigin',
    comparator: 'gte',
    target: 30,
    scope: { type: 'alle_projecten', organisationId: corporatie, projectKinds: ['nieuwbouw'], aggregation: 'elk_project' },
    deadline: '2028-12-31',
    ...overrides,
  };
}

beforeAll(async () => {
  ctx = await createTestContext();
  coordinator = await signIn(ctx.app, 'coordinator@citydeal.demo');
  gemeente = await signIn(ctx.app, 'beleid@leiden.demo');
  lezer = await signIn(ctx.app, 'lezer@leiden.demo');
  outsider = await signIn(ctx.app, 'bouwer@vanwijnen.demo');
  p = await leidenParties(ctx, coordinator);
});

afterAll(async () => {
  await ctx?.close();
});

describe('demo data', () => {
  it('has "Prestatieafspraken Leiden 2027" in negotiation; one new official value turns its share commitment green', async () => {
    const list = agreementList.parse(await ok(await call(ctx.app, outsider, 'GET', `/api/agreements?q=${encodeURIComponent('Leiden 2027')}`)));
    const item = list.items.find((i) => i.title === 'Prestatieafspraken Leiden 2027');
    expect(item).toMatchObject({ state: 'onderhandeling', isExample: true, visibility: 'openbaar', commitmentCount: 8 });
    const demo = await get(item?.id ?? '', p.huurdersSession);
    expect(demo.parties.map((x) => x.organisationName)).toEqual(['Gemeente Leiden', 'Voorbeeldcorporatie Leiden (demo)', 'Voorbeeld Huurdersorganisatie Leiden (demo)']);
    expect(demo.workingVersion.approvals).toEqual([]);
    expect(demo.cycle).toMatchObject({ bidOverdue: false, bidDeadline: '2026-07-01', signDeadline: '2026-12-15' });
    const trail = auditList.parse(await ok(await call(ctx.app, gemeente, 'GET', `/api/agreements/${demo.id}/audit`))).items;
    expect(trail.filter((e) => e.action === 'state_changed').map((e) => e.changes[0]?.after)).toEqual(['bod', 'onderhandeling']);

    const share = demo.commitments.find((c) => c.templateId === 'nieuwbouw-aandeel-herkomst');
    const progress = async () => agreementProgress.parse(await ok(await call(ctx.app, gemeente, 'GET', `/api/agreements/${demo.id}/progress?asOf=2027-01-15`))).commitments.find((c) => c.commitmentId === share?.id);
    expect(await progress()).toMatchObject({ light: 'grijs', projectsInScope: 1, projectsWithValue: 0 });
    const projects = await ok<{ items: { id: string; name: string }[] }>(await call(ctx.app, p.corporatieSession, 'GET', `/api/projects?q=${encodeURIComponent('Fijn Wonen')}`));
    const fijnWonen = projects.items.find((x) => x.name === 'Voorbeeld: Fijn Wonen in Leiden');
    const declared = await injectMultipart(ctx.app, p.corporatieSession, 'POST', `/api/projects/${fijnWonen?.id}/indicators`, declarationMultipart({ indicatorId: 'materialOrigin', value: '34', tool: 'Madaster', toolVersion: '2026', calculationDate: '2026-11-01' }));
    expect(declared.statusCode, declared.body).toBe(201);
    expect(await progress()).toMatchObject({ light: 'groen', achieved: 100, standing: 'officieel', projects: [{ projectName: 'Voorbeeld: Fijn Wonen in Leiden', dwellings: 60, value: 34, meets: true }] });
    // the list's light reads the same ledger (projects of the municipality, grouped per project) as /progress today
    const today = agreementProgress.parse(await ok(await call(ctx.app, outsider, 'GET', `/api/agreements/${demo.id}/progress`)));
    expect(today.commitments.find((c) => c.commitmentId === share?.id)?.light).toBe('groen');
    const listed = agreementList.parse(await ok(await call(ctx.app, outsider, 'GET', `/api/agreements?q=${encodeURIComponent('Leiden 2027')}`))).items.find((i) => i.id === demo.id);
    expect(listed?.light).toBe(today.light);
    // as of a date before the declaration, the ledger had no value yet
    const earlier = agreementProgress.parse(await ok(await call(ctx.app, gemeente, 'GET', `/api/agreements/${demo.id}/progress?asOf=2026-01-01`))).commitments.find((c) => c.commitmentId === share?.id);
    expect(earlier).toMatchObject({ light: 'grijs', projectsWithValue: 0, achieved: null });
  });
});

describe('templates and creation', () => {
  it('lists templates for every theme with Dutch and English text and the data version', async () => {
    const t = agreementTemplates.parse(await ok(await call(ctx.app, lezer, 'GET', '/api/agreement-templates')));
    expect(new Set(t.templates.map((x) => x.theme)).size).toBe(4);
    expect(t.source).toContain('Cirkelstad');
    expect(t.templates.find((x) => x.id === 'nieuwbouw-aandeel-herkomst')?.measure).toMatchObject({ scopeType: 'aandeel', projectThreshold: 30 });
  });

  it('creates from templates: editable commitments with responsible parties by role, state concept, deadlines of the cycle', async () => {
    const a = agreementSchema.parse(
      await ok(await call(ctx.app, gemeente, 'POST', '/api/agreements', agreementBody(p, { commitments: [], templateIds: ['start-leertraject', 'nieuwbouw-aandeel-herkomst'] })), 201),
    );
    expect(a.cycle).toMatchObject({ state: 'concept', bidDeadline: '2026-07-01', signDeadline: '2026-12-15', allowedActions: ['bod_uitbrengen'] });
    expect(a.municipalityCode).toBe('GM0546');
    expect(a.parties.map((x) => x.role)).toEqual(['gemeente', 'woningcorporatie', 'huurdersorganisatie']);
    expect(a.commitments.map((c) => c.templateId)).toEqual(['start-leertraject', 'nieuwbouw-aandeel-herkomst']);
    const share = a.commitments[1];
    expect(share).toMatchObject({ kind: 'meetbaar', responsibleOrganisationIds: [p.corporatie], deadline: '2028-12-31', scope: { type: 'aandeel', organisationId: p.corporatie } });
    // edit the inserted template text
    const edited = agreementSchema.parse(
      await ok(await call(ctx.app, gemeente, 'PUT', `/api/agreements/${a.id}/commitments/${share?.id}`, { commitment: { ...share, target: 40, title: 'Veertig procent' }, revision: a.revision })),
    );
    expect(edited.commitments[1]).toMatchObject({ id: share?.id, target: 40, title: 'Veertig procent', templateId: 'nieuwbouw-aandeel-herkomst' });
    expect(edited.revision).toBe(a.revision + 1);
  });

  it('answers 400 with field paths and writes nothing', async () => {
    const before = await tableCounts();
    const bad = await call(ctx.app, gemeente, 'POST', '/api/agreements', agreementBody(p, {
      periodEndYear: 2026,
      parties: [{ organisationId: p.gemeente }, { organisationId: p.corporatie }, { organisationId: p.huurders, tenantsOfOrganisationId: p.gemeente }],
      templateIds: ['bestaat-niet'],
    }));
    expect(bad.statusCode).toBe(400);
    const paths = bad.json<{ error: { code: string; details: { path: string }[] } }>().error.details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['periodEndYear', 'parties.2.tenantsOfOrganisationId', 'templateIds.0']));
    const noTenants = await call(ctx.app, gemeente, 'POST', '/api/agreements', agreementBody(p, { parties: [{ organisationId: p.gemeente }, { organisationId: p.corporatie }, { organisationId: outsiderOrg }] }));
    expect(noTenants.statusCode).toBe(400);
    expect(noTenants.json<{ error: { details: { path: string; message: string }[] } }>().error.details[0]).toMatchObject({ path: 'parties.2.organisationId' });
    const badResponsible = await call(ctx.app, gemeente, 'POST', '/api/agreements', agreementBody(p, { commitments: [processCommitment([p.gemeente, outsiderOrg])] }));
    expect(badResponsible.statusCode).toBe(400);
    expect(badResponsible.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path)).toEqual(['commitments.0.responsibleOrganisationIds.1']);
    const schemaError = await call(ctx.app, gemeente, 'POST', '/api/agreements', agreementBody(p, { commitments: [{ ...processCommitment([p.gemeente]), title: '' }] }));
    expect(schemaError.statusCode).toBe(400);
    expect(JSON.stringify(schemaError.json())).toContain('commitments.0.title');
    expect(await tableCounts()).toEqual(before);

    // on an existing agreement: a scope project outside the municipality → 400 at commitment.scope.projectId, nothing changes
    const a = await agreementIn(ctx, p, gemeente, 'concept');
    const mid = await tableCounts();
    const wrong = await call(ctx.app, gemeente, 'POST', `/api/agreements/${a.id}/commitments`, { commitment: measurable(p.corporatie, { scope: { type: 'project', projectId: '00000000-0000-4000-8000-000000000001' } }) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path)).toEqual(['commitment.scope.projectId']);
    expect(await tableCounts()).toEqual(mid);
    expect((await get(a.id)).revision).toBe(a.revision);
  });

  it('refuses someone who is not bewerker in a party (403) and the coordinator, who is no party', async () => {
    expect((await call(ctx.app, lezer, 'POST', '/api/agreements', agreementBody(p))).statusCode).toBe(403);
    expect((await call(ctx.app, coordinator, 'POST', '/api/agreements', agreementBody(p))).statusCode).toBe(403);
  });
});

let outsiderOrg = '';
beforeAll(async () => {
  const list = await call(ctx.app, coordinator, 'GET', `/api/organisations?q=${encodeURIComponent('Van Wijnen')}`);
  outsiderOrg = list.json<{ items: { id: string; name: string }[] }>().items.find((o) => o.name === 'Van Wijnen')?.id ?? '';
  expect(outsiderOrg).not.toBe('');
});

describe('cycle, approvals and versions', () => {
  it('walks bod → onderhandeling → three approvals (huurdersorganisatie too) → ondertekend, with roles per step', async () => {
    const a = await agreementIn(ctx, p, gemeente, 'concept');
    // the bod is the corporation's
    expect((await call(ctx.app, gemeente, 'POST', `/api/agreements/${a.id}/transitions`, { action: 'bod_uitbrengen', revision: a.revision })).statusCode).toBe(403);
    const bid = agreementSchema.parse(await ok(await call(ctx.app, p.corporatieSession, 'POST', `/api/agreements/${a.id}/transitions`, { action: 'bod_uitbrengen', revision: a.revision })));
    expect(bid.cycle.state).toBe('bod');
    expect(bid.cycle.bidSubmittedAt).not.toBeNull();
    // text locked while the bod lies on the table
    expect((await call(ctx.app, gemeente, 'POST', `/api/agreements/${a.id}/commitments`, { commitment: processCommitment([p.gemeente]) })).json<{ error: { code: string } }>().error.code).toBe('agreement_locked');
    // out of order → 409
    const early = await call(ctx.app, gemeente, 'POST', `/api/agreements/${a.id}/transitions`, { action: 'evaluatie_starten', revision: bid.revision });
    expect(early.statusCode).toBe(409);
    const neg = agreementSchema.parse(await ok(await call(ctx.app, gemeente, 'POST', `/api/agreements/${a.id}/transitions`, { action: 'onderhandeling_starten', revision: bid.revision })));
    expect(neg.cycle.state).toBe('onderhandeling');

    // gemeente approves; an edit afterwards lets that approval lapse
    const once = agreementSchema.parse(await ok(await call(ctx.app, gemeente, 'POST', `/api/agreements/${a.id}/approvals`, { organisationId: p.gemeente, revision: neg.revision, note: 'Akkoord' })));
    expect(once.workingVersion.approvalStatus.map((s) => s.approved)).toEqual([true, false, false]);
    expect((await call(ctx.app, gemeente, 'POST', `/api/agreements/${a.id}/approvals`, { organisationId: p.gemeente, revision: once.revision })).json<{ error: { code: string } }>().error.code).toBe('already_approved');
    // approving on behalf of another party's organisation is refused
    expect((await call(ctx.app, gemeente, 'POST', `/api/agreements/${a.id}/approvals`, { organisationId: p.corporatie, revision: once.revision })).statusCode).toBe(403);
    const edited = agreementSchema.parse(await ok(await call(ctx.app, p.huurdersSession, 'POST', `/api/agreements/${a.id}/commitments`, { commitment: processCommitment([p.huurders], { title: 'Huurders op excursie' }) }), 201));
    expect(edited.workingVersion.approvalStatus.every((s) => !s.approved)).toBe(true);
    // the gemeente hears that its approval lapsed
    const lapsed = notificationList.parse(await ok(await call(ctx.app, gemeente, 'GET', '/api/notifications?unread=true'))).items.find((n) => n.agreementId === a.id && n.kind === 'goedkeuring_gevraagd');
    expect(lapsed?.actor?.name).toBe('Bestuurslid Huurdersorganisatie (demo)');
    // a stale revision cannot approve
    expect((await call(ctx.app, gemeente, 'POST', `/api/agreements/${a.id}/approvals`, { organisationId: p.gemeente, revision: once.revision })).json<{ error: { code: string } }>().error.code).toBe('version_conflict');

    await ok(await call(ctx.app, gemeente, 'POST', `/api/agreements/${a.id}/approvals`, { organisationId: p.gemeente, revision: edited.revision }));
    await ok(await call(ctx.app, p.corporatieSession, 'POST', `/api/agreements/${a.id}/approvals`, { organisationId: p.corporatie, revision: edited.revision }));
    const signed = agreementSchema.parse(await ok(await call(ctx.app, p.huurdersSession, 'POST', `/api/agreements/${a.id}/approvals`, { organisationId: p.huurders, revision: edited.revision })));
    expect(signed.cycle.state).toBe('ondertekend');
    expect(signed.signedVersionNumber).toBe(1);
    expect(signed.workingVersion).toMatchObject({ number: 1, signed: true });
    expect(signed.workingVersion.approvals.map((x) => [x.organisationName, x.approvedBy.name])).toEqual([
      ['Gemeente Leiden', 'Beleidsmedewerker Leiden (demo)'],
      ['Voorbeeldcorporatie Leiden (demo)', 'Assetmanager Voorbeeldcorporatie (demo)'],
      ['Voorbeeld Huurdersorganisatie Leiden (demo)', 'Bestuurslid Huurdersorganisatie (demo)'],
    ]);
    expect(signed.cycle.signedAt).not.toBeNull();
    // the lezer of the gemeente may read but not approve
    expect((await call(ctx.app, lezer, 'POST', `/api/agreements/${a.id}/approvals`, { organisationId: p.gemeente, revision: signed.revision })).statusCode).toBe(403);
  });

  it('keeps a signed version immutable: a change opens version 2 (wijziging) with a diff and needs all approvals again', async () => {
    const a = await agreementIn(ctx, p, gemeente, 'ondertekend');
    const v1 = agreementVersion.parse(await ok(await call(ctx.app, gemeente, 'GET', `/api/agreements/${a.id}/versions/1`)));
    const first = a.commitments[0];
    const changed = agreementSchema.parse(
      await ok(await call(ctx.app, gemeente, 'PUT', `/api/agreements/${a.id}/commitments/${first?.id}`, { commitment: { ...first, dueDate: '2027-09-30', text: 'Met de huurders erbij.' }, revision: a.revision })),
    );
    expect(changed.cycle.state).toBe('wijziging');
    expect(changed.workingVersion).toMatchObject({ number: 2, signed: false });
    expect(changed.signedVersionNumber).toBe(1);
    expect(agreementVersion.parse(await ok(await call(ctx.app, gemeente, 'GET', `/api/agreements/${a.id}/versions/1`)))).toEqual(v1);
    const diff = versionDiff.parse(await ok(await call(ctx.app, gemeente, 'GET', `/api/agreements/${a.id}/versions/2/diff`)));
    expect(diff.commitments.changed).toEqual([
      { commitmentId: first?.id, title: first?.title, changes: [{ field: 'text', before: first?.text, after: 'Met de huurders erbij.' }, { field: 'dueDate', before: '2027-06-30', after: '2027-09-30' }] },
    ]);
    // the database itself refuses to change or delete a signed version
    expect(await dbError(ctx.database.db.execute(sql`update agreement_versions set content = '{}'::jsonb where agreement_id = ${a.id} and number = 1`))).toMatch(/is signed and cannot change/);
    expect(await dbError(ctx.database.db.execute(sql`delete from agreement_versions where agreement_id = ${a.id} and number = 1`))).toMatch(/is signed and cannot change/);
    // a second edit stays in version 2
    const again = agreementSchema.parse(await ok(await call(ctx.app, gemeente, 'POST', `/api/agreements/${a.id}/templates`, { templateIds: ['start-excursies'], revision: changed.revision })));
    expect(again.workingVersion.number).toBe(2);
    for (const [session, org] of [[gemeente, p.gemeente], [p.corporatieSession, p.corporatie], [p.huurdersSession, p.huurders]] as const) {
      await ok(await call(ctx.app, session, 'POST', `/api/agreements/${a.id}/approvals`, { organisationId: org, revision: again.revision }));
    }
    const resigned = await get(a.id);
    expect(resigned).toMatchObject({ signedVersionNumber: 2, cycle: { state: 'ondertekend' } });
    const versions = (await ok<{ items: { number: number; signed: boolean; approvals: unknown[] }[] }>(await call(ctx.app, gemeente, 'GET', `/api/agreements/${a.id}/versions`))).items;
    expect(versions.map((v) => [v.number, v.signed, v.approvals.length])).toEqual([[1, true, 3], [2, true, 3]]);
  });
});

describe('audit trail', () => {
  it('records who changed what (before → after), is append-only in the database and exports as CSV', async () => {
    const a = await agreementIn(ctx, p, gemeente, 'concept');
    const { commitments: _c, ...header } = agreementBody(p, { title: 'Nieuwe titel', visibility: 'openbaar' });
    await ok(await call(ctx.app, p.huurdersSession, 'PUT', `/api/agreements/${a.id}`, { ...header, revision: a.revision }));
    await ok(await call(ctx.app, gemeente, 'DELETE', `/api/agreements/${a.id}/commitments/${a.commitments[0]?.id}`));
    const trail = auditList.parse(await ok(await call(ctx.app, lezer, 'GET', `/api/agreements/${a.id}/audit`))).items;
    expect(trail.map((e) => e.action)).toEqual(['agreement_created', 'commitment_added', 'agreement_updated', 'commitment_removed']);
    const update = trail[2];
    expect(update?.actor?.name).toBe('Bestuurslid Huurdersorganisatie (demo)');
    expect(update?.changes).toEqual([
      { field: 'title', before: 'Prestatieafspraken Leiden test', after: 'Nieuwe titel' },
      { field: 'visibility', before: 'partijen', after: 'openbaar' },
    ]);
    expect(trail[3]?.changes.find((c) => c.field === 'title')).toEqual({ field: 'title', before: 'Leertraject circulair bouwen', after: null });
    expect(await dbError(ctx.database.db.execute(sql`update agreement_audit set action = 'x' where agreement_id = ${a.id}`))).toMatch(/append-only: UPDATE/);
    expect(await dbError(ctx.database.db.execute(sql`delete from agreement_audit where agreement_id = ${a.id}`))).toMatch(/append-only: DELETE/);
    expect(await dbError(ctx.database.db.execute(sql`truncate agreement_audit`))).toMatch(/append-only: TRUNCATE/);
    const [left] = await ctx.database.db.select({ n: count() }).from(agreementAudit).where(eq(agreementAudit.agreementId, a.id));
    expect(Number(left?.n)).toBe(4);
    const csv = await call(ctx.app, gemeente, 'GET', `/api/agreements/${a.id}/audit.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('agreement_updated;agreement;;1;title;Prestatieafspraken Leiden test;Nieuwe titel');
    // public agreement: an outsider reads it but not its audit trail
    expect((await call(ctx.app, outsider, 'GET', `/api/agreements/${a.id}`)).statusCode).toBe(200);
    expect((await call(ctx.app, outsider, 'GET', `/api/agreements/${a.id}/audit`)).statusCode).toBe(403);
    expect((await call(ctx.app, outsider, 'POST', `/api/agreements/${a.id}/comments`, { body: 'Mag ik?', organisationId: outsiderOrg })).statusCode).toBe(403);
  });
});

describe('visibility', () => {
  it('hides an agreement of the parties only from other organisations (404, not in lists); public ones are listed', async () => {
    const hidden = await agreementIn(ctx, p, gemeente, 'concept', { title: 'Alleen voor partijen' });
    const open = await agreementIn(ctx, p, gemeente, 'concept', { title: 'Openbare afspraken', visibility: 'openbaar' });
    for (const url of [`/api/agreements/${hidden.id}`, `/api/agreements/${hidden.id}/progress`, `/api/agreements/${hidden.id}/versions`, `/api/agreements/${hidden.id}/evaluation?year=2027`]) {
      expect((await call(ctx.app, outsider, 'GET', url)).statusCode, url).toBe(404);
    }
    const theirs = agreementList.parse(await ok(await call(ctx.app, outsider, 'GET', '/api/agreements?pageSize=200')));
    expect(theirs.items.map((i) => i.id)).toContain(open.id);
    expect(theirs.items.map((i) => i.id)).not.toContain(hidden.id);
    const ours = agreementList.parse(await ok(await call(ctx.app, lezer, 'GET', `/api/agreements?pageSize=200&organisation=${p.huurders}`)));
    expect(ours.items.map((i) => i.id)).toEqual(expect.arrayContaining([hidden.id, open.id]));
    expect(ours.items.find((i) => i.id === hidden.id)).toMatchObject({ state: 'concept', commitmentCount: 1, workingVersionNumber: 1 });
    expect((await call(ctx.app, coordinator, 'GET', `/api/agreements/${hidden.id}`)).statusCode).toBe(200);
  });
});

describe('list filters', () => {
  it('filters on a year the period covers (in SQL, with the total) and names a bad year in a 400', async () => {
    const early = await agreementIn(ctx, p, gemeente, 'concept', { title: 'Jaarfilter 2030–2031', periodStartYear: 2030, periodEndYear: 2031 });
    const late = await agreementIn(ctx, p, gemeente, 'concept', { title: 'Jaarfilter 2032', periodStartYear: 2032, periodEndYear: 2032 });
    const idsFor = async (year: number) => {
      const list = agreementList.parse(await ok(await call(ctx.app, lezer, 'GET', `/api/agreements?q=Jaarfilter&year=${year}`)));
      expect(list.total).toBe(list.items.length);
      return list.items.map((i) => i.id).sort();
    };
    expect(await idsFor(2029)).toEqual([]);
    expect(await idsFor(2030)).toEqual([early.id]);
    expect(await idsFor(2031)).toEqual([early.id]);
    expect(await idsFor(2032)).toEqual([late.id]);
    expect(await idsFor(2033)).toEqual([]);
    // combined with the other filters
    const both = agreementList.parse(await ok(await call(ctx.app, lezer, 'GET', `/api/agreements?q=Jaarfilter&year=2032&state=concept&municipality=GM0546&organisation=${p.huurders}`)));
    expect(both.items.map((i) => i.id)).toEqual([late.id]);
    const bad = await call(ctx.app, lezer, 'GET', '/api/agreements?year=twintig');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('year');
  });

  it('gives each row the light GET /progress gives today (signed version first), without a request per row', async () => {
    const today = ctx.clock.now().toISOString().slice(0, 10);
    const later = `${Number(today.slice(0, 4)) + 5}-12-31`;
    const yesterday = new Date(ctx.clock.now().getTime() - 86_400_000).toISOString().slice(0, 10);
    const running = await agreementIn(ctx, p, gemeente, 'ondertekend', { title: 'Stoplicht loopt', commitments: [processCommitment([p.gemeente], { dueDate: later })] });
    const late = await agreementIn(ctx, p, gemeente, 'concept', { title: 'Stoplicht te laat', commitments: [processCommitment([p.gemeente], { dueDate: yesterday })] });
    const empty = await agreementIn(ctx, p, gemeente, 'concept', { title: 'Stoplicht leeg', commitments: [] });
    const lights = async () => {
      const list = agreementList.parse(await ok(await call(ctx.app, lezer, 'GET', '/api/agreements?q=Stoplicht&pageSize=200')));
      // the same light as the agreement's own progress (default version, today) for every row of the page
      for (const item of list.items) {
        const progress = agreementProgress.parse(await ok(await call(ctx.app, lezer, 'GET', `/api/agreements/${item.id}/progress`)));
        expect(item.light, item.title).toBe(progress.light);
      }
      return Object.fromEntries(list.items.map((i) => [i.title, i.light]));
    };
    expect(await lights()).toEqual({ 'Stoplicht loopt': 'oranje', 'Stoplicht te laat': 'rood', 'Stoplicht leeg': 'grijs' });

    await ok(await call(ctx.app, p.huurdersSession, 'POST', `/api/agreements/${running.id}/evidence`, { commitmentId: running.commitments[0]?.id, note: 'Gedaan', date: today, organisationId: p.huurders }), 201);
    await ok(await call(ctx.app, gemeente, 'POST', `/api/agreements/${late.id}/evidence`, { commitmentId: late.commitments[0]?.id, note: 'Toch gedaan', date: today, organisationId: p.gemeente }), 201);
    expect(await lights()).toEqual({ 'Stoplicht loopt': 'groen', 'Stoplicht te laat': 'groen', 'Stoplicht leeg': 'grijs' });

    // a change after signing (version 2, not signed) does not count until it is signed: the signed version does
    const signed = await get(running.id);
    const changed = agreementSchema.parse(await ok(await call(ctx.app, gemeente, 'POST', `/api/agreements/${running.id}/commitments`, { commitment: processCommitment([p.gemeente], { title: 'Nog te doen', dueDate: yesterday }), revision: signed.revision }), 201));
    expect(changed).toMatchObject({ signedVersionNumber: 1, workingVersion: { number: 2 } });
    expect((await lights())['Stoplicht loopt']).toBe('groen');
    expect(empty.commitments).toEqual([]);
  });
});

describe('progress from the indicator ledger', () => {
  async function corporationProject(name: string, dwellings: number): Promise<string> {
    const created = await call(ctx.app, p.corporatieSession, 'POST', '/api/projects', projectBody(p.corporatie, { name, dwellings, parties: [{ organisationId: p.corporatie, role: 'opdrachtgever' }] }));
    return (await ok<{ id: string }>(created, 201)).id;
  }

  async function declare(projectId: string, value: string) {
    const response = await injectMultipart(ctx.app, p.corporatieSession, 'POST', `/api/projects/${projectId}/indicators`, declarationMultipart({ indicatorId: 'materialOrigin', value, tool: 'Madaster', toolVersion: '2026', calculationDate: '2027-02-01' }));
    expect(response.statusCode, response.body).toBe(201);
  }

  it('turns a share commitment green when a project’s new official value meets the threshold; names no confidential project', async () => {
    // A separate municipality keeps earlier tests' projects out: use the demo corporation's projects in Leiden only
    // through a share scope on a project kind nobody else uses here.
    const kind = 'optopping';
    const share = measurable(p.corporatie, {
      title: 'Aandeel woningen met ≥ 30 % herkomst',
      comparator: 'gte',
      target: 50,
      scope: { type: 'aandeel', organisationId: p.corporatie, projectKinds: [kind], basis: 'woningen', projectComparator: 'gte', projectThreshold: 30 },
    });
    const a = await agreementIn(ctx, p, gemeente, 'ondertekend', { commitments: [share, processCommitment([p.gemeente])] });
    const progressOf = async (session: Session = gemeente) => agreementProgress.parse(await ok(await call(ctx.app, session, 'GET', `/api/agreements/${a.id}/progress?asOf=2027-03-01`)));
    const before = await progressOf();
    const c0 = before.commitments[0];
    expect(c0?.projectsInScope).toBe(0);
    expect(c0?.light).toBe('grijs');

    const big = await corporationProject('Optopping Noord', 60);
    const small = await corporationProject('Optopping Zuid', 40);
    await ok(await call(ctx.app, p.corporatieSession, 'PUT', `/api/projects/${big}`, { ...projectBody(p.corporatie, { name: 'Optopping Noord', dwellings: 60, kind, parties: [{ organisationId: p.corporatie, role: 'opdrachtgever' }] }), ownerOrganisationId: undefined, version: 1 }));
    await ok(await call(ctx.app, p.corporatieSession, 'PUT', `/api/projects/${small}`, { ...projectBody(p.corporatie, { name: 'Optopping Zuid', dwellings: 40, kind, visibility: 'vertrouwelijk', parties: [{ organisationId: p.corporatie, role: 'opdrachtgever' }] }), ownerOrganisationId: undefined, version: 1 }));
    await declare(small, '45');
    // 40 of 100 dwellings meet → 40 % < 50 %
    const mid = (await progressOf()).commitments[0];
    expect(mid).toMatchObject({ achieved: 40, light: 'oranje', status: 'loopt', standing: 'officieel', projectsInScope: 2, projectsWithValue: 1, unit: '% woningen' });
    // the confidential project counts but the gemeente (no party to it) does not see its name
    expect(mid?.projects.map((x) => [x.projectName, x.dwellings, x.value, x.meets])).toEqual([
      ['Optopping Noord', 60, null, null],
      [null, 40, null, null],
    ]);
    expect((await progressOf(p.corporatieSession)).commitments[0]?.projects.map((x) => x.projectName)).toContain('Optopping Zuid');

    await declare(big, '31');
    const after = await progressOf();
    expect(after.commitments[0]).toMatchObject({ achieved: 100, light: 'groen', status: 'behaald' });
    expect(after.themes.map((t) => [t.theme, t.light])).toEqual([
      ['nieuwbouw', 'groen'],
      ['proces_leren', 'oranje'],
    ]);
    expect(after.light).toBe('oranje');

    // evidence for the process commitment turns the agreement green
    const processId = a.commitments[1]?.id;
    await ok(await call(ctx.app, p.huurdersSession, 'POST', `/api/agreements/${a.id}/evidence`, { commitmentId: processId, note: 'Cursus afgerond', date: '2026-10-01', documentTitle: 'Verslag', documentUrl: 'https://example.org/verslag.pdf', organisationId: p.huurders }), 201);
    const done = await progressOf();
    expect(done.light).toBe('groen');
    expect(done.commitments[1]?.evidence.map((e) => e.organisationName)).toEqual(['Voorbeeld Huurdersorganisatie Leiden (demo)']);
    // evidence of something that has not happened yet is refused
    const future = await call(ctx.app, gemeente, 'POST', `/api/agreements/${a.id}/evidence`, { commitmentId: processId, note: 'x', date: '2999-01-01', organisationId: p.gemeente });
    expect(future.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path)).toEqual(['date']);
    // evidence cannot be added to a measurable commitment
    const wrong = await call(ctx.app, gemeente, 'POST', `/api/agreements/${a.id}/evidence`, { commitmentId: a.commitments[0]?.id, note: 'x', date: '2027-02-15', organisationId: p.gemeente });
    expect(wrong.statusCode).toBe(400);

    // the evaluation document carries the figures and each party's comments
    await ok(await call(ctx.app, p.huurdersSession, 'POST', `/api/agreements/${a.id}/comments`, { body: 'De huurders zijn tevreden over de optoppingen.', organisationId: p.huurders, evaluationYear: 2027 }), 201);
    await ok(await call(ctx.app, gemeente, 'POST', `/api/agreements/${a.id}/comments`, { body: 'Graag volgend jaar meer projecten.', organisationId: p.gemeente, evaluationYear: 2027, commitmentId: a.commitments[0]?.id }), 201);
    const pdf = await call(ctx.app, lezer, 'GET', `/api/agreements/${a.id}/evaluation?year=2027`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Jaarevaluatie 2027');
    expect(text.replace(/\s+/g, ' ')).toContain('De huurders zijn tevreden over de optoppingen.');
    expect(text).toContain('Graag volgend jaar meer projecten.');
    expect(text).toContain('Optopping Noord');
    expect(text).not.toContain('Optopping Zuid');
    const docx = await call(ctx.app, lezer, 'GET', `/api/agreements/${a.id}/evaluation?year=2027&format=docx`);
    expect(docx.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const documentXml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(documentXml).toContain('De huurders zijn tevreden over de optoppingen.');
    expect(documentXml).toContain('Cursus afgerond');
    expect((await call(ctx.app, lezer, 'GET', `/api/agreements/${a.id}/evaluation?year=2030`)).statusCode).toBe(400);
  });

  it('says when only indicative values exist', async () => {
    const a = await agreementIn(ctx, p, gemeente, 'concept', { commitments: [measurable(p.corporatie, { scope: { type: 'alle_projecten', organisationId: p.corporatie, projectKinds: ['tijdelijk'], aggregation: 'elk_project' } })] });
    const projectId = await corporationProject('Tijdelijke woningen', 20);
    await ok(await call(ctx.app, p.corporatieSession, 'PUT', `/api/projects/${projectId}`, { ...projectBody(p.corporatie, { name: 'Tijdelijke woningen', dwellings: 20, kind: 'tijdelijk', parties: [{ organisationId: p.corporatie, role: 'opdrachtgever' }] }), ownerOrganisationId: undefined, version: 1 }));
    // an indicative value is what a vastgestelde passport adds; written straight into the ledger here
    await ctx.database.db.execute(sql`insert into indicator_entries (project_id, indicator_id, source, value, recorded_at) values (${projectId}, 'materialOrigin', 'berekend', 35, now())`);
    const progress = agreementProgress.parse(await ok(await call(ctx.app, gemeente, 'GET', `/api/agreements/${a.id}/progress?asOf=2027-01-01`)));
    expect(progress.commitments[0]).toMatchObject({ light: 'groen', standing: 'indicatief', onlyIndicative: true, achieved: 35 });
  });
});

describe('comments and notifications', () => {
  it('lets every party comment (huurdersorganisatie too), notifies the other parties in the app and by mail', async () => {
    const a = await agreementIn(ctx, p, gemeente, 'concept');
    const before = ctx.mail.sent.length;
    await ok(await call(ctx.app, p.huurdersSession, 'POST', `/api/agreements/${a.id}/comments`, { body: 'Wij willen meedoen aan de excursies.', organisationId: p.huurders, commitmentId: a.commitments[0]?.id }), 201);
    const comments = commentList.parse(await ok(await call(ctx.app, lezer, 'GET', `/api/agreements/${a.id}/comments?commitmentId=${a.commitments[0]?.id}`)));
    expect(comments.items.map((c) => [c.organisationName, c.author?.name, c.body])).toEqual([['Voorbeeld Huurdersorganisatie Leiden (demo)', 'Bestuurslid Huurdersorganisatie (demo)', 'Wij willen meedoen aan de excursies.']]);
    const mails = ctx.mail.sent.slice(before);
    expect(mails.map((m) => m.to)).toEqual(expect.arrayContaining(['beleid@leiden.demo', 'corporatie@leiden.demo']));
    expect(mails.map((m) => m.to)).not.toContain('huurders@leiden.demo');
    expect(mails[0]?.text).toContain(`/prestatieafspraken/${a.id}`);
    const mine = notificationList.parse(await ok(await call(ctx.app, gemeente, 'GET', '/api/notifications?unread=true')));
    const n = mine.items.find((x) => x.agreementId === a.id && x.kind === 'reactie');
    expect(n).toMatchObject({ actor: { name: 'Bestuurslid Huurdersorganisatie (demo)' }, organisationName: 'Voorbeeld Huurdersorganisatie Leiden (demo)', commitmentId: a.commitments[0]?.id, readAt: null });
    // someone else's notification is not found; marking one's own works
    expect((await call(ctx.app, p.corporatieSession, 'POST', `/api/notifications/${n?.id}/read`)).statusCode).toBe(404);
    await ok(await call(ctx.app, gemeente, 'POST', `/api/notifications/${n?.id}/read`));
    const after = notificationList.parse(await ok(await call(ctx.app, gemeente, 'GET', '/api/notifications?unread=true')));
    expect(after.unreadCount).toBe(mine.unreadCount - 1);
    await ok(await call(ctx.app, gemeente, 'POST', '/api/notifications/read-all'));
    expect(notificationList.parse(await ok(await call(ctx.app, gemeente, 'GET', '/api/notifications'))).unreadCount).toBe(0);
  });
});

describe('yearly evaluation over time', () => {
  it('starts no evaluation before its year, then evaluates year by year with the parties’ comments and closes the period', async () => {
    const own = await createTestContext();
    try {
      const thisYear = new Date(own.clock.now()).getUTCFullYear();
      const start = thisYear + 1;
      const coord = await signIn(own.app, 'coordinator@citydeal.demo');
      let parties = await leidenParties(own, coord);
      let gem = await signIn(own.app, 'beleid@leiden.demo');
      const a = await agreementIn(own, parties, gem, 'ondertekend', { periodStartYear: start, periodEndYear: start + 1 });
      expect(a.cycle).toMatchObject({ nextEvaluationYear: start, allowedActions: [] });
      const early = await call(own.app, gem, 'POST', `/api/agreements/${a.id}/transitions`, { action: 'evaluatie_starten', revision: a.revision });
      expect(early.statusCode).toBe(409);
      expect(early.json<{ error: { code: string } }>().error.code).toBe('too_early');

      // to March of the first year: sign in again (sessions do not live that long)
      own.clock.advance(Date.UTC(start, 2, 1) - own.clock.now().getTime());
      gem = await signIn(own.app, 'beleid@leiden.demo');
      const huurders = await signIn(own.app, 'huurders@leiden.demo');
      parties = { ...parties, huurdersSession: huurders, corporatieSession: await signIn(own.app, 'corporatie@leiden.demo') };
      const now = await readAgreement(own, a.id, gem);
      expect(now.cycle.allowedActions).toEqual(['evaluatie_starten']);
      const started = agreementSchema.parse(await ok(await call(own.app, huurders, 'POST', `/api/agreements/${a.id}/transitions`, { action: 'evaluatie_starten', revision: now.revision })));
      expect(started.cycle.state).toBe('evaluatie');
      expect(started.cycle.evaluations.map((e) => [e.year, e.completedAt])).toEqual([[start, null]]);
      // the text is locked during the evaluation
      expect((await call(own.app, gem, 'POST', `/api/agreements/${a.id}/templates`, { templateIds: ['start-excursies'] })).statusCode).toBe(409);
      await ok(await call(own.app, huurders, 'POST', `/api/agreements/${a.id}/comments`, { body: `Terugblik ${start} van de huurders.`, organisationId: parties.huurders, evaluationYear: start }), 201);
      const done = agreementSchema.parse(await ok(await call(own.app, gem, 'POST', `/api/agreements/${a.id}/transitions`, { action: 'evaluatie_afronden', revision: started.revision })));
      expect(done.cycle).toMatchObject({ state: 'ondertekend', nextEvaluationYear: start + 1 });
      const doc = await call(own.app, gem, 'GET', `/api/agreements/${a.id}/evaluation?year=${start}`);
      expect(pdfText(doc.rawPayload).replace(/\s+/g, ' ')).toContain(`Terugblik ${start} van de huurders.`);

      // the second (last) year closes the period
      own.clock.advance(Date.UTC(start + 2, 0, 10) - own.clock.now().getTime());
      const corp = await signIn(own.app, 'corporatie@leiden.demo');
      const second = agreementSchema.parse(await ok(await call(own.app, corp, 'POST', `/api/agreements/${a.id}/transitions`, { action: 'evaluatie_starten', revision: done.revision })));
      const closed = agreementSchema.parse(await ok(await call(own.app, corp, 'POST', `/api/agreements/${a.id}/transitions`, { action: 'evaluatie_afronden', revision: second.revision })));
      expect(closed.cycle).toMatchObject({ state: 'afgerond', nextEvaluationYear: null, allowedActions: [] });
      const trail = auditList.parse(await ok(await call(own.app, corp, 'GET', `/api/agreements/${a.id}/audit`))).items;
      expect(trail.filter((e) => e.action === 'state_changed').map((e) => e.changes.find((c) => c.field === 'state')?.after)).toEqual(['bod', 'onderhandeling', 'ondertekend', 'evaluatie', 'ondertekend', 'evaluatie', 'afgerond']);
    } finally {
      await own.close();
    }
  });
});

async function readAgreement(context: TestContext, id: string, session: Session): Promise<Agreement> {
  return agreementSchema.parse(await ok(await call(context.app, session, 'GET', `/api/agreements/${id}`)));
}
