import type { TFunction } from 'i18next';
import type { Municipality } from '@kringbouw/contracts';

/** Municipalities for a picker: the City Deal cities first, then all others, each alphabetical. */
export function groupMunicipalities(items: readonly Municipality[]): { cityDeal: Municipality[]; other: Municipality[] } {
  const sorted = [...items].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return { cityDeal: sorted.filter((m) => m.cityDeal), other: sorted.filter((m) => !m.cityDeal) };
}

export function kindLabel(t: TFunction, kind: string): string {
  return t(`projectKinds.${kind}`);
}

export function phaseLabel(t: TFunction, phase: string): string {
  return t(`projectPhases.${phase}`);
}
