import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import hnnJson from '../../data/methods/hnn-levels.json' with { type: 'json' };
import type { LedgerEntry } from '../monitoring/ledger.ts';
import {
  agreementTemplateSet,
  allowedActions,
  allPartiesApproved,
  applyAction,
  approvalWithdrawal,
  checkEvidenceFile,
  combineLights,
  commitmentFromTemplate,
  compare,
  cycleData,
  cycleDeadlines,
  cycleOverdue,
  diffVersions,
  editEffect,
  evaluateAgreement,
  evidenceFileName,
  evaluateMeasurable,
  evaluateProcess,
  findTemplate,
  nextEvaluationYear,
  sniffEvidenceFileFormat,
  stateAfterAllApproved,
  type CycleFacts,
  type MeasurableCommitment,
  type ProcessCommitment,
  type ProgressProject,
  type VersionContent,
} from './index.ts';

const CORP = 'corp';
const GEM = 'gem';
const HUUR = 'huur';

function facts(partial: Partial<CycleFacts> = {}): CycleFacts {
  return { state: 'concept', periodStartYear: 2027, periodEndYear: 2028, bidSubmittedAt: null, negotiationStartedAt: null, signedAt: null, evaluations: [], ...partial };
}

function run(f: CycleFacts, action: Parameters<typeof applyAction>[1], at: string, year?: number): CycleFacts {
  const r = applyAction(f, action, at, year);
  if (!r.ok) throw new Error(r.message);
  return r.facts;
}

