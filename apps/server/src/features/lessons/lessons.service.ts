/** Lessons (City Deal monitoring level 1): every signed-in user reads them; bewerker+ of an organisation records them. */
import type { LessonDto, LessonInput, LessonList } from '@kringbouw/contracts';
import { canRecordLesson, isCoordinator, type Actor } from '@kringbouw/domain/authz';
import { lessonThemes, type Lesson, type LessonTheme } from '@kringbouw/domain/monitoring';
import { forbidden, unauthenticated } from '../../errors.ts';
import type { LessonFilter, LessonRecord, LessonsRepository } from './lessons.repository.ts';

const themeOf = (value: string): LessonTheme => (lessonThemes as readonly string[]).includes(value) ? (value as LessonTheme) : 'overig';

function present(r: LessonRecord): LessonDto {
  return {
    id: r.id,
    organisation: { id: r.organisationId, name: r.organisationName, municipalityCode: r.organisationMunicipalityCode },
    author: r.authorId === null || r.authorName === null ? null : { id: r.authorId, name: r.authorName },
    year: r.year,
    theme: themeOf(r.theme),
    accelerators: r.accelerators,
    blockers: r.blockers,
    createdAt: r.createdAt.toISOString(),
  };
}

export function createLessonsService(deps: { lessons: LessonsRepository; now: () => Date }) {
  const { lessons, now } = deps;

  async function list(actor: Actor, filter: LessonFilter): Promise<LessonList> {
    if (actor === null) throw unauthenticated();
    const records = await lessons.list(filter);
    const recordFor = isCoordinator(actor) ? await lessons.organisationNames('all') : await lessons.organisationNames(actor.memberships.filter((m) => canRecordLesson(actor, m.organisationId)).map((m) => m.organisationId));
    return { items: records.map(present), canRecordFor: recordFor };
  }

  return {
    list,

    async record(actor: Actor, input: LessonInput): Promise<LessonDto> {
      if (actor === null) throw unauthenticated();
      if (!canRecordLesson(actor, input.organisationId)) throw forbidden('U mag voor deze organisatie geen ervaringen vastleggen.');
      const id = await lessons.insert({ ...input, authorId: actor.userId, createdAt: now() });
      const found = (await lessons.list({ organisationId: input.organisationId, year: input.year })).find((r) => r.id === id);
      if (found === undefined) throw new Error('recorded lesson not found');
      return present(found);
    },

    /** Lessons as the reports use them (level 1), for a municipality's organisations or the whole deal. */
    async forReport(filter: LessonFilter): Promise<Lesson[]> {
      return (await lessons.list(filter)).map((r) => ({ organisationName: r.organisationName, authorName: r.authorName, year: r.year, theme: themeOf(r.theme), accelerators: r.accelerators, blockers: r.blockers }));
    },
  };
}

export type LessonsService = ReturnType<typeof createLessonsService>;
