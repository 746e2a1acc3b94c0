import { describe, expect, it } from 'vitest';
import { accessibilities, connectionTypes, crossingTypes, edgeContainments, layers, units } from '@kringbouw/domain/lca';
import { importPhases, mappingOrigins, passportSources, passportStatuses, profileOrigins, passportExportFormats } from '@kringbouw/contracts';
import nl from '../../i18n/nl.json';
import en from '../../i18n/en.json';
import { chartDimensions, chartMetrics } from './chart-data.ts';
import { choiceFields, numericFields } from './draft.ts';
import { hnnIndicators, hnnStatuses, warningCodes } from './IndicatorPanel.tsx';

function has(root: unknown, key: string): boolean {
  let node: unknown = root;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' && node.trim() !== '';
}

// Keys the passport pages build from values (the shared i18n test only sees literal keys).
const dynamicKeys = [
  ...units.map((u) => `passports.unitNames.${u}`),
  ...layers.map((l) => `passports.layers.${l}`),
  ...connectionTypes.map((v) => `passports.options.connection.${v}`),
  ...accessibilities.map((v) => `passports.options.accessibility.${v}`),
  ...crossingTypes.map((v) => `passports.options.crossings.${v}`),
  ...edgeContainments.map((v) => `passports.options.edgeContainment.${v}`),
  ...[...numericFields, ...choiceFields, 'profileId'].map((f) => `passports.fields.${f}`),
  ...passportStatuses.map((s) => `passports.status.${s}`),
  ...passportSources.map((s) => `passports.sources.${s}`),
  ...profileOrigins.map((o) => `passports.profileOrigin.${o}`),
  ...mappingOrigins.map((o) => `passports.mappingOrigin.${o}`),
  ...importPhases.map((p) => `passports.import.phases.${p}`),
  ...passportExportFormats.map((f) => `passports.exports.${f}`),
  ...warningCodes.map((c) => `passports.warnings.codes.${c}`),
  ...hnnIndicators.map((i) => `passports.hnn.indicators.${i}`),
  ...Object.values(hnnStatuses).map((s) => `passports.hnnStatus.${s}`),
  ...chartDimensions.map((d) => `passports.charts.by.${d}`),
  ...chartMetrics.map((m) => `passports.charts.metric.${m}`),
  ...['mpg', 'parisProof', 'biogenic', 'origin', 'detachability', 'mci'].flatMap((i) => [`passports.method.indicators.${i}.title`, `passports.method.indicators.${i}.text`]),
  ...['verified', 'secondary', 'unverified', 'assumption', 'partly'].map((v) => `passports.verification.${v}`),
  ...['mki', 'massa'].map((w) => `passports.indicators.weighting.${w}`),
  ...['lines', 'report'].map((tab) => `passports.tabs.${tab}`),
  ...['van', 'naar'].map((k) => `passports.compare.${k}`),
  ...['notANumber', 'required'].map((k) => `passports.edit.${k}`),
  'passports.tree.expand', 'passports.tree.collapse', 'passports.tree.by.nlsfb', 'passports.tree.by.layer',
];

describe('passport texts', () => {
  it.each([['nl', nl], ['en', en]])('has every value-built key in %s', (_language, texts) => {
    expect(dynamicKeys.filter((key) => !has(texts, key))).toEqual([]);
  });
});
