/**
 * What the tests expect from the real content: read from content/ like the app does, so a new
 * item or scenario changes the expected counts without touching the tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { moduleStructureSchema, type ModuleStructure } from '@/lib/content/schema';
import type enPlayer from '@/messages/en-GB/Player.json';

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(path.join(process.cwd(), file), 'utf8'));
}

export const structure: ModuleStructure = moduleStructureSchema.parse(readJson('content/modules/roads-kill/structure.json'));

/** The module's English text, as far as the tests read it: a fact's option labels. */
export const contentText = readJson('content/modules/roads-kill/en-GB.json') as { facts: Record<string, { options: Record<string, string> } | undefined> };

export type PlayerMessages = typeof enPlayer;
// Both files have the en-GB shape: the type check of messages/ guarantees it.
export const playerMessages = {
  'en-GB': readJson('messages/en-GB/Player.json') as PlayerMessages,
  pl: readJson('messages/pl/Player.json') as PlayerMessages,
};

/** Decisions met in a scenario when the student always takes the choice at `pick`. */
export function decisionsOnPath(scenario: ModuleStructure['scenarios'][number], pick: (count: number) => number = () => 0): number {
  const nodes = new Map(scenario.nodes.map((n) => [n.id, n]));
  let node = nodes.get(scenario.start);
  let decisions = 0;
  while (node && node.kind !== 'ending') {
    if (node.kind === 'scene') node = nodes.get(node.next);
    else {
      decisions += 1;
      node = nodes.get(node.choices[pick(node.choices.length)]?.next ?? '');
    }
  }
  return decisions;
}

/**
 * How many answers a journey stores when every scenario takes its first choice: the core, or
 * the core and the deeper sections (decision note 014).
 */
export function expectedAnswerCount(path: 'core' | 'full' = 'full'): number {
  const inPhase = (phase: string) => (x: { phases: readonly string[] }) => x.phases.includes(phase);
  const onPath = (x: { depth: 'core' | 'deeper' }) => path === 'full' || x.depth === 'core';
  return (
    structure.attitudeItems.filter(inPhase('before')).length +
    structure.items.filter(inPhase('before')).length +
    structure.facts.length +
    structure.items.filter(inPhase('main')).filter(onPath).length +
    structure.scenarios.filter(onPath).reduce((sum, s) => sum + decisionsOnPath(s), 0) +
    1 + // the plan
    structure.attitudeItems.filter(inPhase('after')).length +
    structure.items.filter(inPhase('after')).length
  );
}
