/**
 * The final class report, attacked with integer programs (issue 9, "Reports refreshed over
 * time"; tests/support/final-report-attack.ts): from the page and CSV together, and from the CSV
 * alone, no group of 1 to k−1 students may be pinned or narrowed to two values.
 * This file: the classes of 10, 9 and 8.
 * The ten classes are split over report-final-attack.test.ts, report-final-attack-mid.test.ts and
 * report-final-attack-small.test.ts so that vitest runs them side by side (and beside
 * report-refresh-attack.test.ts, the differencing attacker).
 */
import { describe } from 'vitest';
import { itAttacksFinalReports, type FinalReportClass } from '@/tests/support/final-report-attack';

const CLASSES: FinalReportClass[] = [[10, true], [9, true], [8, true]];

describe('the final report, attacked with integer programs', () => {
  itAttacksFinalReports(CLASSES);
});
