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
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
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

import {
  CLASS_SESSION_MODES,
  ORGANISATION_KINDS,
  STAFF_ROLES,
  type ClassSessionMode,
  type OrganisationKind,
  type StaffRole,
} from '../domain/enums';

export { CLASS_SESSION_MODES, ORGANISATION_KINDS, STAFF_ROLES };
export type { ClassSessionMode, OrganisationKind, StaffRole };
export const CLASS_SESSION_STATUSES = ['open', 'closed'] as const;
/** The core only, or the core and the deeper sections (lib/domain/journey.ts, decision note 014). */
export const CLASS_SESSION_PATHS = ['core', 'full'] as const;
export type ClassSessionPath = (typeof CLASS_SESSION_PATHS)[number];
export type ClassSessionStatus = (typeof CLASS_SESSION_STATUSES)[number];
/** Why a session closed: its teacher ended it, it sat idle (live), or its closing time came (self-paced). */
export const CLASS_SESSION_CLOSED_REASONS = ['teacher', 'inactive', 'time'] as const;
export type ClassSessionClosedReason = (typeof CLASS_SESSION_CLOSED_REASONS)[number];

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** A school, college or other body: the unit officers filter results by. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind').$type<OrganisationKind>().notNull(),
    /** The council area or district, free text an officer chooses (e.g. "North Somerset"). */
    area: text('area').notNull(),
    /** Part of the synthetic demo data set (`npm start -- --demo`), never a real school. */
    demo: boolean('demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('organisations_name_unique').on(table.name),
    check('organisations_kind_check', sql`${table.kind} in (${inList(ORGANISATION_KINDS)})`),
  ],
);

/** Staff only: students are never users. E-mail is stored lower-cased. */
export const staffUsers = pgTable(
  'staff_users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').$type<StaffRole>().notNull(),
    /** Teachers belong to one organisation; officers and administrators to none. */
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'restrict' }),
    /** scrypt, with its parameters and salt in the string (see lib/server/auth/password.ts). */
    passwordHash: text('password_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('staff_users_email_unique').on(table.email),
    check('staff_users_role_check', sql`${table.role} in (${inList(STAFF_ROLES)})`),
    check(
      'staff_users_teacher_organisation_check',
      sql`(${table.role} = 'teacher') = (${table.organisationId} is not null)`,
    ),
  ],
);

/** A signed-in browser. Only a SHA-256 hash of the cookie's token is kept. */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('staff_sessions_user_idx').on(table.userId)],
);

/** Single-use, expiring links: the first administrator's setup link and teacher invites. */
export const staffTokens = pgTable(
  'staff_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    purpose: text('purpose').$type<'setup' | 'invite'>().notNull(),
    /** For an invite: the role and organisation the new account gets. */
    role: text('role').$type<StaffRole>(),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (table) => [check('staff_tokens_purpose_check', sql`${table.purpose} in ('setup', 'invite')`)],
);

