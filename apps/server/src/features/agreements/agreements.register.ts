/** Wires prestatieafspraken into the app (called once from app.ts). */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/index.ts';
import type { MailTransport } from '../../mail/index.ts';
import { createAgreementsRepository } from './agreements.repository.ts';
import { registerAgreementRoutes } from './agreements.routes.ts';
import { createAgreementsService } from './agreements.service.ts';

/** `evidenceFileLimitBytes`: largest document uploaded with evidence (default 20 MB; EVIDENCE_FILE_LIMIT_MB in the environment). */
export function registerAgreementsFeature(app: FastifyInstance, deps: { db: Db; mail: MailTransport; now: () => Date; publicUrl: URL | null; evidenceFileLimitBytes?: number }): void {
  const agreements = createAgreementsService({ repository: createAgreementsRepository(deps.db), mail: deps.mail, now: deps.now, publicUrl: deps.publicUrl, log: app.log });
  registerAgreementRoutes(app, { agreements, ...(deps.evidenceFileLimitBytes === undefined ? {} : { evidenceFileLimitBytes: deps.evidenceFileLimitBytes }) });
}
