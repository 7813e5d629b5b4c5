import 'server-only';
import { and, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { answerResponseSchema } from '@/lib/api/schemas';
import type { ModuleStructure } from '@/lib/content/schema';
import type { Database } from '@/lib/db/client';
import { liveReleases, participants, type ClassSessionRow } from '@/lib/db/schema';
import { exactTally, subjectAnswerItems, type ClassAnswer, type TallySubject } from '@/lib/domain/class-tally';
import { advanceRelease, firstReleaseAt, type FrozenRelease } from '@/lib/domain/live-release';
import type { CountNode } from '@/lib/domain/live-tree';
import { classResponses } from '../class-sessions';
import { configuredDisclosurePolicies } from '../disclosure-config';

/**
 * The releases of a session's live tallies (lib/domain/live-release.ts), stored so that every
 * screen and every app instance shows the same figures. Each read moves a release on if its
 * rules say so; a change is stored only over the version it was worked out from, so two
 * instances reading at once store one change, and both then show it.
 */

const countNodeSchema: z.ZodType<CountNode> = z.lazy(() =>
  z.object({ key: z.string(), count: z.int().min(0), children: z.array(countNodeSchema), detail: z.boolean().optional() }),
);

/** A stored release, read back through its schema (DESIGN.md: zod at every boundary). */
const frozenReleaseSchema = z.object({
  trees: z.array(countNodeSchema),
  counted: z.int().min(0),
  hidden: z.array(z.array(z.string())),
  withheld: z.array(z.array(z.string())).optional(),
  showable: z.boolean(),
  triedGroups: z.int().min(0),
  version: z.int().min(1),
});

/** The class's answers to a subject's items, with the participant each came from. */
export async function readClassAnswers(db: Database, classSessionId: string, items: readonly { phase: string; itemId: string }[]): Promise<ClassAnswer[]> {
  const rows = await classResponses(db, classSessionId, items);
  return rows.flatMap((row) => {
    const response = answerResponseSchema.safeParse(row.response);
    return response.success ? [{ participantId: row.participantId, itemId: row.itemId, phase: row.phase, response: response.data, confidence: row.confidence }] : [];
  });
}

async function storedRelease(db: Database, classSessionId: string, subject: string): Promise<FrozenRelease | null> {
  const [row] = await db
    .select({ release: liveReleases.release })
    .from(liveReleases)
    .where(and(eq(liveReleases.classSessionId, classSessionId), eq(liveReleases.subject, subject)))
    .limit(1);
  if (!row) return null;
  const parsed = frozenReleaseSchema.safeParse(row.release);
  if (!parsed.success) {
    // A release in a shape this version can't read is treated as none: the next reveal makes a new one.
    console.error(`[live] unreadable release ${subject}: ${parsed.error.message}`);
    return null;
  }
  return parsed.data;
}

export interface SubjectRelease {
  release: FrozenRelease | null;
  /** How many answers a first release needs (while there is none). */
  firstAt: number;
  /** True when answers have come in since the release that it doesn't count (yet). */
  later: boolean;
  k: number;
}

async function joinedCount(db: Database, classSessionId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(participants).where(eq(participants.classSessionId, classSessionId));
  return row?.n ?? 0;
}

/**
 * The release of one subject, moved on if its rules say so. `revealed`: the teacher has this step
 * revealed now. A live session makes its first release on a reveal once half the class has
 * answered; a self-paced one, which has no reveals, once 2k students have (firstReleaseAt).
 */
export async function readRelease(
  db: Database,
  session: Pick<ClassSessionRow, 'id' | 'mode'>,
  subject: TallySubject,
  structure: ModuleStructure,
  revealed: boolean,
): Promise<SubjectRelease> {
  const { k } = configuredDisclosurePolicies().classView;
  const current = exactTally(subject, structure, await readClassAnswers(db, session.id, subjectAnswerItems(subject, structure)));
  const now = current[0]?.count ?? 0;
  const stored = await storedRelease(db, session.id, subject.key);
  const selfPaced = session.mode === 'self_paced';
  const firstAt = firstReleaseAt(session.mode, await joinedCount(db, session.id), k);
  const step = advanceRelease(stored, current, { k, mayStart: revealed || selfPaced, firstAt });
  let release = step.release;
  if (step.kind === 'store') {
    const saved =
      step.replaces === null
        ? await db
            .insert(liveReleases)
            .values({ classSessionId: session.id, subject: subject.key, release: step.release, version: step.release.version })
            .onConflictDoNothing()
            .returning({ version: liveReleases.version })
        : await db
            .update(liveReleases)
            .set({ release: step.release, version: step.release.version, updatedAt: new Date() })
            .where(and(eq(liveReleases.classSessionId, session.id), eq(liveReleases.subject, subject.key), eq(liveReleases.version, step.replaces)))
            .returning({ version: liveReleases.version });
    // Another instance stored a change first: show what it stored.
    if (saved.length === 0) release = await storedRelease(db, session.id, subject.key);
  }
  return { release, firstAt, later: release !== null && now > release.counted, k };
}
