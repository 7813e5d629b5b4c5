import 'server-only';
import { env } from '@/lib/env';

/**
 * The retention period as the privacy page states it: in days, and in school years when it is
 * a whole number of them (730 days: two school years), so a student reads the plain version.
 */
export interface RetentionPeriod {
  days: number;
  /** Whole school years of 365 days; null when the period is not a whole number of them. */
  schoolYears: number | null;
}

export function retentionPeriod(days: number = env.RETENTION_DAYS): RetentionPeriod {
  return { days, schoolYears: days % 365 === 0 ? days / 365 : null };
}
