/**
 * The final class report attacked with integer programs (issue 9, "Reports refreshed over time";
 * tests/support/report-attacker.ts), one synthetic class at a time: from the page and CSV
 * together, and from the CSV alone. The classes are spread over three test files
 * (tests/unit/report-final-attack*.test.ts) so that vitest runs them side by side instead of one
 * worker attacking all ten while the other waits.
 */
import { beforeAll, expect, it } from 'vitest';
import { getModule } from '@/lib/content/load';
import type { ModuleStructure } from '@/lib/content/schema';
import { buildClassReport } from '@/lib/domain/class-report';
import { discloseClassReport } from '@/lib/domain/class-report-disclosure';
import { disclosurePolicies } from '@/lib/domain/disclosure';
import { attackReport } from './report-attacker';
import { CLOSES, reportSession as session } from './report-session';
import { seededRandom, syntheticClass } from './synthetic-class';

/** A class of `size` students (seeded by its size, as before the split), with or without the before/after waves. */
export type FinalReportClass = readonly [size: number, beforeAfter: boolean];

/** The groups of 1 to k − 1 pinned or narrowed in one class's final report, and how many integer programs it took. */
export async function attackFinalReport(structure: ModuleStructure, [size, beforeAfter]: FinalReportClass): Promise<{ probes: number; findings: string[] }> {
  const policies = disclosurePolicies();
  const klass = syntheticClass(structure, seededRandom(4200 + size), size, { beforeAfter });
  const exact = buildClassReport(structure, { session: { ...session(CLOSES), beforeAfter }, participantIds: klass.participantIds, answers: klass.answers });
  const disclosed = discloseClassReport(structure, exact, policies);
  const file = disclosed.file();
  const together = await attackReport(structure, exact, [{ report: disclosed.page, reading: policies.classView }, { report: file, reading: policies.export }], policies.classView.k);
  const alone = await attackReport(structure, exact, [{ report: file, reading: policies.export }], policies.export.k);
  const findings = [...together.findings, ...alone.findings].map((f) => `class of ${size}: ${f.group} = ${f.truth}, ${f.min}..${f.max}`);
  console.log(`final report, class of ${size}${beforeAfter ? '' : ' (no waves)'}: ${together.probes + alone.probes} integer programs, ${findings.length} groups pinned or narrowed`);
  return { probes: together.probes + alone.probes, findings };
}

/**
 * One test per class, in the describe block it is called from: no group of 1 to k − 1 pinned or
 * narrowed, from the page and CSV together or the CSV alone. Returns roads-kill's structure,
 * read once before the tests run, for the file's own tests.
 */
export function itAttacksFinalReports(classes: readonly FinalReportClass[]): () => ModuleStructure {
  let structure: ModuleStructure | undefined;
  beforeAll(async () => {
    structure = (await getModule()).structure;
  });
  const loaded = (): ModuleStructure => {
    if (structure === undefined) throw new Error('the module is read in beforeAll');
    return structure;
  };
  for (const [size, beforeAfter] of classes) {
    it(`pins or narrows no group of 1 to k − 1 in a class of ${size}${beforeAfter ? '' : ' without the waves'}, on the page and CSV together or the CSV alone`, async () => {
      const { probes, findings } = await attackFinalReport(loaded(), [size, beforeAfter]);
      expect(probes).toBeGreaterThan(0);
      expect(findings).toEqual([]);
    }, 600_000);
  }
  return loaded;
}
