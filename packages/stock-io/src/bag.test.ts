import { describe, expect, it } from 'vitest';
import { readFixture, readFixtureBytes } from '../test/helpers.ts';
import { readBagCsv, streamBagCsv } from './bag-csv.ts';
import { readBagGeoJson, streamBagGeoJson, type BagGeoJsonItem } from './bag-geojson.ts';
import { readCityJson } from './cityjson.ts';
import { detectDialect } from './csv.ts';
import { StockFileError } from './issues.ts';
import { streamGeoJsonFeatures } from './json-stream.ts';
import { rdToWgs84 } from './rd.ts';
import { joinVerblijfsobjecten } from './verblijfsobjecten.ts';

/** Splits a text into chunks of `size` characters, to exercise chunk boundaries everywhere. */
function* chunks(text: string, size: number): Generator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

describe('streamGeoJsonFeatures', () => {
  it('splits a FeatureCollection into features whatever the chunk size, and reports the members before features', async () => {
    const collection = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
      features: [
        { type: 'Feature', properties: { name: 'a "quoted" {brace} [bracket] \\ backslash' }, geometry: null },
        { type: 'Feature', properties: { nested: { deep: [1, [2, { x: 3 }]] } }, geometry: null },
      ],
    };
    const text = JSON.stringify(collection, null, 1);
    for (const size of [1, 2, 7, 64, text.length]) {
      const events = await collect(streamGeoJsonFeatures(chunks(text, size)));
      expect(events).toEqual([
        { kind: 'header', members: { type: 'FeatureCollection', crs: collection.crs, features: null } },
        { kind: 'feature', index: 0, value: collection.features[0] },
        { kind: 'feature', index: 1, value: collection.features[1] },
      ]);
    }
  });

  it('reads GeoJSONSeq (one feature per line, optional RS separators)', async () => {
    const lines = ['{"type":"Feature","properties":{"n":1},"geometry":null}', '\u001e{"type":"Feature","properties":{"n":2},"geometry":null}'];
    const events = await collect(streamGeoJsonFeatures(chunks(lines.join('\n'), 5)));
    expect(events.map((e) => (e.kind === 'feature' ? (e.value as { properties: { n: number } }).properties.n : e.kind))).toEqual([1, 2]);
  });

  it('accepts bytes split inside a multi-byte UTF-8 character', async () => {
    const bytes = new TextEncoder().encode('{"type":"Feature","properties":{"straat":"Oude Delft ĳ é"},"geometry":null}');
    const events = await collect(streamGeoJsonFeatures([bytes.slice(0, 45), bytes.slice(45, 46), bytes.slice(46)]));
    expect(events[0]).toMatchObject({ kind: 'feature', value: { properties: { straat: 'Oude Delft ĳ é' } } });
  });

  it('reports an unparsable feature and fails on a truncated file', async () => {
    const events = await collect(streamGeoJsonFeatures(['{"type":"FeatureCollection","features":[{"a": tru}, {"b": 1}]}']));
    expect(events[1]).toMatchObject({ kind: 'invalid', index: 0 });
    expect(events[2]).toEqual({ kind: 'feature', index: 1, value: { b: 1 } });
    await expect(collect(streamGeoJsonFeatures(['{"type":"FeatureCollection","features":[{"a":1}']))).rejects.toThrow(/input ends inside an object or array/);
  });
});

describe('readBagGeoJson — 3D BAG footprints (WGS84)', () => {
  it('reads the 432 Delft footprints with the same attributes as the CityJSON tile', async () => {
    const result = await readBagGeoJson(readFixture('3dbag_v210908_tile5910_delft_footprints.geojson'));
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.panden).toHaveLength(432);
    const fromTile = new Map(readCityJson(readFixture('3dbag_v210908_tile5910_delft.city.json')).buildings.map((b) => [b.bagId, b]));
    for (const pand of result.panden) {
      const tile = fromTile.get(pand.bagId);
      expect(pand.buildYear).toBe(tile?.buildYear);
      expect(pand.roofType).toBe(tile?.roofType);
      expect(pand.heightM).toBe(tile?.heightM);
      // The GeoJSON has 7-decimal WGS84 coordinates (≈ 1 cm per vertex); the area recomputed in RD agrees to
      // 0.1 m² plus 0.1 % (the largest building, with a long perimeter, differs 0.3 m²).
      const expected = tile?.footprintAreaM2 ?? 0;
      expect(Math.abs(pand.footprintAreaM2 - expected)).toBeLessThan(0.1 + expected * 0.001);
    }
  });
});

