/**
 * The database schema, one for both engines (PGlite and PostgreSQL). Migrations are generated
 * from this file with `npm run db:generate` into `lib/db/migrations`.
 *
 * Privacy rule: no column here may hold a name, an e-mail address, an IP address or free text
 * a student wrote. A participant is a random id the device made; an answer is an option id, a
 * number or a scale point.
 *
 * Relative imports only: drizzle-kit loads this file without the app's `@/` alias.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AnswerResponse } from '../api/schemas';
import type { Locale } from '../../i18n/routing';
import { phaseSchema, type Phase } from '../content/schema';

const phaseList = phaseSchema.options.map((phase) => `'${phase}'`).join(', ');

export const participants = pgTable('participants', {
  /** Made by the device (crypto.randomUUID), so a device can answer before it is online. */
  id: uuid('id').primaryKey(),
  locale: text('locale').$type<Locale>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const answers = pgTable(
  'answers',
  {
    /** The client-generated id: the unit of exactly-once storage. */
    id: uuid('id').primaryKey(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    phase: text('phase').$type<Phase>().notNull(),
    response: jsonb('response').$type<AnswerResponse>().notNull(),
    /** Null where there is no right answer (attitudes, scenario choices, plans) or the content changed. */
    correct: boolean('correct'),
    confidence: smallint('confidence'),
    contentVersion: text('content_version').notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // One question in one phase is stored once, even when a device sends it under two ids
    // (e.g. answered again after a reload lost the queue's record of the first id).
    unique('answers_participant_item_phase_unique').on(table.participantId, table.itemId, table.phase),
    // Reports aggregate by item within one content version.
    index('answers_item_version_idx').on(table.itemId, table.contentVersion),
    // Built from the content schema, so adding a phase there shows up as a migration here.
    check('answers_phase_check', sql`${table.phase} in (${sql.raw(phaseList)})`),
    check('answers_confidence_check', sql`${table.confidence} between 1 and 3`),
  ],
);

export type ParticipantRow = typeof participants.$inferSelect;
export type AnswerRow = typeof answers.$inferSelect;
export type NewAnswerRow = typeof answers.$inferInsert;
