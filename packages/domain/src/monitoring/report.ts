/**
 * The yearly monitoring report ("jaarrapportage") and the mid-term review ("tussentijdse evaluatie") of a municipality
 * or of the City Deal as one plain data object — sections with Dutch text, tables and charts — from which the PDF and
 * the xlsx are rendered, so both files always hold the same figures.
 *
 * Input are dashboard figures that already passed the confidentiality rule (one dashboard per year, as the dashboard
 * pages show them) and only projects the reader may see; this module adds no project the reader could not see and
 * combines years only by summing counted groups, so every total equals the sum of its rows.
 */
import type { ProjectKind, ProjectPhase } from '../projects/index.ts';
import type { HnnIndicatorId, Totals } from './aggregates.ts';
import { hnnIndicatorIds, MIN_CONFIDENTIAL_GROUP } from './aggregates.ts';
import { lessonThemeNames, type Lesson } from './lessons.ts';

export const reportKinds = ['jaarrapport', 'tussentijdse-evaluatie'] as const;
export type ReportKind = (typeof reportKinds)[number];

export type ReportScope = { level: 'gemeente'; code: string; name: string } | { level: 'city-deal' };

export interface YearFigures {
  year: number;
  totals: Totals;
}

export interface ReportProject {
  name: string;
  municipalityName: string;
  kind: ProjectKind;
  phase: ProjectPhase;
  year: number;
  dwellings: number;
  officialMpg: number | null;
  indicativeMpg: number | null;
}

export interface ReportInput {
  kind: ReportKind;
  scope: ReportScope;
  /** The year reported on (jaarrapport) or the last year of the review period (tussentijdse evaluatie). */
  year: number;
  /** Per calendar year the dashboard totals (confidentiality rule applied per year); any order, any years. */
  years: readonly YearFigures[];
  /** Pipeline by phase of the report year (from the same dashboard as that year's totals). */
  pipeline: readonly { phase: ProjectPhase; projects: number; dwellings: number }[];
  /** City Deal only: per city its totals over the report period (rule applied per city and year). */
  cities: readonly { code: string; name: string; years: readonly YearFigures[] }[];
  /** Projects the reader may see (never confidential projects of others). */
  projects: readonly ReportProject[];
  lessons: readonly Lesson[];
  /** Versions of the data behind the figures (indicator catalogue, HNN levels, …). */
  dataVersions: Readonly<Record<string, string>>;
  /** ISO timestamp of generation (passed in: the domain has no clock). */
  generatedAt: string;
  /** Who the report was generated for ("coördinator", an organisation name, …): the figures depend on it. */
  reader: string;
}

/** 'percent' takes a share (0–1); 'row' takes the format of the row from `rowFormats`. */
export type ColumnFormat = 'text' | 'integer' | 'decimal1' | 'decimal2' | 'percent' | 'row';
export type Cell = string | number | null;

export interface ReportTable {
  /** Short unique name (the xlsx sheet name, ≤ 31 characters). */
  id: string;
  title: string;
  columns: { header: string; format: ColumnFormat }[];
  rows: Cell[][];
  /** Per row the format of the column(s) marked 'row' (a table of mixed key figures). */
  rowFormats?: ColumnFormat[];
  /** Rows shown bold as a total (indexes into rows). */
  totalRows: number[];
  note: string | null;
}

export interface ReportChart {
  title: string;
  type: 'bar' | 'line';
  unit: string;
  labels: string[];
  series: { name: string; values: (number | null)[] }[];
}

export interface ReportSection {
  heading: string;
  paragraphs: string[];
  charts: ReportChart[];
  tables: ReportTable[];
}

export interface ReportModel {
  kind: ReportKind;
  title: string;
  subtitle: string;
  /** File name without extension, ASCII. */
  fileStem: string;
  generatedAt: string;
  sections: ReportSection[];
}

