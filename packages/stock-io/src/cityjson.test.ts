import { describe, expect, it } from 'vitest';
import { delftTile, readFixture } from '../test/helpers.ts';
import { readCityJson } from './cityjson.ts';
import { StockFileError } from './issues.ts';
import { wgs84ToRd } from './rd.ts';

describe('readCityJson — Delft 3D BAG tile 5910', () => {
  const text = readFixture('3dbag_v210908_tile5910_delft.city.json');
  const raw = delftTile();
  const result = readCityJson(text);
  const rawBuildings = Object.entries(raw.CityObjects).filter(([, o]) => o.type === 'Building');

  it('reads every Building (432) and reports no bad features', () => {
    expect(rawBuildings.length).toBe(432);
    expect(result.buildingObjects).toBe(432);
    expect(result.buildings).toHaveLength(432);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.epsg).toBe(7415);
  });

  it('takes attributes by their 3D BAG names: counts match an independent count of the raw JSON', () => {
    const rawCount = (f: (a: Record<string, unknown>) => boolean) => rawBuildings.filter(([, o]) => f(o.attributes)).length;
    const count = (f: (b: (typeof result.buildings)[number]) => boolean) => result.buildings.filter(f).length;
    expect(count((b) => b.roofType === 'horizontal')).toBe(rawCount((a) => a['dak_type'] === 'horizontal'));
    expect(count((b) => b.roofType === 'multiple horizontal')).toBe(rawCount((a) => a['dak_type'] === 'multiple horizontal'));
    expect(count((b) => b.roofType === 'slanted')).toBe(180);
    expect(count((b) => b.heightM === null)).toBe(rawCount((a) => a['h_dak_max'] === null || a['h_dak_max'] === undefined));
    expect(count((b) => b.heightM === null)).toBe(3);
    expect(Math.min(...result.buildings.map((b) => b.buildYear ?? 9999))).toBe(1868);
    expect(Math.max(...result.buildings.map((b) => b.buildYear ?? 0))).toBe(2011);
  });

  it('one building in full: id without prefix, height = h_dak_max − h_maaiveld, storeys from the 70th percentile', () => {
    const building = result.buildings.find((b) => b.bagId === '0503100000004247');
    // h_dak_max 7.73 − h_maaiveld −0.61 = 8.34 m; (h_dak_70p 6.88 + 0.61) / 3.0 = 2.50 → 2
    expect(building).toMatchObject({ buildYear: 1951, roofType: 'slanted', heightM: 8.34, storeysEstimate: 2 });
    expect(building?.footprint.type).toBe('Polygon');
  });

  it('footprint areas (RD, planar) equal the independently derived areas of the footprints GeoJSON', () => {
    const derived = JSON.parse(readFixture('3dbag_v210908_tile5910_delft_footprints.geojson')) as {
      features: { properties: { pand_id: string; footprint_area_m2: number } }[];
    };
    const areaById = new Map(derived.features.map((f) => [f.properties.pand_id, f.properties.footprint_area_m2]));
    for (const building of result.buildings) expect(building.footprintAreaM2).toBeCloseTo(areaById.get(building.bagId) ?? -1, 2);
  });

  it('footprints are closed, counter-clockwise, 6 decimals, and map back onto the RD vertices within 0.15 m', () => {
    const object = raw.CityObjects['NL.IMBAG.Pand.0503100000004493'];
    const lod0 = object?.geometry.find((g) => g.lod === 0)?.boundaries as number[][][];
    const [sx = 1, sy = 1] = raw.transform.scale;
    const [tx = 0, ty = 0] = raw.transform.translate;
    const rdRing = (lod0[0]?.[0] ?? []).map((i) => [(raw.vertices[i]?.[0] ?? 0) * sx + tx, (raw.vertices[i]?.[1] ?? 0) * sy + ty]);
    const ring = result.buildings.find((b) => b.bagId === '0503100000004493')?.footprint.coordinates[0] ?? [];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(ring.length - 1).toBe(rdRing.length);
    for (const [lon, lat] of ring) {
      expect(Math.round(lon * 1e6) / 1e6).toBe(lon);
      const [x, y] = wgs84ToRd([lon, lat]);
      const nearest = Math.min(...rdRing.map(([rx = 0, ry = 0]) => Math.hypot(rx - x, ry - y)));
      expect(nearest).toBeLessThan(0.15);
    }
    let twice = 0;
    for (let i = 0; i < ring.length - 1; i += 1) twice += (ring[i]?.[0] ?? 0) * (ring[i + 1]?.[1] ?? 0) - (ring[i + 1]?.[0] ?? 0) * (ring[i]?.[1] ?? 0);
    expect(twice).toBeGreaterThan(0);
  });

  it('the centroid lies inside the tile extent', () => {
    for (const building of result.buildings) {
      const [x, y] = wgs84ToRd(building.centroid);
      expect(x).toBeGreaterThan(84995 - 1);
      expect(x).toBeLessThan(85645 + 1);
      expect(y).toBeGreaterThan(446316 - 1);
      expect(y).toBeLessThan(446997 + 1);
    }
  });
});

