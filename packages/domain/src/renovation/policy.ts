/**
 * Confidentiality of renovation plans and designations (issue 7 §6): the stock-list sharing rules apply. A plan
 * or designation is visible to members of the organisation that made it, members of the organisations it is
 * shared with, and the City Deal coordinator; only a bewerker or beheerder of that organisation changes it.
 */
import { canManageStockList, canViewStockList, type StockActor, type StockListAccessFacts } from '../opportunities/policy.ts';

export type SharedRecordFacts = StockListAccessFacts;

export function canViewRenovationRecord(actor: StockActor | null, record: SharedRecordFacts): boolean {
  return canViewStockList(actor, record);
}

/** Entering or importing plan rows, sharing, deleting; making a designation on behalf of the organisation. */
export function canManageRenovationRecord(actor: StockActor | null, record: Pick<SharedRecordFacts, 'ownerOrganisationId'>): boolean {
  return canManageStockList(actor, record);
}
