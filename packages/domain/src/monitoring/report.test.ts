import { describe, expect, it } from 'vitest';
import type { Totals } from './aggregates.ts';
import { buildReportModel, cellFormat, combineTotals, emptyTotals, formatReportCell, reportYears, type ReportInput, type ReportTable } from './report.ts';

function totals(overrides: Partial<Totals>): Totals {
  return { ...emptyTotals(), ...overrides };
}

const y2030 = totals({
  projects: 2,
  dwellings: 100,
  averageOfficialMpg: 0.5,
  projectsWithOfficialMpg: 2,
  storedCarbonT: { officieel: 10, indicatief: 4 },
  industrialisedShare: 0.25,
  hnnShare: { mpg: { met: 1, checked: 2, share: 0.5 }, embodiedCarbon: { met: 0, checked: 0, share: null }, materialOrigin: { met: 0, checked: 0, share: null }, detachability: { met: 0, checked: 0, share: null } },
});
const y2031 = totals({
  projects: 3,
  dwellings: 300,
  averageOfficialMpg: 0.8,
  projectsWithOfficialMpg: 1,
  storedCarbonT: { officieel: 5, indicatief: 0 },
  industrialisedShare: 0.5,
  confidentialCounted: 3,
  hnnShare: { mpg: { met: 1, checked: 1, share: 1 }, embodiedCarbon: { met: 0, checked: 0, share: null }, materialOrigin: { met: 2, checked: 3, share: 2 / 3 }, detachability: { met: 0, checked: 0, share: null } },
});

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    kind: 'jaarrapport',
    scope: { level: 'gemeente', code: 'GM0546', name: 'Leiden' },
    year: 2031,
    years: [
      { year: 2031, totals: y2031 },
      { year: 2030, totals: y2030 },
      { year: 2032, totals: totals({ projects: 7, dwellings: 700 }) },
    ],
    pipeline: [{ phase: 'opgeleverd', projects: 3, dwellings: 300 }],
    cities: [],
    projects: [
      { name: 'Alfa', municipalityName: 'Leiden', kind: 'nieuwbouw', phase: 'opgeleverd', year: 2031, dwellings: 100, officialMpg: 0.8, indicativeMpg: 0.6 },
      { name: 'Toekomst', municipalityName: 'Leiden', kind: 'nieuwbouw', phase: 'initiatief', year: 2032, dwellings: 700, officialMpg: null, indicativeMpg: null },
    ],
    lessons: [
      { organisationName: 'Gemeente Leiden', authorName: 'A', year: 2031, theme: 'biobased', accelerators: 'Vroeg overleg', blockers: '' },
      { organisationName: 'Gemeente Leiden', authorName: 'B', year: 2030, theme: 'regelgeving', accelerators: '', blockers: 'Brandeisen' },
    ],
    dataVersions: { 'monitoring-indicators': '2026.1' },
    generatedAt: '2031-12-20T10:15:00.000Z',
    reader: 'test',
    ...overrides,
  };
}

const tableOf = (model: ReturnType<typeof buildReportModel>, id: string): ReportTable | undefined => model.sections.flatMap((s) => s.tables).find((t) => t.id === id);

describe('combineTotals', () => {
  it('adds counts and sums, weights the official MPG average by projects with one, keeps official and indicative apart', () => {
    const c = combineTotals([y2030, y2031]);
    expect(c.projects).toBe(5);
    expect(c.dwellings).toBe(400);
    // (0.5 × 2 + 0.8 × 1) / 3 = 1.8 / 3 = 0.6
    expect(c.averageOfficialMpg).toBeCloseTo(0.6, 12);
    expect(c.projectsWithOfficialMpg).toBe(3);
    expect(c.storedCarbonT).toEqual({ officieel: 15, indicatief: 4 });
    // industrialised dwellings 0.25 × 100 + 0.5 × 300 = 25 + 150 = 175 of 400
    expect(c.industrialisedShare).toBeCloseTo(175 / 400, 12);
    // HNN MPG: (1 + 1) met of (2 + 1) checked
    expect(c.hnnShare.mpg).toEqual({ met: 2, checked: 3, share: 2 / 3 });
    expect(c.hnnShare.detachability).toEqual({ met: 0, checked: 0, share: null });
    expect(c.confidentialCounted).toBe(3);
  });

  it('of nothing is empty, with no averages or shares', () => {
    expect(combineTotals([])).toEqual(emptyTotals());
  });
});