describe('cycle state machine', () => {
  it('puts the bod deadline on 1 July and signing on 15 December of the year before the period', () => {
    expect(cycleDeadlines(2027)).toEqual({ bidDeadline: '2026-07-01', signDeadline: '2026-12-15' });
  });

  it('says how far those dates are verified (data/agreements/cycle.json)', () => {
    expect(cycleData.version).toBe('2026.1');
    expect(cycleData.verification).toMatch(/bidDeadline: secondary/);
    expect(cycleData.verification).toMatch(/signDeadline: unverified/);
  });

  it('walks concept → bod → onderhandeling → ondertekend → evaluatie → … → afgerond', () => {
    let f = facts();
    expect(allowedActions(f, '2026-05-01')).toEqual(['bod_uitbrengen']);
    f = run(f, 'bod_uitbrengen', '2026-06-20T10:00:00.000Z');
    expect(f.state).toBe('bod');
    expect(f.bidSubmittedAt).toBe('2026-06-20T10:00:00.000Z');
    expect(allowedActions(f, '2026-06-21')).toEqual(['onderhandeling_starten']);
    f = run(f, 'onderhandeling_starten', '2026-07-10T10:00:00.000Z');
    expect(f.state).toBe('onderhandeling');
    expect(allowedActions(f, '2026-07-11')).toEqual([]);
    f = { ...f, state: stateAfterAllApproved(f.state), signedAt: '2026-12-01T09:00:00.000Z' };
    expect(f.state).toBe('ondertekend');
    expect(cycleOverdue(f, '2027-03-01')).toEqual({ bidOverdue: false, signOverdue: false });
    // the evaluation of 2027 cannot start in 2026
    expect(applyAction(f, 'evaluatie_starten', '2026-12-20T10:00:00.000Z')).toMatchObject({ ok: false, code: 'too_early' });
    expect(nextEvaluationYear(f)).toBe(2027);
    f = run(f, 'evaluatie_starten', '2027-11-01T10:00:00.000Z');
    expect(f.state).toBe('evaluatie');
    expect(applyAction(f, 'evaluatie_starten', '2027-11-02T10:00:00.000Z').ok).toBe(false);
    f = run(f, 'evaluatie_afronden', '2027-12-01T10:00:00.000Z');
    expect(f.state).toBe('ondertekend');
    expect(nextEvaluationYear(f)).toBe(2028);
    // cannot skip a year
    expect(applyAction(f, 'evaluatie_starten', '2029-01-10T10:00:00.000Z', 2029).ok).toBe(false);
    f = run(f, 'evaluatie_starten', '2029-01-10T10:00:00.000Z', 2028);
    f = run(f, 'evaluatie_afronden', '2029-02-10T10:00:00.000Z');
    expect(f.state).toBe('afgerond');
    expect(nextEvaluationYear(f)).toBeNull();
    expect(allowedActions(f, '2029-03-01')).toEqual([]);
  });

  it('refuses actions out of order', () => {
    expect(applyAction(facts(), 'onderhandeling_starten', '2026-05-01T00:00:00Z')).toMatchObject({ ok: false, code: 'invalid_transition' });
    expect(applyAction(facts({ state: 'bod' }), 'bod_uitbrengen', '2026-05-01T00:00:00Z').ok).toBe(false);
    expect(applyAction(facts({ state: 'onderhandeling' }), 'evaluatie_starten', '2027-05-01T00:00:00Z').ok).toBe(false);
    expect(applyAction(facts({ state: 'ondertekend' }), 'evaluatie_afronden', '2027-05-01T00:00:00Z').ok).toBe(false);
  });

  it('marks a bod on or after 1 July and a signature after 15 December as late', () => {
    expect(cycleOverdue(facts(), '2026-06-30').bidOverdue).toBe(false);
    expect(cycleOverdue(facts(), '2026-07-01').bidOverdue).toBe(true);
    expect(cycleOverdue(facts({ state: 'bod', bidSubmittedAt: '2026-07-01T08:00:00Z' }), '2026-07-02').bidOverdue).toBe(true);
    expect(cycleOverdue(facts({ state: 'onderhandeling' }), '2026-12-15').signOverdue).toBe(false);
    expect(cycleOverdue(facts({ state: 'onderhandeling' }), '2026-12-16').signOverdue).toBe(true);
    expect(cycleOverdue(facts({ state: 'ondertekend', signedAt: '2026-12-15T23:00:00Z' }), '2027-01-01').signOverdue).toBe(false);
  });

  it('locks the text in bod, evaluatie and afgerond, and opens a new version after signing', () => {
    expect(editEffect('concept')).toEqual({ allowed: true, newVersion: false, state: 'concept' });
    expect(editEffect('onderhandeling')).toEqual({ allowed: true, newVersion: false, state: 'onderhandeling' });
    expect(editEffect('ondertekend')).toEqual({ allowed: true, newVersion: true, state: 'wijziging' });
    expect(editEffect('wijziging')).toEqual({ allowed: true, newVersion: false, state: 'wijziging' });
    for (const s of ['bod', 'evaluatie', 'afgerond'] as const) expect(editEffect(s).allowed).toBe(false);
    expect(stateAfterAllApproved('wijziging')).toBe('ondertekend');
    expect(stateAfterAllApproved('concept')).toBe('concept');
  });

  it('lets a party withdraw its approval only while the version is unsigned', () => {
    expect(approvalWithdrawal('onderhandeling')).toEqual({ allowed: true });
    expect(approvalWithdrawal('wijziging')).toEqual({ allowed: true });
    for (const s of ['ondertekend', 'evaluatie', 'afgerond'] as const) expect(approvalWithdrawal(s)).toMatchObject({ allowed: false, code: 'already_signed' });
    for (const s of ['concept', 'bod'] as const) expect(approvalWithdrawal(s)).toMatchObject({ allowed: false, code: 'invalid_state' });
  });

  it('needs an approval of every party organisation', () => {
    expect(allPartiesApproved([GEM, CORP, HUUR], [GEM, CORP])).toBe(false);
    expect(allPartiesApproved([GEM, CORP, HUUR], [HUUR, CORP, GEM, 'other'])).toBe(true);
    expect(allPartiesApproved([], [])).toBe(false);
  });

  it('never leaves the set of states and only evaluates years inside the period (property)', () => {
    const actions = ['bod_uitbrengen', 'onderhandeling_starten', 'evaluatie_starten', 'evaluatie_afronden', 'sign'] as const;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...actions), { maxLength: 30 }), (steps) => {
        let f = facts({ periodStartYear: 2027, periodEndYear: 2029 });
        let day = 0;
        for (const step of steps) {
          day += 40;
          const at = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString();
          if (step === 'sign') {
            f = { ...f, state: stateAfterAllApproved(f.state) };
            continue;
          }
          const r = applyAction(f, step, at);
          if (r.ok) f = r.facts;
        }
        for (const e of f.evaluations) {
          expect(e.year).toBeGreaterThanOrEqual(2027);
          expect(e.year).toBeLessThanOrEqual(2029);
          expect(e.startedAt >= `${e.year}-01-01`).toBe(true);
        }
        expect(f.evaluations.filter((e) => e.completedAt === null).length).toBeLessThanOrEqual(1);
        if (f.state === 'afgerond') expect(nextEvaluationYear(f)).toBeNull();
      }),
    );
  });
});

