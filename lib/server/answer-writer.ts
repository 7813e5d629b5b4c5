import 'server-only';
import { sql } from 'drizzle-orm';
import { engineOf, type Database } from '@/lib/db/client';
import { answerReplays, answers, type ClassSessionRow, type NewAnswerReplayRow, type NewAnswerRow } from '@/lib/db/schema';
import { participantsWithSessions } from './participants';
import { settleClosing } from './session-lifecycle';

/**
 * Group commit for answers (docs/decisions/019-group-commit.md). Every request's batch is one
 * submission; while a write is in flight, the submissions that arrive wait, and the next write
 * takes them all together: one query for their participants and sessions, and one multi-row
 * `INSERT … ON CONFLICT DO NOTHING … RETURNING` (in one transaction with the replays' insert
 * when there are replays). Each submission then gets back exactly which of its own rows were
 * stored. If the combined write fails, each submission is written again on its own, so one bad
 * batch can't fail its neighbours. A submission's promise settles only after its rows are
 * committed (or known not to be).
 */

/** What a submission's rows are, once its participant's session is known. */
export interface JudgedRows {
  rows: NewAnswerRow[];
  replays: NewAnswerReplayRow[];
}

export interface AnswerSubmission {
  participantId: string;
  /** When the request arrived: a session that closed by itself by then is written down first. */
  now: Date;
  /** The rows to store, judged against the participant's session (null: in none). Pure. */
  judge(session: ClassSessionRow | null): JudgedRows;
}

export type AnswerWriteResult =
  | { participant: false }
  | {
      participant: true;
      session: ClassSessionRow | null;
      /** The submission's judged rows, and for each one whether this write stored it. */
      judged: JudgedRows;
      storedRows: boolean[];
      storedReplays: boolean[];
    };

export interface AnswerWriterOptions {
  /** Writes in flight at once. One for PGlite, which runs one statement at a time anyway. */
  maxInFlight?: number;
  /** Answers (rows and replays) per write at most: keeps the statement's parameters well under PostgreSQL's 65,535. */
  maxAnswersPerWrite?: number;
}

export interface AnswerWriterStats {
  /** Submissions taken. */
  submissions: number;
  /** Combined writes made (each one round of lookup and insert). */
  writes: number;
  /** Combined writes that failed and were redone one submission at a time. */
  fallbacks: number;
}

interface Pending {
  submission: AnswerSubmission;
  size: number;
  resolve(result: AnswerWriteResult): void;
  reject(error: unknown): void;
}

/** A row's identity for matching what `RETURNING` gives back to the row that was sent. */
const answerKey = (row: { id: string; participantId: string; itemId: string; phase: string }) =>
  `${uuidKey(row.id)} ${uuidKey(row.participantId)} ${row.itemId} ${row.phase}`;
const replayKey = (row: { id: string; participantId: string; itemId: string }) => `${uuidKey(row.id)} ${uuidKey(row.participantId)} ${row.itemId}`;

/** A uuid as the database gives it back: a device may send capitals, `RETURNING` gives lower case. */
export const uuidKey = (id: string) => id.toLowerCase();

/**
 * Which of the sent rows were stored, given the keys the insert returned. The same key can be
 * sent twice (one device's batch sent twice at once); `ON CONFLICT DO NOTHING` inserts the first
 * copy in the statement's order, so the first row in that order with a returned key claims it.
 */
function claim<Row>(sent: Row[][], returned: string[], keyOf: (row: Row) => string): boolean[][] {
  const unclaimed = new Map<string, number>();
  for (const key of returned) unclaimed.set(key, (unclaimed.get(key) ?? 0) + 1);
  return sent.map((rows) =>
    rows.map((row) => {
      const key = keyOf(row);
      const left = unclaimed.get(key) ?? 0;
      if (left === 0) return false;
      unclaimed.set(key, left - 1);
      return true;
    }),
  );
}

export class AnswerWriter {
  private readonly queue: Pending[] = [];
  private inFlight = 0;
  private readonly maxInFlight: number;
  private readonly maxAnswersPerWrite: number;
  private readonly counts: AnswerWriterStats = { submissions: 0, writes: 0, fallbacks: 0 };

  constructor(
    private readonly db: Database,
    options: AnswerWriterOptions = {},
  ) {
    this.maxInFlight = options.maxInFlight ?? 1;
    this.maxAnswersPerWrite = options.maxAnswersPerWrite ?? 1_000;
  }

  /**
   * Stores one submission's rows, together with whatever else is waiting. `size` is how many
   * answers it may write at most (its batch's length), for the per-write cap.
   */
  submit(submission: AnswerSubmission, size: number): Promise<AnswerWriteResult> {
    this.counts.submissions += 1;
    return new Promise((resolve, reject) => {
      this.queue.push({ submission, size: Math.max(1, size), resolve, reject });
      this.pump();
    });
  }

