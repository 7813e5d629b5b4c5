import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { AnswerReceipt, SubmitAnswersBody } from '@/lib/api/schemas';
import type { ModuleStructure, Phase } from '@/lib/content/schema';
import type { Database } from '@/lib/db/client';
import { answerReplays, answers, type NewAnswerReplayRow, type NewAnswerRow } from '@/lib/db/schema';
import {
  checkReplay,
  checkResponse,
  checkShownOrder,
  resolveAnswerTarget,
  scoreResponse,
  type ResponseCheck,
  type ResponseProblem,
} from '@/lib/domain/scoring';
import { sessionOfParticipant } from './class-sessions';
import { participantExists } from './participants';

/** One answer that doesn't fit the content; `path` names the field, e.g. `answers.2.response`. */
export interface AnswerProblem {
  path: string;
  problem: ResponseProblem;
}

export type SubmitAnswersResult =
  /** `classSessionId`: the participant's class session, told of new answers when any were stored. */
  | { ok: true; receipts: AnswerReceipt[]; classSessionId: string | null; stored: number }
  | { ok: false; error: 'unknown_participant' }
  | { ok: false; error: 'invalid_answer'; problems: AnswerProblem[] };

/** The field a problem is about, so the client can point at it. */
function fieldOf(problem: ResponseProblem): 'itemId' | 'phase' | 'response' | 'shownOrder' | 'replay' {
  if (problem === 'unknown_item') return 'itemId';
  if (problem === 'wrong_phase') return 'phase';
  if (problem === 'bad_shown_order') return 'shownOrder';
  if (problem === 'not_replayable') return 'replay';
  return 'response';
}

/** The first check that fails, or ok. */
function firstProblem(...checks: ResponseCheck[]): ResponseCheck {
  return checks.find((check) => !check.ok) ?? { ok: true };
}

/**
 * Stores a batch of answers from one device, each id at most once. All or nothing: if any
 * answer doesn't fit the content, nothing is stored and every problem is returned.
 *
 * Answers given under another content version are stored too (nothing a student submitted is
 * lost), but unscored: `correct` null, since "correct" may have meant something else then.
 */
export async function submitAnswers(
  db: Database,
  structure: ModuleStructure,
  currentVersion: string,
  body: SubmitAnswersBody,
  now: Date = new Date(),
): Promise<SubmitAnswersResult> {
  const problems: AnswerProblem[] = [];
  const rows: NewAnswerRow[] = [];
  const replays: NewAnswerReplayRow[] = [];
  body.answers.forEach((answer, index) => {
    const target = resolveAnswerTarget(structure, answer.itemId);
    const check =
      target === null
        ? checkResponse(target, answer.response, answer.phase)
        : firstProblem(checkResponse(target, answer.response, answer.phase), checkShownOrder(target, answer.shownOrder), checkReplay(target, answer.replay));
    if (!check.ok) {
      problems.push({ path: `answers.${index}.${fieldOf(check.problem)}`, problem: check.problem });
      return;
    }
    if (target === null) return; // checkResponse already reported it; this narrows the type.
    if (answer.replay === true) {
      replays.push({
        id: answer.id,
        participantId: body.participantId,
        itemId: answer.itemId,
        response: answer.response,
        shownOrder: answer.shownOrder ?? null,
        contentVersion: answer.contentVersion,
        answeredAt: new Date(answer.answeredAt),
      });
      return;
    }
    rows.push({
      id: answer.id,
      participantId: body.participantId,
      itemId: answer.itemId,
      phase: answer.phase,
      response: answer.response,
      correct: answer.contentVersion === currentVersion ? scoreResponse(target, answer.response) : null,
      confidence: answer.confidence ?? null,
      shownOrder: answer.shownOrder ?? null,
      contentVersion: answer.contentVersion,
      answeredAt: new Date(answer.answeredAt),
    });
  });
  if (problems.length > 0) return { ok: false, error: 'invalid_answer', problems };
  // A session that closed by itself (idle, or its closing time) is written down before judging.
  const session = await sessionOfParticipant(db, body.participantId, now);
  if (!session && !(await participantExists(db, body.participantId))) return { ok: false, error: 'unknown_participant' };

  // A closed class session takes no more answers, but answers given before it closed (queued
  // while offline, say) are still stored: nothing a student submitted in time is lost.
  const cutoff = session ? closingTime(session) : null;
  const isLate = (row: { answeredAt: Date }) => cutoff !== null && row.answeredAt > cutoff;
  const late = new Set([...rows, ...replays].filter(isLate).map((row) => row.id));
  const inTime = rows.filter((row) => !late.has(row.id));
  const replaysInTime = replays.filter((row) => !late.has(row.id));

  // One statement: a conflict on the id or on (participant, item, phase) skips that row
  // (no conflict target, so every unique constraint counts), and `returning` lists only the
  // rows actually inserted.
  const inserted =
    inTime.length === 0 ? [] : await db.insert(answers).values(inTime).onConflictDoNothing().returning({ id: answers.id });
  // Replays go to their own table, so a replay can never take the first choice's place; the
  // same rule: a second copy of an id, or a second replay of one decision, is skipped.
  const replayed =
    replaysInTime.length === 0
      ? []
      : await db.insert(answerReplays).values(replaysInTime).onConflictDoNothing().returning({ id: answerReplays.id });
  const storedIds = new Set([...inserted, ...replayed].map((row) => row.id));

  // The same id twice in one batch is stored once: the first copy is "stored", the rest "duplicate".
  const receipts = body.answers.map((answer): AnswerReceipt => {
    if (late.has(answer.id)) return { id: answer.id, status: 'session_closed' };
    const stored = storedIds.delete(answer.id);
    return { id: answer.id, status: stored ? 'stored' : 'duplicate' };
  });
  // `stored` tells the class's live counts to move on: replays are not in them.
  return { ok: true, receipts, classSessionId: session?.id ?? null, stored: inserted.length };
}

/** When a session stopped taking answers: ended by the teacher, or its closing time. */
function closingTime(session: { closedAt: Date | null; closesAt: Date | null }): Date | null {
  const times = [session.closedAt, session.closesAt].filter((t): t is Date => t !== null);
  return times.length === 0 ? null : new Date(Math.min(...times.map((t) => t.getTime())));
}

export interface Progress {
  answered: { id: string; itemId: string; phase: Phase }[];
  replayed: { id: string; itemId: string }[];
}

/**
 * What a participant has answered (ids only, never the answers), so a device that lost its
 * queue can skip what the server already has. Null for an unknown participant.
 */
export async function getProgress(db: Database, participantId: string): Promise<Progress | null> {
  if (!(await participantExists(db, participantId))) return null;
  const answered = await db
    .select({ id: answers.id, itemId: answers.itemId, phase: answers.phase })
    .from(answers)
    .where(eq(answers.participantId, participantId))
    .orderBy(asc(answers.answeredAt), asc(answers.id));
  const replayed = await db
    .select({ id: answerReplays.id, itemId: answerReplays.itemId })
    .from(answerReplays)
    .where(eq(answerReplays.participantId, participantId))
    .orderBy(asc(answerReplays.answeredAt), asc(answerReplays.id));
  return { answered, replayed };
}
