import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Answer, AnswerReceipt } from '@/lib/api/schemas';
import type { ModuleStructure, Phase } from '@/lib/content/schema';
import type { Database } from '@/lib/db/client';
import { answerReplays, answers, type ClassSessionRow, type NewAnswerReplayRow, type NewAnswerRow } from '@/lib/db/schema';
import { answerWindow, checkAnswerTime, clockOffsetMs, correctedAnswerTime, takenBySession } from '@/lib/domain/answer-time';
import {
  checkReplay,
  checkResponse,
  checkShownOrder,
  resolveAnswerTarget,
  scoreResponse,
  type AnswerTarget,
  type ResponseCheck,
  type ResponseProblem,
} from '@/lib/domain/scoring';
import type { FailureIssue } from './http';
import { answerWriterFor, uuidKey, type JudgedRows } from './answer-writer';
import { participantExists } from './participants';

/** One answer that doesn't fit the content; `path` names the field, e.g. `answers.2.response`. */
export interface AnswerProblem {
  path: string;
  problem: ResponseProblem;
}

/** An answer the route could not read (its schema failed): refused on its own, with zod's words. */
export interface UnreadableAnswer {
  unreadable: true;
  id: string;
  issues: FailureIssue[];
}

export interface SubmitAnswersInput {
  participantId: string;
  /** When the device sent the batch, by its clock: corrects every answer's time (lib/domain/answer-time.ts). */
  sentAt?: string | undefined;
  answers: (Answer | UnreadableAnswer)[];
}

/** A receipt, or a refusal with what was wrong (translated by the route). */
export type SubmitReceipt = Omit<AnswerReceipt, 'issues'> & { problems?: FailureIssue[] };

export type SubmitAnswersResult =
  /** `classSessionId`: the participant's class session, told of new answers when any were stored. */
  | { ok: true; receipts: SubmitReceipt[]; classSessionId: string | null; stored: number }
  | { ok: false; error: 'unknown_participant' }
  /** Nothing in the batch could be taken: 400 when an answer couldn't be read, else 422. */
  | { ok: false; error: 'invalid_answer' | 'invalid_body'; problems: FailureIssue[] };

/** The field a problem is about, so the client can point at it. */
function fieldOf(problem: ResponseProblem): 'itemId' | 'phase' | 'response' | 'shownOrder' | 'replay' | 'answeredAt' {
  if (problem === 'unknown_item') return 'itemId';
  if (problem === 'wrong_phase') return 'phase';
  if (problem === 'bad_shown_order') return 'shownOrder';
  if (problem === 'not_replayable') return 'replay';
  if (problem === 'answered_before_open' || problem === 'answered_in_future') return 'answeredAt';
  return 'response';
}

/** The first check that fails, or ok. */
function firstProblem(...checks: ResponseCheck[]): ResponseCheck {
  return checks.find((check) => !check.ok) ?? { ok: true };
}

/**
 * Each item's target, looked up once per module structure (a new content version is a new
 * structure object). Only targets that exist are kept, so ids a client makes up can't grow it.
 */
const targetsByStructure = new WeakMap<ModuleStructure, Map<string, AnswerTarget>>();

function targetOf(structure: ModuleStructure, itemId: string): AnswerTarget | null {
  let targets = targetsByStructure.get(structure);
  if (targets === undefined) {
    targets = new Map();
    targetsByStructure.set(structure, targets);
  }
  const known = targets.get(itemId);
  if (known !== undefined) return known;
  const target = resolveAnswerTarget(structure, itemId);
  if (target !== null) targets.set(itemId, target);
  return target;
}

const isUnreadable = (answer: Answer | UnreadableAnswer): answer is UnreadableAnswer => 'unreadable' in answer;

/**
 * Stores a batch of answers from one device, each id at most once. Each answer is judged on
 * its own: one that doesn't fit the content, or whose time (corrected for the device's clock)
 * falls outside the session's window, is refused with its problem, and the rest are stored.
 * Only when nothing in the batch can be taken is the whole batch refused.
 *
 * Answers given under another content version are stored too (nothing a student submitted is
 * lost), but unscored: `correct` null, since "correct" may have meant something else then.
 */
