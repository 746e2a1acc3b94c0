import type { TFunction } from 'i18next';

export function kindLabel(t: TFunction, kind: string): string {
  return t(`projectKinds.${kind}`);
}

export function phaseLabel(t: TFunction, phase: string): string {
  return t(`projectPhases.${phase}`);
}