const hnnNames: Record<HnnIndicatorId, string> = {
  mpg: 'MPG',
  embodiedCarbon: 'Embodied CO2 (A1-A5)',
  materialOrigin: 'Materiaalherkomst',
  detachability: 'Losmaakbaarheid',
};

const phaseNames: Record<ProjectPhase, string> = { initiatief: 'Initiatief', ontwerp: 'Ontwerp', realisatie: 'Realisatie', opgeleverd: 'Opgeleverd' };
const kindNames: Record<ProjectKind, string> = { nieuwbouw: 'Nieuwbouw', transformatie: 'Transformatie', renovatie: 'Renovatie', splitsing: 'Splitsing', optopping: 'Optopping', tijdelijk: 'Tijdelijke woningen' };

/** Totals of nothing counted. */
export function emptyTotals(): Totals {
  const hnnShare = {} as Totals['hnnShare'];
  for (const id of hnnIndicatorIds) hnnShare[id] = { met: 0, checked: 0, share: null };
  return { projects: 0, dwellings: 0, averageOfficialMpg: null, projectsWithOfficialMpg: 0, storedCarbonT: { officieel: 0, indicatief: 0 }, hnnShare, industrialisedShare: null, confidentialCounted: 0 };
}

/**
 * Totals of disjoint groups (e.g. years) combined exactly as if counted together: counts and sums added, the average
 * official MPG weighted by the number of projects with one, HNN shares as Σ met ÷ Σ checked, the industrialised share
 * from the industrialised dwellings of each group (share × dwellings, rounded to whole dwellings). Official and
 * indicative stored CO2 stay apart. Units as in {@link Totals}; nothing rounded except the dwellings.
 */
export function combineTotals(groups: readonly Totals[]): Totals {
  const out = emptyTotals();
  let mpgSum = 0;
  let industrialDwellings = 0;
  for (const g of groups) {
    out.projects += g.projects;
    out.dwellings += g.dwellings;
    out.projectsWithOfficialMpg += g.projectsWithOfficialMpg;
    if (g.averageOfficialMpg !== null) mpgSum += g.averageOfficialMpg * g.projectsWithOfficialMpg;
    out.storedCarbonT.officieel += g.storedCarbonT.officieel;
    out.storedCarbonT.indicatief += g.storedCarbonT.indicatief;
    for (const id of hnnIndicatorIds) {
      out.hnnShare[id].met += g.hnnShare[id].met;
      out.hnnShare[id].checked += g.hnnShare[id].checked;
    }
    industrialDwellings += Math.round((g.industrialisedShare ?? 0) * g.dwellings);
    out.confidentialCounted += g.confidentialCounted;
  }
  out.averageOfficialMpg = out.projectsWithOfficialMpg === 0 ? null : mpgSum / out.projectsWithOfficialMpg;
  for (const id of hnnIndicatorIds) out.hnnShare[id].share = out.hnnShare[id].checked === 0 ? null : out.hnnShare[id].met / out.hnnShare[id].checked;
  out.industrialisedShare = out.dwellings === 0 ? null : industrialDwellings / out.dwellings;
  return out;
}

/** The years a report covers: the report year (jaarrapport) or every year up to and including it (evaluatie). */
export function reportYears(kind: ReportKind, year: number, available: readonly number[]): number[] {
  if (kind === 'jaarrapport') return [year];
  return [...new Set(available)].filter((y) => y <= year).sort((a, b) => a - b);
}

