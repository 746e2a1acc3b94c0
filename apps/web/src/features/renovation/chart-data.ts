/** Pure pieces of the renovation overview: colours, chart series and the area legend. */
import type { RenovationOverview } from '@kringbouw/contracts';
import { designationCategories, renovationInterventions, type DesignationCategory, type RenovationIntervention } from '@kringbouw/domain/renovation';

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const interventionColours: Record<RenovationIntervention, string> = {
  verduurzamen: '#009E73',
  groot_onderhoud: '#56B4E9',
  renovatie: '#E69F00',
  sloop_nieuwbouw: '#D55E00',
  transformatie: '#CC79A7',
};

export const categoryColours: Record<DesignationCategory, string> = {
  circulair: '#6a3d9a',
  klimaatadaptief: '#0072B2',
  natuurinclusief: '#33a02c',
};

/** ColorBrewer Blues, 5 classes: the area fill by number of dwellings. */
export const areaPalette = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;

/**
 * Class boundaries for the area fill: five equal steps from 0 to the busiest area's total, rounded up to whole
 * dwellings. Returns the upper bound of each class (the last is the maximum).
 */
export function areaClasses(maxTotal: number): number[] {
  if (maxTotal <= 0) return [0, 0, 0, 0, 0];
  return areaPalette.map((_, index) => Math.ceil((maxTotal * (index + 1)) / areaPalette.length));
}

/** A MapLibre `step` expression colouring a feature by its `total` with the classes above. */
export function areaColourExpression(maxTotal: number): unknown[] {
  const bounds = areaClasses(maxTotal);
  const expression: unknown[] = ['step', ['get', 'total'], areaPalette[0]];
  for (let i = 0; i < bounds.length - 1; i += 1) expression.push((bounds[i] ?? 0) + 1, areaPalette[i + 1]);
  return expression;
}

export interface TimelineSeries {
  intervention: RenovationIntervention;
  values: number[];
  colour: string;
}

/** One stacked series per intervention that occurs in the range (empty interventions are left out of the legend). */
export function timelineSeries(years: RenovationOverview['years']): { labels: string[]; series: TimelineSeries[] } {
  const labels = years.map((y) => String(y.year));
  const series = renovationInterventions
    .map((intervention) => ({ intervention, values: years.map((y) => y.byIntervention[intervention] ?? 0), colour: interventionColours[intervention] }))
    .filter((s) => s.values.some((v) => v > 0));
  return { labels, series };
}

/** The busiest year (earliest on a tie), or null when the range has no dwellings. */
export function peakYear(years: RenovationOverview['years']): { year: number; total: number } | null {
  let best: { year: number; total: number } | null = null;
  for (const y of years) if (y.total > 0 && (best === null || y.total > best.total)) best = { year: y.year, total: y.total };
  return best;
}

/** GeoJSON for the map: areas with an outline (fill by total) and designations with an outline (line by theme). */
export function mapFeatures(overview: RenovationOverview) {
  const areas = overview.areas.flatMap((area) =>
    area.outline ? [{ type: 'Feature' as const, id: area.key, geometry: area.outline, properties: { key: area.key, name: area.name, total: area.total, peakYear: area.peakYear } }] : [],
  );
  const designations = overview.designations.flatMap((d) =>
    d.outline
      ? [
          {
            type: 'Feature' as const,
            id: d.id,
            geometry: d.outline,
            properties: { id: d.id, buurt: d.buurt, category: d.categories[0] ?? designationCategories[0], colour: categoryColours[d.categories[0] ?? 'circulair'] },
          },
        ]
      : [],
  );
  return { areas: { type: 'FeatureCollection' as const, features: areas }, designations: { type: 'FeatureCollection' as const, features: designations } };
}
