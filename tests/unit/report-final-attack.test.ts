/**
 * The final class report, attacked with integer programs (issue 9, "Reports refreshed over
 * time"; tests/support/final-report-attack.ts): from the page and CSV together, and from the CSV
 * alone, no group of 1 to k−1 students may be pinned or narrowed to two values.
 * This file: the classes of 12, 11 and 5, and the old rule, under which the same attacker must
 * find groups, so that finding none means something.
 * The ten classes are split over report-final-attack.test.ts, report-final-attack-mid.test.ts and
 * report-final-attack-small.test.ts so that vitest runs them side by side (and beside
 * report-refresh-attack.test.ts, the differencing attacker).
 */
import { describe, expect, it } from 'vitest';
import { buildClassReport, type DisclosedClassReport } from '@/lib/domain/class-report';
import { discloseClassReport } from '@/lib/domain/class-report-disclosure';
import { discloseCount, disclosurePolicies } from '@/lib/domain/disclosure';
import { attackReport } from '@/tests/support/report-attacker';
import { CLOSES, reportSession as session } from '@/tests/support/report-session';
import { seededRandom, syntheticClass } from '@/tests/support/synthetic-class';
import { itAttacksFinalReports, type FinalReportClass } from '@/tests/support/final-report-attack';

const CLASSES: FinalReportClass[] = [[12, true], [11, true], [5, true]];

describe('the final report, attacked with integer programs', () => {
  const moduleStructure = itAttacksFinalReports(CLASSES);

  const policies = disclosurePolicies();

  it('finds small groups in the same classes under the old rule, so finding none above means something', async () => {
    const structure = moduleStructure();
    const klass = syntheticClass(structure, seededRandom(4208), 8);
    const exact = buildClassReport(structure, { session: session(CLOSES), participantIds: klass.participantIds, answers: klass.answers });
    // The old page: head counts and knowledge exact, everything else k = 5, each figure on its own.
    const old = discloseClassReport(structure, exact, policies).page;
    const exactly = (n: number) => discloseCount(n, { name: 'classView', k: 1, roundTo: 1, hideZero: false });
    const oldPage: DisclosedClassReport = {
      ...old,
      headline: { joined: exactly(exact.headline.joined), started: exactly(exact.headline.started), finished: exactly(exact.headline.finished) },
      knowledge: old.knowledge.map((item, i) => {
        const truth = exact.knowledge[i];
        return {
          ...item,
          answered: exactly(truth?.answered ?? 0),
          correct: { ...item.correct, value: exactly(truth?.correct ?? 0) },
          misconceptions: (truth?.misconceptions ?? []).map((m) => ({ misconceptionId: m.misconceptionId, value: exactly(m.count), share: { kind: 'withheld' } as const })),
          confidentErrors: exactly(truth?.confidentErrors ?? 0),
        };
      }),
      change: {
        ...old.change,
        knowledge: { ...old.change.knowledge, nBefore: discloseCount(exact.change.knowledge.nBefore, policies.classView), nAfter: discloseCount(exact.change.knowledge.nAfter, policies.classView), nMatched: discloseCount(exact.change.knowledge.nMatched, policies.classView) },
      },
    };
    const { findings } = await attackReport(structure, exact, [{ report: oldPage, reading: { k: 1, roundTo: 1 } }], policies.classView.k);
    console.log(`old page, class of 8: ${findings.length} groups of 1–4 pinned or narrowed (e.g. ${findings[0]?.group})`);
    expect(findings.length).toBeGreaterThan(5);
  }, 120_000);
});
