/**
 * Build script (not domain code): converts the ÖKOBAUDAT 2020-II generic EN 15804+A1 export into the profile library
 * packages/domain/data/profiles/oekobaudat-2020-II.json, keyed by dataset UUID.
 *
 *   npx tsx packages/domain/scripts/build-oekobaudat.ts
 *
 * Input: packages/domain/data/sources/oekobaudat_2020_II_generic_en15804a1.csv (long format: one row per dataset ×
 * module) and oekobaudat_2020_II_generic_gwp_wide.csv (used only to fill a density / area weight the long file lacks).
 * Values are copied as published, divided by the reference quantity (Bezugsgroesse) so that every profile is per ONE
 * declared unit. Missing values stay null (missing), never 0.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '..', 'data');
const longCsv = join(dataDir, 'sources', 'oekobaudat_2020_II_generic_en15804a1.csv');
const wideCsv = join(dataDir, 'sources', 'oekobaudat_2020_II_generic_gwp_wide.csv');
const outFile = join(dataDir, 'profiles', 'oekobaudat-2020-II.json');

type Row = Record<string, string>;
const read = (file: string): Row[] => parse(readFileSync(file, 'utf8'), { columns: true, bom: true, skip_empty_lines: true }) as Row[];

/** Column order of the impact arrays; A1 category keys of the Kringbouw model. */
const categoryColumns = [
  ['gwp', 'GWP'], ['odp', 'ODP'], ['pocp', 'POCP'], ['ap', 'AP'], ['ep', 'EP'], ['adpe', 'ADPE'], ['adpf', 'ADPF'],
] as const;
const moduleOrder = ['A1-A3', 'A4', 'A5', 'B1', 'B2', 'B3', 'B4', 'B5', 'C1', 'C2', 'C3', 'C4', 'D'];
const unitMap: Record<string, string> = { kg: 'kg', m3: 'm3', qm: 'm2', m: 'm', 'pcs.': 'st' };

const num = (text: string | undefined): number | undefined => {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
};
const categoryPath = (text: string): string => text.split(' / ').map((part) => part.trim().replace(/^'|'$/g, '')).join(' / ');

function isTimber(category: string, nameEn: string): boolean {
  if (/cement bound/i.test(nameEn)) return false;
  if (category.startsWith('Wood / Wooden floor / Cork')) return false;
  return category.startsWith('Wood / ') || category.startsWith('Insulation materials / Wood fibre');
}

const rows = read(longCsv);
const wide = new Map(read(wideCsv).map((row) => [row.uuid ?? '', row]));
const byUuid = new Map<string, Row[]>();
for (const row of rows) {
  const uuid = row.UUID ?? '';
  const list = byUuid.get(uuid) ?? [];
  list.push(row);
  byUuid.set(uuid, list);
}