const nl = (value: number, digits: number) => value.toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (share: number | null) => (share === null ? 'niet bekend' : `${nl(100 * share, 0)} %`);

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function keyFigures(totals: Totals, id: string, title: string): ReportTable {
  const share = (value: number | null) => (value === null ? null : 100 * value);
  const rows: [string, Cell, ColumnFormat, string][] = [
    ['Projecten', totals.projects, 'integer', 'telling'],
    ['Woningen', totals.dwellings, 'integer', 'telling'],
    ['Gemiddelde MPG (€/m² BVO/jr)', totals.averageOfficialMpg, 'decimal2', `officieel, ${totals.projectsWithOfficialMpg} projecten met een officiële MPG`],
    ['Opgeslagen biogene CO2 (t)', totals.storedCarbonT.officieel, 'decimal1', 'officieel'],
    ['Opgeslagen biogene CO2 (t)', totals.storedCarbonT.indicatief, 'decimal1', 'indicatief (projecten zonder officiële waarde)'],
    ['Woningen geïndustrialiseerd/conceptueel (%)', share(totals.industrialisedShare), 'decimal1', 'projectgegevens'],
    ...hnnIndicatorIds.map((hid): [string, Cell, ColumnFormat, string] => [`Voldoet aan HNN-niveau ${hnnNames[hid]} (%)`, share(totals.hnnShare[hid].share), 'decimal1', `${totals.hnnShare[hid].met} van ${totals.hnnShare[hid].checked} getoetste projecten`]),
  ];
  return {
    id,
    title,
    columns: [
      { header: 'Kengetal', format: 'text' },
      { header: 'Waarde', format: 'row' },
      { header: 'Status / toelichting', format: 'text' },
    ],
    rows: rows.map(([label, value, , status]) => [label, value, status]),
    rowFormats: rows.map(([, , format]) => format),
    totalRows: [],
    note: 'Officiële waarden komen uit een opgegeven berekening met een NMD-gevalideerd instrument (met rapport); indicatieve waarden zijn berekend uit het materiaalpaspoort. De twee worden nooit bij elkaar opgeteld of gemiddeld.',
  };
}

function trendTable(years: readonly YearFigures[], total: Totals): ReportTable {
  const row = (label: Cell, t: Totals): Cell[] => [
    label,
    t.projects,
    t.dwellings,
    t.averageOfficialMpg,
    t.projectsWithOfficialMpg,
    t.storedCarbonT.officieel,
    t.storedCarbonT.indicatief,
    t.industrialisedShare,
    t.hnnShare.mpg.share,
  ];
  const rows = [...years.map((y) => row(String(y.year), y.totals)), row('Totaal', total)];
  return {
    id: 'Trend per jaar',
    title: 'Kengetallen per jaar',
    columns: [
      { header: 'Jaar', format: 'text' },
      { header: 'Projecten', format: 'integer' },
      { header: 'Woningen', format: 'integer' },
      { header: 'Gem. MPG officieel', format: 'decimal2' },
      { header: 'Projecten met officiële MPG', format: 'integer' },
      { header: 'Opgeslagen CO2 officieel (t)', format: 'decimal1' },
      { header: 'Opgeslagen CO2 indicatief (t)', format: 'decimal1' },
      { header: 'Aandeel industrieel of conceptueel', format: 'percent' },
      { header: 'Voldoet HNN MPG', format: 'percent' },
    ],
    rows,
    totalRows: [rows.length - 1],
    note: 'Het jaar van een project is het jaar van oplevering, anders van de start van de bouw, het ontwerp of het initiatief.',
  };
}

