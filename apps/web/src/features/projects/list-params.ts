import { projectListQuery, type ProjectListQuery } from '@kringbouw/contracts';

/** What the list page shows; page size is fixed by the UI, everything else lives in the URL. */
export type ProjectListView = Omit<ProjectListQuery, 'pageSize'>;

export const PROJECT_PAGE_SIZE = 20;

const { pageSize: _pageSize, ...defaults }: ProjectListQuery = projectListQuery.parse({});

const keys = ['q', 'municipality', 'organisation', 'kind', 'phase', 'sort', 'order', 'page'] as const satisfies readonly (keyof ProjectListView)[];

/**
 * Reads the list view from the URL. Each parameter is checked on its own with the contract schema, so one bad
 * value in a shared link (an old phase name, a typo) falls back to its default instead of breaking the page.
 */
export function viewFromSearchParams(params: URLSearchParams): ProjectListView {
  const view: ProjectListView = { ...defaults };
  for (const key of keys) {
    const raw = params.get(key);
    if (raw === null || raw.trim() === '') continue;
    const parsed = projectListQuery.shape[key].safeParse(raw);
    if (parsed.success && parsed.data !== undefined) Object.assign(view, { [key]: parsed.data });
  }
  return view;
}

/** Writes only what differs from the defaults, so links stay short and the bare path means "everything". */
export function searchParamsFromView(view: ProjectListView): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of keys) {
    const value = view[key];
    if (value === undefined || value === '' || value === defaults[key]) continue;
    params.set(key, String(value));
  }
  return params;
}

/** Changing a filter or the search starts at page 1 again; changing the page keeps the filters. */
export function updateView(view: ProjectListView, change: Partial<ProjectListView>): ProjectListView {
  const next = { ...view, ...change };
  if (!('page' in change)) next.page = 1;
  return next;
}

/** Clicking the active column flips the order; a new column starts ascending (dates: newest first). */
export function toggleSort(view: ProjectListView, field: ProjectListView['sort']): ProjectListView {
  if (view.sort === field) return { ...view, order: view.order === 'asc' ? 'desc' : 'asc', page: 1 };
  return { ...view, sort: field, order: field === 'updatedAt' ? 'desc' : 'asc', page: 1 };
}

/** Passed along when opening a project from the list, so "back to the list" keeps the filters and page. */
export interface ListReturnState {
  listSearch: string;
}

export function listReturnPath(state: unknown): string {
  if (state && typeof state === 'object' && 'listSearch' in state && typeof state.listSearch === 'string' && state.listSearch.startsWith('?')) {
    return `/projecten${state.listSearch}`;
  }
  return '/projecten';
}
