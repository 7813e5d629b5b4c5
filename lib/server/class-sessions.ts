import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import {
  answers,
  classSessions,
  organisations,
  participants,
  type ClassSessionClosedReason,
  type ClassSessionMode,
  type ClassSessionPath,
  type ClassSessionRow,
} from '@/lib/db/schema';
import { joinCodeFromBytes } from '@/lib/domain/join-code';
import { closedReasonOf, dueClosing, isClosed, notOpenYet } from '@/lib/domain/session-lifecycle';
import { canAccessClassSession, type StaffIdentity } from '@/lib/domain/staff-access';
import { pairingHashOrNull } from './pairing';
import { sessionNow } from './clock';
import { liveIdleMs, settleClosing } from './session-lifecycle';

export { isClosed };

/**
 * The class-session repository: creating sessions with a join code, finding them, the
 * teacher's live commands, students joining, and the live counts. Authorisation is the
 * caller's (lib/domain/staff-access.ts); every function here takes the database first so
 * tests can hand in their own.
 */

export interface NewClassSession {
  moduleId: string;
  contentVersion: string;
  organisationId: string;
  hostId: string;
  mode: ClassSessionMode;
  beforeAfter: boolean;
  /** The core only, or the core and the deeper sections; the whole module when not given. */
  path?: ClassSessionPath;
  /** Self-paced only: when the session stops taking answers. */
  closesAt: Date | null;
  /** A follow-up: the session it follows (already checked by the caller: see follow-ups.ts). */
  followUpOf?: string | null;
  /** A scheduled follow-up: when phones may join; null or absent opens at once. */
  opensAt?: Date | null;
}

/** The state every phone in the session follows. */
export interface ClassSessionState {
  status: 'open' | 'closed';
  mode: ClassSessionMode;
  liveStep: number;
  revealedStep: number | null;
  showJoinCode: boolean;
  closesAt: string | null;
  /** Why it closed (null while open): a phone says so in the words that fit. */
  closedReason: ClassSessionClosedReason | null;
  /** When it closed: the teacher's end, the closing time, or the end of the idle period. */
  closedAt: string | null;
  /** A scheduled follow-up not open yet: when it opens. */
  opensAt: string | null;
}

export function sessionState(session: ClassSessionRow, now: Date): ClassSessionState {
  const closed = isClosed(session, now);
  const closedAt = session.closedAt ?? (closed ? session.closesAt : null);
  return {
    status: closed ? 'closed' : 'open',
    mode: session.mode,
    liveStep: session.liveStep,
    revealedStep: session.revealedStep,
    showJoinCode: session.showJoinCode,
    closesAt: session.closesAt?.toISOString() ?? null,
    closedReason: closedReasonOf(session, now),
    closedAt: closedAt?.toISOString() ?? null,
    opensAt: notOpenYet(session, now) ? (session.opensAt?.toISOString() ?? null) : null,
  };
}

const JOIN_CODE_ATTEMPTS = 8;

function isUniqueViolation(error: unknown): boolean {
  // PostgreSQL and PGlite both report unique_violation as SQLSTATE 23505; drizzle wraps it in `cause`.
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ('code' in e && e.code === '23505') return true;
  }
  return false;
}

/** Creates a session with a fresh join code, trying again on the rare clash with an existing code. */
export async function createClassSession(
  db: Database,
  input: NewClassSession,
  random: (size: number) => Uint8Array = randomBytes,
): Promise<ClassSessionRow> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const [row] = await db
        .insert(classSessions)
        .values({ ...input, joinCode: joinCodeFromBytes(random(32)) })
        .returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= JOIN_CODE_ATTEMPTS) throw error;
    }
  }
}

/**
 * A session by id. With `now`, a closing that fell due by then (an idle live session, a passed
 * closing time) is written down first (session-lifecycle.ts): every read that decides anything
 * passes it.
 */
export async function findClassSession(db: Database, id: string, now?: Date): Promise<ClassSessionRow | null> {
  const [row] = await db.select().from(classSessions).where(eq(classSessions.id, id)).limit(1);
  return row === undefined ? null : now === undefined ? row : settleClosing(db, row, now);
}

export async function findClassSessionByCode(db: Database, joinCode: string, now?: Date): Promise<ClassSessionRow | null> {
  const [row] = await db.select().from(classSessions).where(eq(classSessions.joinCode, joinCode)).limit(1);
  return row === undefined ? null : now === undefined ? row : settleClosing(db, row, now);
}

