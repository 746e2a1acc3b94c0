/**
 * Structural definitions of the LCA model: life-cycle modules (EN 15804 / EN 15978), the impact categories of the
 * EN 15804+A1 set (11, as weighted by the NMD "set 1") and the +A2 set (19), units of quantity and building layers.
 * These are vocabularies, not method constants: prices, limits and scores live in packages/domain/data.
 */

/** Life-cycle modules in EN 15804 order. B6/B7 are outside the Dutch MPG scope and are not part of the model. */
export const modules = ['A1-A3', 'A4', 'A5', 'B1', 'B2', 'B3', 'B4', 'B5', 'C1', 'C2', 'C3', 'C4', 'D'] as const;
export type Module = (typeof modules)[number];
export const moduleIndex: Readonly<Record<Module, number>> = Object.fromEntries(modules.map((m, i) => [m, i])) as Record<Module, number>;

/**
 * EN 15804+A1 / CML impact categories as the NMD weights them (set 1). `adpf` is stored in MJ (the unit EN 15804+A1
 * EPDs and ÖKOBAUDAT declare); the NMD weights it in kg Sb-eq, converted with the factor in
 * data/methods/nmd-shadow-prices-a1.json.
 */
export const a1Categories = ['adpe', 'adpf', 'gwp', 'odp', 'pocp', 'ap', 'ep', 'htp', 'faetp', 'maetp', 'tetp'] as const;
export type A1Category = (typeof a1Categories)[number];

/** EN 15804+A2 (EF 3.0) indicators: 13 core + 6 additional. */
export const a2Categories = [
  'gwpTotal', 'gwpFossil', 'gwpBiogenic', 'gwpLuluc', 'odp', 'ap', 'epFreshwater', 'epMarine', 'epTerrestrial', 'pocp',
  'adpe', 'adpf', 'wdp', 'pm', 'irp', 'etpFw', 'htpC', 'htpNc', 'sqp',
] as const;
export type A2Category = (typeof a2Categories)[number];

export const weightingSets = ['a1', 'a2'] as const;
export type WeightingSet = (typeof weightingSets)[number];

export const categoriesOf = { a1: a1Categories, a2: a2Categories } as const;

/** Units a passport line and a profile's declared unit can have (st = stuks, pieces). */
export const units = ['m', 'm2', 'm3', 'kg', 'st'] as const;
export type Unit = (typeof units)[number];

/** Stewart Brand's shearing layers as used in Dutch circularity methods (BCI, LI v2.0). */
export const layers = ['plek', 'constructie', 'omhulling', 'installaties', 'indeling', 'inventaris'] as const;
export type Layer = (typeof layers)[number];

export const buildingTypes = ['grondgebonden', 'gestapeld', 'utiliteit'] as const;
export type LcaBuildingType = (typeof buildingTypes)[number];

/** Use functions (gebruiksfuncties) of the Bbl that the MPG limit table distinguishes. */
export const useFunctions = ['woonfunctie', 'kantoorfunctie', 'overig'] as const;
export type UseFunction = (typeof useFunctions)[number];

export const nmdCategories = ['1', '2', '3', '3a'] as const;
export type NmdCategory = (typeof nmdCategories)[number];

export const replacementRules = ['nmd', 'en15978'] as const;
export type ReplacementRule = (typeof replacementRules)[number];

/** LI v2.0 factor options (Dutch names as in the passport columns). */
export const connectionTypes = ['droog', 'toegevoegd', 'direct', 'zacht_chemisch', 'hard_chemisch'] as const;
export type ConnectionType = (typeof connectionTypes)[number];
export const accessibilities = ['vrij', 'extra_handeling', 'herstelbare_schade', 'schade', 'onherstelbaar'] as const;
export type Accessibility = (typeof accessibilities)[number];
export const crossingTypes = ['geen', 'zelfde_laag', 'andere_laag'] as const;
export type CrossingType = (typeof crossingTypes)[number];
export const edgeContainments = ['open', 'overlappend', 'eenzijdig', 'meerzijdig'] as const;
export type EdgeContainment = (typeof edgeContainments)[number];
