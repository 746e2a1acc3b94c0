/**
 * The 10-year renovation and sustainability plan of a housing corporation (issue 7 §5) and the neighbourhoods
 * parties designate for extra attention. The Cirkelstad guide (§8.1) asks for "een overzicht van de renovatie- en
 * verduurzamingsplannen voor de komende tien jaar per wijk"; it gives no classification of interventions, so the
 * list below is Kringbouw's, following the words corporations use in their meerjarenonderhoudsplannen.
 *
 * Pure functions: plan rows in, per-year totals, per-area totals and outlines out.
 */
export * from './geometry.ts';
export * from './summary.ts';
export * from './policy.ts';

/** Kinds of intervention (ingreep) in a plan row. */
export const renovationInterventions = ['verduurzamen', 'groot_onderhoud', 'renovatie', 'sloop_nieuwbouw', 'transformatie'] as const;
export type RenovationIntervention = (typeof renovationInterventions)[number];

/** Why a neighbourhood gets extra attention (the guide's three themes). */
export const designationCategories = ['circulair', 'klimaatadaptief', 'natuurinclusief'] as const;
export type DesignationCategory = (typeof designationCategories)[number];

/** A plan covers at most this many years from its first year: a "10-year plan" with room for slack. */
export const PLAN_YEAR_MIN = 2000;
export const PLAN_YEAR_MAX = 2100;
