import type { TFunction } from 'i18next';
import type { AgreementParty, CommitmentDto, CommitmentScopeDto } from '@kringbouw/contracts';
import type { Comparator } from '@kringbouw/domain/agreements';
import { indicatorCatalogue, type CatalogueIndicator, type IndicatorId } from '@kringbouw/domain/monitoring';
import { formatDecimal, formatInteger } from '../../lib/format.ts';

export const comparatorSymbols: Record<Comparator, string> = { lte: '≤', gte: '≥', lt: '<', gt: '>', eq: '=' };

export function catalogueEntry(id: IndicatorId): CatalogueIndicator | undefined {
  return indicatorCatalogue.indicators.find((indicator) => indicator.id === id);
}

/** The indicator's name in the UI language. */
export function indicatorName(id: IndicatorId, language: string): string {
  const entry = catalogueEntry(id);
  if (!entry) return id;
  return language.startsWith('en') ? entry.en : entry.nl;
}

/** A value with the indicator's own number of decimals (integers without). */
export function formatIndicatorValue(id: IndicatorId | null, value: number): string {
  const decimals = id ? (catalogueEntry(id)?.decimals ?? 2) : 2;
  return decimals === 0 ? formatInteger(value) : formatDecimal(value, decimals);
}

export function partyName(parties: readonly AgreementParty[], organisationId: string): string {
  return parties.find((party) => party.organisationId === organisationId)?.organisationName ?? organisationId;
}

/** "MPG ≤ 0,60 EUR/m2 BVO/jr" — the target of a measurable commitment in one line. */
export function targetText(commitment: Extract<CommitmentDto, { kind: 'meetbaar' }>, language: string): string {
  const unit = commitment.scope.type === 'aandeel' ? '%' : (catalogueEntry(commitment.indicatorId)?.unit ?? '');
  const value = commitment.scope.type === 'aandeel' ? formatDecimal(commitment.target, 0) : formatIndicatorValue(commitment.indicatorId, commitment.target);
  return `${indicatorName(commitment.indicatorId, language)} ${comparatorSymbols[commitment.comparator]} ${value}${unit ? ` ${unit}` : ''}`;
}

/** The scope of a measurable commitment in words. */
export function scopeText(t: TFunction, scope: CommitmentScopeDto, parties: readonly AgreementParty[], indicatorId: IndicatorId, projectName?: string): string {
  switch (scope.type) {
    case 'alle_projecten':
      return t('agreements.scope.allProjectsText', {
        organisation: partyName(parties, scope.organisationId),
        kinds: scope.projectKinds.map((kind) => t(`projectKinds.${kind}`)).join(', '),
        aggregation: t(`agreements.aggregation.${scope.aggregation}`),
      });
    case 'project':
      return t('agreements.scope.projectText', { project: projectName ?? scope.projectId });
    case 'aandeel':
      return t('agreements.scope.shareText', {
        basis: t(`agreements.basis.${scope.basis}`),
        organisation: partyName(parties, scope.organisationId),
        kinds: scope.projectKinds.map((kind) => t(`projectKinds.${kind}`)).join(', '),
        comparator: comparatorSymbols[scope.projectComparator],
        threshold: formatIndicatorValue(indicatorId, scope.projectThreshold),
        unit: catalogueEntry(indicatorId)?.unit ?? '',
      });
  }
}

/** A file size in a few characters: whole kB below 1 MB (at least 1 kB), else MB with one decimal ("1,5 MB"). */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatInteger(Math.max(1, Math.round(bytes / 1024)))} kB`;
  return `${formatDecimal(bytes / (1024 * 1024), 1)} MB`;
}
