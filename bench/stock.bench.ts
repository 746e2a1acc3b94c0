/**
 * Kansenkaart import and scoring: the real Delft 3D BAG tile, and a generated 200 000-building extract streamed
 * as GeoJSONSeq in RD New (what `ogr2ogr -f GeoJSONSeq` makes of a 3D BAG GeoPackage). Measures parse +
 * transform (RD → WGS84) + neighbour heights + scoring, and peak memory. The database part of the issue's
 * benchmark (1M rows into PostgreSQL, 100k into PGlite) belongs to the server feature.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultOpportunityRules, scoreStock, type StockBuilding } from '@kringbouw/domain/opportunities';
import { readCityJson, streamBagGeoJson } from '@kringbouw/stock-io';

const here = dirname(fileURLToPath(import.meta.url));
const tilePath = join(here, '..', 'packages', 'stock-io', 'test', 'fixtures', '3dbag_v210908_tile5910_delft.city.json');
const GENERATED = 200_000;

const maxRssMiB = () => process.resourceUsage().maxRSS / 1024;
const heapMiB = () => process.memoryUsage().heapUsed / 2 ** 20;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Deterministic PRNG (mulberry32), so every run generates the same city. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A city of `count` buildings on a 25 m street grid around Utrecht (RD ≈ 136 000, 455 000), one GeoJSONSeq line
 * per building: 6–10-vertex footprints, 3D BAG v2023 attribute names. Lines are produced lazily in 1 MB chunks.
 */
export function* generatedCity(count: number): Generator<string> {
  const next = random(7415);
  const roofTypes = ['slanted', 'horizontal', 'multiple horizontal', 'slanted'];
  const perRow = Math.ceil(Math.sqrt(count));
  let chunk = '';
  for (let i = 0; i < count; i += 1) {
    const x0 = 130_000 + (i % perRow) * 25;
    const y0 = 450_000 + Math.floor(i / perRow) * 25;
    const w = 6 + next() * 12;
    const d = 8 + next() * 10;
    const notch = 1 + next() * 2;
    const ring = [[x0, y0], [x0 + w, y0], [x0 + w, y0 + d - notch], [x0 + w - notch, y0 + d - notch], [x0 + w - notch, y0 + d], [x0, y0 + d], [x0, y0]].map(([x = 0, y = 0]) => [
      Math.round(x * 1000) / 1000,
      Math.round(y * 1000) / 1000,
    ]);
    const ground = Math.round(next() * 300) / 100;
    const height = 3 + Math.floor(next() * 8) * 3 + next() * 2;
    const feature = {
      type: 'Feature',
      properties: {
        identificatie: `NL.IMBAG.Pand.0344${'10'}${String(i).padStart(10, '0')}`,
        oorspronkelijkbouwjaar: 1880 + Math.floor(next() * 140),
        b3_dak_type: roofTypes[Math.floor(next() * roofTypes.length)],
        b3_h_maaiveld: ground,
        b3_h_dak_70p: Math.round((ground + height * 0.9) * 100) / 100,
        b3_h_dak_max: Math.round((ground + height) * 100) / 100,
      },
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
    chunk += `${JSON.stringify(feature)}\n`;
    if (chunk.length > 1_000_000) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

export default async function stockBench(): Promise<string> {
  const baselineRss = maxRssMiB();

  // Delft tile: 5 runs, median.
  const tileText = readFileSync(tilePath, 'utf8');
  const parseTimes: number[] = [];
  const scoreTimes: number[] = [];
  let tileCount = 0;
  for (let run = 0; run < 5; run += 1) {
    const t0 = performance.now();
    const { buildings } = readCityJson(tileText);
    const t1 = performance.now();
    scoreStock(buildings, defaultOpportunityRules);
    const t2 = performance.now();
    parseTimes.push(t1 - t0);
    scoreTimes.push(t2 - t1);
    tileCount = buildings.length;
  }

  // Generated extract, pass 1: stream only (count, keep nothing) — shows the importer's own memory footprint.
  let t = performance.now();
  let streamed = 0;
  for await (const item of streamBagGeoJson(generatedCity(GENERATED))) if (item.kind === 'pand') streamed += 1;
  const streamMs = performance.now() - t;
  const streamRss = maxRssMiB();

  // Pass 2: keep the buildings (scoring needs every building for the neighbour comparison) and score them.
  t = performance.now();
  const buildings: StockBuilding[] = [];
  for await (const item of streamBagGeoJson(generatedCity(GENERATED))) if (item.kind === 'pand') buildings.push(item.building);
  const collectMs = performance.now() - t;
  const heapAfterCollect = heapMiB();
  t = performance.now();
  const scored = scoreStock(buildings, defaultOpportunityRules);
  const scoreMs = performance.now() - t;
  const fired = scored.filter((s) => s.opportunities.optoppen.score >= 50).length;
  const peakRss = maxRssMiB();

  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const perSecond = (n: number, millis: number) => `${Math.round((n / millis) * 1000).toLocaleString('en-US')}/s`;
  return `### Kansenkaart: stock import and scoring (bench/stock.bench.ts)

| step | buildings | time | throughput |
|---|---:|---:|---:|
| Delft 3D BAG tile 5910: readCityJson (parse, RD→WGS84, area, centroid), median of 5 | ${tileCount} | ${ms(median(parseTimes))} | ${perSecond(tileCount, median(parseTimes))} |
| Delft tile: scoreStock (neighbour heights + 3 kinds), median of 5 | ${tileCount} | ${ms(median(scoreTimes))} | ${perSecond(tileCount, median(scoreTimes))} |
| Generated extract, GeoJSONSeq in RD, streamed and discarded (parse + transform) | ${streamed.toLocaleString('en-US')} | ${ms(streamMs)} | ${perSecond(streamed, streamMs)} |
| Generated extract, streamed and kept in memory | ${buildings.length.toLocaleString('en-US')} | ${ms(collectMs)} | ${perSecond(buildings.length, collectMs)} |
| Generated extract: scoreStock (grid-indexed neighbours, 50 m) | ${scored.length.toLocaleString('en-US')} | ${ms(scoreMs)} | ${perSecond(scored.length, scoreMs)} |

| memory | MiB |
|---|---:|
| peak RSS before the benchmark (baseline: Node + modules) | ${baselineRss.toFixed(0)} |
| peak RSS after the Delft runs and the 200k streaming pass (nothing kept) | ${streamRss.toFixed(0)} |
| heap used holding 200k StockBuildings | ${heapAfterCollect.toFixed(0)} |
| peak RSS after collecting and scoring 200k | ${peakRss.toFixed(0)} |

${fired.toLocaleString('en-US')} of the generated buildings score ≥ 50 for optoppen. The generated city: 7-vertex footprints on a
25 m grid near Utrecht, random heights 3–28 m, build years 1880–2019, 3D BAG v2023 attribute names; deterministic seed.
Streaming keeps only the current feature's text; the kept pass holds the StockBuilding objects (WGS84 footprints),
which the neighbour comparison needs. A 1M-building municipality would be scored per tile or per neighbourhood.`;
}
