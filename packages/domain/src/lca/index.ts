/**
 * @kringbouw/domain/lca — the indicator engine: passport schema, environmental profiles, method data and the pure
 * calculations of MKI/MPG, embodied carbon (Paris Proof), stored biogenic CO2, material origin, detachability (LI v2.0),
 * MCI and the HNN report.
 */
export * from './model.ts';
export * from './passport.ts';
export * from './profiles.ts';
export * from './method-data.ts';
export * from './replacements.ts';
export * from './detachability.ts';
export * from './mci.ts';
export * from './suggest.ts';
export * from './engine.ts';
export { biogenicMethodCode, conversionCode, LineBreakdown, lineResultOf, profileSourceCode, type BreakdownProfile, type LineColumns, type LineColumnsProfile } from './line-breakdown.ts';
export * from './epd-lcax.ts';
export * from './epd-ilcd.ts';
export * from './diff.ts';
export * from './material-names.ts';
