/**
 * What the browser computes with the indicator engine: the same pure `calculateIndicators` the server and CLI use,
 * on the shipped ÖKOBAUDAT 2020-II library. Loaded inside the engine worker (engine.worker.ts), or in the page when
 * workers are unavailable — never in the main bundle (the library is ~380 kB of JSON).
 */
import { calculateIndicators, oekobaudat2020II, suggestProfiles, type LcaResult, type LcaSummary, type LineColumns, type Passport, type ProfileSuggestion, type Unit, profileSourceCode } from '@kringbouw/domain/lca';
import { allChartBars, type ChartBars } from './chart-data.ts';

export interface ProfileSummary {
  id: string;
  name: string;
  /** Names in all languages the library has, for searching. */
  search: string;
  declaredUnit: Unit;
  category: string | null;
  source: string;
}

export function calculate(passport: Passport): LcaResult {
  return calculateIndicators(passport, { library: oekobaudat2020II() });
}

/**
 * What the editor shows of a calculation: the result without its per-line objects, plus per line only the MKI and
 * the suggested profile's name, and the chart breakdowns. For a 10,000-line passport this keeps tens of thousands of
 * objects from being copied to the page on every edit.
 */
export interface EngineView {
  result: LcaSummary;
  /** MKI per line (index = line number − 1); NaN where the line has none. */
  lineMki: Float64Array;
  /** Name of the profile the engine suggested, by line number, for lines without a profile of their own. */
  suggested: Record<number, string>;
  /** Every per-line figure of the calculation (the breakdown's columns), for the calculation of one line on demand. */
  lineColumns: LineColumns;
  bars: ChartBars;
}

export function viewOf(result: LcaResult): EngineView {
  const { lines, ...summary } = result;
  // The breakdown's MKI column, copied: NaN where a line has none.
  const lineMki = lines.mkiEur.slice();
  const suggested: Record<number, string> = {};
  for (let i = 0; i < lines.length; i++) {
    if (lines.profileSource[i] !== profileSourceCode.suggested) continue;
    const name = lines.at(i)?.profileName;
    if (name) suggested[i + 1] = name;
  }
  // The profiles' GWP arrays belong to the engine's cache of compiled profiles: copies go to the page, so the worker
  // can transfer every array of the view without detaching what the next calculation reads.
  const columns = lines.toColumns();
  const lineColumns: LineColumns = { ...columns, profiles: columns.profiles.map((p) => ({ ...p, gwp: p.gwp.slice() })) };
  return { result: summary, lineMki, suggested, lineColumns, bars: allChartBars(result) };
}

export function calculateView(passport: Passport): EngineView {
  return viewOf(calculate(passport));
}

let summaries: ProfileSummary[] | undefined;

/** Every profile of the library, sorted by name, for the profile picker. */
export function profileSummaries(): ProfileSummary[] {
  if (!summaries) {
    const library = oekobaudat2020II();
    summaries = [...library.profiles.values()]
      .map((profile) => {
        const name = profile.name.nl ?? profile.name.en ?? profile.name.de ?? profile.id;
        return {
          id: profile.id,
          name,
          search: [profile.name.nl, profile.name.en, profile.name.de, profile.category, profile.id].filter(Boolean).join(' ').toLowerCase(),
          declaredUnit: profile.declaredUnit,
          category: profile.category ?? null,
          source: `${library.id} (${library.release})`,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }
  return summaries;
}

export function suggest(name: string, limit = 5): ProfileSuggestion[] {
  return suggestProfiles(name, oekobaudat2020II(), limit);
}
