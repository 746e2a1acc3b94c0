/**
 * A building of the existing stock as the kansenkaart uses it: one BAG pand with what the open registers say about
 * it (3D BAG footprint, heights and roof type; BAG verblijfsobjecten for use, floor area and dwellings) and, for a
 * corporation's own stock, what its stock list adds. Unknown values are `null`, never guessed.
 */

/** GeoJSON Polygon in WGS84 longitude/latitude (RFC 7946), rings closed, 6 decimals (≈ 0.1 m). */
export interface FootprintPolygon {
  type: 'Polygon';
  coordinates: [number, number][][];
}

/** 3D BAG `dak_type` values (v21.09 and later). */
export const roofTypes = ['slanted', 'horizontal', 'multiple horizontal', 'no points'] as const;
export type RoofType = (typeof roofTypes)[number];

/** BAG gebruiksdoelen of a verblijfsobject (Catalogus BAG 2018, §7.3.4). */
export const bagGebruiksdoelen = [
  'woonfunctie',
  'bijeenkomstfunctie',
  'celfunctie',
  'gezondheidszorgfunctie',
  'industriefunctie',
  'kantoorfunctie',
  'logiesfunctie',
  'onderwijsfunctie',
  'sportfunctie',
  'winkelfunctie',
  'overige gebruiksfunctie',
] as const;
export type BagGebruiksdoel = (typeof bagGebruiksdoelen)[number];

export interface StockBuilding {
  /** BAG pand identificatie, 16 digits (e.g. `0503100000004247`), without the `NL.IMBAG.Pand.` prefix. */
  bagId: string;
  footprint: FootprintPolygon;
  /** Planar area of the footprint in RD New (EPSG:28992), m², rounded to 0.01. */
  footprintAreaM2: number;
  /** BAG oorspronkelijk bouwjaar. */
  buildYear: number | null;
  roofType: RoofType | null;
  /** Roof maximum minus ground level (3D BAG `h_dak_max − h_maaiveld`), m, rounded to 0.01. */
  heightM: number | null;
  /** Estimated number of storeys; method in `storeyEstimate` of data/opportunities/estimates-v1.json. */
  storeysEstimate: number | null;
  /** Centroid of the footprint (area-weighted), [lon, lat] WGS84, 6 decimals. */
  centroid: [number, number];
  /** From BAG verblijfsobjecten when joined, else null. */
  useFunctions: BagGebruiksdoel[] | null;
  /** Number of verblijfsobjecten with woonfunctie in this pand. */
  dwellings: number | null;
  /** Sum of the verblijfsobjecten's gebruiksoppervlakte, m². */
  floorAreaM2: number | null;
  /** True when known vacant (BAG status "buiten gebruik" of every verblijfsobject, or the stock list); null when unknown. */
  vacant: boolean | null;
  /** Dwelling type from a corporation's stock list (e.g. `eengezinswoning`, `portiekflat`), else null. */
  dwellingType: string | null;
}