// ───────────────────────── progress ─────────────────────────

let seq = 0;
function ledger(...values: [LedgerEntry['indicatorId'], LedgerEntry['source'], number][]): LedgerEntry[] {
  return values.map(([indicatorId, source, value]) => {
    seq += 1;
    return { id: `e${seq}`, seq, indicatorId, source, value, withdrawsEntryId: null };
  });
}

function project(id: string, partial: Partial<ProgressProject> = {}): ProgressProject {
  return { id, name: id, kind: 'nieuwbouw', dwellings: 10, organisationIds: [CORP], ledger: [], ...partial };
}

function measurable(partial: Partial<MeasurableCommitment> = {}): MeasurableCommitment {
  return {
    id: 'c1',
    theme: 'nieuwbouw',
    title: 'CO2',
    text: 't',
    responsibleOrganisationIds: [CORP],
    rLadder: { pbl: 'R2', guide: 'reduce' },
    templateId: null,
    templateVersion: null,
    kind: 'meetbaar',
    indicatorId: 'embodiedCarbon',
    comparator: 'lte',
    target: 240,
    scope: { type: 'alle_projecten', organisationId: CORP, projectKinds: ['nieuwbouw'], aggregation: 'elk_project' },
    deadline: '2027-12-31',
    ...partial,
  };
}