describe('readBagGeoJson — RD New input and bad features', () => {
  const square = (x: number, y: number, size: number) => [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]];

  it('reads a crs-tagged RD FeatureCollection: area exact in metres, centroid transformed', async () => {
    const collection = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
      features: [
        { type: 'Feature', properties: { identificatie: 'NL.IMBAG.Pand.0503100000099999', oorspronkelijkbouwjaar: 1972, b3_dak_type: 'horizontal', b3_h_maaiveld: 0, b3_h_dak_max: 9.5, b3_h_dak_70p: 9.2, b3_bouwlagen: 3 }, geometry: { type: 'Polygon', coordinates: square(85000, 446500, 12.5) } },
      ],
    };
    const result = await readBagGeoJson(collection);
    expect(result.issues).toEqual([]);
    const [pand] = result.panden;
    // 12.5 m × 12.5 m = 156.25 m²; storeys from b3_bouwlagen rather than the estimate
    expect(pand).toMatchObject({ bagId: '0503100000099999', footprintAreaM2: 156.25, buildYear: 1972, roofType: 'horizontal', heightM: 9.5, storeysEstimate: 3 });
    const [lon, lat] = rdToWgs84([85006.25, 446506.25]);
    expect(pand?.centroid[0]).toBeCloseTo(lon, 6);
    expect(pand?.centroid[1]).toBeCloseTo(lat, 6);
  });

  it('reports each bad feature with its index and id, and keeps reading', async () => {
    const collection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { identificatie: '0503100000099991' }, geometry: { type: 'Point', coordinates: [85000, 446500] } },
        { type: 'Feature', properties: { identificatie: 'abc' }, geometry: { type: 'Polygon', coordinates: square(85000, 446500, 10) } },
        { type: 'Feature', properties: { identificatie: '0503100000099993' }, geometry: { type: 'Polygon', coordinates: square(900000, 446500, 10) } },
        { type: 'Feature', properties: { identificatie: '0503100000099994' }, geometry: { type: 'Polygon', coordinates: square(85000, 446500, 10) } },
        { type: 'Polygon', coordinates: [] },
      ],
    };
    const result = await readBagGeoJson(collection);
    expect(result.panden.map((p) => p.bagId)).toEqual(['0503100000099994']);
    expect(result.issues.map((i) => [i.row, i.id, i.reason])).toEqual([
      [0, '0503100000099991', 'pand needs a Polygon or MultiPolygon footprint, found Point'],
      [1, 'abc', '"abc" is not a BAG pand identificatie (16 digits with object type 10)'],
      [2, '0503100000099993', 'coordinate (900000, 446500) is outside RD New (EPSG:28992)'],
      [4, undefined, 'not a GeoJSON Feature'],
    ]);
  });

  it('rejects an unsupported CRS and an empty document', async () => {
    await expect(readBagGeoJson({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'EPSG:3857' } }, features: [] })).rejects.toThrow(StockFileError);
    await expect(readBagGeoJson('   ')).rejects.toThrow(/No GeoJSON found/);
  });
});