function goalSection(total: Totals, years: readonly YearFigures[]): ReportSection {
  const rows: Cell[][] = [
    ['1. Meer biobased bouwen', 'Opgeslagen biogene CO2, officieel (t)', total.storedCarbonT.officieel, 'meetbaar'],
    ['1. Meer biobased bouwen', 'Opgeslagen biogene CO2, indicatief (t)', total.storedCarbonT.indicatief, 'meetbaar (indicatief)'],
    ['1. Meer biobased bouwen', 'Projecten die het HNN-niveau materiaalherkomst halen (%)', total.hnnShare.materialOrigin.share === null ? null : 100 * total.hnnShare.materialOrigin.share, `${total.hnnShare.materialOrigin.checked} getoetst`],
    ['2. Geïndustrialiseerd en conceptueel bouwen', 'Aandeel woningen in projecten met een bouwconcept (%)', total.industrialisedShare === null ? null : 100 * total.industrialisedShare, 'meetbaar (projectgegevens)'],
    ['Circulair ontwerpen', 'Projecten die het HNN-niveau losmaakbaarheid halen (%)', total.hnnShare.detachability.share === null ? null : 100 * total.hnnShare.detachability.share, `${total.hnnShare.detachability.checked} getoetst`],
    ['Milieu-impact', 'Gemiddelde officiële MPG (€/m² BVO/jr)', total.averageOfficialMpg, `${total.projectsWithOfficialMpg} projecten`],
    ['3. Waarderings- en financieringsmodellen', 'Circulaire businesscases', null, 'nog niet meetbaar: Kringbouw legt geen businesscases of financieringsvormen vast'],
  ];
  const sorted = [...years].sort((a, b) => a.year - b.year);
  return {
    heading: 'Niveau 3: de doelen van de City Deal',
    paragraphs: [
      'De City Deal richt zich op drie thema’s: meer biobased bouwen (materiaal dat CO2 opslaat en hernieuwbaar is), zoveel mogelijk woningen geïndustrialiseerd en conceptueel bouwen, en waarderings- en financieringsmodellen voor circulair bouwen. Hieronder staat per doel wat de gegevens al laten zien en wat nog niet meetbaar is.',
      'Een project telt als geïndustrialiseerd of conceptueel wanneer bij het project een bouwconcept is vastgelegd. Het aandeel hernieuwbaar materiaal per project staat in de materiaalpaspoorten; de monitoring toetst het hier via het HNN-niveau voor materiaalherkomst.',
    ],
    charts:
      sorted.length > 1
        ? [
            { title: 'Opgeslagen biogene CO2 per jaar (t)', type: 'bar', unit: 't', labels: sorted.map((y) => String(y.year)), series: [{ name: 'Officieel', values: sorted.map((y) => y.totals.storedCarbonT.officieel) }, { name: 'Indicatief', values: sorted.map((y) => y.totals.storedCarbonT.indicatief) }] },
            { title: 'Aandeel woningen geïndustrialiseerd/conceptueel per jaar (%)', type: 'line', unit: '%', labels: sorted.map((y) => String(y.year)), series: [{ name: 'Aandeel', values: sorted.map((y) => (y.totals.industrialisedShare === null ? null : 100 * y.totals.industrialisedShare)) }] },
          ]
        : [],
    tables: [
      {
        id: 'Doelen',
        title: 'Stand per doel',
        columns: [
          { header: 'Doel', format: 'text' },
          { header: 'Indicator', format: 'text' },
          { header: 'Waarde', format: 'decimal1' },
          { header: 'Meetbaarheid', format: 'text' },
        ],
        rows,
        totalRows: [],
        note: null,
      },
    ],
  };
}

function lessonsSection(lessons: readonly Lesson[], kind: ReportKind): ReportSection {
  const sorted = [...lessons].sort((a, b) => a.year - b.year || a.organisationName.localeCompare(b.organisationName, 'nl') || a.theme.localeCompare(b.theme));
  const paragraphs = [
    sorted.length === 0
      ? 'Er zijn voor deze periode nog geen ervaringen of lessen vastgelegd.'
      : `${sorted.length} ervaring${sorted.length === 1 ? '' : 'en'} van ${new Set(sorted.map((l) => l.organisationName)).size} organisatie(s): wat versnelde en wat blokkeerde.`,
  ];
  const section: ReportSection = {
    heading: 'Niveau 1: ervaringen per organisatie',
    paragraphs,
    charts: [],
    tables: [
      {
        id: 'Lessen',
        title: 'Ervaringen en lessen',
        columns: [
          { header: 'Jaar', format: 'text' },
          { header: 'Organisatie', format: 'text' },
          { header: 'Thema', format: 'text' },
          { header: 'Wat versnelde', format: 'text' },
          { header: 'Wat blokkeerde', format: 'text' },
          { header: 'Auteur', format: 'text' },
        ],
        rows: sorted.map((l) => [String(l.year), l.organisationName, lessonThemeNames[l.theme], l.accelerators, l.blockers, l.authorName ?? '']),
        totalRows: [],
        note: null,
      },
    ],
  };
  if (kind === 'tussentijdse-evaluatie') {
    const byTheme = new Map<string, number>();
    for (const l of sorted) if (l.blockers.trim() !== '') byTheme.set(lessonThemeNames[l.theme], (byTheme.get(lessonThemeNames[l.theme]) ?? 0) + 1);
    section.paragraphs.push(
      byTheme.size === 0
        ? 'Vooruitblik: er zijn geen knelpunten gemeld om in de resterende looptijd op te pakken.'
        : `Vooruitblik — knelpunten om in de resterende looptijd op te pakken, per thema: ${[...byTheme].map(([theme, n]) => `${theme} (${n})`).join('; ')}.`,
    );
  }
  return section;
}