describe('progress of measurable commitments', () => {
  it('prefers the official value over the indicative one and says when only indicative values exist', () => {
    const p = project('p1', { ledger: ledger(['embodiedCarbon', 'berekend', 200], ['embodiedCarbon', 'opgegeven', 260]) });
    const r = evaluateMeasurable(measurable(), [p], '2027-06-01');
    // official 260 > 240 although the indicative 200 would meet it
    expect(r.achieved).toBe(260);
    expect(r.standing).toBe('officieel');
    expect(r).toMatchObject({ status: 'loopt', light: 'oranje' });
    const indicative = evaluateMeasurable(measurable(), [project('p2', { ledger: ledger(['embodiedCarbon', 'berekend', 200]) })], '2027-06-01');
    expect(indicative).toMatchObject({ status: 'behaald', light: 'groen', standing: 'indicatief', achieved: 200 });
  });

  it('uses a withdrawn official value no longer', () => {
    const entries = ledger(['embodiedCarbon', 'berekend', 230], ['embodiedCarbon', 'opgegeven', 300]);
    const withdrawn = entries[1];
    if (withdrawn === undefined) throw new Error('fixture');
    entries.push({ id: 'w', seq: 999, indicatorId: 'embodiedCarbon', source: 'opgegeven', value: null, withdrawsEntryId: withdrawn.id });
    expect(evaluateMeasurable(measurable(), [project('p', { ledger: entries })], '2027-06-01')).toMatchObject({ achieved: 230, standing: 'indicatief', light: 'groen' });
  });

  it('scope alle_projecten/elk_project: every project of the corporation of that kind must meet it', () => {
    const projects = [
      project('a', { ledger: ledger(['embodiedCarbon', 'opgegeven', 200]) }),
      project('b', { ledger: ledger(['embodiedCarbon', 'opgegeven', 239]) }),
      project('other-owner', { organisationIds: ['x'], ledger: ledger(['embodiedCarbon', 'opgegeven', 900]) }),
      project('renovation', { kind: 'renovatie', ledger: ledger(['embodiedCarbon', 'opgegeven', 900]) }),
    ];
    const r = evaluateMeasurable(measurable(), projects, '2027-06-01');
    expect(r.projectsInScope).toBe(2);
    expect(r).toMatchObject({ achieved: 239, status: 'behaald', light: 'groen', standing: 'officieel' });
    // a third project without a value keeps it unmet; after the deadline it is red
    const withMissing = [...projects, project('c')];
    expect(evaluateMeasurable(measurable(), withMissing, '2027-06-01')).toMatchObject({ status: 'loopt', light: 'oranje', projectsWithValue: 2, projectsInScope: 3 });
    expect(evaluateMeasurable(measurable(), withMissing, '2028-01-01')).toMatchObject({ status: 'niet_behaald', light: 'rood' });
  });

  it('no project with a value: grey before the deadline, red after it', () => {
    expect(evaluateMeasurable(measurable(), [project('a')], '2027-12-31')).toMatchObject({ status: 'geen_gegevens', light: 'grijs', achieved: null, standing: null });
    expect(evaluateMeasurable(measurable(), [], '2028-01-01')).toMatchObject({ status: 'niet_behaald', light: 'rood' });
  });

  it('aggregation gemiddelde weighs by dwellings; som adds up', () => {
    const projects = [
      project('a', { dwellings: 30, ledger: ledger(['mpg', 'opgegeven', 0.4]) }),
      project('b', { dwellings: 10, ledger: ledger(['mpg', 'opgegeven', 0.8]) }),
    ];
    // (30 × 0.4 + 10 × 0.8) / 40 = (12 + 8) / 40 = 0.5
    const mean = evaluateMeasurable(measurable({ indicatorId: 'mpg', target: 0.5, scope: { type: 'alle_projecten', organisationId: CORP, projectKinds: ['nieuwbouw'], aggregation: 'gemiddelde' } }), projects, '2027-01-01');
    expect(mean.achieved).toBeCloseTo(0.5, 12);
    expect(mean.light).toBe('groen');
    const sum = evaluateMeasurable(
      measurable({ indicatorId: 'dwellings', comparator: 'gte', target: 60, scope: { type: 'alle_projecten', organisationId: CORP, projectKinds: ['nieuwbouw'], aggregation: 'som' } }),
      [project('a', { ledger: ledger(['dwellings', 'opgegeven', 30]) }), project('b', { ledger: ledger(['dwellings', 'opgegeven', 20]) })],
      '2027-01-01',
    );
    expect(sum).toMatchObject({ achieved: 50, light: 'oranje' });
  });

  it('scope project: only the named project counts', () => {
    const c = measurable({ scope: { type: 'project', projectId: 'b' } });
    const projects = [project('a', { ledger: ledger(['embodiedCarbon', 'opgegeven', 900]) }), project('b', { organisationIds: ['x'], ledger: ledger(['embodiedCarbon', 'opgegeven', 100]) })];
    expect(evaluateMeasurable(c, projects, '2027-01-01')).toMatchObject({ projectsInScope: 1, achieved: 100, light: 'groen' });
  });

  it('share target: ≥ 30 % of new dwellings in projects with ≥ 30 % material origin', () => {
    const share = measurable({
      indicatorId: 'materialOrigin',
      comparator: 'gte',
      target: 30,
      scope: { type: 'aandeel', organisationId: CORP, projectKinds: ['nieuwbouw'], basis: 'woningen', projectComparator: 'gte', projectThreshold: 30 },
    });
    const projects = [
      project('a', { dwellings: 40, ledger: ledger(['materialOrigin', 'opgegeven', 35]) }),
      project('b', { dwellings: 60, ledger: ledger(['materialOrigin', 'berekend', 29.9]) }),
      project('c', { dwellings: 100 }), // no value: counts in the denominator as not meeting
    ];
    // meeting: a (40 dwellings); in scope 40 + 60 + 100 = 200 → 100 × 40 / 200 = 20 %
    const r = evaluateMeasurable(share, projects, '2027-06-01');
    expect(r.achieved).toBe(20);
    expect(r).toMatchObject({ light: 'oranje', standing: 'gemengd', projectsInScope: 3, projectsWithValue: 2 });
    expect(r.projects.map((p) => p.meets)).toEqual([true, false, null]);
    // project c gets an official 31 % → (40 + 100) / 200 = 70 % ≥ 30 %
    const later = evaluateMeasurable(share, [...projects.slice(0, 2), project('c', { dwellings: 100, ledger: ledger(['materialOrigin', 'opgegeven', 31]) })], '2027-06-01');
    expect(later).toMatchObject({ achieved: 70, light: 'groen', status: 'behaald' });
    // by projects: 2 of 3 meet → 66.67 %
    const byProjects = evaluateMeasurable({ ...share, scope: { ...share.scope, basis: 'projecten' } as MeasurableCommitment['scope'] }, projects, '2027-06-01');
    expect(byProjects.achieved).toBeCloseTo(100 / 3, 10);
  });

  it('share equals the brute-force count on generated ledgers (property)', () => {
    const gen = fc.array(fc.record({ dwellings: fc.integer({ min: 0, max: 500 }), official: fc.option(fc.integer({ min: 0, max: 100 })), indicative: fc.option(fc.integer({ min: 0, max: 100 })), mine: fc.boolean() }), { maxLength: 25 });
    fc.assert(
      fc.property(gen, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (rows, threshold, target) => {
        const projects = rows.map((row, i) =>
          project(`p${i}`, {
            dwellings: row.dwellings,
            organisationIds: row.mine ? [CORP] : ['x'],
            ledger: ledger(...[row.indicative === null ? null : (['materialOrigin', 'berekend', row.indicative] as const), row.official === null ? null : (['materialOrigin', 'opgegeven', row.official] as const)].filter((e): e is NonNullable<typeof e> => e !== null).map((e) => [...e] as [LedgerEntry['indicatorId'], LedgerEntry['source'], number])),
          }),
        );
        const c = measurable({ indicatorId: 'materialOrigin', comparator: 'gte', target, scope: { type: 'aandeel', organisationId: CORP, projectKinds: ['nieuwbouw'], basis: 'woningen', projectComparator: 'gte', projectThreshold: threshold } });
        const r = evaluateMeasurable(c, projects, '2027-01-01');
        const mine = rows.filter((row) => row.mine);
        const withValue = mine.filter((row) => row.official !== null || row.indicative !== null);
        expect(r.projectsInScope).toBe(mine.length);
        if (withValue.length === 0) {
          expect(r.achieved).toBeNull();
          return;
        }
        const byDwellings = mine.some((row) => row.dwellings > 0);
        const w = (row: (typeof rows)[number]) => (byDwellings ? row.dwellings : 1);
        const meets = (row: (typeof rows)[number]) => {
          const v = row.official ?? row.indicative;
          return v !== null && v >= threshold;
        };
        const total = mine.reduce((s, row) => s + w(row), 0);
        const expected = total === 0 ? 0 : (100 * mine.filter(meets).reduce((s, row) => s + w(row), 0)) / total;
        expect(r.achieved).toBeCloseTo(expected, 9);
        expect(r.light).toBe(expected >= target ? 'groen' : 'oranje');
        const standings = new Set(withValue.map((row) => (row.official !== null ? 'officieel' : 'indicatief')));
        expect(r.standing).toBe(standings.size === 2 ? 'gemengd' : [...standings][0]);
      }),
    );
  });

  it('compares exactly, without rounding', () => {
    expect(compare(240, 'lte', 240)).toBe(true);
    expect(compare(240.0001, 'lte', 240)).toBe(false);
    expect(compare(240, 'lt', 240)).toBe(false);
    expect(compare(30, 'gte', 30)).toBe(true);
    expect(compare(30, 'gt', 30)).toBe(false);
    expect(compare(3, 'eq', 3)).toBe(true);
  });
});

