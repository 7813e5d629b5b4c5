/**
 * The synthetic county the officer attacker tests run on (tests/unit/officer-attack*.test.ts):
 * three organisations in two areas, three terms, one or two classes of 5 to 12 per school and
 * term, every class summarised as the server would. Shared, so that the attack under the old
 * rules and the attack under the rules as released are two files that run side by side.
 */
import type { ModuleStructure } from '@/lib/content/schema';
import { buildClassReport } from '@/lib/domain/class-report';
import type { ResultsSession } from '@/lib/domain/officer-results';
import { summariseSession, type SessionSummary } from '@/lib/domain/session-summary';
import type { County } from './officer-figures';
import { seededRandom, syntheticClass } from './synthetic-class';

const TERMS = ['2025-10-06T10:00:00Z', '2026-02-02T10:00:00Z', '2026-10-05T10:00:00Z'];
/** How many of the module's stories the attack covers (each is its own program; more only take longer). */
const STORIES = Number(process.env.ATTACK_STORIES ?? 1);
const ORGANISATIONS = [
  { id: 'org-a', area: 'North' },
  { id: 'org-b', area: 'North' },
  { id: 'org-c', area: 'South' },
];

/** One to two classes of 5 to 12 per school and term, some live, some self-paced, one day apart. */
export function syntheticCounty(structure: ModuleStructure, seed: number): County {
  const random = seededRandom(seed);
  const sessions: ResultsSession[] = [];
  const summaries = new Map<string, SessionSummary>();
  ORGANISATIONS.forEach((organisation, o) =>
    TERMS.forEach((term, t) => {
      const classes = 1 + Math.floor(random() * 2);
      for (let c = 0; c < classes; c += 1) {
        const id = `s-${o}-${t}-${c}`;
        const size = 5 + Math.floor(random() * 8);
        const klass = syntheticClass(structure, random, size, { prefix: `${id}-p` });
        const createdAt = new Date(new Date(term).getTime() + c * 86_400_000);
        const report = buildClassReport(structure, {
          session: { id, joinCode: 'KXT4PM', mode: 'live', beforeAfter: true, followUp: false, status: 'closed', createdAt, closedAt: createdAt, closesAt: null },
          participantIds: klass.participantIds,
          answers: klass.answers,
        });
        summaries.set(id, summariseSession(structure, report, klass.answers));
        sessions.push({
          id,
          organisationId: organisation.id,
          organisationName: organisation.id,
          area: organisation.area,
          moduleId: 'roads-kill',
          contentVersion: 'abcdefabcdef',
          mode: random() < 0.5 ? 'live' : 'self_paced',
          createdAt,
          followUpOf: null,
          demo: false,
          closed: true,
        });
      }
    }),
  );
  return { structure, sessions, summaries, stories: STORIES };
}
