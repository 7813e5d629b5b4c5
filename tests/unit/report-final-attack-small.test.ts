/**
 * The final class report, attacked with integer programs (issue 9, "Reports refreshed over
 * time"; tests/support/final-report-attack.ts): from the page and CSV together, and from the CSV
 * alone, no group of 1 to k−1 students may be pinned or narrowed to two values.
 * This file: the classes of 7 and 6, and of 6 and 10 without the before/after waves.
 * The ten classes are split over report-final-attack.test.ts, report-final-attack-mid.test.ts and
 * report-final-attack-small.test.ts so that vitest runs them side by side (and beside
 * report-refresh-attack.test.ts, the differencing attacker).
 */
import { describe } from 'vitest';
import { itAttacksFinalReports, type FinalReportClass } from '@/tests/support/final-report-attack';

const CLASSES: FinalReportClass[] = [[7, true], [6, true], [6, false], [10, false]];

describe('the final report, attacked with integer programs', () => {
  itAttacksFinalReports(CLASSES);
});
