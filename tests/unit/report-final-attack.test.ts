/**
 * The final class report, attacked with integer programs (issue 9, "Reports refreshed over
 * time"; tests/support/report-attacker.ts): from the page and CSV together, and from the CSV
 * alone, no group of 1 to k−1 students may be pinned or narrowed to two values; under the old
 * rule the same attacker must find groups in the same classes. A file of its own, so that vitest
 * runs it beside report-refresh-attack.test.ts (the differencing attacker).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getModule } from '@/lib/content/load';
import type { ModuleStructure } from '@/lib/content/schema';
import { buildClassReport, type DisclosedClassReport } from '@/lib/domain/class-report';
import { discloseClassReport } from '@/lib/domain/class-report-disclosure';
import { discloseCount, disclosurePolicies } from '@/lib/domain/disclosure';
import { attackReport } from '@/tests/support/report-attacker';
import { CLOSES, reportSession as session } from '@/tests/support/report-session';
import { seededRandom, syntheticClass } from '@/tests/support/synthetic-class';

let structure: ModuleStructure;
beforeAll(async () => {
  structure = (await getModule()).structure;
});

const policies = disclosurePolicies();

describe('the final report, attacked with integer programs', () => {
  it('pins or narrows no group of 1 to k − 1, on the page and CSV together or the CSV alone', async () => {
    let probes = 0;
    let reports = 0;
    const findings: string[] = [];
    for (const [size, beforeAfter] of [
      [5, true],
      [6, true],
      [7, true],
      [8, true],
      [9, true],
      [10, true],
      [11, true],
      [12, true],
      [6, false],
      [10, false],
    ] as const) {
      const klass = syntheticClass(structure, seededRandom(4200 + size), size, { beforeAfter });
      const exact = buildClassReport(structure, { session: { ...session(CLOSES), beforeAfter }, participantIds: klass.participantIds, answers: klass.answers });
      const disclosed = discloseClassReport(structure, exact, policies);
      const file = disclosed.file();
      const together = await attackReport(structure, exact, [{ report: disclosed.page, reading: policies.classView }, { report: file, reading: policies.export }], policies.classView.k);
      const alone = await attackReport(structure, exact, [{ report: file, reading: policies.export }], policies.export.k);
      probes += together.probes + alone.probes;
      reports += 1;
      findings.push(...[...together.findings, ...alone.findings].map((f) => `class of ${size}: ${f.group} = ${f.truth}, ${f.min}..${f.max}`));
    }
    console.log(`final report: ${reports} classes, ${probes} integer programs, ${findings.length} groups pinned or narrowed`);
    expect(findings).toEqual([]);
  }, 600_000);

  it('finds small groups in the same classes under the old rule, so finding none above means something', async () => {
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
