/**
 * `kringbouw calc <paspoort.csv|.xlsx|.json|.ifc> [--bvo M2] [--gebouwtype …] [--rsp JAREN] [--vervanging nmd|en15978]
 * [--weging a1|a2] [--vergunningsdatum JJJJ-MM-DD] [--json]`
 *
 * Reads a passport, calculates every indicator with the shipped ÖKOBAUDAT library and method data, and prints a Dutch
 * summary (or JSON). Invalid input exits 1 with every problem listed; usage errors exit 2. No stack traces.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { LcaResult, Passport, PassportInput, ReplacementRule, WeightingSet } from '@kringbouw/domain/lca';
import {
  buildingTypes, calculateIndicators, libraryFromProfiles, mergeLibraries, oekobaudat2020II, parsePassport,
  replacementRules, weightingSets,
} from '@kringbouw/domain/lca';
import type { EnvironmentalProfile, ProfileLibrary } from '@kringbouw/domain/lca';
import type { ProjectInput } from '@kringbouw/passport-io';
import { passportFormatOf, readEpdFile, readPassport } from '@kringbouw/passport-io';
import type { CliIo } from '../io.ts';
import { prettyJsonChunks } from '../json-stream.ts';

const help = `Gebruik: kringbouw calc <paspoort.csv|.xlsx|.json|.ifc> [opties]

Berekent MKI/MPG, materiaalgebonden CO2 (Paris Proof), opgeslagen biogene CO2, herkomst materialen,
losmaakbaarheid (LI v2.0), MCI en de toets aan Het Nieuwe Normaal. Uitkomsten zijn indicatief.

Opties:
  --bvo M2                       bruto vloeroppervlak in m² (verplicht voor CSV/XLSX/IFC zonder projectgegevens)
  --gebouwtype TYPE              ${buildingTypes.join(' | ')}
  --rsp JAREN                    referentieperiode (standaard 75 woningen, 50 kantoren)
  --vervanging nmd|en15978       vervangingsregel (standaard nmd)
  --weging a1|a2                 wegingsset voor de MKI (standaard a1, de wettelijke basis)
  --vergunningsdatum JJJJ-MM-DD  datum vergunningaanvraag, bepaalt de MPG-grenswaarde
  --epd BESTAND                  extra milieuprofielen uit EPD's: LCAx-JSON, ILCD+EPD-JSON (ÖKOBAUDAT, view=extended)
                                 of een ILCD-archief .zip; herhaalbaar; gaat voor ÖKOBAUDAT
  --json                         resultaat als JSON
  -h, --help                     deze uitleg`;

export async function calcCommand(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        bvo: { type: 'string' },
        gebouwtype: { type: 'string' },
        rsp: { type: 'string' },
        vervanging: { type: 'string' },
        weging: { type: 'string' },
        vergunningsdatum: { type: 'string' },
        epd: { type: 'string', multiple: true },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.err(`kringbouw calc: ${error instanceof Error ? error.message : String(error)}\n\n${help}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(help);
    return 0;
  }
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    io.err(`kringbouw calc: geef precies één paspoortbestand op.\n\n${help}`);
    return 2;
  }

  const usage: string[] = [];
  const number = (flag: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const value = Number(text.replace(',', '.'));
    if (!Number.isFinite(value) || value <= 0) usage.push(`--${flag} "${text}" is geen positief getal`);
    return value;
  };
  const project: ProjectInput = {};
  const bvo = number('bvo', values.bvo);
  if (bvo !== undefined) project.bvoM2 = bvo;
  const rsp = number('rsp', values.rsp);
  if (rsp !== undefined) project.rspYears = rsp;
  if (values.gebouwtype !== undefined) {
    if (!(buildingTypes as readonly string[]).includes(values.gebouwtype)) usage.push(`--gebouwtype "${values.gebouwtype}": kies uit ${buildingTypes.join(', ')}`);
    project.buildingType = values.gebouwtype;
  }
  if (values.vergunningsdatum !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.vergunningsdatum)) usage.push(`--vergunningsdatum "${values.vergunningsdatum}" is geen datum JJJJ-MM-DD`);
    project.permitDate = values.vergunningsdatum;
  }
  const rule = (values.vervanging ?? 'nmd') as ReplacementRule;
  if (!replacementRules.includes(rule)) usage.push(`--vervanging "${values.vervanging}": kies uit ${replacementRules.join(', ')}`);
  const set = (values.weging ?? 'a1') as WeightingSet;
  if (!weightingSets.includes(set)) usage.push(`--weging "${values.weging}": kies uit ${weightingSets.join(', ')}`);
  if (usage.length > 0) {
    io.err(`kringbouw calc: ongeldige opties:\n${usage.map((u) => `  - ${u}`).join('\n')}`);
    return 2;
  }

  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(`kringbouw calc: kan "${file}" niet lezen${code === 'ENOENT' ? ': bestand bestaat niet' : code ? ` (${code})` : ''}.`);
    return 1;
  }

  let library: ProfileLibrary = oekobaudat2020II();
  if (values.epd && values.epd.length > 0) {
    const profiles: EnvironmentalProfile[] = [];
    const problems: string[] = [];
    for (const epdFile of values.epd) {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(epdFile));
      } catch {
        problems.push(`${basename(epdFile)}: kan het bestand niet lezen`);
        continue;
      }
      const imported = await readEpdFile(bytes, basename(epdFile));
      if (imported.ok) profiles.push(...imported.profiles);
      else for (const issue of imported.issues) problems.push(`${basename(epdFile)}, ${issue.path}: ${issue.message}`);
    }
    if (problems.length > 0) {
      io.err(`kringbouw calc: EPD-bestanden ongeldig; er is niets berekend:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
      return 1;
    }
    library = mergeLibraries(libraryFromProfiles('epd', profiles), library);
  }
  let passport: Passport;
  let sourceRows: number[] | undefined;
  const extraWarnings: string[] = [];
  if (/\.ifc$/i.test(file)) {
    const fromIfc = await passportFromIfc(bytes, project, extraWarnings);
    if (!fromIfc.ok) {
      io.err(`kringbouw calc: ${basename(file)} is ongeldig:\n${fromIfc.problems.map((p) => `  - ${p}`).join('\n')}`);
      return 1;
    }
    passport = fromIfc.passport;
  } else {
    const format = passportFormatOf(file);
    if (!format) {
      io.err(`kringbouw calc: onbekend bestandstype "${basename(file)}"; gebruik .csv, .xlsx, .json of .ifc.`);
      return 2;
    }
    const read = await readPassport(bytes, format, project);
    if (!read.ok) {
      const lines = read.issues.map((i) => {
        const where = i.row !== undefined ? `rij ${i.row}${i.column ? `, kolom ${i.column}` : ''}` : i.path;
        return `  - ${where}: ${i.message}`;
      });
      io.err(`kringbouw calc: ${basename(file)} bevat ${read.issues.length} ${read.issues.length === 1 ? 'fout' : 'fouten'}; er is niets berekend:\n${lines.join('\n')}`);
      return 1;
    }
    passport = read.passport;
    sourceRows = read.sourceRows;
  }

  const result = calculateIndicators(passport, { library, replacementRule: rule, weightingSet: set });
  if (values.json) {
    const output = { ...result, ...(sourceRows && { sourceRows }), ...(extraWarnings.length > 0 && { ifcWarnings: extraWarnings }) };
    if (io.write) {
      for (const chunk of prettyJsonChunks(output)) io.write(chunk);
      io.write('\n');
    } else {
      io.out(JSON.stringify(output, null, 2));
    }
  } else {
    io.out(summary(result, basename(file), extraWarnings, sourceRows));
  }
  return 0;
}

type IfcPassport = { ok: true; passport: Passport } | { ok: false; problems: string[] };

/**
 * Builds a passport from an IFC model: one material line per element × material (volume × share, in m3), profiles
 * from the synonyms-table default mapping (applied by the engine, reported as warnings).
 */
