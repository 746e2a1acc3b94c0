import { describe, expect, it } from 'vitest';
import { canActForOrganisation, canManageStockList, canViewStockList, stockVisibilityScope, type StockActor } from './policy.ts';

const list = { ownerOrganisationId: 'corp', sharedWithOrganisationIds: ['gemeente', 'huurders'] };
const member = (organisationId: string, role: 'lezer' | 'bewerker' | 'beheerder'): StockActor => ({
  userId: 'u',
  platformRole: null,
  memberships: [{ organisationId, role }],
});
const coordinator: StockActor = { userId: 'c', platformRole: 'coordinator', memberships: [] };

describe('stock list confidentiality', () => {
  it.each([
    ['anonymous', null, false, false],
    ['owner lezer', member('corp', 'lezer'), true, false],
    ['owner bewerker', member('corp', 'bewerker'), true, true],
    ['shared-with gemeente beheerder', member('gemeente', 'beheerder'), true, false],
    ['shared-with huurders lezer', member('huurders', 'lezer'), true, false],
    ['other corporation beheerder', member('other', 'beheerder'), false, false],
    ['coordinator', coordinator, true, false],
  ] as const)('%s: view %s, manage %s', (_label, actor, view, manage) => {
    expect(canViewStockList(actor, list)).toBe(view);
    expect(canManageStockList(actor, list)).toBe(manage);
  });

  it('acting for an organisation needs bewerker there, or the coordinator', () => {
    expect(canActForOrganisation(member('gemeente', 'bewerker'), 'gemeente')).toBe(true);
    expect(canActForOrganisation(member('gemeente', 'lezer'), 'gemeente')).toBe(false);
    expect(canActForOrganisation(member('corp', 'beheerder'), 'gemeente')).toBe(false);
    expect(canActForOrganisation(coordinator, 'gemeente')).toBe(true);
    expect(canActForOrganisation(null, 'gemeente')).toBe(false);
  });

  it('visibility scope for list queries', () => {
    expect(stockVisibilityScope(null)).toEqual({ kind: 'none' });
    expect(stockVisibilityScope(coordinator)).toEqual({ kind: 'all' });
    expect(stockVisibilityScope(member('corp', 'lezer'))).toEqual({ kind: 'organisations', organisationIds: ['corp'] });
  });
});