export interface ClassSessionListing {
  session: ClassSessionRow;
  organisationName: string;
  joined: number;
}

/**
 * The sessions a staff member may open, newest first: a teacher's organisation's; an officer's
 * or administrator's own (canAccessClassSession).
 */
export async function listClassSessions(db: Database, staff: StaffIdentity, limit = 50, now: Date = new Date()): Promise<ClassSessionListing[]> {
  const joined = db
    .select({ classSessionId: participants.classSessionId, joined: count().as('joined') })
    .from(participants)
    .groupBy(participants.classSessionId)
    .as('joined');
  const rows = await db
    .select({ session: classSessions, organisationName: organisations.name, joined: joined.joined })
    .from(classSessions)
    .innerJoin(organisations, eq(organisations.id, classSessions.organisationId))
    .leftJoin(joined, eq(joined.classSessionId, classSessions.id))
    .where(
      staff.role !== 'teacher'
        ? eq(classSessions.hostId, staff.id)
        : staff.organisationId === null
          ? sql`false`
          : eq(classSessions.organisationId, staff.organisationId),
    )
    .orderBy(desc(classSessions.createdAt))
    .limit(limit);
  const idleMs = liveIdleMs();
  const listed = rows.filter((row) => canAccessClassSession(staff, row.session));
  // A session that closed by itself since anyone looked says so here, with its reason.
  for (const row of listed) {
    if (dueClosing(row.session, sessionNow(row.session.id, now), idleMs) !== null) row.session = await settleClosing(db, row.session, now, idleMs);
  }
  return listed.map((row) => ({ ...row, joined: Number(row.joined ?? 0) }));
}

export type LiveCommand =
  | { command: 'go-to-step'; step: number }
  | { command: 'reveal'; step: number }
  | { command: 'hide-reveal' }
  | { command: 'show-join-code'; show: boolean }
  | { command: 'end' };

export type CommandResult = { ok: true; session: ClassSessionRow } | { ok: false; error: 'not_found' | 'session_closed' | 'invalid_step' };

/**
 * Applies one of the teacher's commands. `lastStep` is the index of the session journey's last
 * step, so a step past the end is refused rather than stored.
 */
export async function applyLiveCommand(
  db: Database,
  id: string,
  command: LiveCommand,
  lastStep: number,
  now: Date,
): Promise<CommandResult> {
  const session = await findClassSession(db, id, now);
  if (!session) return { ok: false, error: 'not_found' };
  if (isClosed(session, now)) return { ok: false, error: 'session_closed' };
  if ((command.command === 'go-to-step' || command.command === 'reveal') && (command.step < 0 || command.step > lastStep)) {
    return { ok: false, error: 'invalid_step' };
  }
  const change = ((): Partial<ClassSessionRow> => {
    switch (command.command) {
      case 'go-to-step':
        // Moving on hides the last reveal: the class sees the next question fresh.
        return { liveStep: command.step, revealedStep: null };
      case 'reveal':
        return { revealedStep: command.step };
      case 'hide-reveal':
        return { revealedStep: null };
      case 'show-join-code':
        return { showJoinCode: command.show };
      case 'end':
        return { status: 'closed', closedAt: now, closedReason: 'teacher' };
    }
  })();
  // Every command is the teacher's activity: it restarts the idle period (session-lifecycle.ts).
  const [updated] = await db
    .update(classSessions)
    .set({ ...change, lastActivityAt: now })
    .where(and(eq(classSessions.id, id), eq(classSessions.status, 'open')))
    .returning();
  if (!updated) return (await findClassSession(db, id)) ? { ok: false, error: 'session_closed' } : { ok: false, error: 'not_found' };
  return { ok: true, session: updated };
}

export type JoinResult =
  | { ok: true; created: boolean; session: ClassSessionRow }
  | { ok: false; error: 'unknown_session' | 'session_closed' | 'participant_conflict' }
  /** A scheduled follow-up before its day: `opensAt` says when to come back. */
  | { ok: false; error: 'not_open_yet'; opensAt: Date };

/**
 * A device joins a session under its own random participant id. Idempotent: joining again
 * (a reload, a retry after a dropped response) changes nothing. A closed session takes no one new,
 * but a device already in it is told so rather than refused, so it can show the ending. Only
 * the first join stores the pairing code's hash: a repeat never replaces it.
 */