export async function submitAnswers(
  db: Database,
  structure: ModuleStructure,
  currentVersion: string,
  body: SubmitAnswersInput,
  now: Date = new Date(),
): Promise<SubmitAnswersResult> {
  const refusals = new Map<number, FailureIssue[]>();
  const readable: { index: number; answer: Answer; target: AnswerTarget }[] = [];
  body.answers.forEach((answer, index) => {
    if (isUnreadable(answer)) {
      refusals.set(index, answer.issues);
      return;
    }
    const target = targetOf(structure, answer.itemId);
    const check =
      target === null
        ? checkResponse(target, answer.response, answer.phase)
        : firstProblem(checkResponse(target, answer.response, answer.phase), checkShownOrder(target, answer.shownOrder), checkReplay(target, answer.replay));
    if (!check.ok) refusals.set(index, [{ path: `answers.${index}.${fieldOf(check.problem)}`, problem: check.problem }]);
    else if (target !== null) readable.push({ index, answer, target });
  });
  if (readable.length === 0) return nothingTaken(refusals);

  // Judged against the participant's session once the writer has looked it up, together with
  // the other requests waiting to be written (lib/server/answer-writer.ts: group commit).
  const late = new Set<string>();
  const timeRefusals = new Map<number, FailureIssue[]>();
  const judge = (session: ClassSessionRow | null): JudgedRows => {
    // Judged again from scratch if the writer has to redo this batch on its own.
    late.clear();
    timeRefusals.clear();
    // Each answer's time on the server's clock, and the window it must fall in.
    const offset = clockOffsetMs(body.sentAt, now);
    const window = answerWindow(now, session);
    const cutoff = session ? closingTime(session) : null;
    const rows: NewAnswerRow[] = [];
    const replays: NewAnswerReplayRow[] = [];
    for (const { index, answer, target } of readable) {
      const answeredAt = correctedAnswerTime(answer.answeredAt, offset);
      const timeProblem = checkAnswerTime(answeredAt, window);
      if (timeProblem !== null || answeredAt === null) {
        timeRefusals.set(index, [{ path: `answers.${index}.answeredAt`, problem: timeProblem ?? 'answered_before_open' }]);
        continue;
      }
      // A closed class session takes no more answers. Answers given before it closed (queued
      // while offline, say) are still stored while the grace period lasts: nothing a student
      // submitted in time is lost, and a backdated answer can't reach a session closed long ago.
      if (!takenBySession(answeredAt, cutoff, now)) {
        late.add(answer.id);
        continue;
      }
      if (answer.replay === true) {
        replays.push({
          id: answer.id,
          participantId: body.participantId,
          itemId: answer.itemId,
          response: answer.response,
          shownOrder: answer.shownOrder ?? null,
          contentVersion: answer.contentVersion,
          answeredAt,
        });
        continue;
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
        answeredAt,
      });
    }
    return { rows, replays };
  };

  const written = await answerWriterFor(db).submit({ participantId: body.participantId, now, judge }, readable.length);
  if (!written.participant) return { ok: false, error: 'unknown_participant' };
  for (const [index, issues] of timeRefusals) refusals.set(index, issues);
  const { judged, storedRows, storedReplays } = written;
  if (judged.rows.length === 0 && judged.replays.length === 0 && late.size === 0) return nothingTaken(refusals);

  const storedIds = new Set([
    ...judged.rows.filter((_, i) => storedRows[i] === true).map((row) => uuidKey(row.id)),
    ...judged.replays.filter((_, i) => storedReplays[i] === true).map((row) => uuidKey(row.id)),
  ]);
  // The same id twice in one batch is stored once: the first copy is "stored", the rest "duplicate".
  const receipts = body.answers.map((answer, index): SubmitReceipt => {
    const problems = refusals.get(index);
    if (problems) return { id: answer.id, status: 'refused', problems };
    if (late.has(answer.id)) return { id: answer.id, status: 'session_closed' };
    const stored = storedIds.delete(uuidKey(answer.id));
    return { id: answer.id, status: stored ? 'stored' : 'duplicate' };
  });
  // `stored` tells the class's live counts to move on: replays are not in them.
  const stored = storedRows.filter(Boolean).length;
  return { ok: true, receipts, classSessionId: written.session?.id ?? null, stored };
}

/** Every answer refused: the batch as a whole fails, 400 if any couldn't be read, else 422. */
function nothingTaken(refusals: Map<number, FailureIssue[]>): SubmitAnswersResult {
  const problems = [...refusals.entries()].sort(([a], [b]) => a - b).flatMap(([, issues]) => issues);
  const unreadable = problems.some((issue) => !('problem' in issue));
  return { ok: false, error: unreadable ? 'invalid_body' : 'invalid_answer', problems };
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
