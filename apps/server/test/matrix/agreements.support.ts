/** Test support for prestatieafspraken: the three Leiden parties, a request body, and agreements in a given state. */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { Agreement } from '@kringbouw/contracts';
import { call, idOfOrganisation, signIn, type Session, type TestContext } from '../helpers.ts';

export interface LeidenParties {
  gemeente: string;
  corporatie: string;
  huurders: string;
  /** corporatie@leiden.demo (beheerder) and huurders@leiden.demo (bewerker). */
  corporatieSession: Session;
  huurdersSession: Session;
}

const cache = new WeakMap<TestContext, Promise<LeidenParties>>();

export function leidenParties(ctx: TestContext, coordinator: Session): Promise<LeidenParties> {
  let found = cache.get(ctx);
  if (found === undefined) {
    found = (async () => ({
      gemeente: await idOfOrganisation(ctx.app, coordinator, 'Gemeente Leiden'),
      corporatie: await idOfOrganisation(ctx.app, coordinator, 'Voorbeeldcorporatie Leiden (demo)'),
      huurders: await idOfOrganisation(ctx.app, coordinator, 'Voorbeeld Huurdersorganisatie Leiden (demo)'),
      corporatieSession: await signIn(ctx.app, 'corporatie@leiden.demo'),
      huurdersSession: await signIn(ctx.app, 'huurders@leiden.demo'),
    }))();
    cache.set(ctx, found);
  }
  return found;
}

export function processCommitment(responsible: string[], overrides: Record<string, unknown> = {}) {
  return {
    kind: 'proces',
    theme: 'proces_leren',
    title: 'Leertraject circulair bouwen',
    text: 'Gemeente en corporatie volgen samen een leertraject.',
    responsibleOrganisationIds: responsible,
    rLadder: { pbl: 'R1', guide: null },
    dueDate: '2027-06-30',
    ...overrides,
  };
}

export function agreementBody(p: Pick<LeidenParties, 'gemeente' | 'corporatie' | 'huurders'>, overrides: Record<string, unknown> = {}) {
  return {
    title: 'Prestatieafspraken Leiden test',
    description: 'Uit de tests.',
    periodStartYear: 2027,
    periodEndYear: 2028,
    visibility: 'partijen',
    parties: [{ organisationId: p.gemeente }, { organisationId: p.corporatie }, { organisationId: p.huurders, tenantsOfOrganisationId: p.corporatie }],
    commitments: [processCommitment([p.gemeente, p.corporatie])],
    ...overrides,
  };
}

/**
 * A new agreement (created by the corporation) taken to `state`: concept, bod, onderhandeling or ondertekend
 * (all three parties approve: the gemeente through `gemeenteSession`).
 */
export async function agreementIn(ctx: TestContext, p: LeidenParties, gemeenteSession: Session, state: 'concept' | 'bod' | 'onderhandeling' | 'ondertekend', overrides: Record<string, unknown> = {}): Promise<Agreement> {
  const created = await call(ctx.app, p.corporatieSession, 'POST', '/api/agreements', agreementBody(p, overrides));
  expect(created.statusCode, created.body).toBe(201);
  let a = created.json<Agreement>();
  const step = async (session: Session, url: string, body: unknown) => {
    const response = await call(ctx.app, session, 'POST', `/api/agreements/${a.id}${url}`, body);
    expect(response.statusCode, response.body).toBe(200);
    a = response.json<Agreement>();
  };
  if (state === 'concept') return a;
  await step(p.corporatieSession, '/transitions', { action: 'bod_uitbrengen', revision: a.revision });
  if (state === 'bod') return a;
  await step(gemeenteSession, '/transitions', { action: 'onderhandeling_starten', revision: a.revision });
  if (state === 'onderhandeling') return a;
  await step(gemeenteSession, '/approvals', { organisationId: p.gemeente, revision: a.revision });
  await step(p.corporatieSession, '/approvals', { organisationId: p.corporatie, revision: a.revision });
  await step(p.huurdersSession, '/approvals', { organisationId: p.huurders, revision: a.revision });
  return a;
}

/** A tiny but real PDF (header, one object, trailer). */
export const tinyPdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/**
 * A multipart body for POST …/evidence/upload: text fields and, when given, the file part "file" (its content type as
 * a browser would send it; the server ignores it and reads the bytes).
 */
export function evidenceMultipart(fields: Record<string, string>, file?: { name: string; content: Buffer; contentType?: string }) {
  const boundary = `----kringbouw${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
