/** Lessons (City Deal monitoring level 1): experiences per organisation — what sped things up, what blocked. */
import { z } from 'zod';
import { lessonThemes } from '@kringbouw/domain/monitoring';
import { isoDateTime, uuid } from './common.ts';
import { userRef } from './passports.ts';

export const lessonTheme = z.enum(lessonThemes);

const lessonText = z.string().trim().max(1000, 'Maximaal 1000 tekens.');

export const lessonInput = z
  .object({
    organisationId: uuid,
    year: z.number().int().min(2000, 'Kies een jaar vanaf 2000.').max(2100, 'Kies een jaar tot 2100.'),
    theme: lessonTheme,
    accelerators: lessonText.default(''),
    blockers: lessonText.default(''),
  })
  .refine((v) => v.accelerators !== '' || v.blockers !== '', { path: ['accelerators'], message: 'Vul in wat versnelde of wat blokkeerde.' });
export type LessonInput = z.infer<typeof lessonInput>;

export const lesson = z.object({
  id: uuid,
  organisation: z.object({ id: uuid, name: z.string(), municipalityCode: z.string().nullable() }),
  author: userRef.nullable(),
  year: z.number().int(),
  theme: lessonTheme,
  accelerators: z.string(),
  blockers: z.string(),
  createdAt: isoDateTime,
});
export type LessonDto = z.infer<typeof lesson>;

export const lessonListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  organisationId: uuid.optional(),
  theme: lessonTheme.optional(),
  municipalityCode: z.string().regex(/^GM\d{4}$/).optional(),
});

export const lessonList = z.object({ items: z.array(lesson), canRecordFor: z.array(z.object({ id: uuid, name: z.string() })) });
export type LessonList = z.infer<typeof lessonList>;
