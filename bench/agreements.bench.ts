/**
 * Progress of prestatieafspraken (pure domain, `evaluateAgreement`) on a generated municipality: BENCH_AGREEMENT_PROJECTS
 * (default 10 000) projects, each with a ledger of 8 entries (indicative and official values of four indicators, some
 * withdrawn), evaluated for an agreement of 12 commitments (4 process, 8 measurable: per project, mean, sum, share).
 * Shows that one progress request stays well below a second even for a large city; the server adds the two SQL reads.
 */
import { performance } from 'node:perf_hooks';
import { evaluateAgreement, type Commitment, type ProgressProject } from '@kringbouw/domain/agreements';
import type { LedgerEntry } from '@kringbouw/domain/monitoring';

export default async function bench(): Promise<string> {
  const n = Number(process.env.BENCH_AGREEMENT_PROJECTS ?? 10_000);
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  let seq = 0;
  const kinds = ['nieuwbouw', 'renovatie', 'transformatie', 'optopping'] as const;
  const projects: ProgressProject[] = Array.from({ length: n }, (_, i) => {
    const ledger: LedgerEntry[] = [];
    for (const indicatorId of ['embodiedCarbon', 'materialOrigin', 'detachability', 'mpg'] as const) {
      const base = { embodiedCarbon: 250, materialOrigin: 25, detachability: 50, mpg: 0.5 }[indicatorId];
      ledger.push({ id: `e${++seq}`, seq, indicatorId, source: 'berekend', value: base * (0.6 + random() * 0.8), withdrawsEntryId: null });
      if (random() < 0.5) ledger.push({ id: `e${++seq}`, seq, indicatorId, source: 'opgegeven', value: base * (0.6 + random() * 0.8), withdrawsEntryId: null });
    }
    return { id: `p${i}`, name: `Project ${i}`, kind: kinds[i % kinds.length] ?? 'nieuwbouw', dwellings: 10 + Math.floor(random() * 200), organisationIds: [i % 3 === 0 ? 'corp' : 'other'], ledger };
  });
  const common = { theme: 'nieuwbouw' as const, text: 't', responsibleOrganisationIds: ['corp'], rLadder: { pbl: 'R2' as const, guide: null }, templateId: null, templateVersion: null };
  const commitments: Commitment[] = [
    ...Array.from({ length: 4 }, (_, i): Commitment => ({ ...common, id: `proc${i}`, title: `Proces ${i}`, theme: 'proces_leren', kind: 'proces', dueDate: '2027-12-31' })),
    ...(['elk_project', 'gemiddelde', 'som'] as const).flatMap((aggregation, i): Commitment[] => [
      { ...common, id: `m${i}a`, title: 'co2', kind: 'meetbaar', indicatorId: 'embodiedCarbon', comparator: 'lte', target: 240, deadline: '2027-12-31', scope: { type: 'alle_projecten', organisationId: 'corp', projectKinds: ['nieuwbouw'], aggregation } },
      { ...common, id: `m${i}b`, title: 'li', kind: 'meetbaar', indicatorId: 'detachability', comparator: 'gte', target: 50, deadline: '2027-12-31', scope: { type: 'alle_projecten', organisationId: 'corp', projectKinds: ['nieuwbouw', 'renovatie'], aggregation } },
    ]),
    { ...common, id: 'share1', title: 'share', kind: 'meetbaar', indicatorId: 'materialOrigin', comparator: 'gte', target: 30, deadline: '2027-12-31', scope: { type: 'aandeel', organisationId: 'corp', projectKinds: ['nieuwbouw'], basis: 'woningen', projectComparator: 'gte', projectThreshold: 30 } },
    { ...common, id: 'share2', title: 'share', kind: 'meetbaar', indicatorId: 'mpg', comparator: 'gte', target: 50, deadline: '2027-12-31', scope: { type: 'aandeel', organisationId: 'corp', projectKinds: ['nieuwbouw', 'transformatie'], basis: 'projecten', projectComparator: 'lte', projectThreshold: 0.5 } },
  ];
  const timings: number[] = [];
  let inScope = 0;
  for (let run = 0; run < 5; run += 1) {
    // fresh ledger arrays each run, so the per-ledger cache does not carry over between runs
    const fresh = projects.map((p) => ({ ...p, ledger: [...p.ledger] }));
    const start = performance.now();
    const result = evaluateAgreement({ commitments, projects: fresh, evidence: [], asOf: '2027-06-01', periodEndYear: 2027 });
    timings.push(performance.now() - start);
    inScope = result.commitments.reduce((s, c) => s + c.projectsInScope, 0);
  }
  timings.sort((a, b) => a - b);
  const median = timings[Math.floor(timings.length / 2)] ?? 0;
  return `### Prestatieafspraken: progress of one agreement (pure domain)

| projects in municipality | ledger entries | commitments | project × commitment pairs in scope | median of 5 runs |
|---:|---:|---:|---:|---:|
| ${n.toLocaleString('en')} | ${seq.toLocaleString('en')} | ${commitments.length} | ${inScope.toLocaleString('en')} | ${median.toFixed(0)} ms |

\`evaluateAgreement\` with the current official/indicative value per project computed once per ledger. The server
adds two SQL reads (projects with parties, their ledger entries) and the presenter.`;
}
