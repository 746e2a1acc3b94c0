/**
 * HTTP-level tests of documents uploaded with evidence (type by content, size limit, stored with the evidence in one
 * transaction, download for whoever may see the agreement) and of withdrawing an approval before signing.
 */
import { count } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreement as agreementSchema, auditList, evidence as evidenceSchema, evidenceList, notificationList, type Agreement } from '@kringbouw/contracts';
import { call, createTestContext, signIn, type Session, type TestContext } from '../../../test/helpers.ts';
import { agreementIn, evidenceMultipart, leidenParties, tinyPdf, type LeidenParties } from '../../../test/matrix/agreements.support.ts';
import { injectMultipart } from '../../../test/stock-support.ts';
import { agreementAudit, agreementEvidence, agreementEvidenceFiles } from '../../db/schema.ts';
import { EVIDENCE_FILE_LIMIT_BYTES } from './agreements.routes.ts';
import { loadConfig } from '../../config.ts';

let ctx: TestContext;
let p: LeidenParties;
let gemeente: Session;
let lezer: Session;
let outsider: Session;

type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string; code?: string }[] } };

async function ok<T>(response: { statusCode: number; body: string; json<U>(): U }, status = 200): Promise<T> {
  expect(response.statusCode, response.body).toBe(status);
  return response.json<T>();
}

async function stored() {
  const [e] = await ctx.database.db.select({ n: count() }).from(agreementEvidence);
  const [f] = await ctx.database.db.select({ n: count() }).from(agreementEvidenceFiles);
  const [a] = await ctx.database.db.select({ n: count() }).from(agreementAudit);
  return { evidence: Number(e?.n), files: Number(f?.n), audit: Number(a?.n) };
}

function upload(a: Agreement, session: Session, file: { name: string; content: Buffer; contentType?: string } | undefined, fields: Record<string, string> = {}) {
  const organisationId = session === p.huurdersSession ? p.huurders : session === p.corporatieSession ? p.corporatie : p.gemeente;
  return injectMultipart(
    ctx.app,
    session,
    'POST',
    `/api/agreements/${a.id}/evidence/upload`,
    evidenceMultipart({ commitmentId: a.commitments[0]?.id ?? '', note: 'Excursie gemaakt, verslag bijgevoegd.', date: '2026-03-01', organisationId, ...fields }, file),
  );
}

beforeAll(async () => {
  ctx = await createTestContext();
  const coordinator = await signIn(ctx.app, 'coordinator@citydeal.demo');
  gemeente = await signIn(ctx.app, 'beleid@leiden.demo');
  lezer = await signIn(ctx.app, 'lezer@leiden.demo');
  outsider = await signIn(ctx.app, 'bouwer@vanwijnen.demo');
  p = await leidenParties(ctx, coordinator);
});

afterAll(async () => {
  await ctx?.close();
});

