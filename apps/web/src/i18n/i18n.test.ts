import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildingTypes, partyRoles, projectKinds, projectPhases, visibilities } from '@kringbouw/domain/projects';
import { cityDealGroups, membershipRoles, organisationKinds } from '@kringbouw/domain/organisations';
import { invitation } from '@kringbouw/contracts';
import { knownErrorCodes } from '../components/Status.tsx';
import { oidcFailureCodes } from '../features/auth/SignInPage.tsx';
import nl from './nl.json';
import en from './en.json';

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      for (const [path, text] of flatten(child, prefix ? `${prefix}.${key}` : key)) result.set(path, text);
    }
  } else {
    result.set(prefix, String(value));
  }
  return result;
}

const nlKeys = flatten(nl);
const enKeys = flatten(en);

function hasKey(keys: Map<string, string>, key: string): boolean {
  return keys.has(key) || (keys.has(`${key}_one`) && keys.has(`${key}_other`));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('translations', () => {
  it('nl and en have exactly the same keys', () => {
    const missingInEn = [...nlKeys.keys()].filter((key) => !enKeys.has(key));
    const missingInNl = [...enKeys.keys()].filter((key) => !nlKeys.has(key));
    expect({ missingInEn, missingInNl }).toEqual({ missingInEn: [], missingInNl: [] });
  });

  it('has no empty texts', () => {
    const empty = [...nlKeys, ...enKeys].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('uses the same interpolation variables in both languages', () => {
    const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const different = [...nlKeys].filter(([key, text]) => JSON.stringify(variables(text)) !== JSON.stringify(variables(enKeys.get(key) ?? ''))).map(([key]) => key);
    expect(different).toEqual([]);
  });

  it('labels every value of the domain enumerations', () => {
    const expected = [
      ...projectKinds.map((v) => `projectKinds.${v}`),
      ...projectPhases.map((v) => `projectPhases.${v}`),
      ...buildingTypes.map((v) => `buildingTypes.${v}`),
      ...partyRoles.map((v) => `partyRoles.${v}`),
      ...visibilities.flatMap((v) => [`visibility.${v}`, `visibility.explain.${v}`]),
      ...organisationKinds.map((v) => `organisationKinds.${v}`),
      ...cityDealGroups.map((v) => `cityDealGroups.${v}`),
      ...membershipRoles.map((v) => `roles.${v}`),
      ...invitation.shape.status.options.map((v) => `invitationStatus.${v}`),
      ...knownErrorCodes.map((code) => `errors.codes.${code}`),
      ...oidcFailureCodes.map((code) => `signIn.oidcFailure.${code}`),
    ];
    expect(expected.filter((key) => !nlKeys.has(key))).toEqual([]);
  });

  it('has a text for every literal key the code uses', () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..');
    const used = new Set<string>();
    for (const file of sourceFiles(root)) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) used.add(match[1] ?? '');
      for (const match of source.matchAll(/labelKey: '([\w.]+)'/g)) used.add(match[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((key) => !hasKey(nlKeys, key))).toEqual([]);
  });
});