  stats(): AnswerWriterStats {
    return { ...this.counts };
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      // Whole submissions, in arrival order, up to the cap (always at least one).
      let taken = 0;
      let answersTaken = 0;
      while (taken < this.queue.length && (taken === 0 || answersTaken + (this.queue[taken]?.size ?? 0) <= this.maxAnswersPerWrite)) {
        answersTaken += this.queue[taken]?.size ?? 0;
        taken += 1;
      }
      const group = this.queue.splice(0, taken);
      this.inFlight += 1;
      void this.writeGroup(group).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private async writeGroup(group: Pending[]): Promise<void> {
    this.counts.writes += 1;
    try {
      const results = await this.write(group.map((pending) => pending.submission));
      group.forEach((pending, index) => pending.resolve(results[index] as AnswerWriteResult));
      return;
    } catch (error) {
      if (group.length === 1) {
        group[0]?.reject(error);
        return;
      }
    }
    // The combined write failed, so nothing of it was stored: each submission alone, so only
    // the one that can't be written fails.
    this.counts.fallbacks += 1;
    for (const pending of group) {
      try {
        const [result] = await this.write([pending.submission]);
        pending.resolve(result as AnswerWriteResult);
      } catch (error) {
        pending.reject(error);
      }
    }
  }

  /** One round: the participants and their sessions in one query, then every row in one insert. */
  private async write(submissions: AnswerSubmission[]): Promise<AnswerWriteResult[]> {
    const sessionOf = await participantsWithSessions(
      this.db,
      submissions.map((submission) => uuidKey(submission.participantId)),
    );

    // A session that closed by itself is written down before judging (settleClosing touches the
    // database only when a closing fell due). Each submission is judged at its own arrival time,
    // against the session as the previous submission left it.
    const settled = new Map<string, ClassSessionRow>();
    const judged: (JudgedRows & { session: ClassSessionRow | null })[] = [];
    for (const submission of submissions) {
      const row = sessionOf.get(uuidKey(submission.participantId));
      if (row === undefined) {
        judged.push({ session: null, rows: [], replays: [] });
        continue;
      }
      const session = row === null ? null : await settleClosing(this.db, settled.get(row.id) ?? row, submission.now);
      if (session !== null) settled.set(session.id, session);
      judged.push({ session, ...submission.judge(session) });
    }

    const rows = judged.flatMap((j) => j.rows);
    const replays = judged.flatMap((j) => j.replays);
    // One statement each: a conflict on the id or on (participant, item, phase) skips that row
    // (no conflict target, so every unique constraint counts), and `returning` lists only the
    // rows actually inserted.
    const insertAnswers = (db: Database) =>
      rows.length === 0
        ? Promise.resolve([])
        : insertAnswerRows(db, rows);
    // Replays go to their own table, so a replay can never take the first choice's place; the
    // same rule: a second copy of an id, or a second replay of one decision, is skipped.
    const insertReplays = (db: Database) =>
      replays.length === 0
        ? Promise.resolve([])
        : db
            .insert(answerReplays)
            .values(replays)
            .onConflictDoNothing()
            .returning({ id: answerReplays.id, participantId: answerReplays.participantId, itemId: answerReplays.itemId });
    // Both or neither, so a write redone after a failure never finds half of itself stored.
    const [inserted, replayed] =
      rows.length > 0 && replays.length > 0
        ? await this.db.transaction(async (tx) => [await insertAnswers(tx), await insertReplays(tx)] as const)
        : await Promise.all([insertAnswers(this.db), insertReplays(this.db)]);

    const storedRows = claim(
      judged.map((j) => j.rows),
      inserted.map(answerKey),
      answerKey,
    );
    const storedReplays = claim(
      judged.map((j) => j.replays),
      replayed.map(replayKey),
      replayKey,
    );
    return submissions.map((submission, index): AnswerWriteResult => {
      const j = judged[index] as (typeof judged)[number];
      if (!sessionOf.has(uuidKey(submission.participantId))) return { participant: false };
      return {
        participant: true,
        session: j.session,
        judged: { rows: j.rows, replays: j.replays },
        storedRows: storedRows[index] ?? [],
        storedReplays: storedReplays[index] ?? [],
      };
    });
  }
}

/**
 * The rows as one JSON parameter, taken apart in SQL in the order sent: the statement is the
 * same text whatever the number of rows (no parameter list of 10 per row to build in
 * JavaScript, or for the database to parse and bind each time).
 */
async function insertAnswerRows(db: Database, rows: NewAnswerRow[]): Promise<{ id: string; participantId: string; itemId: string; phase: string }[]> {
  const json = JSON.stringify(rows);
  const result = await db.execute<{ id: string; participantId: string; itemId: string; phase: string }>(sql`
    INSERT INTO ${answers} (id, participant_id, item_id, phase, response, correct, confidence, shown_order, content_version, answered_at)
    SELECT (r->>'id')::uuid, (r->>'participantId')::uuid, r->>'itemId', r->>'phase', r->'response', (r->>'correct')::boolean,
      (r->>'confidence')::smallint, nullif(r->'shownOrder', 'null'::jsonb), r->>'contentVersion', (r->>'answeredAt')::timestamptz
    FROM jsonb_array_elements(${json}::jsonb) WITH ORDINALITY AS sent(r, n)
    ORDER BY n
    ON CONFLICT DO NOTHING
    RETURNING id, participant_id AS "participantId", item_id AS "itemId", phase`);
  return (result as unknown as { rows: { id: string; participantId: string; itemId: string; phase: string }[] }).rows;
}

const writers = new WeakMap<Database, AnswerWriter>();

/**
 * Writes in flight at once on PostgreSQL (two of the pool's ten connections, lib/db/client.ts):
 * one group commits while the next is sent. Measured against 1, 4 and 8 in
 * docs/decisions/019-group-commit.md.
 */
export const POSTGRES_WRITES_IN_FLIGHT = 2;

/**
 * The database's one writer (one queue per database, so every request shares it). PGlite runs
 * one statement at a time, so one write in flight; PostgreSQL overlaps a few, each on its own
 * pooled connection, so one write's commit (the WAL flush) doesn't hold up the next group.
 */
export function answerWriterFor(db: Database): AnswerWriter {
  let writer = writers.get(db);
  if (writer === undefined) {
    writer = new AnswerWriter(db, { maxInFlight: engineOf(db) === 'postgres' ? POSTGRES_WRITES_IN_FLIGHT : 1 });
    writers.set(db, writer);
  }
  return writer;
}
