/** City Deal monitoring level 1: experiences and lessons per organisation (what sped things up, what blocked). */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from '../schema.ts';

export const lessons = pgTable(
  'lessons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    year: integer('year').notNull(),
    theme: text('theme').notNull(),
    accelerators: text('accelerators').notNull(),
    blockers: text('blockers').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('lessons_year_idx').on(t.year, t.organisationId),
    check('lessons_content_check', sql`length(trim(${t.accelerators})) > 0 OR length(trim(${t.blockers})) > 0`),
  ],
);