describe('progress of process commitments and lights', () => {
  const process: ProcessCommitment = {
    id: 'p1', theme: 'proces_leren', title: 'Leertraject', text: 't', responsibleOrganisationIds: [GEM], rLadder: { pbl: 'R1', guide: null }, templateId: null, templateVersion: null, kind: 'proces', dueDate: '2027-06-30',
  };

  it('is met by evidence dated on or before asOf, red after the due date without it', () => {
    expect(evaluateProcess(process, [], '2027-06-30', 2027)).toMatchObject({ status: 'loopt', light: 'oranje' });
    expect(evaluateProcess(process, [], '2027-07-01', 2027)).toMatchObject({ status: 'niet_behaald', light: 'rood' });
    expect(evaluateProcess(process, [{ commitmentId: 'p1', date: '2027-05-01' }], '2027-07-01', 2027)).toMatchObject({ status: 'behaald', light: 'groen', evidenceCount: 1 });
    expect(evaluateProcess(process, [{ commitmentId: 'p1', date: '2027-08-01' }], '2027-07-01', 2027).light).toBe('rood');
    expect(evaluateProcess(process, [{ commitmentId: 'other', date: '2027-05-01' }], '2027-05-02', 2027).light).toBe('oranje');
    // no due date: the end of the period
    expect(evaluateProcess({ ...process, dueDate: null }, [], '2028-12-31', 2028).light).toBe('oranje');
    expect(evaluateProcess({ ...process, dueDate: null }, [], '2029-01-01', 2028).light).toBe('rood');
  });

  it('combines lights: red wins, then orange; green only when everything is green', () => {
    expect(combineLights([])).toBe('grijs');
    expect(combineLights(['grijs', 'grijs'])).toBe('grijs');
    expect(combineLights(['groen', 'groen'])).toBe('groen');
    expect(combineLights(['groen', 'grijs'])).toBe('oranje');
    expect(combineLights(['groen', 'oranje', 'grijs'])).toBe('oranje');
    expect(combineLights(['groen', 'rood', 'oranje'])).toBe('rood');
  });

  it('gives a light per theme (guide order, only themes in use) and for the agreement', () => {
    const r = evaluateAgreement({
      commitments: [measurable(), process],
      projects: [project('a', { ledger: ledger(['embodiedCarbon', 'opgegeven', 100]) })],
      evidence: [],
      asOf: '2027-07-01',
      periodEndYear: 2027,
    });
    expect(r.themes.map((t) => [t.theme, t.light])).toEqual([
      ['nieuwbouw', 'groen'],
      ['proces_leren', 'rood'],
    ]);
    expect(r.light).toBe('rood');
    expect(r.counts).toEqual({ groen: 1, oranje: 0, rood: 1, grijs: 0 });
  });
});

