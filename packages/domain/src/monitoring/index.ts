/**
 * @kringbouw/domain/monitoring — the indicator catalogue, the append-only indicator ledger per project (official vs
 * indicative, history, HNN check, the phase an entry was recorded in) and the dashboard aggregates with the confidentiality rule.
 */
export * from './catalogue.ts';
export * from './ledger.ts';
export * from './phase.ts';
export * from './aggregates.ts';
export * from './lessons.ts';
export * from './report.ts';