export async function joinClassSession(
  db: Database,
  { joinCode, participantId, locale, pairingCode }: { joinCode: string; participantId: string; locale: 'en-GB' | 'pl'; pairingCode?: string | undefined },
  now: Date,
): Promise<JoinResult> {
  const session = await findClassSessionByCode(db, joinCode, now);
  if (!session) return { ok: false, error: 'unknown_session' };
  const [existing] = await db
    .select({ classSessionId: participants.classSessionId })
    .from(participants)
    .where(eq(participants.id, participantId))
    .limit(1);
  if (existing) {
    return existing.classSessionId === session.id
      ? { ok: true, created: false, session }
      : { ok: false, error: 'participant_conflict' };
  }
  if (isClosed(session, now)) return { ok: false, error: 'session_closed' };
  if (session.opensAt !== null && notOpenYet(session, now)) return { ok: false, error: 'not_open_yet', opensAt: session.opensAt };
  const inserted = await db
    .insert(participants)
    .values({ id: participantId, locale, classSessionId: session.id, pairingHash: pairingHashOrNull(pairingCode) })
    .onConflictDoNothing()
    .returning({ id: participants.id });
  return { ok: true, created: inserted.length === 1, session };
}

export interface ClassCounts {
  joined: number;
  /** Answered at least once but not the journey's last question. */
  inProgress: number;
  finished: number;
  /** How many answered the step the class is on (live mode), by answer keys of that step. */
  answeredStep: number;
}

/**
 * Live counts for the teacher. `finishKey` is the last answer the session's journey records
 * (phase and item), so "finished" means "reached the end", whatever the session's options.
 * `stepItems` are the (phase, item) pairs the current step records; a scenario records one
 * per decision, so a student counts once they answered any of them.
 */
export async function classCounts(
  db: Database,
  classSessionId: string,
  finishKey: { phase: string; itemId: string },
  stepItems: readonly { phase: string; itemId: string }[],
): Promise<ClassCounts> {
  const inSession = eq(participants.classSessionId, classSessionId);
  const finishedExpr = sql<number>`count(distinct ${answers.participantId}) filter (where ${answers.phase} = ${finishKey.phase} and ${answers.itemId} = ${finishKey.itemId})`;
  const stepFilter =
    stepItems.length === 0
      ? sql`false`
      : sql.join(
          stepItems.map((s) => sql`(${answers.phase} = ${s.phase} and ${answers.itemId} = ${s.itemId})`),
          sql` or `,
        );
  const [joinedRow] = await db.select({ joined: count() }).from(participants).where(inSession);
  const [answerRow] = await db
    .select({
      started: sql<number>`count(distinct ${answers.participantId})`,
      finished: finishedExpr,
      answeredStep: sql<number>`count(distinct ${answers.participantId}) filter (where ${stepFilter})`,
    })
    .from(answers)
    .innerJoin(participants, eq(participants.id, answers.participantId))
    .where(inSession);
  const started = Number(answerRow?.started ?? 0);
  const finished = Number(answerRow?.finished ?? 0);
  return {
    joined: Number(joinedRow?.joined ?? 0),
    inProgress: started - finished,
    finished,
    answeredStep: Number(answerRow?.answeredStep ?? 0),
  };
}

/** Each response given to the listed items by the session's students, for tallies. */
export async function classResponses(
  db: Database,
  classSessionId: string,
  items: readonly { phase: string; itemId: string }[],
): Promise<{ participantId: string; itemId: string; phase: string; response: unknown; correct: boolean | null; confidence: number | null }[]> {
  if (items.length === 0) return [];
  return db
    .select({ participantId: answers.participantId, itemId: answers.itemId, phase: answers.phase, response: answers.response, correct: answers.correct, confidence: answers.confidence })
    .from(answers)
    .innerJoin(participants, eq(participants.id, answers.participantId))
    .where(
      and(
        eq(participants.classSessionId, classSessionId),
        inArray(answers.itemId, [...new Set(items.map((i) => i.itemId))]),
        inArray(answers.phase, [...new Set(items.map((i) => i.phase))] as ('before' | 'main' | 'after' | 'followup')[]),
      ),
    );
}

/** The class session a participant belongs to, if any, for checking answers against its state. */
export async function sessionOfParticipant(db: Database, participantId: string, now?: Date): Promise<ClassSessionRow | null> {
  const [row] = await db
    .select({ session: classSessions })
    .from(participants)
    .innerJoin(classSessions, eq(classSessions.id, participants.classSessionId))
    .where(eq(participants.id, participantId))
    .limit(1);
  if (!row) return null;
  return now === undefined ? row.session : settleClosing(db, row.session, now);
}