describe('BAG verblijfsobjecten (GeoJSON and CSV) and the join onto panden', () => {
  it('GeoJSON and Dutch CSV give the same 9 verblijfsobjecten', async () => {
    const fromGeoJson = await readBagGeoJson(readFixture('delft_verblijfsobjecten.geojson'));
    const fromCsv = await readBagCsv(readFixtureBytes('delft_verblijfsobjecten.csv'));
    expect(fromGeoJson.issues).toEqual([]);
    expect(fromCsv.issues).toEqual([]);
    expect(fromGeoJson.verblijfsobjecten).toHaveLength(9);
    expect(fromCsv.verblijfsobjecten).toEqual(fromGeoJson.verblijfsobjecten);
    expect(fromCsv.verblijfsobjecten[7]).toEqual({
      identificatie: '0503010000900008',
      gebruiksdoelen: ['winkelfunctie', 'kantoorfunctie'],
      oppervlakte: 120,
      status: 'Verblijfsobject in gebruik',
      pandIds: ['0503100000004495'],
    });
  });

  it('joins use, dwellings, floor area and vacancy onto the Delft panden', async () => {
    const tile = readCityJson(readFixture('3dbag_v210908_tile5910_delft.city.json')).buildings;
    const { verblijfsobjecten } = await readBagCsv(readFixture('delft_verblijfsobjecten.csv'));
    const { buildings, issues } = joinVerblijfsobjecten(tile, verblijfsobjecten);
    expect(issues).toEqual([]);
    const get = (id: string) => buildings.find((b) => b.bagId === id);
    expect(get('0503100000004563')).toMatchObject({ useFunctions: ['woonfunctie'], dwellings: 1, floorAreaM2: 210, vacant: false });
    expect(get('0503100000004567')).toMatchObject({ dwellings: 3, floorAreaM2: 185, vacant: false });
    expect(get('0503100000004494')).toMatchObject({ useFunctions: ['kantoorfunctie'], dwellings: 0, floorAreaM2: 640, vacant: true });
    // 0503010000900009 is "ingetrokken" and does not count: 85 + 120 m², 1 dwelling
    expect(get('0503100000004495')).toMatchObject({ useFunctions: ['woonfunctie', 'kantoorfunctie', 'winkelfunctie'], dwellings: 1, floorAreaM2: 205 });
    expect(get('0503100000004247')).toMatchObject({ useFunctions: [], dwellings: 0, floorAreaM2: null, vacant: null });
  });

  it('reports a unit whose pand was not imported', () => {
    const result = joinVerblijfsobjecten([], [{ identificatie: '0503010000900001', gebruiksdoelen: ['woonfunctie'], oppervlakte: 50, status: 'Verblijfsobject in gebruik', pandIds: ['0503100000000001'] }]);
    expect(result.issues).toEqual([{ severity: 'warning', id: '0503010000900001', column: 'pandidentificatie', reason: 'pand 0503100000000001 is not among the imported buildings' }]);
  });

  it('every bad field of a CSV row is reported with row and column; duplicates too', async () => {
    const csv = [
      'identificatie,gebruiksdoel,oppervlakte,status,pandidentificatie',
      '0503010000900001,woonfunctie,80,Verblijfsobject in gebruik,0503100000004563',
      '0503100000900002,woonfuncties,80.5,in gebruik,',
      '0503010000900001,woonfunctie,80,Verblijfsobject in gebruik,0503100000004563',
    ].join('\r\n');
    const result = await readBagCsv(csv);
    expect(result.verblijfsobjecten).toHaveLength(1);
    expect(result.issues.map((i) => [i.row, i.column, i.reason])).toEqual([
      [3, 'identificatie', '"0503100000900002" is not a verblijfsobject identificatie (16 digits with object type 01)'],
      [3, 'gebruiksdoel', `"woonfuncties" is not a BAG gebruiksdoel (woonfunctie, bijeenkomstfunctie, celfunctie, gezondheidszorgfunctie, industriefunctie, kantoorfunctie, logiesfunctie, onderwijsfunctie, sportfunctie, winkelfunctie, overige gebruiksfunctie)`],
      [3, 'oppervlakte', 'oppervlakte "80.5" must be a whole number of m² between 1 and 999999'],
      [3, 'status', '"in gebruik" is not a BAG verblijfsobject status'],
      [3, 'pandidentificatie', 'pandidentificatie is empty'],
      [4, 'identificatie', 'duplicate identificatie'],
    ]);
  });

  it('a CSV without the required columns is rejected as a whole', async () => {
    await expect(readBagCsv('identificatie;oppervlakte\n0503010000900001;80\n')).rejects.toThrow('Missing column(s): gebruiksdoel, status, pandidentificatie');
  });

  it('streams a large CSV row by row', async () => {
    const header = 'identificatie;gebruiksdoel;oppervlakte;status;pandidentificatie\n';
    function* lines() {
      yield header;
      for (let i = 0; i < 5000; i += 1) yield `0503010000${String(i).padStart(6, '0')};woonfunctie;${50 + (i % 50)};Verblijfsobject in gebruik;0503100000004563\n`;
    }
    let count = 0;
    for await (const item of streamBagCsv(lines(), detectDialect(header))) if (item.kind === 'verblijfsobject') count += 1;
    expect(count).toBe(5000);
  });
});

describe('streamBagGeoJson on a generated extract', () => {
  it('yields panden one by one from a 2 000-feature GeoJSONSeq', async () => {
    function* seq() {
      for (let i = 0; i < 2000; i += 1) {
        const x = 80000 + (i % 50) * 20;
        const y = 440000 + Math.floor(i / 50) * 20;
        yield `${JSON.stringify({ type: 'Feature', properties: { identificatie: `05031000${String(i).padStart(8, '0')}`, oorspronkelijkbouwjaar: 1950 + (i % 60) }, geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 10, y], [x + 10, y + 8], [x, y + 8], [x, y]]] } })}\n`;
      }
    }
    const items: BagGeoJsonItem[] = await collect(streamBagGeoJson(seq()));
    const panden = items.filter((i) => i.kind === 'pand');
    expect(panden).toHaveLength(2000);
    expect(items.filter((i) => i.kind === 'issue')).toEqual([]);
    expect(panden.every((p) => p.kind === 'pand' && p.building.footprintAreaM2 === 80)).toBe(true);
  });
});