describe('diff between versions', () => {
  const base: VersionContent = {
    title: 'Leiden 2027',
    description: '',
    periodStartYear: 2027,
    periodEndYear: 2027,
    visibility: 'partijen',
    parties: [{ organisationId: GEM, role: 'gemeente', tenantsOfOrganisationId: null }],
    commitments: [measurable(), measurable({ id: 'c2', title: 'Tweede' })],
  };

  it('names header fields, added, removed and changed commitments with dotted paths', () => {
    const to: VersionContent = {
      ...base,
      title: 'Leiden 2027–2028',
      periodEndYear: 2028,
      commitments: [measurable({ target: 220, scope: { type: 'alle_projecten', organisationId: CORP, projectKinds: ['nieuwbouw', 'transformatie'], aggregation: 'elk_project' } }), measurable({ id: 'c3', title: 'Nieuw' })],
    };
    const d = diffVersions(base, to);
    expect(d.agreement).toEqual([
      { field: 'title', before: 'Leiden 2027', after: 'Leiden 2027–2028' },
      { field: 'periodEndYear', before: 2027, after: 2028 },
    ]);
    expect(d.commitments.added.map((c) => c.id)).toEqual(['c3']);
    expect(d.commitments.removed.map((c) => c.id)).toEqual(['c2']);
    expect(d.commitments.changed).toEqual([
      {
        commitmentId: 'c1',
        title: 'CO2',
        changes: [
          { field: 'target', before: 240, after: 220 },
          { field: 'scope.projectKinds', before: ['nieuwbouw'], after: ['nieuwbouw', 'transformatie'] },
        ],
      },
    ]);
  });

  it('ignores the order of object keys (jsonb stores them reordered)', () => {
    const reordered = { ...base, parties: base.parties.map((x) => ({ tenantsOfOrganisationId: x.tenantsOfOrganisationId, role: x.role, organisationId: x.organisationId })) };
    expect(diffVersions(base, reordered).agreement).toEqual([]);
  });

  it('finds nothing between identical versions', () => {
    const d = diffVersions(base, JSON.parse(JSON.stringify(base)) as VersionContent);
    expect(d.agreement).toEqual([]);
    expect(d.commitments).toEqual({ added: [], removed: [], changed: [] });
  });
});

