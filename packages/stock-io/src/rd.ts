/**
 * RD New (EPSG:28992, Amersfoort / RD New) ↔ WGS84 with proj4.
 *
 * Definition: oblique stereographic on the Bessel 1841 ellipsoid with the classic 7-parameter datum shift
 * (EPSG transformation 15934 "Amersfoort to WGS 84 (3)", written in proj4's position-vector convention:
 * rotations −0.398957, 0.343988, −1.8774″, scale 4.0725 ppm). Checked against the official RDNAPTRANS™ test points
 * (see rd.test.ts): ≤ 0.17 m horizontal across the Netherlands, about 0.07 m at Amersfoort. No correction grid
 * (nadgrids) is used, so the RD distortion of up to ~0.25 m is not removed — ample for building footprints on a map.
 *
 * Beware: copying the TOWGS84 values of the newer EPSG transformation 4833 (coordinate-frame convention,
 * rotations 1.9342, −1.6677, 9.1019) into a proj4 string as-is shifts everything by about 170 m.
 */
import proj4 from 'proj4';

export const RD_NEW_PROJ4 =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 ' +
  '+ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';

const converter = proj4(RD_NEW_PROJ4, 'WGS84');

/** [x, y] in RD New metres → [lon, lat] WGS84 degrees (unrounded). */
export function rdToWgs84(point: readonly [number, number]): [number, number] {
  const [lon, lat] = converter.forward([point[0], point[1]]);
  return [lon ?? Number.NaN, lat ?? Number.NaN];
}

/** [lon, lat] WGS84 degrees → [x, y] RD New metres (unrounded). */
export function wgs84ToRd(point: readonly [number, number]): [number, number] {
  const [x, y] = converter.inverse([point[0], point[1]]);
  return [x ?? Number.NaN, y ?? Number.NaN];
}

/** Rounds to 6 decimals (≈ 0.1 m at Dutch latitudes), the precision of footprints in GeoJSON output. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** RD New validity box (EPSG:28992 projected bounds, rounded outward): outside it a coordinate is not RD. */
export function isPlausibleRd([x, y]: readonly [number, number]): boolean {
  return x >= -7_000 && x <= 300_000 && y >= 289_000 && y <= 629_000;
}

/** Rough WGS84 box around the Netherlands incl. the 12-mile zone. */
export function isPlausibleNlLonLat([lon, lat]: readonly [number, number]): boolean {
  return lon >= 3.0 && lon <= 7.3 && lat >= 50.7 && lat <= 53.8;
}