/** One class's run of a module, live (teacher-paced) or self-paced. */
export const classSessions = pgTable(
  'class_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Short, read aloud, hard to guess (lib/domain/join-code.ts); unique among all sessions. */
    joinCode: text('join_code').notNull(),
    moduleId: text('module_id').notNull(),
    /** The content version when the session was created. */
    contentVersion: text('content_version').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    hostId: uuid('host_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    mode: text('mode').$type<ClassSessionMode>().notNull(),
    beforeAfter: boolean('before_after').notNull(),
    /** The teacher's choice: the core, or the core and the deeper sections. Sessions from before the choice ran the whole module. */
    path: text('path').$type<ClassSessionPath>().notNull().default('full'),
    /** Self-paced sessions close themselves at this time; null for live sessions. */
    closesAt: timestamp('closes_at', { withTimezone: true }),
    status: text('status').$type<ClassSessionStatus>().notNull().default('open'),
    /** Live mode: the journey step the teacher has the class on (an index into the session's journey). */
    liveStep: integer('live_step').notNull().default(0),
    /** Live mode: the step whose class answers the teacher has revealed, if any. */
    revealedStep: integer('revealed_step'),
    /** Live mode: whether the projector still shows the join code and QR code. */
    showJoinCode: boolean('show_join_code').notNull().default(true),
    /** A follow-up session names the session it follows: its students' devices pair with that one's. */
    followUpOf: uuid('follow_up_of').references((): AnyPgColumn => classSessions.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Set with closedAt (lib/domain/session-lifecycle.ts); null while open. */
    closedReason: text('closed_reason').$type<ClassSessionClosedReason>(),
    /**
     * Live mode: the teacher's last command, or later answers or joins once a check has seen them
     * (lib/server/session-lifecycle.ts). A live session idle for LIVE_SESSION_IDLE_MINUTES closes.
     */
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
    /** A scheduled follow-up: phones can join from this time on; null opens at once. */
    opensAt: timestamp('opens_at', { withTimezone: true }),
  },
  (table) => [
    unique('class_sessions_join_code_unique').on(table.joinCode),
    index('class_sessions_organisation_idx').on(table.organisationId),
    index('class_sessions_follow_up_of_idx').on(table.followUpOf),
    check('class_sessions_mode_check', sql`${table.mode} in (${inList(CLASS_SESSION_MODES)})`),
    check('class_sessions_status_check', sql`${table.status} in (${inList(CLASS_SESSION_STATUSES)})`),
    check('class_sessions_path_check', sql`${table.path} in (${inList(CLASS_SESSION_PATHS)})`),
    check('class_sessions_closed_reason_check', sql`${table.closedReason} in (${inList(CLASS_SESSION_CLOSED_REASONS)})`),
  ],
);

export const participants = pgTable(
  'participants',
  {
    /** Made by the device (crypto.randomUUID), so a device can answer before it is online. */
    id: uuid('id').primaryKey(),
    locale: text('locale').$type<Locale>().notNull(),
    /** The class session the device joined; null for a student on their own. */
    classSessionId: uuid('class_session_id').references(() => classSessions.id, { onDelete: 'cascade' }),
    /**
     * SHA-256 of the device's random pairing code (lib/server/pairing.ts; matched in
     * lib/domain/pairing.ts): links a follow-up
     * session's participant to the same device's first visit, and nothing else. Null when the
     * device sent none.
     */
    pairingHash: text('pairing_hash'),
    /**
     * On your own: the module the device took and the content version it registered with, whose
     * structure its answers are judged against (decision note 017). Null in a class session (the
     * session's module and version) and for rows made before modules were chosen (roads-kill at
     * its current version).
     */
    moduleId: text('module_id'),
    contentVersion: text('content_version'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('participants_class_session_idx').on(table.classSessionId),
    index('participants_pairing_hash_idx').on(table.pairingHash),
  ],
);

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
    /**
     * The option ids in the order this device showed them (options are shuffled per device);
     * null where nothing was shuffled (true/false, number guesses, scales, plans) or the device
     * is older. Reports stay keyed by option id; this is for the question-quality check.
     */
    shownOrder: jsonb('shown_order').$type<string[]>(),
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

/**
 * A story decision taken again after its ending ("try the other choice"). Kept apart from
 * `answers`, so the first choice stays the one every tally, report and summary counts, and a
 * replay can never overwrite it. Stored once per id and once per decision per participant.
 * Deleted with the participant, and by the retention job like answers.
 */
export const answerReplays = pgTable(
  'answer_replays',
  {
    id: uuid('id').primaryKey(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    /** A story decision, `scenario/node`. */
    itemId: text('item_id').notNull(),
    response: jsonb('response').$type<AnswerResponse>().notNull(),
    shownOrder: jsonb('shown_order').$type<string[]>(),
    contentVersion: text('content_version').notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique('answer_replays_participant_item_unique').on(table.participantId, table.itemId)],
);

/**
 * A class session's results as exact, additive counts and sums (lib/domain/session-summary.ts):
 * what officers' views are built from, and what survives when the retention job deletes the
 * session's raw answers. Never shown as it is: officer views disclose it first.
 */
export const sessionSummaries = pgTable('session_summaries', {
  classSessionId: uuid('class_session_id')
    .primaryKey()
    .references(() => classSessions.id, { onDelete: 'cascade' }),
  /** The summary's own format version, so a stored summary in an old shape is rebuilt or skipped. */
  format: smallint('format').notNull(),
  summary: jsonb('summary').notNull(),
  /** The latest received_at of the answers it counts; a later answer makes it stale. */
  answersThrough: timestamp('answers_through', { withTimezone: true }),
  /** How many participants it counts; a new one makes it stale. */
  participantCount: integer('participant_count').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  /** Set when the retention job deleted some of the session's raw answers: never rebuilt after that. */
  frozenAt: timestamp('frozen_at', { withTimezone: true }),
  /**
   * The session's change count (session_changes) read before the summary was built: a summary
   * whose session has counted more changes since is stale.
   */
  changesSeen: bigint('changes_seen', { mode: 'number' }).notNull().default(0),
});

/**
 * How many times each class session's participants or answers have changed: a counter the
 * database keeps itself, with statement-level triggers on `participants` and `answers` (migration
 * 0006), so one insert statement of any number of answers counts once per session it touches, and
 * no code that stores answers has to remember it. Session summaries compare it with the count they
 * saw, instead of counting every session's answers at every load (issue 13). A story replay
 * (answer_replays) counts in no summary, so it is no change. A session that never changed has no
 * row (count 0). No foreign key: a row left by a deleted session is harmless, and the triggers
 * may run while a session's cascade deletes its participants.
 */
export const sessionChanges = pgTable('session_changes', {
  classSessionId: uuid('class_session_id').primaryKey(),
  changes: bigint('changes', { mode: 'number' }).notNull().default(0),
});

/**
 * Rate-limit state, shared by every app instance on one PostgreSQL database
 * (lib/server/rate-limit-postgres.ts; PGlite keeps it in memory). The key is an HMAC of the
 * action and what is counted (a client address, an e-mail address), never either itself; a row
 * is deleted once its allowance is whole again, at most 15 minutes after the last failure.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    keyHash: text('key_hash').primaryKey(),
    /** Which limit (`joinCode`, `signInAccount`, …), so an operator can see what is being tried. */
    action: text('action').notNull(),
    /** When the key's allowance is whole again, in ms since 1970 (lib/domain/rate-limit.ts). */
    refilledAtMs: bigint('refilled_at_ms', { mode: 'number' }).notNull(),
  },
  (table) => [index('rate_limits_refilled_at_idx').on(table.refilledAtMs)],
);

/**
 * What a live class tally has released so far (lib/domain/live-release.ts): the exact counts
 * frozen when the teacher first revealed it, and grown only by whole groups of students since.
 * Every screen shows this, never the answers as they stand, so that no figure moves by one
 * student's answer. Never shown as it is: it is disclosed first.
 */
export const liveReleases = pgTable(
  'live_releases',
  {
    classSessionId: uuid('class_session_id')
      .notNull()
      .references(() => classSessions.id, { onDelete: 'cascade' }),
    /** What is counted: `item:{phase}:{itemId}` or `story:{scenarioId}`. */
    subject: text('subject').notNull(),
    release: jsonb('release').notNull(),
    /** Counts up with every change: a change is stored only over the version it was made from. */
    version: integer('version').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.classSessionId, table.subject] })],
);

