/** Sorting of the candidate list in the browser (the server filters and returns up to 1000 by score). */
import type { StockCandidateList } from '@kringbouw/contracts';
import type { KansenkaartView } from './view-state.ts';

export type Candidate = StockCandidateList['items'][number];

/** Unknown values (no build year, no height) sort last in either direction. */
export function sortCandidates(items: readonly Candidate[], sort: KansenkaartView['sort'], order: KansenkaartView['order']): Candidate[] {
  const direction = order === 'asc' ? 1 : -1;
  const value = (c: Candidate): number | string | null => (sort === 'bagId' ? c.bagId : c[sort]);
  return [...items].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === vb ? a.bagId.localeCompare(b.bagId) : va === null ? 1 : -1;
    const compared = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
    return compared !== 0 ? compared * direction : a.bagId.localeCompare(b.bagId);
  });
}
