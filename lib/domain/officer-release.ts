/**
 * The one path from stored session summaries to what an officer may see (a page, a CSV, the
 * API): the filters choose whole units (selectSessions), each chosen session's summary is
 * perturbed by the cell key method (perturbSessionSummary), the perturbed summaries are added
 * up (buildOfficerResults), and the sums are disclosed under the export policy
 * (discloseOfficerResults: counts under k hidden, the rest rounded, complementary suppression).
 * Pure; the attacker test (officer-attack.test.ts) runs exactly this.
 */
import type { ResultsFilters } from '@/lib/api/results-schemas';
import type { ModuleStructure } from '@/lib/content/schema';
import type { DisclosurePolicy } from './disclosure';
import { discloseOfficerResults, type DisclosedOfficerResults } from './officer-disclosure';
import { buildOfficerResults, itemQualityInputs, type ResultsSession } from './officer-results';
import { perturbSessionSummary } from './perturb-summary';
import { disclosePositionQuality, positionQualityInputs, type DisclosedPositionQuality } from './position-quality';
import { discloseItemQuality, type DisclosedItemQuality } from './question-quality';
import { selectSessions } from './results-selection';
import type { SessionSummary } from './session-summary';

export interface OfficerRelease {
  results: DisclosedOfficerResults;
  quality: DisclosedItemQuality[];
  /** Whether the position an option was shown in affects choices, per question and content version. */
  positions: DisclosedPositionQuality[];
  /** Sessions the filters chose that are still open, so not counted yet (not people: exact). */
  stillOpen: number;
}

export interface ReleaseInput {
  structure: ModuleStructure;
  sessions: readonly ResultsSession[];
  /** Stored, exact summaries by session id; each is perturbed here before anything is added. */
  summaries: ReadonlyMap<string, SessionSummary>;
  filters: ResultsFilters;
  policy: DisclosurePolicy;
  timeZone: string;
}

export function releaseOfficerResults(input: ReleaseInput): OfficerRelease {
  const selection = selectSessions(input.sessions, input.filters, input.timeZone);
  const perturbed = new Map<string, SessionSummary>();
  for (const session of [...selection.sessions, ...selection.followUps]) {
    const summary = input.summaries.get(session.id);
    if (summary) perturbed.set(session.id, perturbSessionSummary(summary));
  }
  const exact = buildOfficerResults(input.structure, { ...selection, summaries: perturbed, timeZone: input.timeZone });
  return {
    results: discloseOfficerResults(exact, input.policy),
    quality: itemQualityInputs(selection.sessions, perturbed).map((item) => discloseItemQuality(item, input.policy)),
    positions: positionQualityInputs(selection.sessions, perturbed).map((item) => disclosePositionQuality(item, input.policy)),
    stillOpen: selection.stillOpen,
  };
}
