import { describe, expect, it } from 'vitest';
import { byYearCsv, hnnCsv, pipelineCsv, toCsv } from './csv.ts';

describe('dashboard CSV', () => {
  it('quotes separators and quotes, keeps empty for null, starts with a BOM', () => {
    expect(toCsv(['a', 'b'], [['x;y', null], ['say "hi"', 1.5]])).toBe('\uFEFFa;b\r\n"x;y";\r\n"say ""hi""";1.5\r\n');
  });

  it('exports exactly the pipeline, year and HNN rows of the response', () => {
    const data = {
      municipalityCode: 'GM0546',
      municipalityName: 'Leiden',
      filter: { kind: null, year: null },
      totals: {
        projects: 1, dwellings: 40, averageOfficialMpg: 0.42, projectsWithOfficialMpg: 1, storedCarbonT: { officieel: 0, indicatief: 0 },
        hnnShare: { mpg: { met: 1, checked: 1, share: 1 }, embodiedCarbon: { met: 0, checked: 0, share: null }, materialOrigin: { met: 0, checked: 0, share: null }, detachability: { met: 0, checked: 0, share: null } },
        industrialisedShare: 0, confidentialCounted: 0,
      },
      pipeline: [{ phase: 'ontwerp' as const, projects: 1, dwellings: 40 }],
      byYear: [{ year: 2026, projects: 1, dwellings: 40 }],
      projects: [{ id: '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e', name: 'Houtbouw; fase 1', kind: 'nieuwbouw' as const, phase: 'ontwerp' as const, year: 2026, dwellings: 40, officialMpg: 0.42, indicativeMpg: null, lat: null, lon: null }],
      projectsTotal: 1,
    };
    expect(pipelineCsv(data, ['fase', 'projecten', 'woningen']).split('\r\n')).toEqual(['\uFEFFfase;projecten;woningen', 'ontwerp;1;40', '']);
    expect(byYearCsv(data, ['jaar', 'projecten', 'woningen']).split('\r\n')).toEqual(['\uFEFFjaar;projecten;woningen', '2026;1;40', '']);
    expect(hnnCsv(data, ['MPG', 'CO2', 'Herkomst', 'Losmaakbaarheid'], ['indicator', 'haalt', 'getoetst', 'aandeel']).split('\r\n').slice(1, 3)).toEqual(['MPG;1;1;1', 'CO2;0;0;']);
  });
});