describe('reportYears', () => {
  it('is the report year for a yearly report and every year up to it for the mid-term review', () => {
    expect(reportYears('jaarrapport', 2031, [2029, 2031, 2033])).toEqual([2031]);
    expect(reportYears('tussentijdse-evaluatie', 2031, [2033, 2029, 2031, 2029])).toEqual([2029, 2031]);
  });
});

describe('buildReportModel', () => {
  it('yearly report: key figures of the year only, trend of the years up to it with total = sum, projects and lessons of the year', () => {
    const model = buildReportModel(input());
    expect(model.title).toBe('Monitoringsrapportage 2031');
    expect(model.fileStem).toBe('monitoringsrapportage-leiden-2031');
    const key = tableOf(model, 'Kengetallen');
    expect(key?.rows[0]).toEqual(['Projecten', 3, 'telling']);
    expect(key?.rows[2]?.[1]).toBe(0.8);
    expect(key && cellFormat(key, 2, 1)).toBe('decimal2');
    expect(key && cellFormat(key, 0, 1)).toBe('integer');
    const trend = tableOf(model, 'Trend per jaar');
    expect(trend?.rows.map((r) => r[0])).toEqual(['2030', '2031', 'Totaal']);
    expect(trend?.rows[2]?.slice(1, 3)).toEqual([5, 400]);
    expect(tableOf(model, 'Projecten')?.rows.map((r) => r[0])).toEqual(['Alfa']);
    expect(tableOf(model, 'Lessen')?.rows.map((r) => r[3])).toEqual(['Vroeg overleg']);
    expect(tableOf(model, 'Pijplijn')?.rows.at(-1)).toEqual(['Totaal', 3, 300]);
    const text = model.sections.flatMap((s) => s.paragraphs).join(' ');
    expect(text).toContain('tellen 3 vertrouwelijke projecten mee die niet bij naam worden genoemd');
    expect(text).toContain('monitoring-indicators 2026.1');
  });

  it('mid-term review: covers every year up to its year, looks ahead at the reported blockers, says what is not measurable', () => {
    const model = buildReportModel(input({ kind: 'tussentijdse-evaluatie' }));
    expect(model.title).toBe('Tussentijdse evaluatie 2030 t/m 2031');
    expect(tableOf(model, 'Kengetallen')?.rows[0]).toEqual(['Projecten', 5, 'telling']);
    expect(tableOf(model, 'Pijplijn')).toBeUndefined();
    expect(tableOf(model, 'Lessen')?.rows).toHaveLength(2);
    expect(model.sections.flatMap((s) => s.paragraphs).join(' ')).toContain('Vooruitblik — knelpunten om in de resterende looptijd op te pakken, per thema: Wet- en regelgeving (1)');
    const goals = tableOf(model, 'Doelen');
    expect(goals?.rows.find((r) => r[1] === 'Circulaire businesscases')?.[3]).toMatch(/^nog niet meetbaar/);
    expect(goals?.rows.find((r) => String(r[1]).startsWith('Aandeel woningen'))?.[2]).toBeCloseTo(100 * (175 / 400), 10);
    // One year of data: no "2031 t/m 2031".
    expect(buildReportModel(input({ kind: 'tussentijdse-evaluatie', years: [{ year: 2031, totals: y2031 }] })).title).toBe('Tussentijdse evaluatie 2031');
  });

  it('City Deal: cities side by side over the covered years', () => {
    const model = buildReportModel(
      input({
        scope: { level: 'city-deal' },
        cities: [
          { code: 'GM0546', name: 'Leiden', years: [{ year: 2031, totals: y2031 }] },
          { code: 'GM0518', name: "'s-Gravenhage", years: [{ year: 2030, totals: y2030 }] },
        ],
      }),
    );
    expect(model.fileStem).toBe('monitoringsrapportage-city-deal-2031');
    expect(tableOf(model, 'Steden')?.rows.map((r) => r.slice(0, 3))).toEqual([
      ['Leiden', 3, 300],
      ["'s-Gravenhage", 0, 0],
    ]);
  });
});

describe('formatReportCell', () => {
  it('formats Dutch: thousands with a dot, decimals with a comma, shares as whole percentages, a dash for no value', () => {
    expect(formatReportCell(12345, 'integer')).toBe('12.345');
    expect(formatReportCell(0.456, 'decimal2')).toBe('0,46');
    expect(formatReportCell(0.437, 'percent')).toBe('44 %');
    expect(formatReportCell(null, 'decimal1')).toBe('–');
    expect(formatReportCell('tekst', 'integer')).toBe('tekst');
  });
});
