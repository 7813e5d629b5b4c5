import 'server-only';
import type { ClassChoicesResponse } from '@/lib/api/class-session-schemas';
import { getModule } from '@/lib/content/load';
import type { Database } from '@/lib/db/client';
import { tallyStep } from '@/lib/domain/class-tally';
import { discloseTally } from '@/lib/domain/class-tally-disclosure';
import { configuredDisclosurePolicies } from './disclosure-config';
import { readTallyResponses } from './live/snapshots';

/** The class's choices at one scenario decision (`scenario/node`), disclosed; null if there is no such decision. */
export async function classChoicesAt(db: Database, classSessionId: string, itemId: string): Promise<ClassChoicesResponse | null> {
  const [scenarioId, nodeId] = itemId.split('/');
  const { structure } = await getModule();
  const scenario = structure.scenarios.find((s) => s.id === scenarioId);
  const node = scenario?.nodes.find((n) => n.id === nodeId);
  if (!scenario || node?.kind !== 'decision') return null;
  const step = { kind: 'scenario', scenarioId: scenario.id, section: 'scenarios' } as const;
  const responses = await readTallyResponses(db, classSessionId, [{ phase: 'main', itemId }]);
  const tally = tallyStep(step, structure, responses).find((t) => t.itemId === itemId);
  if (!tally) return null;
  const policies = configuredDisclosurePolicies();
  const { k } = policies.classView;
  const disclosed = discloseTally(tally, policies);
  if (disclosed.kind === 'hidden') return { itemId, shown: false, k, respondents: null, options: [] };
  if (disclosed.kind !== 'options') return null;
  const respondents = disclosed.respondents.kind === 'withheld' ? null : disclosed.respondents;
  return { itemId, shown: true, k, respondents, options: disclosed.options.map((o) => ({ id: o.id, count: o.count })) };
}
