/**
 * One simulated phone's whole journey as the answers the player would send (the real content,
 * the first choice everywhere), for the benches.
 */
import { randomUUID } from 'node:crypto';
import type { Answer, AnswerResponse } from '@/lib/api/schemas';
import type { ModuleStructure, Phase } from '@/lib/content/schema';
import { buildJourney } from '@/lib/domain/journey';

/** One device's whole journey as answers: what the player would send. */
export function journeyAnswers(structure: ModuleStructure, version: string): Answer[] {
  const made: Answer[] = [];
  const add = (itemId: string, phase: Phase, response: AnswerResponse, confidence?: number) =>
    made.push({ id: randomUUID(), itemId, phase, response, ...(confidence ? { confidence } : {}), contentVersion: version, answeredAt: new Date().toISOString() });
  for (const step of buildJourney(structure)) {
    if (step.kind === 'attitude') add(step.itemId, step.phase, { kind: 'scale', value: 4 });
    if (step.kind === 'item') {
      const item = structure.items.find((i) => i.id === step.itemId);
      if (!item) continue;
      const ids = item.options.map((o) => o.id);
      add(item.id, step.phase, item.kind === 'ordering' ? { kind: 'order', optionIds: ids } : { kind: 'choice', optionIds: [ids[0] ?? ''] }, 2);
    }
    if (step.kind === 'fact') {
      const fact = structure.facts.find((f) => f.id === step.factId);
      if (!fact) continue;
      add(fact.id, 'main', fact.guess.kind === 'number' ? { kind: 'number', value: fact.guess.start } : { kind: 'choice', optionIds: [fact.guess.options[0]?.id ?? ''] });
    }
    if (step.kind === 'scenario') {
      const scenario = structure.scenarios.find((s) => s.id === step.scenarioId);
      const nodes = new Map(scenario?.nodes.map((n) => [n.id, n]));
      let node = nodes.get(scenario?.start ?? '');
      while (scenario && node && node.kind !== 'ending') {
        if (node.kind === 'scene') node = nodes.get(node.next);
        else {
          const choice = node.choices[0];
          add(`${scenario.id}/${node.id}`, 'main', { kind: 'choice', optionIds: [choice?.id ?? ''] });
          node = nodes.get(choice?.next ?? '');
        }
      }
    }
    if (step.kind === 'plan') add('plan', 'main', { kind: 'plan', planIds: [structure.plans[0]?.id ?? ''], ownPlanCount: 0 });
  }
  return made;
}

