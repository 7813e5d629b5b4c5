import 'server-only';
import { disclosurePolicies, type DisclosurePolicies } from '@/lib/domain/disclosure';
import { env } from '@/lib/env';

/**
 * The disclosure policies with the thresholds this deployment set (DISCLOSURE_CLASS_K,
 * DISCLOSURE_EXPORT_K). The environment can only raise them: lib/env.ts refuses lower values,
 * and `disclosurePolicies` clamps to the minimums as well.
 */
export function configuredDisclosurePolicies(): DisclosurePolicies {
  return disclosurePolicies({ classK: env.DISCLOSURE_CLASS_K, exportK: env.DISCLOSURE_EXPORT_K });
}
