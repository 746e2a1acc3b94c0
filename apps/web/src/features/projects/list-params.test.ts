import { describe, expect, it } from 'vitest';
import { listReturnPath, searchParamsFromView, toggleSort, updateView, viewFromSearchParams, type ProjectListView } from './list-params.ts';

const defaults = viewFromSearchParams(new URLSearchParams());

describe('project list view ↔ URL', () => {
  it('reads the defaults from an empty URL and writes them back as nothing', () => {
    expect(defaults).toEqual({ page: 1, sort: 'updatedAt', order: 'desc' });
    expect(searchParamsFromView(defaults).toString()).toBe('');
  });

  it('round-trips every filter, the sort and the page', () => {
    const view: ProjectListView = {
      q: 'houten woningen',
      municipality: 'GM0546',
      organisation: '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e',
      kind: 'optopping',
      phase: 'realisatie',
      sort: 'dwellings',
      order: 'asc',
      page: 3,
    };
    const url = searchParamsFromView(view).toString();
    expect(url).toBe(
      'q=houten+woningen&municipality=GM0546&organisation=3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e&kind=optopping&phase=realisatie&sort=dwellings&order=asc&page=3',
    );
    expect(viewFromSearchParams(new URLSearchParams(url))).toEqual(view);
  });

  it('ignores invalid values one by one instead of dropping the whole view', () => {
    const view = viewFromSearchParams(new URLSearchParams('q=hout&phase=bouw&municipality=Leiden&organisation=42&page=-2&sort=kleur&kind=renovatie'));
    expect(view).toEqual({ ...defaults, q: 'hout', kind: 'renovatie' });
  });

  it('starts at page 1 when a filter changes, but not when the page changes', () => {
    const onPage4 = { ...defaults, page: 4 };
    expect(updateView(onPage4, { kind: 'nieuwbouw' }).page).toBe(1);
    expect(updateView(onPage4, { page: 5 }).page).toBe(5);
  });

  it('flips the order on the active column and starts a new column ascending', () => {
    const byName = toggleSort(defaults, 'name');
    expect(byName).toMatchObject({ sort: 'name', order: 'asc' });
    expect(toggleSort(byName, 'name')).toMatchObject({ sort: 'name', order: 'desc' });
    expect(toggleSort(byName, 'updatedAt')).toMatchObject({ sort: 'updatedAt', order: 'desc' });
  });
});

describe('listReturnPath', () => {
  it('returns to the list with the filters it was opened from, and nowhere else', () => {
    expect(listReturnPath({ listSearch: '?kind=optopping&page=2' })).toBe('/projecten?kind=optopping&page=2');
    expect(listReturnPath({ listSearch: '//elders.example' })).toBe('/projecten');
    expect(listReturnPath(null)).toBe('/projecten');
  });
});