describe('templates', () => {
  it('covers every theme with starting and advanced suggestions in Dutch and English', () => {
    const t = agreementTemplateSet.templates;
    expect(new Set(t.map((x) => x.theme))).toEqual(new Set(['bestaande_voorraad', 'verduurzaming_renovatie', 'nieuwbouw', 'proces_leren']));
    expect(t.some((x) => x.level === 'start')).toBe(true);
    for (const x of t) {
      expect(x.nl.text.length).toBeGreaterThan(40);
      expect(x.en.text.length).toBeGreaterThan(40);
      expect(x.nl.text).not.toBe(x.en.text);
    }
  });

  it('takes measurable targets from the HNN base levels instead of inventing them', () => {
    const levels = Object.fromEntries(hnnJson.indicators.map((i) => [i.id, i.levels.gestapeld]));
    expect(findTemplate('nieuwbouw-materiaalgebonden-co2')?.measure?.target).toBe(levels.embodiedCarbon);
    expect(findTemplate('nieuwbouw-losmaakbaarheid')?.measure?.target).toBe(levels.detachability);
  });

  it('inserts a template as an ordinary commitment with responsible parties by role', () => {
    const parties = [
      { organisationId: GEM, role: 'gemeente' as const },
      { organisationId: CORP, role: 'woningcorporatie' as const },
      { organisationId: HUUR, role: 'huurdersorganisatie' as const },
    ];
    const share = findTemplate('nieuwbouw-aandeel-herkomst');
    if (share === undefined) throw new Error('template missing');
    const c = commitmentFromTemplate({ template: share, id: 'x', parties, periodEndYear: 2028 });
    expect(c).toMatchObject({
      id: 'x',
      kind: 'meetbaar',
      responsibleOrganisationIds: [CORP],
      indicatorId: 'materialOrigin',
      deadline: '2028-12-31',
      scope: { type: 'aandeel', organisationId: CORP, basis: 'woningen', projectComparator: 'gte', projectThreshold: 30 },
      templateId: 'nieuwbouw-aandeel-herkomst',
      templateVersion: agreementTemplateSet.version,
    });
    const trip = findTemplate('start-excursies');
    if (trip === undefined) throw new Error('template missing');
    expect(commitmentFromTemplate({ template: trip, id: 'y', parties, periodEndYear: 2028 })).toMatchObject({ kind: 'proces', dueDate: null, responsibleOrganisationIds: [GEM, CORP, HUUR] });
  });
});