const profiles: Record<string, unknown> = {};
const excluded: { uuid: string; name: string; reason: string }[] = [];
for (const uuid of [...byUuid.keys()].sort()) {
  const group = byUuid.get(uuid) ?? [];
  const first = group[0];
  if (!first) continue;
  const nameEn = first['Name (en)'] ?? '';
  const sourceUnit = first.Bezugseinheit ?? '';
  const unit = unitMap[sourceUnit];
  if (!unit) {
    excluded.push({ uuid, name: nameEn, reason: `declared unit "${sourceUnit}" is not a quantity of building material` });
    continue;
  }
  if (!group.some((row) => row.Modul === 'A1-A3')) {
    excluded.push({ uuid, name: nameEn, reason: 'no production stage (A1-A3): process or end-of-life dataset only' });
    continue;
  }
  const w = wide.get(uuid);
  const density = num(first['Rohdichte (kg/m3)']) ?? num(first['Schuettdichte (kg/m3)']) ?? num(w?.density_kg_m3);
  const areaWeight = num(first['Flaechengewicht (kg/m2)']) ?? num(w?.area_weight_kg_m2);
  const linearWeight = num(first['Laengengewicht (kg/m)']);
  const biogenic = num(first['biogener Kohlenstoffgehalt in kg']) ?? num(w?.biogenic_carbon_kg);
  const category = categoryPath(first['Kategorie (en)'] ?? '');
  const kgPerUnit = unit === 'kg' ? 1 : unit === 'm3' ? density : unit === 'm2' ? areaWeight : unit === 'm' ? linearWeight : undefined;

  const impacts: Record<string, (number | null)[]> = {};
  for (const module of moduleOrder) {
    const row = group.find((r) => r.Modul === module);
    if (!row) continue;
    const reference = num(row.Bezugsgroesse) ?? 1;
    impacts[module] = categoryColumns.map(([, column]) => {
      const value = num(row[column]);
      return value === undefined ? null : value / reference;
    });
  }
  const profile: Record<string, unknown> = {
    name: { de: first['Name (de)'], en: nameEn },
    category,
    version: first.Version,
    unit,
  };
  if (kgPerUnit !== undefined) profile.kgPerUnit = kgPerUnit;
  if (density !== undefined) profile.densityKgM3 = density;
  if (areaWeight !== undefined) profile.areaWeightKgM2 = areaWeight;
  if (linearWeight !== undefined) profile.linearWeightKgM = linearWeight;
  if (biogenic !== undefined) profile.biogenicCarbonKgC = biogenic;
  if (isTimber(category, nameEn)) {
    const moisture = /\((\d+(?:\.\d+)?)% moisture/.exec(nameEn)?.[1];
    profile.timber = { moisturePct: moisture ? Number(moisture) : 12, moistureSource: moisture ? 'dataset name' : 'default 12 %', woodShare: 1 };
  }
  profile.impacts = impacts;
  profiles[uuid] = profile;
}

const library = {
  format: 'kringbouw-profile-library/1',
  id: 'oekobaudat-2020-II',
  version: '2020-II+kringbouw.1',
  release: 'ÖKOBAUDAT 2020-II (generic datasets, EN 15804+A1)',
  databaseUuid: '448d1096-2017-4901-a560-f652a83c737e',
  attribution: 'ÖKOBAUDAT, BMWSB/BBSR, release 2020-II',
  url: 'https://www.oekobaudat.de',
  datasetUrlTemplate: 'https://www.oekobaudat.de/OEKOBAU.DAT/resource/processes/{id}?version={version}',
  // The terms as read on the publisher's pages (see data/README.md); keep in step with a re-read of those pages.
  licence:
    "ÖKOBAUDAT Nutzungsbedingungen, https://www.oekobaudat.de/anleitungen/datennutzer.html (stored copy read 2026-11-23, page date not shown): \"Das BMI stellt die in der ÖKOBAUDAT veröffentlichten Daten kostenfrei und uneingeschränkt zur Verfügung. Sie sind vornehmlich zur Berechnung von Gebäudeökobilanzen vorgesehen.\" and \"BMI/BBSR übernehmen jedoch keine Gewähr für die Richtigkeit der Daten.\" Older wording, section 'Lizenzbedingungen' of https://oekobaudat.de/datenbank/browser-oekobaudat.html (copy from the 2017-I release period): \"Das BMI stellt die ÖKOBAUDAT-Daten kostenfrei uneingeschränkt zum Zwecke der Berechnung von Gebäudeökobilanzen zur Verfügung.\" and \"Sie sind nicht für die Erstellung von Produkt-Ökobilanzen vorgesehen.\" Neither page names a CC licence or an attribution format, and neither says explicitly whether converted data may be redistributed. Source of this conversion: CSV export in GitHub n3xtcoder/ai4impact-bbsr; its LICENSE.md exists in two stored versions: 'ÖKOBAUDAT dataset may be used, modified, and redistributed for any purpose, including commercial use' (dual licence, commit cc8d7326) and CC BY 4.0 with attribution 'Data provided by BBSR …, prepared by N3XTCODER Softwareentwicklungs GmbH' (commit 945897e8). Attribute \"ÖKOBAUDAT, BMWSB/BBSR, release 2020-II\" with a link to https://www.oekobaudat.de.",
  set: 'a1',
  categories: categoryColumns.map(([key]) => key),
  note: 'German generic data with safety surcharges, not NMD data: results are indicative. POCP kg C2H4-eq, AP kg SO2-eq, EP kg PO4-eq, ADPE kg Sb-eq, ADPF MJ (EN 15804+A1 units).',
  excluded,
  profiles,
};

// One profile per line keeps the file diffable and compact.
const head = JSON.stringify({ ...library, excluded: undefined, profiles: undefined }, null, 1).replace(/\n}$/, '');
const excludedText = excluded.map((entry) => ` ${JSON.stringify(entry)}`).join(',\n');
const profileText = Object.entries(profiles).map(([uuid, profile]) => ` ${JSON.stringify(uuid)}: ${JSON.stringify(profile)}`).join(',\n');
writeFileSync(outFile, `${head},\n"excluded": [\n${excludedText}\n],\n"profiles": {\n${profileText}\n}\n}\n`);
process.stdout.write(`oekobaudat: ${Object.keys(profiles).length} profiles, ${excluded.length} datasets excluded → ${outFile}\n`);
