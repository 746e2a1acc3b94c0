import { describe, expect, it } from 'vitest';
import type { RenovationOverview } from '@kringbouw/contracts';
import { areaClasses, areaColourExpression, mapFeatures, peakYear, timelineSeries } from './chart-data.ts';

const zero = { verduurzamen: 0, groot_onderhoud: 0, renovatie: 0, sloop_nieuwbouw: 0, transformatie: 0 };
const years: RenovationOverview['years'] = [
  { year: 2027, total: 150, byIntervention: { ...zero, verduurzamen: 120, groot_onderhoud: 30 } },
  { year: 2028, total: 0, byIntervention: zero },
  { year: 2029, total: 150, byIntervention: { ...zero, renovatie: 150 } },
];

describe('renovation chart data', () => {
  it('makes one series per intervention that occurs, in the fixed order and colours', () => {
    const { labels, series } = timelineSeries(years);
    expect(labels).toEqual(['2027', '2028', '2029']);
    expect(series.map((s) => [s.intervention, s.values])).toEqual([
      ['verduurzamen', [120, 0, 0]],
      ['groot_onderhoud', [30, 0, 0]],
      ['renovatie', [0, 0, 150]],
    ]);
  });

  it('names the earliest busiest year, or none', () => {
    expect(peakYear(years)).toEqual({ year: 2027, total: 150 });
    expect(peakYear([{ year: 2027, total: 0, byIntervention: zero }])).toBeNull();
  });

  it('splits area totals in five classes up to the maximum', () => {
    // 0..230 in fifths: 46, 92, 138, 184, 230.
    expect(areaClasses(230)).toEqual([46, 92, 138, 184, 230]);
    expect(areaColourExpression(230)).toEqual(['step', ['get', 'total'], '#eff3ff', 47, '#bdd7e7', 93, '#6baed6', 139, '#3182bd', 185, '#08519c']);
    expect(areaClasses(0)).toEqual([0, 0, 0, 0, 0]);
  });

  it('puts only areas and designations with an outline on the map', () => {
    const outline = { type: 'Polygon' as const, coordinates: [[[4, 52], [4.1, 52], [4.1, 52.1], [4, 52]]] as [number, number][][] };
    const overview: RenovationOverview = {
      municipalityCode: 'GM0503',
      fromYear: 2027,
      toYear: 2029,
      plans: [],
      years,
      areas: [
        { key: 'buurt:hof', kind: 'buurt', name: 'Hof', total: 150, peakYear: 2027, perYear: { 2027: 150 }, buildings: 2, outline },
        { key: 'complex:C-1', kind: 'complex', name: 'C-1', total: 150, peakYear: 2029, perYear: { 2029: 150 }, buildings: 0, outline: null },
      ],
      designations: [
        {
          id: '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e',
          organisationId: '5a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d',
          organisationName: 'Gemeente Delft',
          municipalityCode: 'GM0503',
          buurt: 'Hof',
          categories: ['klimaatadaptief'],
          note: '',
          sharedWithOrganisationIds: [],
          createdAt: '2026-11-23T00:00:00.000Z',
          outline,
        },
      ],
      buurten: ['Hof'],
    };
    const features = mapFeatures(overview);
    expect(features.areas.features.map((f) => f.properties.name)).toEqual(['Hof']);
    expect(features.designations.features.map((f) => [f.properties.buurt, f.properties.colour])).toEqual([['Hof', '#0072B2']]);
  });
});