async function passportFromIfc(bytes: Uint8Array, project: ProjectInput, warnings: string[]): Promise<IfcPassport> {
  const problems: string[] = [];
  if (project.bvoM2 === undefined) problems.push('BVO ontbreekt: geef --bvo <m²> (een IFC-model bevat geen betrouwbare BVO)');
  if (project.buildingType === undefined) problems.push(`gebouwtype ontbreekt: geef --gebouwtype ${buildingTypes.join('|')}`);
  if (problems.length > 0) return { ok: false, problems };
  let extraction;
  try {
    const { extractIfc } = await import('@kringbouw/ifc');
    extraction = await extractIfc(bytes);
  } catch (error) {
    return { ok: false, problems: [`IFC kan niet worden gelezen: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const elements: PassportInput['elements'] = [];
  let withoutVolume = 0;
  for (const element of extraction.elements) {
    if (element.volumeM3 === null || element.materials.length === 0) {
      withoutVolume += 1;
      continue;
    }
    const volume = element.volumeM3;
    elements.push({
      nlsfb: element.nlsfb.code ?? '00',
      name: `${element.name || element.ifcClass} (${element.globalId})`,
      layer: element.layer ?? 'constructie',
      lines: element.materials.map((m) => ({ description: m.name, quantity: volume * m.share, unit: 'm3' as const })),
    });
  }
  if (withoutVolume > 0) warnings.push(`${withoutVolume} IFC-elementen zonder volume of materiaal zijn overgeslagen.`);
  const unclassified = extraction.elements.filter((e) => e.nlsfb.code === null).length;
  if (unclassified > 0) warnings.push(`${unclassified} IFC-elementen zonder NL-SfB-code staan onder code 00.`);
  const withoutLayer = extraction.elements.filter((e) => e.layer === null && e.volumeM3 !== null && e.materials.length > 0).length;
  if (withoutLayer > 0) warnings.push(`${withoutLayer} IFC-elementen zonder bouwlaag zijn als "constructie" ingedeeld.`);
  if (elements.length === 0) return { ok: false, problems: ['het IFC-model bevat geen elementen met materiaal en volume'] };
  const parsed = parsePassport({ project: { ...project }, elements });
  if (!parsed.ok) return { ok: false, problems: parsed.issues.map((i) => `${i.path}: ${i.message}`) };
  return { ok: true, passport: parsed.passport };
}

const nl = (value: number | null | undefined, digits = 0): string =>
  value === null || value === undefined || Number.isNaN(value)
    ? '–'
    : value.toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('   '))
    .join('\n');
}

function summary(r: LcaResult, fileName: string, extraWarnings: string[], sourceRows: number[] | undefined): string {
  const out: string[] = [];
  const p = r.project;
  out.push(`Kringbouw — indicatoren voor ${fileName}`);
  out.push(`${p.buildingType}, ${p.useFunction}, BVO ${nl(p.bvoM2)} m², referentieperiode ${nl(p.rspYears)} jaar, vervanging ${p.replacementRule}, weging ${p.weightingSet.toUpperCase()}`);
  out.push(`INDICATIEF — ${r.label}`);
  out.push('');
  const mpgStatus = r.mpg.pass === null ? 'geen grenswaarde' : r.mpg.pass ? 'voldoet' : 'voldoet niet';
  out.push(
    table([
      ['Indicator', 'Waarde', 'Eenheid', 'Toets'],
      ['MPG', nl(r.mpg.value, 3), '€/m² BVO/jr', r.mpg.limit === null ? mpgStatus : `≤ ${nl(r.mpg.limit, 2)}: ${mpgStatus} (marge ${nl(r.mpg.marginEurPerM2Yr, 3)})`],
      ['MKI totaal', nl(r.mki.total, 0), '€', r.mki.surchargeEur > 0 ? `incl. ${nl(r.mki.surchargeEur, 0)} categorie-3-toeslag` : ''],
      ['CO2 A1-A3', nl(r.gwp.a1a3, 0), 'kg CO2-eq', ''],
      ['CO2 A1-A5', nl(r.gwp.a1a5, 0), 'kg CO2-eq', ''],
      ['CO2 alle modules (excl. D)', nl(r.gwp.total, 0), 'kg CO2-eq', `waarvan vervangingen ${nl(r.gwp.replacements, 0)}`],
      ['CO2 module D', nl(r.gwp.d, 0), 'kg CO2-eq', 'apart gerapporteerd'],
      ['Paris Proof (A1-A5)', nl(r.gwp.parisProofPerM2, 1), 'kg CO2-eq/m² BVO', ''],
      ['Opgeslagen biogene CO2', nl(r.biogenicCarbonKgCO2, 0), 'kg CO2', 'indicatief'],
      ['Herkomst: hernieuwbaar', nl(r.materialOrigin.renewablePct, 1), '% massa', ''],
      ['Herkomst: hergebruikt', nl(r.materialOrigin.reusedPct, 1), '% massa', ''],
      ['Herkomst: gerecycled', nl(r.materialOrigin.recycledPct, 1), '% massa', ''],
      ['Herkomst: primair', nl(r.materialOrigin.primaryPct, 1), '% massa', `totaal ${nl(r.materialOrigin.massKg / 1000, 1)} t`],
      ['Einde levensduur: hergebruik', nl(r.endOfLife.reusePct, 1), '% massa', ''],
      ['Einde levensduur: recycling', nl(r.endOfLife.recyclingPct, 1), '% massa', ''],
      ['Losmaakbaarheid (LI)', nl(r.detachability.index === null ? null : r.detachability.index * 100, 1), '%', r.detachability.weighting ? `gewogen naar ${r.detachability.weighting}` : ''],
      ['MCI', nl(r.mci === null ? null : r.mci * 100, 1), '%', 'massagewogen'],
      ['Zorgwekkende stoffen', nl(r.hazardous.lines), 'regels', r.hazardous.lines > 0 ? `${nl(r.hazardous.massKg / 1000, 1)} t` : ''],
    ]),
  );
  out.push('');
  out.push('MKI per bouwlaag:');
  out.push(table([['Laag', '€'], ...Object.entries(r.mki.byLayer).map(([k, v]) => [k, nl(v, 0)])]));
  out.push('');
  out.push('Het Nieuwe Normaal 1.0 (geen totaalscore):');
  out.push(
    table([
      ['Indicator', 'Waarde', 'Niveau', 'Status'],
      ...r.hnn.map((h) => [
        h.name,
        nl(h.value, h.indicator === 'mpg' ? 3 : 1),
        h.level === null ? '–' : `${h.comparison === 'max' ? '≤' : '≥'} ${nl(h.level, h.indicator === 'mpg' ? 2 : 0)} ${h.unit}`,
        h.status,
      ]),
    ]),
  );
  if (r.mpg.unweightedCategories.length > 0) {
    out.push('');
    out.push(`Niet gewogen categorieën (${r.mpg.weightingSet.toUpperCase()}): ${r.mpg.unweightedCategories.map((u) => `${u.category} (${u.reason})`).join('; ')}`);
  }
  const where = (lines: number[]) =>
    sourceRows ? `rij ${compactLines(lines.map((l) => sourceRows[l - 1] ?? l).sort((a, b) => a - b))}` : `regel ${compactLines(lines)}`;
  const allWarnings = [...extraWarnings, ...r.warnings.map((w) => `${w.message}${w.lines.length > 0 ? ` [${where(w.lines)}]` : ''}`)];
  if (allWarnings.length > 0) {
    out.push('');
    out.push('Waarschuwingen:');
    for (const w of allWarnings) out.push(`  - ${w}`);
  }
  for (const note of r.mpg.notes) out.push(`Noot: ${note}`);
  out.push('');
  out.push(`Data: ${Object.entries(r.dataVersions).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  return out.join('\n');
}

function compactLines(lines: number[]): string {
  if (lines.length <= 8) return lines.join(', ');
  return `${lines.slice(0, 8).join(', ')} … (${lines.length} regels)`;
}
