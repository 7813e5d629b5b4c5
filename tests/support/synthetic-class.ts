/**
 * A made-up class for property tests: each student answers a random part of the module (the
 * waves, the quiz, the stories, the plan), scored exactly as the server scores answers. Seeded,
 * so a failing case can be replayed; small classes on purpose, so that disclosure control has
 * small groups to deal with.
 */
import type { AnswerResponse } from '@/lib/api/schemas';
import type { ModuleStructure, Phase, Scenario } from '@/lib/content/schema';
import type { ReportAnswer } from '@/lib/domain/class-report';
import { resolveAnswerTarget, scoreResponse, type AnswerTarget } from '@/lib/domain/scoring';
import { deviceOptionOrder } from '@/lib/domain/shuffle';
import { seededRandom as seededGenerator } from '@/lib/domain/seeded-random';

export type Random = () => number;

/** The demo data's seeded generator (lib/domain/seeded-random.ts), as a plain function. */
export function seededRandom(seed: number): Random {
  const generator = seededGenerator(seed);
  return () => generator.next();
}

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

export interface SyntheticClass {
  participantIds: string[];
  answers: ReportAnswer[];
}

function itemResponse(random: Random, item: ModuleStructure['items'][number]): AnswerResponse {
  if (item.kind === 'ordering') {
    const ids = item.options.map((o) => o.id);
    return { kind: 'order', optionIds: random() < 0.6 ? ids : [...ids].reverse() };
  }
  if (item.kind === 'multiple') {
    const chosen = item.options.filter((o) => (random() < 0.7 ? o.correct : random() < 0.3)).map((o) => o.id);
    return { kind: 'choice', optionIds: chosen.length > 0 ? chosen : [item.options[0]?.id ?? 'x'] };
  }
  const right = item.options.find((o) => o.correct);
  return { kind: 'choice', optionIds: [random() < 0.65 && right ? right.id : pick(random, item.options).id] };
}

/** A path through a story, answering each decision on the way, until an ending or a random stop. */
function scenarioAnswers(random: Random, scenario: Scenario, answer: (itemId: string, response: AnswerResponse) => void): void {
  const nodes = new Map(scenario.nodes.map((n) => [n.id, n]));
  let at = scenario.start;
  for (let steps = 0; steps < 50; steps += 1) {
    const node = nodes.get(at);
    if (!node || node.kind === 'ending') return;
    if (node.kind === 'scene') {
      at = node.next;
      continue;
    }
    if (random() < 0.05) return;
    const choice = pick(random, node.choices);
    answer(`${scenario.id}/${node.id}`, { kind: 'choice', optionIds: [choice.id] });
    at = choice.next;
  }
}

/** The order a device shows a shuffled question's options in, as the player sends it; null where nothing is shuffled. */
function shownOrderFor(target: AnswerTarget, participantId: string, itemId: string): string[] | null {
  const ids =
    target.kind === 'item' && (target.item.kind === 'single' || target.item.kind === 'multiple')
      ? target.item.options.map((o) => o.id)
      : target.kind === 'scenario'
        ? target.node.choices.map((c) => c.id)
        : target.kind === 'fact' && target.fact.guess.kind === 'choice'
          ? target.fact.guess.options.map((o) => o.id)
          : null;
  return ids === null ? null : deviceOptionOrder(ids, participantId, itemId);
}

export function syntheticClass(
  structure: ModuleStructure,
  random: Random,
  size: number,
  { prefix = 's', beforeAfter = true }: { prefix?: string; beforeAfter?: boolean } = {},
): SyntheticClass {
  const participantIds = Array.from({ length: size }, (_, i) => `${prefix}${i + 1}`);
  const answers: ReportAnswer[] = [];
  for (const participantId of participantIds) {
    const answer = (itemId: string, phase: Phase, response: AnswerResponse) => {
      const target = resolveAnswerTarget(structure, itemId);
      if (target === null) throw new Error(`no ${itemId} in the module`);
      const confidence = target.kind === 'item' && target.item.askConfidence ? 1 + Math.floor(random() * 3) : null;
      const shownOrder = shownOrderFor(target, participantId, itemId);
      answers.push({ participantId, itemId, phase, response, correct: scoreResponse(target, response), confidence, shownOrder });
    };
    // How far this student got: nothing, part of it, or all of it.
    const reach = random();
    if (reach < 0.08) continue;
    const wave = (phase: 'before' | 'after') => {
      for (const item of structure.attitudeItems.filter((a) => a.phases.includes(phase))) {
        answer(item.id, phase, { kind: 'scale', value: random() < 0.1 ? null : 1 + Math.floor(random() * 5) });
      }
      for (const item of structure.items.filter((i) => i.phases.includes(phase))) answer(item.id, phase, itemResponse(random, item));
    };
    if (beforeAfter) wave('before');
    if (reach < 0.2) continue;
    for (const item of structure.items.filter((i) => i.phases.includes('main'))) answer(item.id, 'main', itemResponse(random, item));
    for (const scenario of structure.scenarios) scenarioAnswers(random, scenario, (id, r) => answer(id, 'main', r));
    if (reach < 0.35) continue;
    answer('plan', 'main', {
      kind: 'plan',
      planIds: structure.plans.filter(() => random() < 0.3).map((p) => p.id),
      ownPlanCount: random() < 0.2 ? 1 : 0,
    });
    if (beforeAfter && reach > 0.5) wave('after');
  }
  return { participantIds, answers };
}

/** A follow-up class: retrieval items and intention items at the follow-up phase. */
export function syntheticFollowUp(structure: ModuleStructure, random: Random, participantIds: readonly string[]): ReportAnswer[] {
  const answers: ReportAnswer[] = [];
  for (const participantId of participantIds) {
    if (random() < 0.1) continue;
    for (const item of structure.attitudeItems.filter((a) => a.phases.includes('followup'))) {
      answers.push({ participantId, itemId: item.id, phase: 'followup', response: { kind: 'scale', value: 1 + Math.floor(random() * 5) }, correct: null, confidence: null });
    }
    for (const item of structure.items.filter((i) => i.phases.includes('followup'))) {
      const target = resolveAnswerTarget(structure, item.id);
      const response = itemResponse(random, item);
      answers.push({
        participantId,
        itemId: item.id,
        phase: 'followup',
        response,
        correct: target ? scoreResponse(target, response) : null,
        confidence: 2,
      });
    }
  }
  return answers;
}
