/**
 * Authorization-matrix rows of prestatieafspraken. The agreements are between Gemeente Leiden, the demo corporation
 * and the demo tenants' organisation, visible to the parties only: the other organisation gets 404, Leiden's lezer
 * reads, Leiden's bewerker and beheerder edit/approve/comment, the coordinator reads but is no party (403 on edits).
 */
import { expect } from 'vitest';
import { notificationList } from '@kringbouw/contracts';
import { call } from '../helpers.ts';
import { injectMultipart } from '../stock-support.ts';
import { signedIn, type Expected, type Fixtures, type MatrixRows } from '../authorization-matrix.support.ts';
import { agreementBody, agreementIn, evidenceMultipart, leidenParties, processCommitment, tinyPdf } from './agreements.support.ts';

const view: Expected = [401, 404, 200, 200, 200, 200];
const edit = (status: number): Expected => [401, 404, 403, status, status, 403];

async function fresh(f: Fixtures, state: Parameters<typeof agreementIn>[3] = 'concept') {
  const p = await leidenParties(f.ctx, f.coordinator);
  const gemeente = f.sessions.bewerker;
  if (gemeente === null) throw new Error('no bewerker session');
  return { p, a: await agreementIn(f.ctx, p, gemeente, state) };
}

export const rows: MatrixRows = {
  'GET /api/agreement-templates': { expected: signedIn(200), cell: async () => ({ method: 'GET', url: '/api/agreement-templates' }) },
  'GET /api/agreements': { expected: signedIn(200), cell: async () => ({ method: 'GET', url: '/api/agreements' }) },
  'POST /api/agreements': {
    expected: [401, 403, 403, 201, 201, 403],
    cell: async (f) => ({ method: 'POST', url: '/api/agreements', body: agreementBody(await leidenParties(f.ctx, f.coordinator)) }),
  },
  'GET /api/agreements/:id': { expected: view, cell: async (f) => ({ method: 'GET', url: `/api/agreements/${(await fresh(f)).a.id}` }) },
  'PUT /api/agreements/:id': {
    expected: edit(200),
    cell: async (f) => {
      const { p, a } = await fresh(f);
      const { commitments: _c, ...header } = agreementBody(p, { title: 'Gewijzigde titel' });
      return { method: 'PUT', url: `/api/agreements/${a.id}`, body: { ...header, revision: a.revision } };
    },
  },
  'POST /api/agreements/:id/commitments': {
    expected: edit(201),
    cell: async (f) => {
      const { p, a } = await fresh(f);
      return { method: 'POST', url: `/api/agreements/${a.id}/commitments`, body: { commitment: processCommitment([p.huurders]) } };
    },
  },
  'POST /api/agreements/:id/templates': {
    expected: edit(200),
    cell: async (f) => ({ method: 'POST', url: `/api/agreements/${(await fresh(f)).a.id}/templates`, body: { templateIds: ['start-excursies'] } }),
  },
  'PUT /api/agreements/:id/commitments/:commitmentId': {
    expected: edit(200),
    cell: async (f) => {
      const { p, a } = await fresh(f);
      return { method: 'PUT', url: `/api/agreements/${a.id}/commitments/${a.commitments[0]?.id}`, body: { commitment: processCommitment([p.gemeente], { title: 'Anders' }) } };
    },
  },
  'DELETE /api/agreements/:id/commitments/:commitmentId': {
    expected: edit(200),
    cell: async (f) => {
      const { a } = await fresh(f);
      return { method: 'DELETE', url: `/api/agreements/${a.id}/commitments/${a.commitments[0]?.id}` };
    },
  },
  'POST /api/agreements/:id/transitions': {
    expected: edit(200),
    cell: async (f) => {
      const { a } = await fresh(f, 'bod');
      return { method: 'POST', url: `/api/agreements/${a.id}/transitions`, body: { action: 'onderhandeling_starten', revision: a.revision } };
    },
  },
  'POST /api/agreements/:id/approvals': {
    expected: edit(200),
    cell: async (f) => {
      const { p, a } = await fresh(f, 'onderhandeling');
      return { method: 'POST', url: `/api/agreements/${a.id}/approvals`, body: { organisationId: p.gemeente, revision: a.revision } };
    },
  },
  'DELETE /api/agreements/:id/approvals/:organisationId': {
    // Gemeente Leiden approved; only its own bewerker/beheerder can take that back.
    expected: edit(200),
    cell: async (f) => {
      const { p, a } = await fresh(f, 'onderhandeling');
      const gemeente = f.sessions.beheerder;
      if (gemeente === null) throw new Error('no beheerder session');
      const approved = await call(f.ctx.app, gemeente, 'POST', `/api/agreements/${a.id}/approvals`, { organisationId: p.gemeente, revision: a.revision });
      expect(approved.statusCode, approved.body).toBe(200);
      return { method: 'DELETE', url: `/api/agreements/${a.id}/approvals/${p.gemeente}?revision=${a.revision}` };
    },
  },
  'POST /api/agreements/:id/evidence/upload': {
    expected: edit(201),
    cell: async (f) => {
      const { p, a } = await fresh(f);
      return {
        method: 'POST',
        url: `/api/agreements/${a.id}/evidence/upload`,
        multipart: evidenceMultipart({ commitmentId: a.commitments[0]?.id ?? '', note: 'Cursus gevolgd', date: '2026-03-01', organisationId: p.gemeente }, { name: 'verslag.pdf', content: tinyPdf }),
      };
    },
  },
  'GET /api/agreements/:id/evidence/:evidenceId/file': {
    expected: view,
    cell: async (f) => {
      const { p, a } = await fresh(f);
      const uploaded = await injectMultipart(f.ctx.app, p.corporatieSession, 'POST', `/api/agreements/${a.id}/evidence/upload`, evidenceMultipart({ commitmentId: a.commitments[0]?.id ?? '', note: 'Verslag', date: '2026-03-01', organisationId: p.corporatie }, { name: 'verslag.pdf', content: tinyPdf }));
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      return { method: 'GET', url: `/api/agreements/${a.id}/evidence/${uploaded.json<{ id: string }>().id}/file` };
    },
  },
  'GET /api/agreements/:id/versions': { expected: view, cell: async (f) => ({ method: 'GET', url: `/api/agreements/${(await fresh(f)).a.id}/versions` }) },
  'GET /api/agreements/:id/versions/:number': { expected: view, cell: async (f) => ({ method: 'GET', url: `/api/agreements/${(await fresh(f)).a.id}/versions/1` }) },
  'GET /api/agreements/:id/versions/:number/diff': { expected: view, cell: async (f) => ({ method: 'GET', url: `/api/agreements/${(await fresh(f)).a.id}/versions/1/diff?against=1` }) },
  'GET /api/agreements/:id/progress': { expected: view, cell: async (f) => ({ method: 'GET', url: `/api/agreements/${(await fresh(f)).a.id}/progress` }) },
  'GET /api/agreements/:id/evidence': { expected: view, cell: async (f) => ({ method: 'GET', url: `/api/agreements/${(await fresh(f)).a.id}/evidence` }) },
  'POST /api/agreements/:id/evidence': {
    expected: edit(201),
    cell: async (f) => {
      const { p, a } = await fresh(f);
      return { method: 'POST', url: `/api/agreements/${a.id}/evidence`, body: { commitmentId: a.commitments[0]?.id, note: 'Cursus gevolgd', date: '2026-03-01', organisationId: p.gemeente } };
    },
  },
  'GET /api/agreements/:id/comments': { expected: view, cell: async (f) => ({ method: 'GET', url: `/api/agreements/${(await fresh(f)).a.id}/comments` }) },
  'POST /api/agreements/:id/comments': {
    expected: edit(201),
    cell: async (f) => {
      const { p, a } = await fresh(f);
      return { method: 'POST', url: `/api/agreements/${a.id}/comments`, body: { body: 'Eens.', organisationId: p.gemeente } };
    },
  },
  'GET /api/agreements/:id/audit': { expected: view, cell: async (f) => ({ method: 'GET', url: `/api/agreements/${(await fresh(f)).a.id}/audit` }) },
  'GET /api/agreements/:id/audit.csv': { expected: view, cell: async (f) => ({ method: 'GET', url: `/api/agreements/${(await fresh(f)).a.id}/audit.csv` }) },
  'GET /api/agreements/:id/evaluation': { expected: view, cell: async (f) => ({ method: 'GET', url: `/api/agreements/${(await fresh(f)).a.id}/evaluation?year=2027` }) },
  'GET /api/notifications': { expected: signedIn(200), cell: async () => ({ method: 'GET', url: '/api/notifications' }) },
  'POST /api/notifications/read-all': { expected: signedIn(200), cell: async () => ({ method: 'POST', url: '/api/notifications/read-all' }) },
  'POST /api/notifications/:id/read': {
    // Leiden's members get a notification when the corporation comments; others have none of their own.
    expected: [401, 404, 200, 200, 200, 404],
    cell: async (f, actor) => {
      const { p, a } = await fresh(f);
      const commented = await call(f.ctx.app, p.corporatieSession, 'POST', `/api/agreements/${a.id}/comments`, { body: 'Graag reactie.', organisationId: p.corporatie });
      expect(commented.statusCode, commented.body).toBe(201);
      const session = f.sessions[actor];
      let id = '00000000-0000-4000-8000-000000000000';
      if (session !== null) {
        const list = notificationList.parse((await call(f.ctx.app, session, 'GET', '/api/notifications?unread=true')).json());
        id = list.items.find((n) => n.agreementId === a.id)?.id ?? id;
      }
      return { method: 'POST', url: `/api/notifications/${id}/read` };
    },
  },
};