/** A ZIP package with stored (uncompressed) entries: local headers, central directory, end record (CRCs left 0). */
function zip(entries: readonly [string, string][]): Uint8Array {
  const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
  const u32 = (n: number) => [...u16(n & 0xffff), ...u16(Math.floor(n / 0x10000))];
  const text = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
  const bytes: number[] = [];
  const central: number[] = [];
  for (const [name, content] of entries) {
    const offset = bytes.length;
    // local header: version, flags, method 0 (stored), time, date, crc, sizes, name length, extra length
    bytes.push(0x50, 0x4b, 0x03, 0x04, ...u16(10), ...u16(0), ...u16(0), ...u32(0), ...u32(0), ...u32(content.length), ...u32(content.length), ...u16(name.length), ...u16(0), ...text(name), ...text(content));
    // central entry: versions, flags, method, time, date, crc, sizes, name/extra/comment lengths, disk, attributes, offset
    central.push(0x50, 0x4b, 0x01, 0x02, ...u16(20), ...u16(10), ...u16(0), ...u16(0), ...u32(0), ...u32(0), ...u32(content.length), ...u32(content.length));
    central.push(...u16(name.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...text(name));
  }
  const centralAt = bytes.length;
  bytes.push(...central, 0x50, 0x4b, 0x05, 0x06, ...u16(0), ...u16(0), ...u16(entries.length), ...u16(entries.length), ...u32(central.length), ...u32(centralAt), ...u16(0));
  return Uint8Array.from(bytes);
}

const asBytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('evidence documents', () => {
  const docx = zip([['[Content_Types].xml', '<Types/>'], ['_rels/.rels', '<Relationships/>'], ['word/document.xml', '<w:document/>']]);
  const xlsx = zip([['[Content_Types].xml', '<Types/>'], ['xl/workbook.xml', '<workbook/>']]);
  const odt = zip([['mimetype', 'application/vnd.oasis.opendocument.text'], ['content.xml', '<office:document-content/>']]);
  const ods = zip([['mimetype', 'application/vnd.oasis.opendocument.spreadsheet']]);
  const plainZip = zip([['notes.txt', 'hallo']]);

  it('recognises each accepted format by its first bytes, whatever it is called', () => {
    expect(sniffEvidenceFileFormat(asBytes('%PDF-1.7\n%%EOF'))).toBe('pdf');
    expect(sniffEvidenceFileFormat(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('png');
    expect(sniffEvidenceFileFormat(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('jpeg');
    expect([docx, xlsx, odt].map(sniffEvidenceFileFormat)).toEqual(['docx', 'xlsx', 'odt']);
    // other ZIP packages (a spreadsheet in OpenDocument, a plain archive), text and executables are none of them
    expect([ods, plainZip, asBytes('Hallo'), asBytes('MZ\x90\x00')].map(sniffEvidenceFileFormat)).toEqual([null, null, null, null]);
  });

  it('accepts a file whose name fits its content and says what is wrong otherwise', () => {
    expect(checkEvidenceFile({ fileName: 'verslag.PDF', bytes: asBytes('%PDF-1.4') })).toEqual({ ok: true, format: 'pdf', mediaType: 'application/pdf' });
    expect(checkEvidenceFile({ fileName: 'foto.jpg', bytes: Uint8Array.from([0xff, 0xd8, 0xff, 0xdb]) })).toMatchObject({ ok: true, mediaType: 'image/jpeg' });
    expect(checkEvidenceFile({ fileName: 'plan.docx', bytes: docx })).toMatchObject({ ok: true, mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect(checkEvidenceFile({ fileName: 'leeg.pdf', bytes: new Uint8Array() })).toEqual({ ok: false, code: 'empty_file', message: 'Het bestand "leeg.pdf" is leeg. Kies het bestand opnieuw.' });
    const fake = checkEvidenceFile({ fileName: 'rapport.pdf', bytes: asBytes('<html>niet echt</html>') });
    expect(fake).toMatchObject({ ok: false, code: 'unsupported_file_type' });
    expect(fake.ok ? '' : fake.message).toContain('de inhoud is niet die van een PDF-bestand');
    expect(checkEvidenceFile({ fileName: 'setup.exe', bytes: asBytes('MZ') })).toMatchObject({ ok: false, code: 'unsupported_file_type', message: expect.stringContaining('wordt niet ondersteund') });
    const renamed = checkEvidenceFile({ fileName: 'foto.pdf', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) });
    expect(renamed).toEqual({ ok: false, code: 'file_type_mismatch', message: 'Het bestand "foto.pdf" is een PNG-afbeelding, maar de naam eindigt op .pdf. Geef het de extensie .png of kies het juiste bestand.' });
  });

  it('keeps only the file name itself', () => {
    expect(evidenceFileName('C:\\Users\\jan\\verslag.pdf')).toBe('verslag.pdf');
    expect(evidenceFileName('../../etc/\u0000passwd.pdf')).toBe('passwd.pdf');
    const long = evidenceFileName(`${'a'.repeat(300)}.docx`);
    expect([long.length, long.endsWith('.docx')]).toEqual([200, true]);
  });
});