describe('readCityJson — fallbacks and malformed input', () => {
  const base = () => delftTile();

  it('without LoD0 the footprint comes from the LoD1.2 GroundSurface of the BuildingPart, with the same area', () => {
    const tile = base();
    const id = 'NL.IMBAG.Pand.0503100000004247';
    const withLod0 = readCityJson(tile).buildings.find((b) => b.bagId === '0503100000004247');
    const object = tile.CityObjects[id];
    if (!object) throw new Error('fixture');
    object.geometry = object.geometry.filter((g) => g.lod !== 0);
    const fallback = readCityJson(tile).buildings.find((b) => b.bagId === '0503100000004247');
    // The LoD1.2 ground surface is the reconstructed (slightly simplified) footprint: 75.06 m² vs 77.45 m² for LoD0.
    expect(fallback?.footprintAreaM2).toBe(75.06);
    expect(withLod0?.footprintAreaM2).toBe(77.45);
  });

  it('reports a building without any footprint and one with a broken vertex index, by BAG id', () => {
    const tile = base();
    const a = tile.CityObjects['NL.IMBAG.Pand.0503100000004247'];
    const b = tile.CityObjects['NL.IMBAG.Pand.0503100000004493'];
    if (!a || !b) throw new Error('fixture');
    a.geometry = [];
    a.children = [];
    b.geometry = [{ lod: 0, type: 'MultiSurface', boundaries: [[[0, 1, 99999999]]] }];
    const result = readCityJson(tile);
    expect(result.buildings).toHaveLength(430);
    expect(result.issues).toEqual([
      { severity: 'error', id: 'NL.IMBAG.Pand.0503100000004247', reason: 'no LoD0 footprint and no LoD1.2 GroundSurface' },
      { severity: 'error', id: 'NL.IMBAG.Pand.0503100000004493', reason: 'footprint refers to vertex 99999999, which does not exist (67636 vertices)' },
    ]);
  });

  it('reports a bad identificatie and a degenerate footprint', () => {
    const tile = base();
    const a = tile.CityObjects['NL.IMBAG.Pand.0503100000004247'];
    const b = tile.CityObjects['NL.IMBAG.Pand.0503100000004493'];
    const c = tile.CityObjects['NL.IMBAG.Pand.0503100000004494'];
    if (!a || !b || !c) throw new Error('fixture');
    a.attributes['identificatie'] = 'NL.IMBAG.Pand.123';
    b.geometry = [{ lod: 0, type: 'MultiSurface', boundaries: [[[0, 1, 0]]] }];
    c.geometry = [{ lod: 0, type: 'MultiSurface', boundaries: [[[0, 1, 0, 1]]] }];
    const issues = readCityJson(tile).issues;
    expect(issues.map((i) => [i.id, i.reason])).toEqual([
      ['NL.IMBAG.Pand.123', '"NL.IMBAG.Pand.123" is not a BAG pand identificatie (16 digits with object type 10)'],
      ['0503100000004493', 'footprint has fewer than 3 distinct points'],
      ['0503100000004494', 'footprint area 0 m² is zero or negative (degenerate or self-intersecting)'],
    ]);
  });

  it('an implausible build year becomes unknown with a warning', () => {
    const tile = base();
    const a = tile.CityObjects['NL.IMBAG.Pand.0503100000004247'];
    if (!a) throw new Error('fixture');
    a.attributes['oorspronkelijkbouwjaar'] = 9999;
    const result = readCityJson(tile);
    expect(result.buildings.find((b) => b.bagId === '0503100000004247')?.buildYear).toBeNull();
    expect(result.issues).toEqual([{ severity: 'warning', id: '0503100000004247', column: 'oorspronkelijkbouwjaar', reason: 'build year 9999 is not plausible; treated as unknown' }]);
  });

  it('rejects non-JSON, non-CityJSON and a non-RD reference system as a whole', () => {
    expect(() => readCityJson('{"type": "CityJSON",')).toThrow(StockFileError);
    expect(() => readCityJson({ type: 'FeatureCollection' })).toThrow(/Not a CityJSON document/);
    const tile = base();
    tile.metadata.referenceSystem = 'urn:ogc:def:crs:EPSG::4326';
    expect(() => readCityJson(tile)).toThrow('CityJSON reference system must be EPSG:7415 or EPSG:28992 (RD New), found EPSG:4326');
  });
});
