import 'server-only';
import { getModule } from '@/lib/content/load';
import type { Database } from '@/lib/db/client';
import { stepAnswerItems, tallyStep, type TallyResponse } from '@/lib/domain/class-tally';
import { discloseTally, type DisclosedTally } from '@/lib/domain/class-tally-disclosure';
import { sessionJourney, sessionJourneyOptions } from '@/lib/domain/session-journey';
import { answerResponseSchema } from '@/lib/api/schemas';
import { classCounts, classResponses, findClassSession, sessionState, type ClassCounts, type ClassSessionState } from '../class-sessions';
import { configuredDisclosurePolicies } from '../disclosure-config';
import type { LiveSnapshots } from './hub';

/** What the teacher's dashboard and projector show; never who answered what. */
export interface TeacherLiveView {
  state: ClassSessionState;
  counts: ClassCounts;
  /** The class's answers to the revealed step, under disclosure control; null when nothing is revealed. */
  reveal: { step: number; tallies: DisclosedTally[] } | null;
}

/** A closed or vanished session looks the same to a phone: closed. */
const GONE: ClassSessionState = { status: 'closed', mode: 'live', liveStep: 0, revealedStep: null, showJoinCode: false, closesAt: null };

export async function readTallyResponses(db: Database, classSessionId: string, items: readonly { phase: string; itemId: string }[]): Promise<TallyResponse[]> {
  const rows = await classResponses(db, classSessionId, items);
  // The JSON column is read back through its schema (DESIGN.md: zod at every boundary).
  return rows.flatMap((row) => {
    const response = answerResponseSchema.safeParse(row.response);
    return response.success ? [{ itemId: row.itemId, phase: row.phase, response: response.data }] : [];
  });
}

/** What the teacher's screens show of a session now; null if it doesn't exist. */
export async function readTeacherLiveView(db: Database, id: string, now: Date): Promise<TeacherLiveView | null> {
  const session = await findClassSession(db, id);
  if (!session) return null;
  const { structure } = await getModule();
  const journey = sessionJourney(structure, sessionJourneyOptions(session));
  const current = journey.steps[session.liveStep];
  const counts = await classCounts(db, id, journey.finishKey, current ? stepAnswerItems(current, structure) : []);
  const revealed = session.revealedStep === null ? undefined : journey.steps[session.revealedStep];
  let reveal: TeacherLiveView['reveal'] = null;
  if (revealed && session.revealedStep !== null) {
    const responses = await readTallyResponses(db, id, stepAnswerItems(revealed, structure));
    reveal = { step: session.revealedStep, tallies: tallyStep(revealed, structure, responses).map((tally) => discloseTally(tally, configuredDisclosurePolicies())) };
  }
  return { state: sessionState(session, now), counts, reveal };
}

export function createLiveSnapshots(getDb: () => Promise<Database>, now: () => Date = () => new Date()): LiveSnapshots {
  return {
    async phone(id) {
      const session = await findClassSession(await getDb(), id);
      return session ? sessionState(session, now()) : GONE;
    },
    async teacher(id) {
      return readTeacherLiveView(await getDb(), id, now());
    },
  };
}
