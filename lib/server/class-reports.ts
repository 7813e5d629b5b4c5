import 'server-only';
import { and, asc, eq, inArray, isNotNull, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { answerResponseSchema, shownOrderSchema } from '@/lib/api/schemas';
import type { ModuleStructure } from '@/lib/content/schema';
import type { Database } from '@/lib/db/client';
import { answers, participants, sessionSummaries, type ClassSessionRow } from '@/lib/db/schema';
import { buildClassReport, type ClassReport, type ReportAnswer, type ReportSession } from '@/lib/domain/class-report';
import { reportRelease, type ReportRelease } from '@/lib/domain/class-report-release';
import type { PairingEntry } from '@/lib/domain/pairing';
import type { DisclosurePolicies } from '@/lib/domain/disclosure';
import { canReadClassReport, type StaffIdentity } from '@/lib/domain/staff-access';
import { sessionNow } from './clock';
import { findClassSession } from './class-sessions';
import { configuredDisclosurePolicies } from './disclosure-config';
import { pairingEntries } from './follow-ups';

/**
 * Reads what a class report needs: the session, who joined, and their answers. The tallying
 * is `buildClassReport` (pure); what leaves the server is only ever its disclosed form.
 * A session has at most a few hundred students, so its answers are read as rows (a few
 * thousand) rather than summed in SQL: matched before/after pairs and scenario paths need
 * each student's answers together anyway.
 */

/** What the report page and CSV need to know about a session, including who may see it. */
export type ClassSessionForReport = Pick<
  ClassSessionRow,
  'id' | 'joinCode' | 'organisationId' | 'moduleId' | 'contentVersion' | 'mode' | 'beforeAfter' | 'path' | 'followUpOf' | 'status' | 'createdAt' | 'closedAt' | 'closesAt'
>;

/**
 * The session a member of staff asked for a report on, or null when the id is malformed, no
 * such session exists, or it isn't theirs to see (an officer's never is: canReadClassReport):
 * the same null for all, so that a route answers each with the same 404 and tells no one
 * which sessions exist.
 */
export async function findReportableSession(
  db: Database,
  staff: StaffIdentity,
  sessionId: string,
): Promise<ClassSessionForReport | null> {
  if (!z.uuid().safeParse(sessionId).success) return null;
  const session = await findClassSession(db, sessionId);
  return session !== null && canReadClassReport(staff, session) ? session : null;
}

/** The columns a report reads of an answer. */
const reportColumns = {
  participantId: answers.participantId,
  itemId: answers.itemId,
  phase: answers.phase,
  response: answers.response,
  correct: answers.correct,
  confidence: answers.confidence,
  shownOrder: answers.shownOrder,
};

type StoredReportAnswer = Omit<ReportAnswer, 'response' | 'shownOrder'> & { response: unknown; shownOrder: unknown };

/** The answers that still parse (a JSON column is a boundary too); how many did not is logged, per session. */
function readableAnswers(classSessionId: string, rows: readonly StoredReportAnswer[]): ReportAnswer[] {
  const readable: ReportAnswer[] = [];
  let unreadable = 0;
  for (const row of rows) {
    const response = answerResponseSchema.safeParse(row.response);
    // An order that doesn't parse only leaves the answer out of the position counts.
    const shownOrder = row.shownOrder === null ? null : (shownOrderSchema.safeParse(row.shownOrder).data ?? null);
    if (response.success) readable.push({ ...row, response: response.data, shownOrder });
    else unreadable += 1;
  }
  if (unreadable > 0) {
    console.warn(`[reports] class session ${classSessionId}: ${unreadable} stored answer(s) did not parse and were left out`);
  }
  return readable;
}

/**
 * Every stored answer of a session's students that still parses, by student and in order;
 * with `receivedBy`, only those the server had received by then.
 */
export async function readSessionAnswers(db: Database, classSessionId: string, receivedBy: Date | null = null): Promise<ReportAnswer[]> {
  const rows = await db
    .select(reportColumns)
    .from(answers)
    .innerJoin(participants, eq(participants.id, answers.participantId))
    .where(and(eq(participants.classSessionId, classSessionId), receivedBy === null ? undefined : lte(answers.receivedAt, receivedBy)))
    .orderBy(asc(answers.participantId), asc(answers.answeredAt));
  return readableAnswers(classSessionId, rows);
}

/**
 * `readSessionAnswers` of several sessions in one query (for building many session summaries at
 * once), by session; a session without answers has an empty list.
 */
export async function readAnswersOfSessions(db: Database, classSessionIds: readonly string[]): Promise<Map<string, ReportAnswer[]>> {
  const out = new Map<string, ReportAnswer[]>(classSessionIds.map((id) => [id, []]));
  if (classSessionIds.length === 0) return out;
  const rows = await db
    .select({ classSessionId: participants.classSessionId, ...reportColumns })
    .from(answers)
    .innerJoin(participants, eq(participants.id, answers.participantId))
    .where(inArray(participants.classSessionId, [...classSessionIds]))
    .orderBy(asc(participants.classSessionId), asc(answers.participantId), asc(answers.answeredAt));
  const bySession = new Map<string, StoredReportAnswer[]>();
  for (const { classSessionId, ...row } of rows) {
    const list = bySession.get(classSessionId as string);
    if (list === undefined) bySession.set(classSessionId as string, [row]);
    else list.push(row);
  }
  for (const [id, list] of bySession) out.set(id, readableAnswers(id, list));
  return out;
}

/** `pairingEntries` of several sessions in one query, by session; a session nobody joined has an empty list. */
export async function pairingEntriesOfSessions(db: Database, classSessionIds: readonly string[]): Promise<Map<string, PairingEntry[]>> {
  const out = new Map<string, PairingEntry[]>(classSessionIds.map((id) => [id, []]));
  if (classSessionIds.length === 0) return out;
  const rows = await db
    .select({ classSessionId: participants.classSessionId, participantId: participants.id, pairingHash: participants.pairingHash })
    .from(participants)
    .where(inArray(participants.classSessionId, [...classSessionIds]))
    .orderBy(asc(participants.classSessionId), asc(participants.createdAt), asc(participants.id));
  for (const { classSessionId, ...entry } of rows) out.get(classSessionId as string)?.push(entry);
  return out;
}

/** The session as the report describes it. */
const reportSession = (session: ClassSessionForReport): ReportSession => ({
  id: session.id,
  joinCode: session.joinCode,
  mode: session.mode,
  beforeAfter: session.beforeAfter,
  path: session.path,
  followUp: session.followUpOf !== null,
  status: session.status,
  createdAt: session.createdAt,
  closedAt: session.closedAt,
  closesAt: session.closesAt,
});

/**
 * The raw report of a session already found (and the caller's access to it checked), from all
 * its answers so far (read here unless the caller has them already): for the officers' session
 * summaries. A teacher's report is `loadReleasedClassReport`.
 */
export async function loadClassReportFor(
  db: Database,
  session: ClassSessionForReport,
  structure: ModuleStructure,
  sessionAnswers?: readonly ReportAnswer[],
  entries?: { joined: readonly PairingEntry[]; first: readonly PairingEntry[] | null },
): Promise<ClassReport> {
  const joined = entries?.joined ?? (await pairingEntries(db, session.id));
  const first = session.followUpOf === null ? null : (entries?.first ?? (await pairingEntries(db, session.followUpOf)));
  return buildClassReport(structure, {
    session: reportSession(session),
    participantIds: joined.map((p) => p.participantId),
    answers: sessionAnswers ?? (await readSessionAnswers(db, session.id)),
    ...(first !== null && { pairing: { first, followUp: joined } }),
  });
}

/** A session's participants who had joined by `joinedBy` (all, if null), as pairingEntries gives them. */
async function participantsBy(db: Database, classSessionId: string, joinedBy: Date | null): Promise<PairingEntry[]> {
  const joined: SQL | undefined = joinedBy === null ? undefined : lte(participants.createdAt, joinedBy);
  return db
    .select({ participantId: participants.id, pairingHash: participants.pairingHash })
    .from(participants)
    .where(and(eq(participants.classSessionId, classSessionId), joined))
    .orderBy(asc(participants.createdAt), asc(participants.id));
}

/** Whether the retention job has started deleting the session's raw answers (it froze its summary first). */
async function retentionStarted(db: Database, classSessionId: string): Promise<boolean> {
  const [row] = await db
    .select({ frozenAt: sessionSummaries.frozenAt })
    .from(sessionSummaries)
    .where(and(eq(sessionSummaries.classSessionId, classSessionId), isNotNull(sessionSummaries.frozenAt)))
    .limit(1);
  return row !== undefined;
}

/** A teacher's report: the session it describes, whether its figures are out, and if so its exact tallies. */
export type ReleasedClassReport = { session: ReportSession } & (
  | { release: Extract<ReportRelease, { kind: 'final' }>; report: ClassReport }
  | { release: Exclude<ReportRelease, { kind: 'final' }>; report: null }
);

/**
 * What a teacher's report may show at `now` (class-report-release.ts): nothing while the session
 * takes answers; then its final figures, from the participants who had joined and the answers
 * received by the cutoff, the same however much later it is read.
 */
export async function loadReleasedClassReport(
  db: Database,
  session: ClassSessionForReport,
  structure: ModuleStructure,
  now: Date,
): Promise<ReleasedClassReport> {
  const release = reportRelease(session, sessionNow(session.id, now), { retentionStarted: await retentionStarted(db, session.id) });
  if (release.kind !== 'final') return { session: reportSession(session), release, report: null };
  const { cutoff } = release;
  const joined = await participantsBy(db, session.id, cutoff);
  const report = buildClassReport(structure, {
    session: reportSession(session),
    participantIds: joined.map((p) => p.participantId),
    answers: await readSessionAnswers(db, session.id, cutoff),
    ...(session.followUpOf !== null && {
      pairing: {
        first: await participantsBy(db, session.followUpOf, cutoff),
        followUp: joined,
        firstAnswers: await readSessionAnswers(db, session.followUpOf, cutoff),
      },
    }),
  });
  return { session: report.session, release, report };
}

/** The raw report of a session, or null when there is no such session. */
export async function loadClassReport(
  db: Database,
  classSessionId: string,
  structure: ModuleStructure,
): Promise<ClassReport | null> {
  const session = await findClassSession(db, classSessionId);
  return session === null ? null : loadClassReportFor(db, session, structure);
}

/**
 * The disclosure thresholds reports use. The one place to pass configuration in when it
 * exists (`disclosurePolicies` raises thresholds, never lowers them).
 */
export function reportDisclosurePolicies(): DisclosurePolicies {
  return configuredDisclosurePolicies();
}
