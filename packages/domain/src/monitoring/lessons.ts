/**
 * City Deal monitoring level 1 ("de ervaring per deelnemende organisatie"): short structured lessons — what sped a
 * project or programme up, what blocked it — per organisation, theme and year. The themes follow the three focus
 * themes of the City Deal (biobased, industrialised/conceptual, valuation and financing) plus process and rules.
 */
export const lessonThemes = ['biobased', 'conceptueel', 'financiering', 'proces', 'regelgeving', 'overig'] as const;
export type LessonTheme = (typeof lessonThemes)[number];

export const lessonThemeNames: Record<LessonTheme, string> = {
  biobased: 'Biobased bouwen',
  conceptueel: 'Geïndustrialiseerd en conceptueel bouwen',
  financiering: 'Waardering en financiering',
  proces: 'Proces en samenwerking',
  regelgeving: 'Wet- en regelgeving',
  overig: 'Overig',
};

export interface Lesson {
  organisationName: string;
  authorName: string | null;
  year: number;
  theme: LessonTheme;
  /** What sped things up ("versnellers"); empty when only a blocker was recorded. */
  accelerators: string;
  /** What blocked ("knelpunten"); empty when only an accelerator was recorded. */
  blockers: string;
}
