/**
 * IFC import: extractIfc against web-ifc's bare open + property walk of the same file, in the same benchmark run
 * (OpenModel, GetLineIDsWithType over every IfcElement subtype, GetLine for each element, CloseModel).
 * Goals (issue 4): extraction ≤ 1.5 × the bare walk; peak memory ≤ 3 × file size + 300 MB.
 *
 * Each measurement runs in its own child process (this file with `--child`), so peak RSS belongs to that import
 * alone; bare walk and extraction alternate twice and the faster run of each counts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { IFCELEMENT } from 'web-ifc';
import { getIfcApi } from '../packages/ifc/src/api.ts';
import { generateIfc } from '../packages/ifc/src/generate.ts';
import { extractIfc } from '../packages/ifc/src/index.ts';

interface ChildResult {
  ms: number;
  rssMb: number;
  elements: number;
  qto: number;
  geometry: number;
}

/** One measurement in this process: a warm-up run, then the faster of two timed runs. */
async function runChild(mode: 'bare' | 'extract', file: string): Promise<ChildResult> {
  const bytes = readFileSync(file);
  const api = await getIfcApi();
  const bare = () => {
    const started = performance.now();
    const modelID = api.OpenModel(bytes);
    const ids = api.GetLineIDsWithType(modelID, IFCELEMENT, true);
    for (let i = 0; i < ids.size(); i++) api.GetLine(modelID, ids.get(i));
    api.CloseModel(modelID);
    return { ms: performance.now() - started, elements: ids.size() };
  };
  if (mode === 'bare') {
    bare();
    const { ms, elements } = [bare(), bare()].sort((a, b) => a.ms - b.ms)[0] ?? bare();
    return { ms, elements, qto: 0, geometry: 0, rssMb: process.resourceUsage().maxRSS / 1024 };
  }
  await extractIfc(bytes);
  const result = [await extractIfc(bytes), await extractIfc(bytes)].sort((a, b) => a.stats.ms - b.stats.ms)[0] ?? (await extractIfc(bytes));
  return {
    ms: result.stats.ms,
    elements: result.stats.elementCount,
    qto: result.stats.qtoCount,
    geometry: result.stats.geometryCount,
    rssMb: process.resourceUsage().maxRSS / 1024,
  };
}

function child(mode: 'bare' | 'extract', file: string): ChildResult {
  const output = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', mode, file], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as ChildResult;
}

function row(label: string, file: string): string {
  const sizeMb = statSync(file).size / 2 ** 20;
  const runs = [child('bare', file), child('extract', file), child('bare', file), child('extract', file)];
  const bare = runs.filter((_, index) => index % 2 === 0);
  const extract = runs.filter((_, index) => index % 2 === 1);
  const bareMs = Math.min(...bare.map((run) => run.ms));
  const extractMs = Math.min(...extract.map((run) => run.ms));
  const bareRss = Math.max(...bare.map((run) => run.rssMb));
  const extractRss = Math.max(...extract.map((run) => run.rssMb));
  const ratio = extractMs / bareMs;
  const goalMb = 3 * sizeMb + 300;
  const first = extract[0];
  return `| ${label} | ${sizeMb.toFixed(1)} | ${first?.elements ?? 0} (${first?.qto ?? 0} Qto, ${first?.geometry ?? 0} geometrie) | ${bareMs.toFixed(0)} | ${extractMs.toFixed(0)} | ${ratio.toFixed(2)} ${ratio <= 1.5 ? '✓' : '✗'} | ${bareRss.toFixed(0)} | ${extractRss.toFixed(0)} | ${goalMb.toFixed(0)} ${extractRss <= goalMb ? '✓' : '✗'} |`;
}

export default async function ifcBenchmark(): Promise<string> {
  const directory = mkdtempSync(join(tmpdir(), 'kringbouw-ifc-bench-'));
  try {
    const withQto = join(directory, 'synthetisch-qto.ifc');
    writeFileSync(withQto, generateIfc({ storeys: 16, wallsPerStorey: 1300, slabsPerStorey: 100, columnsPerStorey: 600, quantities: true }).text);
    const withoutQto = join(directory, 'synthetisch-geometrie.ifc');
    writeFileSync(withoutQto, generateIfc({ storeys: 28, wallsPerStorey: 1300, slabsPerStorey: 100, columnsPerStorey: 600, quantities: false }).text);
    const rows = [
      row('office-cv2.ifc (IFC2X3, BaseQuantities)', fileURLToPath(new URL('../packages/ifc/test/fixtures/office-cv2.ifc', import.meta.url))),
      row('synthetisch IFC4 met Qto-sets', withQto),
      row('synthetisch IFC4 zonder Qto (alles uit geometrie)', withoutQto),
    ];
    return `### IFC import (packages/ifc)

| model | MB | elementen | kale web-ifc-walk ms | extractIfc ms | verhouding (doel ≤ 1,5) | piek-RSS kale walk MB | piek-RSS extractIfc MB | doel MB (3 × bestand + 300) |
|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Kale walk: \`OpenModel\` + \`GetLineIDsWithType(IFCELEMENT, inherited)\` + \`GetLine\` per element + \`CloseModel\`.
extractIfc: STEP-syntaxcontrole, web-ifc \`OpenModel\`, relatie-indexen, eigenschaps- en hoeveelhedensets, materialen,
NL-SfB/bouwlaag en — alleen waar geen Qto is — geometrie (web-ifc \`StreamMeshes\`). Elke meting draait in een eigen
proces (opwarmrun + snelste van twee runs), kale walk en extractie om en om, twee keer; de snelste run telt, piek-RSS is het maximum.
De rij zonder Qto doet werk dat de kale walk niet doet (triangulatie van elk element); de 1,5×-doelstelling gaat over
de import met hoeveelhedensets.`;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child' && import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const mode = process.argv[3] === 'bare' ? 'bare' : 'extract';
  process.stdout.write(`${JSON.stringify(await runChild(mode, process.argv[4] ?? ''))}\n`);
}
