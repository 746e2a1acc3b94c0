/**
 * `kringbouw ifc <model.ifc> [--json] [--zonder-geometrie]`
 *
 * Shows what the IFC importer extracts from a model: a Dutch summary (counts per IFC class, materials, total volume,
 * elements without material or quantity) or, with --json, the extraction object. Runs the import in a worker thread
 * with a time limit, so a model web-ifc cannot read ends as a one-line reason (exit 1), never a stack trace or a hang.
 */
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { IfcExtraction } from '@kringbouw/ifc';
import { IfcImportError, runIfcExtractionInWorker } from '@kringbouw/ifc';
import type { CliIo } from '../io.ts';

const help = `Gebruik: kringbouw ifc <model.ifc> [opties]

Laat zien wat uit een IFC-model (IFC2X3, IFC4, IFC4X3) wordt gehaald: elementen per IFC-klasse met bouwlaag,
materialen (met aandeel per laagdikte), volumes en oppervlakken (uit hoeveelhedensets of berekend uit de geometrie),
een voorgestelde NL-SfB-code en bouwlaag, en de elementen zonder materiaal of hoeveelheid.

Opties:
  --json                 het volledige resultaat als JSON
  --zonder-geometrie     geen volumes uit de geometrie berekenen (sneller; alleen hoeveelhedensets)
  --max-seconden N       afbreken na N seconden (standaard 600)
  -h, --help             deze uitleg`;

const number = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const integer = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function padStart(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

function listIds(ids: string[], max = 10): string {
  if (ids.length === 0) return 'geen';
  const shown = ids.slice(0, max).join(', ');
  return ids.length > max ? `${shown} … (+${ids.length - max})` : shown;
}

/** The readable Dutch summary of an extraction. */
export function summarizeExtraction(extraction: IfcExtraction, fileName: string): string {
  const lines: string[] = [];
  const { stats } = extraction;
  const withoutQuantity = extraction.withoutQuantity.length;
  lines.push(`${fileName}: ${extraction.schema}, project "${extraction.project.name}"`);
  lines.push(
    `${integer.format(stats.elementCount)} elementen op ${extraction.storeys.length} verdieping(en); ` +
      `hoeveelheden: ${stats.qtoCount} uit hoeveelhedensets, ${stats.geometryCount} uit geometrie, ${withoutQuantity} zonder`,
  );

  const byClass = new Map<string, { count: number; volume: number }>();
  for (const element of extraction.elements) {
    const entry = byClass.get(element.ifcClass) ?? { count: 0, volume: 0 };
    entry.count++;
    entry.volume += element.volumeM3 ?? 0;
    byClass.set(element.ifcClass, entry);
  }
  lines.push('', 'Per IFC-klasse:                 aantal      volume m³');
  for (const [ifcClass, entry] of [...byClass].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))) {
    lines.push(`  ${pad(ifcClass, 28)}${padStart(integer.format(entry.count), 8)}${padStart(number.format(entry.volume), 15)}`);
  }

  const byMaterial = new Map<string, number>();
  for (const element of extraction.elements) {
    for (const material of element.materials) {
      byMaterial.set(material.name, (byMaterial.get(material.name) ?? 0) + (element.volumeM3 ?? 0) * material.share);
    }
  }
  lines.push('', 'Materialen (volume naar aandeel):                volume m³');
  for (const [name, volume] of [...byMaterial].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    lines.push(`  ${pad(name, 45)}${padStart(number.format(volume), 12)}`);
  }
  const total = extraction.elements.reduce((sum, element) => sum + (element.volumeM3 ?? 0), 0);
  lines.push('', `Totaal volume: ${number.format(total)} m³`);
  lines.push(`Zonder materiaal (${extraction.withoutMaterial.length}): ${listIds(extraction.withoutMaterial)}`);
  lines.push(`Zonder hoeveelheid (${withoutQuantity}): ${listIds(extraction.withoutQuantity)}`);
  lines.push('', 'NL-SfB-codes en bouwlagen zijn suggesties; controleer ze. Volumes uit geometrie zijn benaderingen.');
  return lines.join('\n');
}

export async function ifcCommand(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        'zonder-geometrie': { type: 'boolean', default: false },
        'max-seconden': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.err(`kringbouw ifc: ${error instanceof Error ? error.message : String(error)}\n\n${help}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(help);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) {
    io.err(`kringbouw ifc: geef precies één IFC-bestand op\n\n${help}`);
    return 2;
  }
  const seconds = values['max-seconden'] === undefined ? 600 : Number(values['max-seconden']);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    io.err(`kringbouw ifc: --max-seconden moet een positief getal zijn, niet "${values['max-seconden']}"`);
    return 2;
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('geen bestand');
  } catch {
    io.err(`kringbouw ifc: bestand niet gevonden of niet leesbaar: ${file}`);
    return 1;
  }
  try {
    const extraction = await runIfcExtractionInWorker(file, { geometry: !values['zonder-geometrie'], timeoutMs: seconds * 1000 });
    io.out(values.json ? JSON.stringify(extraction, null, 2) : summarizeExtraction(extraction, file));
    return 0;
  } catch (error) {
    const reason = error instanceof IfcImportError ? error.message : `onverwachte fout / unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    io.err(`kringbouw ifc: ${file}: ${reason.replace(/\s*\n\s*/g, ' ')}`);
    return 1;
  }
}
