/** The words of a class report: what its ids mean in one locale, from the module's text. */
import type { ModuleText } from '@/lib/content/schema';

/** The module's words for the report's ids. A missing text falls back to the id, never to nothing. */
export interface ReportContentText {
  item(itemId: string): string;
  misconception(misconceptionId: string): string;
  factTitle(factId: string): string;
  factOption(factId: string, optionId: string): string;
  scenarioTitle(scenarioId: string): string;
  /** A decision's question, or an ending's title (its text when it has no title). */
  node(scenarioId: string, nodeId: string): string;
  choice(scenarioId: string, nodeId: string, choiceId: string): string;
  attitudeStatement(itemId: string): string;
  /** "If …, then …" as its two halves, so each locale joins them its own way. */
  plan(planId: string): { if: string; then: string };
}

export function reportContentText(text: ModuleText): ReportContentText {
  const node = (scenarioId: string, nodeId: string) => text.scenarios[scenarioId]?.nodes[nodeId];
  return {
    item: (itemId) => text.items[itemId]?.prompt ?? itemId,
    misconception: (id) => text.misconceptions[id] ?? id,
    factTitle: (factId) => text.facts[factId]?.title ?? factId,
    factOption: (factId, optionId) => text.facts[factId]?.options?.[optionId] ?? optionId,
    scenarioTitle: (scenarioId) => text.scenarios[scenarioId]?.title ?? scenarioId,
    node: (scenarioId, nodeId) => {
      const found = node(scenarioId, nodeId);
      return found?.title ?? found?.text ?? nodeId;
    },
    choice: (scenarioId, nodeId, choiceId) => node(scenarioId, nodeId)?.choices?.[choiceId] ?? choiceId,
    attitudeStatement: (itemId) => text.attitudeItems[itemId]?.statement ?? itemId,
    plan: (planId) => text.plans[planId] ?? { if: planId, then: '' },
  };
}
