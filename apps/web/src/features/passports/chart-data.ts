/**
 * Breakdowns for the drill-down charts, computed from the engine's result (per-line breakdown), so every bar adds up
 * to the totals the panel shows.
 */
import { modules, type LcaResult, type LineResult } from '@kringbouw/domain/lca';

export const chartDimensions = ['element', 'module', 'layer', 'material'] as const;
export type ChartDimension = (typeof chartDimensions)[number];
export const chartMetrics = ['mki', 'gwp'] as const;
export type ChartMetric = (typeof chartMetrics)[number];

export interface ChartBar {
  /** What a click filters the table on: `element:<i>`, `layer:<layer>`, `text:<material>`, or null (modules). */
  filter: string | null;
  label: string;
  value: number;
}

const MAX_BARS = 15;

function gwpOfLine(line: LineResult): number {
  let sum = 0;
  for (const module of modules) if (module !== 'D') sum += line.gwpKgCO2[module] ?? 0;
  return sum;
}

/** Bars for one dimension and metric, largest first; beyond 15 bars the rest is summed into "other" (label ''). */
export function chartBars(result: LcaResult, dimension: ChartDimension, metric: ChartMetric): ChartBar[] {
  if (dimension === 'module') {
    const source = metric === 'mki' ? result.mki.byModule : result.gwp.byModule;
    return modules.flatMap((module) => {
      const value = source[module];
      return value === undefined ? [] : [{ filter: null, label: module, value }];
    });
  }
  const sums = new Map<string, ChartBar>();
  const elementIndex = new Map(result.mki.byElement.map((e) => [`${e.nlsfb}|${e.name}`, e.element]));
  for (const line of result.lines) {
    const value = metric === 'mki' ? line.mkiEur : gwpOfLine(line);
    if (value === null) continue;
    let key: string;
    let label: string;
    let filter: string;
    if (dimension === 'element') {
      const element = elementIndex.get(`${line.nlsfb}|${line.element}`);
      key = `element:${element ?? line.element}`;
      label = `${line.nlsfb} ${line.element}`;
      filter = element !== undefined ? `element:${element - 1}` : `text:${line.element}`;
    } else if (dimension === 'layer') {
      key = line.layer;
      label = line.layer;
      filter = `layer:${line.layer}`;
    } else {
      label = line.profileName ?? line.description;
      key = label;
      filter = `text:${line.description}`;
    }
    const bar = sums.get(key);
    if (bar) bar.value += value;
    else sums.set(key, { filter, label, value });
  }
  const bars = [...sums.values()].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  if (bars.length <= MAX_BARS) return bars;
  const rest = bars.slice(MAX_BARS - 1).reduce((sum, bar) => sum + bar.value, 0);
  return [...bars.slice(0, MAX_BARS - 1), { filter: null, label: '', value: rest }];
}

export type ChartBars = Record<ChartDimension, Record<ChartMetric, ChartBar[]>>;

/** Every breakdown at once (computed in the engine worker, so the page never walks the per-line results). */
export function allChartBars(result: LcaResult): ChartBars {
  const bars = {} as ChartBars;
  for (const dimension of chartDimensions) {
    bars[dimension] = { mki: chartBars(result, dimension, 'mki'), gwp: chartBars(result, dimension, 'gwp') };
  }
  return bars;
}