describe('evidence with a document', () => {
  it('stores a PDF with the evidence, lists its name, size and type, and serves it to the parties', async () => {
    const a = await agreementIn(ctx, p, gemeente, 'concept');
    const before = await stored();
    // the browser says text/plain; the bytes say PDF
    const created = evidenceSchema.parse(await ok(await upload(a, p.huurdersSession, { name: 'Verslag excursie.pdf', content: tinyPdf, contentType: 'text/plain' }, { documentTitle: '', documentUrl: '' }), 201));
    expect(created).toMatchObject({ documentTitle: null, documentUrl: null, organisationName: 'Voorbeeld Huurdersorganisatie Leiden (demo)', file: { name: 'Verslag excursie.pdf', sizeBytes: tinyPdf.length, mediaType: 'application/pdf', format: 'pdf' } });
    expect(await stored()).toEqual({ evidence: before.evidence + 1, files: before.files + 1, audit: before.audit + 1 });

    const listed = evidenceList.parse(await ok(await call(ctx.app, lezer, 'GET', `/api/agreements/${a.id}/evidence`))).items;
    expect(listed.map((e) => e.file)).toEqual([{ name: 'Verslag excursie.pdf', sizeBytes: tinyPdf.length, mediaType: 'application/pdf', format: 'pdf' }]);

    // a party's lezer downloads it, byte for byte, as an attachment
    const download = await call(ctx.app, lezer, 'GET', `/api/agreements/${a.id}/evidence/${created.id}/file`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="Verslag excursie.pdf"; filename*=UTF-8''Verslag%20excursie.pdf`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(tinyPdf)).toBe(true);

    // the audit trail records the document with the evidence
    const trail = auditList.parse(await ok(await call(ctx.app, gemeente, 'GET', `/api/agreements/${a.id}/audit`))).items;
    const added = trail.find((e) => e.action === 'evidence_added');
    expect(added?.entityId).toBe(created.id);
    expect(added?.changes.filter((c) => c.field.startsWith('file.'))).toEqual([
      { field: 'file.name', before: null, after: 'Verslag excursie.pdf' },
      { field: 'file.mediaType', before: null, after: 'application/pdf' },
      { field: 'file.sizeBytes', before: null, after: tinyPdf.length },
    ]);
    // the other parties hear of it
    const heard = notificationList.parse(await ok(await call(ctx.app, gemeente, 'GET', '/api/notifications?unread=true'))).items;
    expect(heard.some((n) => n.agreementId === a.id && n.kind === 'bewijs_toegevoegd')).toBe(true);
  });

  it('recognises a Word document by its content and keeps a safe download name', async () => {
    const a = await agreementIn(ctx, p, gemeente, 'concept');
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file('word/document.xml', '<w:document/>');
    const docx = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    // a folder some browsers send along is dropped
    const created = evidenceSchema.parse(await ok(await upload(a, p.corporatieSession, { name: 'stukken/2026/Verslag «juni».docx', content: docx }), 201));
    expect(created.file).toMatchObject({ name: 'Verslag «juni».docx', format: 'docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    const download = await call(ctx.app, gemeente, 'GET', `/api/agreements/${a.id}/evidence/${created.id}/file`);
    expect(download.headers['content-disposition']).toBe(`attachment; filename="Verslag _juni_.docx"; filename*=UTF-8''Verslag%20%C2%ABjuni%C2%BB.docx`);
    expect(download.rawPayload.equals(docx)).toBe(true);
  });

  it('refuses an empty file, a file of another type and a renamed one with a Dutch message at "file", storing nothing', async () => {
    const a = await agreementIn(ctx, p, gemeente, 'concept');
    const before = await stored();
    const cases = [
      { file: { name: 'leeg.pdf', content: Buffer.alloc(0) }, code: 'empty_file', message: 'Het bestand "leeg.pdf" is leeg. Kies het bestand opnieuw.' },
      { file: { name: 'rapport.pdf', content: Buffer.from('<html>dit is geen pdf</html>'), contentType: 'application/pdf' }, code: 'unsupported_file_type', message: 'de inhoud is niet die van een PDF-bestand' },
      { file: { name: 'script.sh', content: Buffer.from('#!/bin/sh\necho hallo\n') }, code: 'unsupported_file_type', message: 'wordt niet ondersteund' },
      { file: { name: 'foto.pdf', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]) }, code: 'file_type_mismatch', message: 'is een PNG-afbeelding, maar de naam eindigt op .pdf' },
    ];
    for (const c of cases) {
      const response = await upload(a, p.huurdersSession, c.file);
      expect(response.statusCode, c.file.name).toBe(400);
      const body = response.json<ErrorBody>();
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.details?.[0]).toMatchObject({ path: 'file', code: c.code, message: expect.stringContaining(c.message) });
    }
    // no file at all on the upload route, and a field error in the form
    expect((await upload(a, p.huurdersSession, undefined)).json<ErrorBody>().error.details?.[0]).toMatchObject({ path: 'file', code: 'file_missing' });
    expect((await upload(a, p.huurdersSession, { name: 'v.pdf', content: tinyPdf }, { date: '2999-01-01' })).json<ErrorBody>().error.details?.map((d) => d.path)).toEqual(['date']);
    expect(await stored()).toEqual(before);
  });

  it('refuses a document over the limit (20 MB by default) with 413 and stores nothing', async () => {
    const a = await agreementIn(ctx, p, gemeente, 'concept');
    const before = await stored();
    const big = Buffer.concat([tinyPdf, Buffer.alloc(EVIDENCE_FILE_LIMIT_BYTES)]);
    const response = await upload(a, p.huurdersSession, { name: 'groot.pdf', content: big });
    expect(response.statusCode).toBe(413);
    expect(response.json<ErrorBody>().error).toMatchObject({ code: 'payload_too_large', message: 'Het document is groter dan 20 MB; voeg een kleiner bestand toe.' });
    expect(await stored()).toEqual(before);
  });

  it('takes its limit from EVIDENCE_FILE_LIMIT_MB through the app config', async () => {
    expect(loadConfig({ DATA_DIR: '/tmp/kb-config-test' }).evidenceFileLimitMb).toBe(20);
    expect(loadConfig({ DATA_DIR: '/tmp/kb-config-test', EVIDENCE_FILE_LIMIT_MB: '0.5' }).evidenceFileLimitMb).toBe(0.5);
    expect(() => loadConfig({ DATA_DIR: '/tmp/kb-config-test', EVIDENCE_FILE_LIMIT_MB: 'veel' })).toThrow(/EVIDENCE_FILE_LIMIT_MB/);
    const small = await createTestContext({ config: { evidenceFileLimitMb: 0.5 } });
    try {
      const parties = await leidenParties(small, await signIn(small.app, 'coordinator@citydeal.demo'));
      const a = await agreementIn(small, parties, await signIn(small.app, 'beleid@leiden.demo'), 'concept');
      const fields = { commitmentId: a.commitments[0]?.id ?? '', note: 'Verslag bijgevoegd.', date: '2026-03-01', organisationId: parties.huurders };
      const response = await injectMultipart(small.app, parties.huurdersSession, 'POST', `/api/agreements/${a.id}/evidence/upload`, evidenceMultipart(fields, { name: 'verslag.pdf', content: Buffer.concat([tinyPdf, Buffer.alloc(600 * 1024)]) }));
      expect(response.statusCode).toBe(413);
      expect(response.json<ErrorBody>().error.message).toBe('Het document is groter dan 0,5 MB; voeg een kleiner bestand toe.');
    } finally {
      await small.close();
    }
  });

  it('serves the document only to whoever may see the agreement', async () => {
    const hidden = await agreementIn(ctx, p, gemeente, 'concept');
    const open = await agreementIn(ctx, p, gemeente, 'concept', { visibility: 'openbaar' });
    const inHidden = evidenceSchema.parse(await ok(await upload(hidden, p.corporatieSession, { name: 'a.pdf', content: tinyPdf }), 201));
    const inOpen = evidenceSchema.parse(await ok(await upload(open, p.corporatieSession, { name: 'b.pdf', content: tinyPdf }), 201));
    // agreement of the parties: an outsider gets 404, as for the agreement itself; anonymous 401
    expect((await call(ctx.app, outsider, 'GET', `/api/agreements/${hidden.id}/evidence/${inHidden.id}/file`)).statusCode).toBe(404);
    expect((await call(ctx.app, null, 'GET', `/api/agreements/${hidden.id}/evidence/${inHidden.id}/file`)).statusCode).toBe(401);
    // a public agreement is read by every signed-in user, its documents too
    const publicDownload = await call(ctx.app, outsider, 'GET', `/api/agreements/${open.id}/evidence/${inOpen.id}/file`);
    expect(publicDownload.statusCode).toBe(200);
    expect(publicDownload.rawPayload.equals(tinyPdf)).toBe(true);
    // evidence of another agreement is not reachable through a visible one; evidence without a document has none
    expect((await call(ctx.app, outsider, 'GET', `/api/agreements/${open.id}/evidence/${inHidden.id}/file`)).statusCode).toBe(404);
    const plain = evidenceSchema.parse(await ok(await call(ctx.app, gemeente, 'POST', `/api/agreements/${open.id}/evidence`, { commitmentId: open.commitments[0]?.id, note: 'Zonder document', date: '2026-03-01', organisationId: p.gemeente }), 201));
    expect(plain.file).toBeNull();
    expect((await call(ctx.app, gemeente, 'GET', `/api/agreements/${open.id}/evidence/${plain.id}/file`)).statusCode).toBe(404);
    // an outsider may read a public agreement but not add evidence to it
    expect((await upload(open, outsider, { name: 'c.pdf', content: tinyPdf })).statusCode).toBe(403);
  });
});

describe('withdrawing an approval', () => {
  const withdraw = (a: Agreement, session: Session, organisationId: string, revision?: number) =>
    call(ctx.app, session, 'DELETE', `/api/agreements/${a.id}/approvals/${organisationId}${revision === undefined ? '' : `?revision=${revision}`}`);

  it("lets a party's own bewerker withdraw its approval before signing, in the audit trail and with notifications", async () => {
    const a = await agreementIn(ctx, p, gemeente, 'onderhandeling');
    const approved = agreementSchema.parse(await ok(await call(ctx.app, gemeente, 'POST', `/api/agreements/${a.id}/approvals`, { organisationId: p.gemeente, revision: a.revision, note: 'Akkoord' })));
    expect(approved.workingVersion.approvalStatus.map((s) => s.approved)).toEqual([true, false, false]);
    // not on behalf of another party, not as lezer
    expect((await withdraw(a, p.corporatieSession, p.gemeente)).statusCode).toBe(403);
    expect((await withdraw(a, lezer, p.gemeente)).statusCode).toBe(403);
    expect((await withdraw(a, outsider, p.gemeente)).statusCode).toBe(404);
    // a stale revision is a conflict
    expect((await withdraw(a, gemeente, p.gemeente, approved.revision + 1)).json<ErrorBody>().error.code).toBe('version_conflict');

    const mailsBefore = ctx.mail.sent.length;
    const withdrawn = agreementSchema.parse(await ok(await withdraw(a, gemeente, p.gemeente, approved.revision)));
    expect(withdrawn.workingVersion.approvalStatus.map((s) => s.approved)).toEqual([false, false, false]);
    expect(withdrawn.workingVersion.approvals).toEqual([]);
    expect(withdrawn).toMatchObject({ revision: approved.revision, cycle: { state: 'onderhandeling' } });
    // nothing left to withdraw
    const again = await withdraw(a, gemeente, p.gemeente);
    expect([again.statusCode, again.json<ErrorBody>().error.code]).toEqual([409, 'not_approved']);

    const trail = auditList.parse(await ok(await call(ctx.app, lezer, 'GET', `/api/agreements/${a.id}/audit`))).items;
    const entry = trail.at(-1);
    expect(entry).toMatchObject({ action: 'approval_withdrawn', entity: 'approval', entityId: p.gemeente, versionNumber: 1, actor: { name: 'Beleidsmedewerker Leiden (demo)' } });
    expect(entry?.changes).toEqual([{ field: `approvals.${p.gemeente}`, before: { revision: approved.revision, note: 'Akkoord' }, after: null }]);

    const told = notificationList.parse(await ok(await call(ctx.app, p.huurdersSession, 'GET', '/api/notifications?unread=true'))).items.find((n) => n.agreementId === a.id && n.kind === 'goedkeuring_ingetrokken');
    expect(told).toMatchObject({ actor: { name: 'Beleidsmedewerker Leiden (demo)' }, organisationName: 'Gemeente Leiden' });
    const mails = ctx.mail.sent.slice(mailsBefore);
    expect(mails.map((m) => m.to)).toEqual(expect.arrayContaining(['corporatie@leiden.demo', 'huurders@leiden.demo']));
    expect(mails.map((m) => m.to)).not.toContain('beleid@leiden.demo');
    expect(mails[0]?.subject).toContain('Een partij heeft haar goedkeuring ingetrokken');

    // the party can approve the same text again; all three sign it
    for (const [session, org] of [[gemeente, p.gemeente], [p.corporatieSession, p.corporatie], [p.huurdersSession, p.huurders]] as const) {
      await ok(await call(ctx.app, session, 'POST', `/api/agreements/${a.id}/approvals`, { organisationId: org, revision: withdrawn.revision }));
    }
    const signed = agreementSchema.parse(await ok(await call(ctx.app, gemeente, 'GET', `/api/agreements/${a.id}`)));
    expect(signed.cycle.state).toBe('ondertekend');
    expect(signed.workingVersion.approvals.map((x) => x.organisationName)).toEqual(['Gemeente Leiden', 'Voorbeeldcorporatie Leiden (demo)', 'Voorbeeld Huurdersorganisatie Leiden (demo)']);

    // after signing: refused with a stable code, and the signature stands
    const late = await withdraw(a, gemeente, p.gemeente);
    expect(late.statusCode).toBe(409);
    expect(late.json<ErrorBody>().error).toMatchObject({ code: 'already_signed', message: expect.stringContaining('ondertekend') });
    expect(agreementSchema.parse(await ok(await call(ctx.app, gemeente, 'GET', `/api/agreements/${a.id}`))).workingVersion.approvalStatus.every((s) => s.approved)).toBe(true);
  });

  it('refuses before the negotiation and for an organisation that is no party', async () => {
    const a = await agreementIn(ctx, p, gemeente, 'concept');
    expect((await withdraw(a, gemeente, p.gemeente)).json<ErrorBody>().error.code).toBe('invalid_state');
    const neg = await agreementIn(ctx, p, gemeente, 'onderhandeling');
    expect((await withdraw(neg, gemeente, '00000000-0000-4000-8000-000000000001')).statusCode).toBe(404);
  });
});
