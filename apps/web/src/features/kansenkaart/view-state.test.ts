import { describe, expect, it } from 'vitest';
import { buildingsQuery, defaultView, searchParamsFromView, toggleCandidateSort, viewFromSearchParams, type KansenkaartView } from './view-state.ts';

const listId = '4f0c2a4e-9b7d-4c1e-8a52-2d9f3b6a7c10';

describe('kansenkaart view ↔ URL', () => {
  it('an empty URL is the default view and the default view writes an empty URL', () => {
    expect(viewFromSearchParams(new URLSearchParams())).toEqual(defaultView);
    expect(searchParamsFromView(defaultView).toString()).toBe('');
  });

  it('round-trips every filter', () => {
    const view: KansenkaartView = {
      municipalityCode: 'GM0503',
      kind: 'transformatie',
      minScore: 40,
      buildYearFrom: 1965,
      buildYearTo: 1985,
      listId,
      bagId: '0503100000004563',
      sort: 'buildYear',
      order: 'asc',
    };
    const params = searchParamsFromView(view);
    expect(params.toString()).toBe(
      `gemeente=GM0503&soort=transformatie&min=40&vanaf=1965&tot=1985&lijst=${listId}&pand=0503100000004563&sorteer=buildYear&volgorde=asc`,
    );
    expect(viewFromSearchParams(params)).toEqual(view);
  });

  it('ignores malformed values instead of failing', () => {
    const view = viewFromSearchParams(
      new URLSearchParams('gemeente=Delft&soort=slopen&min=120&vanaf=19x5&tot=99999&lijst=abc&pand=0503010000000001&sorteer=naam&volgorde=op'),
    );
    expect(view).toEqual(defaultView);
  });

  it('swaps a reversed build-year range', () => {
    const view = viewFromSearchParams(new URLSearchParams('vanaf=1985&tot=1965'));
    expect([view.buildYearFrom, view.buildYearTo]).toEqual([1965, 1985]);
  });

  it('sorting: the same column flips, a new column starts descending (ids ascending)', () => {
    const byScoreAsc = toggleCandidateSort(defaultView, 'score');
    expect([byScoreAsc.sort, byScoreAsc.order]).toEqual(['score', 'asc']);
    const byYear = toggleCandidateSort(byScoreAsc, 'buildYear');
    expect([byYear.sort, byYear.order]).toEqual(['buildYear', 'desc']);
    const byId = toggleCandidateSort(byYear, 'bagId');
    expect([byId.sort, byId.order]).toEqual(['bagId', 'asc']);
  });

  it('builds the map request from the view, leaving out unset filters', () => {
    const query = buildingsQuery({ ...defaultView, kind: 'splitsen', minScore: 30, buildYearFrom: 1900 }, [4.35, 51.99, 4.37, 52.01], 15.4567);
    expect(query).toEqual({
      bbox: '4.350000,51.990000,4.370000,52.010000',
      zoom: 15.46,
      kind: 'splitsen',
      minScore: 30,
      buildYearFrom: 1900,
      buildYearTo: undefined,
      listId: undefined,
    });
  });
});
