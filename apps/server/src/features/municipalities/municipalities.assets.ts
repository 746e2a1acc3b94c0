import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { serverRoot } from '../../config.ts';

/** The CBS/Kadaster boundaries shipped in assets/geo (CC BY 4.0, "CBS, Kadaster"). */
export const boundariesFile = path.join(serverRoot, 'assets/geo/gemeenten_2025.geojson');

/** The eight municipalities that signed the City Deal Circulair en Conceptueel Bouwen. */
export const cityDealMunicipalityCodes: ReadonlySet<string> = new Set([
  'GM0546', // Leiden
  'GM0518', // Den Haag ('s-Gravenhage)
  'GM0034', // Almere
  'GM0344', // Utrecht
  'GM0080', // Leeuwarden
  'GM0268', // Nijmegen
  'GM0307', // Amersfoort
  'GM0505', // Dordrecht
]);

const featureSchema = z.object({
  type: z.literal('Feature'),
  geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) }),
  properties: z.looseObject({ statcode: z.string().regex(/^GM\d{4}$/), statnaam: z.string().min(1) }),
});
const collectionSchema = z.object({ type: z.literal('FeatureCollection'), features: z.array(featureSchema).min(1) });

export type BoundaryFeature = z.infer<typeof featureSchema>;

export interface MunicipalityAssets {
  /** Sorted by name. */
  list: { code: string; name: string; cityDeal: boolean }[];
  byCode: ReadonlyMap<string, BoundaryFeature>;
  /** Everyday names per code where they differ from the CBS name (Den Haag for 's-Gravenhage). */
  aliases: ReadonlyMap<string, readonly string[]>;
}

export const aliasesFile = path.join(serverRoot, 'assets/geo/municipality-aliases.json');
const aliasesSchema = z.object({ aliases: z.record(z.string().regex(/^GM\d{4}$/), z.array(z.string().min(1))) });

/** Codes of the municipalities whose CBS name or everyday name contains the text (case-insensitive). */
export function municipalityCodesMatching(assets: MunicipalityAssets, text: string): string[] {
  const needle = text.toLocaleLowerCase('nl');
  return assets.list
    .filter((m) => [m.name, ...(assets.aliases.get(m.code) ?? [])].some((name) => name.toLocaleLowerCase('nl').includes(needle)))
    .map((m) => m.code);
}

export function loadMunicipalityAssets(file: string = boundariesFile, aliasFile: string = aliasesFile): MunicipalityAssets {
  const parsed = collectionSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: not a valid municipality FeatureCollection at ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const byCode = new Map<string, BoundaryFeature>();
  for (const feature of parsed.data.features) byCode.set(feature.properties.statcode, feature);
  const list = [...byCode.values()]
    .map((f) => ({ code: f.properties.statcode, name: f.properties.statnaam, cityDeal: cityDealMunicipalityCodes.has(f.properties.statcode) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const aliases = new Map(Object.entries(aliasesSchema.parse(JSON.parse(readFileSync(aliasFile, 'utf8'))).aliases));
  for (const code of aliases.keys()) {
    if (!byCode.has(code)) throw new Error(`${aliasFile}: alias for unknown municipality ${code}`);
  }
  return { list, byCode, aliases };
}
