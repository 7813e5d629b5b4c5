import 'server-only';
import type { Database } from '@/lib/db/client';
import { stepAnswerItems, stepSubjects } from '@/lib/domain/class-tally';
import { discloseSubject, type DisclosedTally } from '@/lib/domain/class-tally-disclosure';
import { commonMistakes, wrongButSure, type DiscussionPoint } from '@/lib/domain/class-discussion';
import { countBand, type LiveFigure } from '@/lib/domain/live-tree';
import { sessionJourney, sessionJourneyOptions } from '@/lib/domain/session-journey';
import { classCounts, findClassSession, sessionState, type ClassSessionState } from '../class-sessions';
import { configuredDisclosurePolicies } from '../disclosure-config';
import type { LiveSnapshots } from './hub';
import { readRelease } from './releases';
import { moduleOfSession } from '../session-module';

/** What the teacher's dashboard and projector show; never who answered what, nor how many exactly. */
export interface TeacherLiveView {
  state: ClassSessionState;
  counts: {
    joined: number;
    inProgress: number;
    finished: number;
    /** How many answered the step the class is on, in steps of k ("10–14"), never exactly. */
    answeredStep: LiveFigure;
  };
  /** The smallest group shown as a number. */
  k: number;
  /**
   * The class's answers to the revealed step, as released (live-release.ts); `later` when answers
   * have come in since that the figures don't count yet. Null when nothing is revealed.
   */
  reveal: { step: number; tallies: DisclosedTally[]; later: boolean } | null;
  /**
   * At the end (the summary step, or once closed): the mistaken answers most of the class gave,
   * ranked from the releases the class has already seen (class-discussion.ts). Null before.
   */
  discuss: DiscussionPoint[] | null;
  /**
   * At the end, beside `discuss`: the items the class got wrong while very sure most often, from
   * the same releases (their detail of how sure the wrong were, where shown). Null before.
   */
  wrongButSure: DiscussionPoint[] | null;
}

/** A closed or vanished session looks the same to a phone: closed. */
const GONE: ClassSessionState = { status: 'closed', mode: 'live', liveStep: 0, revealedStep: null, showJoinCode: false, closesAt: null, closedReason: null, closedAt: null, opensAt: null };

/** What the teacher's screens show of a session now; null if it doesn't exist. */
export async function readTeacherLiveView(db: Database, id: string, now: Date): Promise<TeacherLiveView | null> {
  const session = await findClassSession(db, id, now);
  if (!session) return null;
  const { structure } = await moduleOfSession(db, session);
  const { k } = configuredDisclosurePolicies().classView;
  const journey = sessionJourney(structure, sessionJourneyOptions(session));
  const current = journey.steps[session.liveStep];
  const counts = await classCounts(db, id, journey.finishKey, current ? stepAnswerItems(current, structure) : []);
  const revealed = session.revealedStep === null ? undefined : journey.steps[session.revealedStep];
  let reveal: TeacherLiveView['reveal'] = null;
  if (revealed && session.revealedStep !== null) {
    const released = await Promise.all(
      stepSubjects(revealed).map(async (subject) => ({ subject, ...(await readRelease(db, session, subject, structure, true)) })),
    );
    reveal = {
      step: session.revealedStep,
      tallies: released.flatMap(({ subject, release, firstAt }) => discloseSubject(subject, structure, release, k, { why: 'few', at: firstAt })),
      later: released.some((r) => r.later),
    };
  }
  const state = sessionState(session, now);
  let discuss: DiscussionPoint[] | null = null;
  let sure: DiscussionPoint[] | null = null;
  if (session.mode === 'live' && (current?.kind === 'summary' || state.status === 'closed')) {
    // Only releases already made (a reveal makes them): nothing new is released for the end screen.
    const asked = journey.steps.flatMap((step) => (step.kind === 'item' || step.kind === 'fact' ? stepSubjects(step) : []));
    const released = await Promise.all(asked.map(async (subject) => ({ subject, ...(await readRelease(db, session, subject, structure, false)) })));
    const tallies = released.flatMap(({ subject, release }) => (release ? discloseSubject(subject, structure, release, k, { why: 'reveal' }) : []));
    discuss = commonMistakes(tallies, k);
    sure = wrongButSure(tallies, k);
  }
  return {
    state,
    counts: { joined: counts.joined, inProgress: counts.inProgress, finished: counts.finished, answeredStep: countBand(counts.answeredStep, k, counts.joined) },
    k,
    reveal,
    discuss,
    wrongButSure: sure,
  };
}

export function createLiveSnapshots(getDb: () => Promise<Database>, now: () => Date = () => new Date()): LiveSnapshots {
  return {
    async phone(id) {
      const at = now();
      const session = await findClassSession(await getDb(), id, at);
      return session ? sessionState(session, at) : GONE;
    },
    async teacher(id) {
      return readTeacherLiveView(await getDb(), id, now());
    },
  };
}