/** Where a module version came from: a folder in `content/` found at start, or the authoring studio. */
export const MODULE_VERSION_ORIGINS = ['files', 'studio'] as const;
export type ModuleVersionOrigin = (typeof MODULE_VERSION_ORIGINS)[number];

/** One line of what a published module version changed against the one before (lib/content/module-diff.ts). */
export interface ModuleChangeRecord {
  /** The file, by its path in the module folder (`pl.json`). */
  file: string;
  /** Dotted path inside the file (`items.q-seat.prompt`; arrays of objects by their id); '' for the whole file. */
  path: string;
  change: 'added' | 'removed' | 'changed' | 'reformatted';
}

/**
 * Every published version of every module (decision note 017): the exact text of its files, so
 * a session runs the version it started with and a module exports as the files it came from.
 * `version` is the content version answers store (lib/content/version.ts: a hash of what
 * students see); a republish that changed only teacher notes or formatting keeps it, so one
 * version can have several rows, and the latest row is the one served. A module's current
 * version is its latest row. Holds no personal data beyond who published (staff, not students).
 */
export const moduleVersions = pgTable(
  'module_versions',
  {
    /** Publication order: the latest row of a module is its current version. */
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    moduleId: text('module_id').notNull(),
    version: text('version').notNull(),
    /** Path in the module folder → the file's exact text. */
    files: jsonb('files').$type<Record<string, string>>().notNull(),
    /** SHA-256 over the files' paths and exact text: "these very files are already here". */
    filesHash: text('files_hash').notNull(),
    origin: text('origin').$type<ModuleVersionOrigin>().notNull(),
    /** The staff member who published it; null for a version read from `content/`, or once they are deleted. */
    publishedBy: uuid('published_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    /** What changed against the module's previous row (empty for the first). */
    changes: jsonb('changes').$type<ModuleChangeRecord[]>().notNull(),
  },
  (table) => [
    index('module_versions_module_seq_idx').on(table.moduleId, table.seq),
    index('module_versions_module_version_idx').on(table.moduleId, table.version, table.seq),
    index('module_versions_files_hash_idx').on(table.moduleId, table.filesHash),
    check('module_versions_origin_check', sql`${table.origin} in (${inList(MODULE_VERSION_ORIGINS)})`),
  ],
);

export type ModuleVersionRow = typeof moduleVersions.$inferSelect;
export type ParticipantRow = typeof participants.$inferSelect;
export type AnswerRow = typeof answers.$inferSelect;
export type NewAnswerRow = typeof answers.$inferInsert;
export type NewAnswerReplayRow = typeof answerReplays.$inferInsert;
export type OrganisationRow = typeof organisations.$inferSelect;
export type StaffUserRow = typeof staffUsers.$inferSelect;
export type ClassSessionRow = typeof classSessions.$inferSelect;
export type SessionSummaryRow = typeof sessionSummaries.$inferSelect;
export type SessionChangeRow = typeof sessionChanges.$inferSelect;
export type LiveReleaseRow = typeof liveReleases.$inferSelect;

/**
 * A module being edited in the authoring studio (issue 14, docs/decisions/018-authoring-studio.md):
 * at most one draft per module, shared by its editors. `files` are the module folder's files as
 * exact text (path → text), so an untouched file exports byte for byte. Saving is
 * compare-and-set on `revision`: a save from an older revision is a conflict, never an overwrite.
 * Staff only: no student route reads this table. Written by officers and administrators, never
 * by a student.
 */
export const moduleDrafts = pgTable('module_drafts', {
  moduleId: text('module_id').primaryKey(),
  files: jsonb('files').$type<Record<string, string>>().notNull(),
  /** Per locale but the source (en-GB): string id → fingerprint of the source text it was translated from. */
  translatedFrom: jsonb('translated_from').$type<Record<string, Record<string, string>>>().notNull().default({}),
  /** The published content version the draft was opened from; null for a new module. */
  baseVersion: text('base_version'),
  revision: integer('revision').notNull(),
  updatedBy: uuid('updated_by').references(() => staffUsers.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type ModuleDraftRow = typeof moduleDrafts.$inferSelect;
