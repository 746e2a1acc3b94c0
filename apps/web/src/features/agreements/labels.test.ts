import { describe, expect, it } from 'vitest';
import { agreementActions, agreementPartyRoles, agreementStates, agreementThemes, comparators, guideSteps, pblSteps, scopeAggregations, shareBases, trafficLights } from '@kringbouw/domain/agreements';
import { auditActions, notificationKinds } from '@kringbouw/contracts';
import nl from '../../i18n/nl.json';
import en from '../../i18n/en.json';
import { filtersFrom } from './AgreementListPage.tsx';
import { changeValueText } from './HistorySections.tsx';
import { stepState } from './CycleSection.tsx';

function has(tree: unknown, path: string): boolean {
  let node: unknown = tree;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' && node.trim() !== '';
}

describe('agreement labels', () => {
  it('word every value of the domain and contract enumerations in both languages', () => {
    const keys = [
      ...agreementStates.map((v) => `states.${v}`),
      ...agreementThemes.map((v) => `themes.${v}`),
      ...agreementActions.map((v) => `actions.${v}`),
      ...agreementPartyRoles.map((v) => `roles.${v}`),
      ...comparators.map((v) => `comparators.${v}`),
      ...guideSteps.map((v) => `guide.${v}`),
      ...pblSteps.map((v) => `pbl.${v}`),
      ...scopeAggregations.map((v) => `aggregation.${v}`),
      ...shareBases.map((v) => `basis.${v}`),
      ...trafficLights.map((v) => `lights.${v}`),
      ...auditActions.map((v) => `audit.actions.${v}`),
      ...notificationKinds.map((v) => `notifications.kinds.${v}`),
      ...['bod', 'evaluatie', 'afgerond'].map((v) => `commitments.locked.${v}`),
    ];
    expect(keys.filter((key) => !has(nl.agreements, key))).toEqual([]);
    expect(keys.filter((key) => !has(en.agreements, key))).toEqual([]);
  });
});

describe('list filters', () => {
  it('read only valid values from the URL', () => {
    expect(filtersFrom(new URLSearchParams('gemeente=GM0546&jaar=2027&status=bod&pagina=3'))).toEqual({ municipality: 'GM0546', year: '2027', state: 'bod', page: 3 });
    expect(filtersFrom(new URLSearchParams('gemeente=Leiden&jaar=27&status=klaar&pagina=0'))).toEqual({ municipality: '', year: '', state: '', page: 1 });
    // years the server refuses (outside 2000–2100) are not sent
    expect([filtersFrom(new URLSearchParams('jaar=1999')).year, filtersFrom(new URLSearchParams('jaar=2100')).year]).toEqual(['', '2100']);
  });
});

describe('cycle steps', () => {
  it('put wijziging with ondertekend and mark a finished cycle done', () => {
    expect([0, 1, 2, 3, 4, 5].map((step) => stepState('wijziging', step))).toEqual(['done', 'done', 'done', 'current', 'upcoming', 'upcoming']);
    expect(stepState('afgerond', 5)).toBe('done');
    expect(stepState('concept', 0)).toBe('current');
  });
});

describe('change values', () => {
  it('read before/after values in a few words', () => {
    expect([changeValueText(null), changeValueText(0.6), changeValueText(['a', 'b']), changeValueText({ type: 'project' })]).toEqual(['—', '0,6', 'a, b', '{"type":"project"}']);
  });
});
