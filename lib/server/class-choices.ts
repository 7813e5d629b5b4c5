import 'server-only';
import type { ClassChoicesResponse } from '@/lib/api/class-session-schemas';
import type { Database } from '@/lib/db/client';
import type { ClassSessionRow } from '@/lib/db/schema';
import { stepSubjects, storySubjectOf } from '@/lib/domain/class-tally';
import { discloseSubject } from '@/lib/domain/class-tally-disclosure';
import { sessionJourney, sessionJourneyOptions } from '@/lib/domain/session-journey';
import { readRelease } from './live/releases';
import { moduleOfSession } from './session-module';

/**
 * The class's choices at one scenario decision (`scenario/node`) for the phones: the story's
 * release, the same figures the projector shows (lib/server/live/releases.ts), never the answers
 * as they stand. Null if there is no such decision.
 */
export async function classChoicesAt(db: Database, session: ClassSessionRow, itemId: string): Promise<ClassChoicesResponse | null> {
  const { structure } = await moduleOfSession(db, session);
  const subject = storySubjectOf(itemId, structure);
  if (!subject) return null;
  const journey = sessionJourney(structure, sessionJourneyOptions(session));
  const revealedStep = session.revealedStep === null ? undefined : journey.steps[session.revealedStep];
  const revealed = revealedStep !== undefined && stepSubjects(revealedStep).some((s) => s.key === subject.key);
  const { release, k, firstAt } = await readRelease(db, session, subject, structure, revealed);
  // A live class waits for the teacher (and, once revealed, for half the class); a self-paced one for 2k answers.
  const notYet = session.mode === 'live' && !revealed ? ({ why: 'reveal' } as const) : ({ why: 'few', at: firstAt } as const);
  const tally = discloseSubject(subject, structure, release, k, notYet).find((t) => t.itemId === itemId);
  if (!tally) return null;
  if (tally.kind !== 'options') return { itemId, shown: false, waiting: tally.kind === 'waiting' ? tally.why : 'few', k, reached: null, options: [] };
  return { itemId, shown: true, waiting: null, k, reached: tally.reached, options: tally.options.map((o) => ({ id: o.id, count: o.count })) };
}
