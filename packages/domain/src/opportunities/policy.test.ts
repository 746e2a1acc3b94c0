import { describe, expect, it } from 'vitest';
import { canActForOrganisation, canEditMunicipalityRules, canManageStockList, canViewStockList, stockVisibilityScope, type StockActor } from './policy.ts';

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

describe('canEditMunicipalityRules', () => {
  const leiden = { id: 'gl', kind: 'gemeente', municipalityCode: 'GM0546' };
  const member = (role: 'lezer' | 'bewerker' | 'beheerder', organisationId = 'gl') => ({ userId: 'u', platformRole: null, memberships: [{ organisationId, role }] });
  it('lets a bewerker or beheerder of the gemeente change its own municipality’s rules, and the coordinator', () => {
    expect(canEditMunicipalityRules(member('bewerker'), leiden, 'GM0546')).toBe(true);
    expect(canEditMunicipalityRules(member('beheerder'), leiden, 'GM0546')).toBe(true);
    expect(canEditMunicipalityRules({ userId: 'c', platformRole: 'coordinator', memberships: [] }, leiden, 'GM0503')).toBe(true);
  });
  it('refuses a lezer, another municipality, and an organisation that is not a gemeente', () => {
    expect(canEditMunicipalityRules(member('lezer'), leiden, 'GM0546')).toBe(false);
    expect(canEditMunicipalityRules(member('bewerker'), leiden, 'GM0503')).toBe(false);
    expect(canEditMunicipalityRules(member('bewerker', 'corp'), { id: 'corp', kind: 'woningcorporatie', municipalityCode: 'GM0546' }, 'GM0546')).toBe(false);
    expect(canEditMunicipalityRules(null, leiden, 'GM0546')).toBe(false);
  });
});
