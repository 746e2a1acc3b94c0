import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function fixturePath(name: string): string {
  return join(fixtures, name);
}

export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

export function readFixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(name)));
}

/** The raw Delft tile as plain JSON, for independent counts in tests. */
export interface RawCityJson {
  type: string;
  metadata: { referenceSystem: string };
  transform: { scale: number[]; translate: number[] };
  vertices: number[][];
  CityObjects: Record<string, { type: string; attributes: Record<string, unknown>; geometry: { lod: number; type: string; boundaries: unknown }[]; children?: string[] }>;
}

export function delftTile(): RawCityJson {
  return JSON.parse(readFixture('3dbag_v210908_tile5910_delft.city.json')) as RawCityJson;
}
