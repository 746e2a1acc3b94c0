/**
 * The kansenkaart view lives in the URL (Dutch parameter names, they appear in shared links): a colleague who
 * opens the link sees the same municipality, filters and building.
 */
import { opportunityKinds, type OpportunityKind } from '@kringbouw/domain/opportunities';

export const candidateSortFields = ['score', 'buildYear', 'heightM', 'bagId'] as const;
export type CandidateSortField = (typeof candidateSortFields)[number];

export interface KansenkaartView {
  municipalityCode: string | undefined;
  kind: OpportunityKind;
  minScore: number;
  buildYearFrom: number | undefined;
  buildYearTo: number | undefined;
  /** Own stock: only buildings in this stock list. */
  listId: string | undefined;
  /** The building open in the detail panel. */
  bagId: string | undefined;
  sort: CandidateSortField;
  order: 'asc' | 'desc';
}

export const defaultView: KansenkaartView = {
  municipalityCode: undefined,
  kind: 'optoppen',
  minScore: 0,
  buildYearFrom: undefined,
  buildYearTo: undefined,
  listId: undefined,
  bagId: undefined,
  sort: 'score',
  order: 'desc',
};

const municipalityPattern = /^GM\d{4}$/;
const bagIdPattern = /^\d{4}10\d{10}$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function intIn(value: string | null, min: number, max: number): number | undefined {
  if (value === null || !/^\d{1,4}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

/** Reads the view from the URL; anything malformed falls back to the default instead of breaking the page. */
export function viewFromSearchParams(params: URLSearchParams): KansenkaartView {
  const municipality = params.get('gemeente');
  const kind = opportunityKinds.find((k) => k === params.get('soort'));
  const list = params.get('lijst');
  const bagId = params.get('pand');
  const sort = candidateSortFields.find((f) => f === params.get('sorteer'));
  const order = params.get('volgorde');
  let buildYearFrom = intIn(params.get('vanaf'), 1000, 2100);
  let buildYearTo = intIn(params.get('tot'), 1000, 2100);
  if (buildYearFrom !== undefined && buildYearTo !== undefined && buildYearFrom > buildYearTo) {
    [buildYearFrom, buildYearTo] = [buildYearTo, buildYearFrom];
  }
  return {
    municipalityCode: municipality !== null && municipalityPattern.test(municipality) ? municipality : undefined,
    kind: kind ?? defaultView.kind,
    minScore: intIn(params.get('min'), 0, 100) ?? defaultView.minScore,
    buildYearFrom,
    buildYearTo,
    listId: list !== null && uuidPattern.test(list) ? list.toLowerCase() : undefined,
    bagId: bagId !== null && bagIdPattern.test(bagId) ? bagId : undefined,
    sort: sort ?? defaultView.sort,
    order: order === 'asc' || order === 'desc' ? order : sort === 'bagId' ? 'asc' : defaultView.order,
  };
}

/** Writes only what differs from the default, so plain links stay short. */
export function searchParamsFromView(view: KansenkaartView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.municipalityCode) params.set('gemeente', view.municipalityCode);
  if (view.kind !== defaultView.kind) params.set('soort', view.kind);
  if (view.minScore !== defaultView.minScore) params.set('min', String(view.minScore));
  if (view.buildYearFrom !== undefined) params.set('vanaf', String(view.buildYearFrom));
  if (view.buildYearTo !== undefined) params.set('tot', String(view.buildYearTo));
  if (view.listId) params.set('lijst', view.listId);
  if (view.bagId) params.set('pand', view.bagId);
  if (view.sort !== defaultView.sort) params.set('sorteer', view.sort);
  if (view.order !== defaultView.order) params.set('volgorde', view.order);
  return params;
}

/** Clicking a column header: a new column starts in its natural order, the same column flips. */
export function toggleCandidateSort(view: KansenkaartView, field: CandidateSortField): KansenkaartView {
  if (view.sort === field) return { ...view, order: view.order === 'asc' ? 'desc' : 'asc' };
  return { ...view, sort: field, order: field === 'bagId' ? 'asc' : 'desc' };
}

/** The query of GET /api/stock/buildings for a map view. */
export function buildingsQuery(view: KansenkaartView, bbox: readonly [number, number, number, number], zoom: number) {
  return {
    bbox: bbox.map((n) => n.toFixed(6)).join(','),
    zoom: Math.max(0, Math.min(24, Math.round(zoom * 100) / 100)),
    kind: view.kind,
    minScore: view.minScore,
    buildYearFrom: view.buildYearFrom,
    buildYearTo: view.buildYearTo,
    listId: view.listId,
  };
}