/**
 * Builds the report. Pure: the same input gives the same model. Figures are not rounded here (the renderers format
 * them: MPG 2 decimals, CO2 in tonnes 1 decimal, shares as whole percentages).
 */
export function buildReportModel(input: ReportInput): ReportModel {
  const { kind, scope, year } = input;
  const covered = reportYears(kind, year, input.years.map((y) => y.year));
  const years = covered.map((y) => input.years.find((f) => f.year === y) ?? { year: y, totals: emptyTotals() });
  const total = combineTotals(years.map((y) => y.totals));
  const place = scope.level === 'gemeente' ? `gemeente ${scope.name}` : 'City Deal Circulair en Conceptueel Bouwen';
  const first = covered[0];
  const period = kind === 'jaarrapport' || first === undefined || first === year ? String(year) : `${first} t/m ${year}`;
  const title = kind === 'jaarrapport' ? `Monitoringsrapportage ${year}` : `Tussentijdse evaluatie ${period}`;
  const subtitle = scope.level === 'gemeente' ? `Gemeente ${scope.name} (${scope.code})` : 'City Deal Circulair en Conceptueel Bouwen';
  const fileStem = slug(`${kind === 'jaarrapport' ? 'monitoringsrapportage' : 'tussentijdse-evaluatie'} ${scope.level === 'gemeente' ? scope.name : 'city-deal'} ${year}`);

  const sections: ReportSection[] = [];
  const confidentialNote =
    total.confidentialCounted > 0
      ? `In de cijfers tellen ${total.confidentialCounted} vertrouwelijke projecten mee die niet bij naam worden genoemd (alleen wanneer er in een cijfer ten minste ${MIN_CONFIDENTIAL_GROUP} samen vallen).`
      : `Vertrouwelijke projecten die de lezer niet mag zien, tellen alleen mee wanneer er in een cijfer ten minste ${MIN_CONFIDENTIAL_GROUP} samen vallen, en worden nooit genoemd.`;
  sections.push({
    heading: 'Samenvatting',
    paragraphs: [
      kind === 'jaarrapport'
        ? `Deze rapportage geeft de stand van de monitoring van ${place} over ${year}: ${total.projects} projecten met ${total.dwellings} woningen.`
        : `Deze tussentijdse evaluatie (mid-term review) geeft de eerste inzichten en resultaten van ${place} over ${period}: ${total.projects} projecten met ${total.dwellings} woningen, gemonitord op drie niveaus — de ervaring per organisatie, de projecten en de doelen van de City Deal.`,
      total.averageOfficialMpg === null
        ? 'Er is in deze periode nog geen officiële MPG opgegeven; indicatieve MPG’s uit materiaalpaspoorten tellen niet mee in het gemiddelde.'
        : `De gemiddelde officiële MPG is ${nl(total.averageOfficialMpg, 2)} €/m² BVO per jaar over ${total.projectsWithOfficialMpg} projecten; ${pct(total.hnnShare.mpg.share)} van de getoetste projecten haalt het HNN-niveau voor de MPG.`,
      `Opgeslagen biogene CO2: ${nl(total.storedCarbonT.officieel, 1)} t officieel en ${nl(total.storedCarbonT.indicatief, 1)} t indicatief (projecten zonder officiële waarde). ${pct(total.industrialisedShare)} van de woningen wordt geïndustrialiseerd of conceptueel gebouwd.`,
      confidentialNote,
    ],
    charts: [],
    tables: [keyFigures(total, 'Kengetallen', `Kengetallen ${period}`)],
  });

  if (kind === 'tussentijdse-evaluatie' || years.length > 1 || input.years.length > 1) {
    const trendYears = kind === 'jaarrapport' ? reportYears('tussentijdse-evaluatie', year, input.years.map((y) => y.year)).map((y) => input.years.find((f) => f.year === y) ?? { year: y, totals: emptyTotals() }) : years;
    const trendTotal = combineTotals(trendYears.map((y) => y.totals));
    sections.push({
      heading: 'Trend per jaar',
      paragraphs: ['Per jaar dezelfde kengetallen als op het dashboard met het jaarfilter; de totaalregel is de som van de jaren.'],
      charts:
        trendYears.length > 0
          ? [
              { title: 'Woningen per jaar', type: 'bar', unit: 'woningen', labels: trendYears.map((y) => String(y.year)), series: [{ name: 'Woningen', values: trendYears.map((y) => y.totals.dwellings) }] },
              { title: 'Gemiddelde officiële MPG per jaar (€/m² BVO/jr)', type: 'line', unit: '€/m²/jr', labels: trendYears.map((y) => String(y.year)), series: [{ name: 'MPG officieel', values: trendYears.map((y) => y.totals.averageOfficialMpg) }] },
            ]
          : [],
      tables: [trendTable(trendYears, trendTotal)],
    });
  }

  if (kind === 'jaarrapport' && input.pipeline.length > 0) {
    const rows: Cell[][] = input.pipeline.map((p) => [phaseNames[p.phase], p.projects, p.dwellings]);
    rows.push(['Totaal', input.pipeline.reduce((s, p) => s + p.projects, 0), input.pipeline.reduce((s, p) => s + p.dwellings, 0)]);
    sections.push({
      heading: `Pijplijn ${year} per fase`,
      paragraphs: [],
      charts: [{ title: 'Woningen per fase', type: 'bar', unit: 'woningen', labels: input.pipeline.map((p) => phaseNames[p.phase]), series: [{ name: 'Woningen', values: input.pipeline.map((p) => p.dwellings) }] }],
      tables: [{ id: 'Pijplijn', title: 'Projecten en woningen per fase', columns: [{ header: 'Fase', format: 'text' }, { header: 'Projecten', format: 'integer' }, { header: 'Woningen', format: 'integer' }], rows, totalRows: [rows.length - 1], note: null }],
    });
  }

  if (input.cities.length > 0) {
    const cityTotals = input.cities.map((c) => ({ name: c.name, totals: combineTotals(covered.map((y) => c.years.find((f) => f.year === y)?.totals ?? emptyTotals())) }));
    const rows: Cell[][] = cityTotals.map((c) => [c.name, c.totals.projects, c.totals.dwellings, c.totals.averageOfficialMpg, c.totals.storedCarbonT.officieel, c.totals.storedCarbonT.indicatief, c.totals.industrialisedShare]);
    sections.push({
      heading: 'Steden naast elkaar',
      paragraphs: ['Per deelnemende stad dezelfde kengetallen als op haar dashboard (vertrouwelijkheidsregel per stad en per jaar).'],
      charts: [{ title: 'Woningen per stad', type: 'bar', unit: 'woningen', labels: cityTotals.map((c) => c.name), series: [{ name: 'Woningen', values: cityTotals.map((c) => c.totals.dwellings) }] }],
      tables: [
        {
          id: 'Steden',
          title: `Steden ${period}`,
          columns: [
            { header: 'Stad', format: 'text' },
            { header: 'Projecten', format: 'integer' },
            { header: 'Woningen', format: 'integer' },
            { header: 'Gem. MPG officieel', format: 'decimal2' },
            { header: 'Opgeslagen CO2 officieel (t)', format: 'decimal1' },
            { header: 'Opgeslagen CO2 indicatief (t)', format: 'decimal1' },
            { header: 'Aandeel industrieel of conceptueel', format: 'percent' },
          ],
          rows,
          totalRows: [],
          note: null,
        },
      ],
    });
  }

  const projects = [...input.projects].filter((p) => covered.includes(p.year)).sort((a, b) => a.year - b.year || a.municipalityName.localeCompare(b.municipalityName, 'nl') || a.name.localeCompare(b.name, 'nl'));
  sections.push({
    heading: 'Niveau 2: de projecten',
    paragraphs: [
      projects.length === 0
        ? 'Er zijn in deze periode geen projecten die bij naam kunnen worden genoemd.'
        : `${projects.length} project${projects.length === 1 ? '' : 'en'} bij naam. De officiële en de indicatieve MPG staan in aparte kolommen.`,
      confidentialNote,
    ],
    charts: [],
    tables: [
      {
        id: 'Projecten',
        title: 'Projecten',
        columns: [
          { header: 'Project', format: 'text' },
          { header: 'Gemeente', format: 'text' },
          { header: 'Soort', format: 'text' },
          { header: 'Fase', format: 'text' },
          { header: 'Jaar', format: 'text' },
          { header: 'Woningen', format: 'integer' },
          { header: 'MPG officieel', format: 'decimal2' },
          { header: 'MPG indicatief', format: 'decimal2' },
        ],
        rows: projects.map((p) => [p.name, p.municipalityName, kindNames[p.kind], phaseNames[p.phase], String(p.year), p.dwellings, p.officialMpg, p.indicativeMpg]),
        totalRows: [],
        note: null,
      },
    ],
  });

  sections.push(goalSection(total, years.length > 1 ? years : input.years.filter((y) => y.year <= year)));
  sections.push(lessonsSection(input.lessons.filter((l) => covered.includes(l.year)), kind));

  sections.push({
    heading: 'Verantwoording',
    paragraphs: [
      `Gegenereerd door Kringbouw op ${input.generatedAt.slice(0, 10)} om ${input.generatedAt.slice(11, 16)} UTC voor ${input.reader}. De cijfers hangen af van wat de lezer mag zien: een andere lezer kan andere aantallen krijgen.`,
      'Bronnen van waarden: berekend (indicatief, uit een vastgestelde versie van het materiaalpaspoort), opgegeven (officieel, uit een NMD-gevalideerd instrument met rapport), geaudit (gereserveerd voor audits; nog niet in gebruik).',
      `Gegevensversies: ${Object.entries(input.dataVersions).map(([k, v]) => `${k} ${v}`).join('; ')}.`,
    ],
    charts: [],
    tables: [],
  });

  return { kind, title, subtitle, fileStem, generatedAt: input.generatedAt, sections };
}

/** A cell as Dutch text: integers with thousands separators, decimals with a comma, shares as whole percentages, "–" for no value. */
export function formatReportCell(value: Cell, format: ColumnFormat): string {
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'integer':
      return nl(value, 0);
    case 'decimal1':
      return nl(value, 1);
    case 'decimal2':
      return nl(value, 2);
    case 'percent':
      return `${nl(100 * value, 0)} %`;
    default:
      return String(value);
  }
}

/** The format of one cell: the column's, or the row's for a column marked 'row'. */
export function cellFormat(table: ReportTable, rowIndex: number, columnIndex: number): ColumnFormat {
  const format = table.columns[columnIndex]?.format ?? 'text';
  return format === 'row' ? (table.rowFormats?.[rowIndex] ?? 'text') : format;
}
