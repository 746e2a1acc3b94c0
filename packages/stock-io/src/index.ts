/**
 * @kringbouw/stock-io — importers for the existing building stock (kansenkaart): 3D BAG CityJSON tiles, BAG /
 * 3D BAG GeoJSON (streaming), BAG verblijfsobjecten CSV, corporation stock lists (CSV/XLSX), RD New ↔ WGS84.
 */
export * from './rd.ts';
export * from './geometry.ts';
export * from './issues.ts';
export { normalisePandId } from './pand.ts';
export * from './cityjson.ts';
export * from './json-stream.ts';
export * from './bag-geojson.ts';
export * from './bag-csv.ts';
export * from './csv.ts';
export * from './verblijfsobjecten.ts';
export * from './corporation.ts';
export * from './simplify.ts';
export * from './renovation-plan.ts';
