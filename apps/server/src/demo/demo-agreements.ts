/**
 * The example prestatieafspraken of the demo data: "Prestatieafspraken Leiden 2027" between Gemeente Leiden,
 * Voorbeeldcorporatie Leiden (demo) and Voorbeeld Huurdersorganisatie Leiden (demo), with commitments inserted from
 * the templates (data/agreements/templates.json). Invented for the demo, labelled isExample; the corporation
 * submitted its bod in June 2026 and the negotiation is running (no approvals yet), so a visitor can approve it.
 */
import { randomUUID } from 'node:crypto';
import { commitmentFromTemplate, diffValues, findTemplate, type Commitment } from '@kringbouw/domain/agreements';
import type { AgreementContent, AgreementsRepository, PartyContent } from '../features/agreements/agreements.repository.ts';

export const demoAgreementTitle = 'Prestatieafspraken Leiden 2027';

const templateIds = [
  'proces-benen-op-tafel',
  'start-leertraject',
  'start-excursies',
  'start-hnn-nulmeting',
  'voorraad-kansenkaart',
  'renovatie-overzicht-wijken',
  'nieuwbouw-materiaalgebonden-co2',
  'nieuwbouw-aandeel-herkomst',
];

export async function seedDemoAgreement(
  repository: AgreementsRepository,
  ids: { gemeente: string; corporatie: string; huurders: string; corporatieUser: string; gemeenteUser: string; huurdersUser: string },
): Promise<string> {
  const parties: PartyContent[] = [
    { organisationId: ids.gemeente, role: 'gemeente', tenantsOfOrganisationId: null },
    { organisationId: ids.corporatie, role: 'woningcorporatie', tenantsOfOrganisationId: null },
    { organisationId: ids.huurders, role: 'huurdersorganisatie', tenantsOfOrganisationId: ids.corporatie },
  ];
  const commitments: Commitment[] = templateIds.map((templateId) => {
    const template = findTemplate(templateId);
    if (template === undefined) throw new Error(`demo agreement: no template ${templateId}`);
    const c = commitmentFromTemplate({ template, id: randomUUID(), parties, periodEndYear: 2027 });
    if (templateId === 'start-leertraject') return { ...c, kind: 'proces', dueDate: '2027-06-30' } as Commitment;
    return c;
  });
  const content: AgreementContent = {
    title: demoAgreementTitle,
    description:
      'Voorbeeld (demo): verzonnen afspraken om Kringbouw te laten zien. Gemeente Leiden, Voorbeeldcorporatie Leiden en Voorbeeld Huurdersorganisatie Leiden maken voor 2027 circulaire prestatieafspraken, gestart vanuit de sjablonen naar de Cirkelstad-handreiking.',
    periodStartYear: 2027,
    periodEndYear: 2027,
    visibility: 'openbaar',
    parties,
    commitments,
  };
  const created = new Date('2026-06-10T09:00:00.000Z');
  const bid = new Date('2026-06-24T14:00:00.000Z');
  const negotiation = new Date('2026-07-08T10:00:00.000Z');
  const id = await repository.insertAgreement({ content, municipalityCode: 'GM0546', state: 'concept', createdBy: ids.corporatieUser, at: created, isExample: true });
  await repository.updateCycle(id, { state: 'onderhandeling', bidSubmittedAt: bid, negotiationStartedAt: negotiation }, negotiation);
  const { commitments: _c, ...header } = content;
  await repository.appendAudit([
    { agreementId: id, at: created, actorId: ids.corporatieUser, action: 'agreement_created', entity: 'agreement', entityId: null, versionNumber: 1, changes: diffValues({}, { ...header, state: 'concept' }) },
    ...commitments.map((c) => ({ agreementId: id, at: created, actorId: ids.corporatieUser, action: 'commitment_added', entity: 'commitment' as const, entityId: c.id, versionNumber: 1, changes: diffValues({}, c) })),
    { agreementId: id, at: bid, actorId: ids.corporatieUser, action: 'state_changed', entity: 'agreement', entityId: null, versionNumber: 1, changes: [{ field: 'state', before: 'concept', after: 'bod' }, { field: 'bidSubmittedAt', before: null, after: bid.toISOString() }] },
    { agreementId: id, at: negotiation, actorId: ids.gemeenteUser, action: 'state_changed', entity: 'agreement', entityId: null, versionNumber: 1, changes: [{ field: 'state', before: 'bod', after: 'onderhandeling' }, { field: 'negotiationStartedAt', before: null, after: negotiation.toISOString() }] },
  ]);
  const talk = commitments[0];
  const share = commitments.find((c) => c.templateId === 'nieuwbouw-aandeel-herkomst');
  if (talk !== undefined) {
    const at = new Date('2026-07-15T08:30:00.000Z');
    const evidence = { commitmentId: talk.id, note: 'Verkennend gesprek gevoerd op het stadskantoor met beleid wonen, duurzaamheid, de corporatie en de huurdersorganisatie (demo).', date: '2026-05-12', documentTitle: 'Gespreksverslag (demo)', documentUrl: null, organisationId: ids.gemeente };
    const evidenceId = await repository.insertEvidence({ agreementId: id, ...evidence, recordedBy: ids.gemeenteUser, at });
    await repository.appendAudit([{ agreementId: id, at, actorId: ids.gemeenteUser, action: 'evidence_added', entity: 'evidence', entityId: evidenceId, versionNumber: null, changes: diffValues({}, evidence) }]);
  }
  if (share !== undefined) {
    const at = new Date('2026-07-20T19:00:00.000Z');
    const comment = { commitmentId: share.id, body: 'De huurders vragen of biobased materialen ook bij renovatie meetellen, en willen weten hoe het binnenklimaat wordt bewaakt (demo).', organisationId: ids.huurders, evaluationYear: null };
    const commentId = await repository.insertComment({ agreementId: id, ...comment, authorId: ids.huurdersUser, at });
    await repository.appendAudit([{ agreementId: id, at, actorId: ids.huurdersUser, action: 'comment_added', entity: 'comment', entityId: commentId, versionNumber: null, changes: diffValues({}, comment) }]);
  }
  return id;
}
