'use client';

import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import type { StepProps } from '@/components/player/StepScreen';
import { Reveal } from '@/components/ui/Reveal';
import { ScreenHeading } from '@/components/ui/ScreenHeading';
import type { PlayerScenario, PlayerScenarioNode } from '@/lib/content/player';
import { deviceOptionOrder } from '@/lib/domain/shuffle';
import { ScenarioEnding } from './ScenarioEnding';
import { PrimaryAction } from '@/components/ui/PrimaryAction';
import { ClassChoice } from '@/components/session/ClassChoice';
import { StoryPictureSlot } from '@/components/pictures/StoryPictureSlot';

type DecisionNode = Extract<PlayerScenarioNode, { kind: 'decision' }>;

export function scenarioDecisionId(scenarioId: string, nodeId: string): string {
  return `${scenarioId}/${nodeId}`;
}

/** The replay's own path, kept on the device beside the first one: `replay:` and the scenario id. */
const replayPathKey = (scenarioId: string) => `replay:${scenarioId}`;

/**
 * A branching story, one node per screen. The path is kept on the device; each decision is
 * also recorded as an answer, so reports can show the path taken, not just "completed".
 * After the ending the student may go back to the last decision and try another choice: that
 * replay has its own path and is recorded as a replay, so the first choice stays the one counted.
 */
export function ScenarioScreen({ scenarioId, index, api }: StepProps & { scenarioId: string }) {
  const t = useTranslations('Player.scenario');
  const scenario = api.module.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) return null;
  const firstPath = api.state.scenarioPaths[scenarioId] ?? [];
  const replayPath = api.state.scenarioPaths[replayPathKey(scenarioId)] ?? [];
  const replaying = replayPath.length > 0;
  const path = replaying ? replayPath : firstPath;
  const setPath = (next: string[]) =>
    api.update((s) => ({ ...s, scenarioPaths: { ...s.scenarioPaths, [replaying ? replayPathKey(scenarioId) : scenarioId]: next } }));
  const current = path.length > 0 ? scenario.nodes[path[path.length - 1] ?? ''] : undefined;

  if (!current) {
    return (
      <Reveal>
        <p className="eyebrow">{t(`role.${scenario.role}`)}</p>
        <ScreenHeading>{scenario.title}</ScreenHeading>
        <p className="lead">{scenario.setup}</p>
        <PrimaryAction onClick={() => setPath([scenario.start])}>{t('begin')}</PrimaryAction>
      </Reveal>
    );
  }

  // The decision a replay goes back to: the last one on the first path.
  const lastDecision = [...firstPath].reverse().find((id) => scenario.nodes[id]?.kind === 'decision');
  const firstChoiceAt = (nodeId: string) => {
    const node = scenario.nodes[nodeId];
    const at = firstPath.indexOf(nodeId);
    return node?.kind === 'decision' ? node.choices.find((c) => c.next === firstPath[at + 1]) : undefined;
  };
  const startReplay = () => {
    if (!lastDecision) return;
    api.update((s) => ({ ...s, scenarioPaths: { ...s.scenarioPaths, [replayPathKey(scenarioId)]: [lastDecision] } }));
  };
  const afterDecision = scenario.nodes[path[path.length - 2] ?? '']?.kind === 'decision';

  return (
    <Reveal key={`${replaying ? 'replay' : 'first'}-${current.id}`}>
      <p className="eyebrow" data-node-kind={current.kind} data-node-id={scenarioDecisionId(scenarioId, current.id)} data-replay={replaying ? 'true' : undefined}>
        {replaying ? t('replay.eyebrow', { title: scenario.title }) : scenario.title}
      </p>
      <LastChoice scenario={scenario} path={path} />
      {api.joinCode !== null && !replaying && (
        <ClassChoiceAfterDecision joinCode={api.joinCode} participantId={api.state.participantId} scenario={scenario} path={path} />
      )}
      <Consequence animate={afterDecision}>
        {current.kind === 'ending' ? (
          <ScenarioEnding
            node={current}
            module={api.module}
            onNext={() => api.next(index)}
            replay={
              !replaying && lastDecision ? (
                <div className="actions">
                  <button type="button" className="button button--secondary" onClick={startReplay}>
                    {t('replay.tryOther')}
                  </button>
                </div>
              ) : replaying ? (
                <p className="muted">{t('replay.counted')}</p>
              ) : null
            }
          />
        ) : (
          <>
            <StoryPictureSlot picture={current.picture} />
            <ScreenHeading>{current.title ?? t('whatHappens')}</ScreenHeading>
            <p className="lead">{current.text}</p>
            {current.kind === 'scene' ? (
              <PrimaryAction onClick={() => setPath([...path, current.next])}>{t('continue')}</PrimaryAction>
            ) : (
              <Decision
                node={current}
                headingSaysIt={saysAlready(current.title, current.text, t('whatDoYouDo'))}
                order={deviceOptionOrder(
                  current.choices.map((c) => c.id),
                  api.state.orderSeed,
                  scenarioDecisionId(scenarioId, current.id),
                )}
                // A replay of the decision it went back to offers the other choices, not the first one again.
                leaveOut={replaying && path.length === 1 ? firstChoiceAt(current.id)?.id : undefined}
                onChoose={(choiceId, next, shownOrder) => {
                  const itemId = scenarioDecisionId(scenarioId, current.id);
                  const response = { kind: 'choice' as const, optionIds: [choiceId] };
                  // The first time through, the order shown is recorded (it may sway the choice); a replay is a replay.
                  api.record(itemId, 'main', response, undefined, replaying ? { replay: true } : { shownOrder });
                  setPath([...path, next]);
                }}
              />
            )}
          </>
        )}
      </Consequence>
    </Reveal>
  );
}

/**
 * Whether the content already asks the decision's question, as its heading or at the end of its
 * text, so the screen asks "What do you do?" once, not twice.
 */
function saysAlready(title: string | undefined, text: string, question: string): boolean {
  const words = (s: string) => s.toLocaleLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const asked = words(question);
  return (title !== undefined && words(title) === asked) || words(text).endsWith(asked);
}

/**
 * What a choice led to arrives a moment after "You chose …", so the two read as cause and
 * effect (a CSS animation, `.decision-consequence` in global.css). With "reduce motion" it is
 * simply there.
 */
function Consequence({ animate, children }: { animate: boolean; children: ReactNode }) {
  if (!animate) return <>{children}</>;
  return <div className="decision-consequence">{children}</div>;
}

function Decision({
  node,
  order,
  leaveOut,
  headingSaysIt,
  onChoose,
}: {
  node: DecisionNode;
  order: readonly string[];
  leaveOut: string | undefined;
  headingSaysIt: boolean;
  onChoose: (choiceId: string, next: string, shownOrder: string[]) => void;
}) {
  const t = useTranslations('Player.scenario');
  // Fixed at mount: this device's order, the same after a reload.
  const [shownOrder] = useState(() => [...order]);
  const choices = shownOrder.flatMap((id) => node.choices.filter((c) => c.id === id && c.id !== leaveOut));
  return (
    <div role="group" aria-labelledby={headingSaysIt ? undefined : `decision-${node.id}`} aria-label={headingSaysIt ? t('whatDoYouDo') : undefined}>
      {!headingSaysIt && <h2 id={`decision-${node.id}`}>{t('whatDoYouDo')}</h2>}
      <div className="actions">
        {choices.map((choice) => (
          <button key={choice.id} type="button" className="button button--secondary scenario-choice" data-choice-id={choice.id} onClick={() => onChoose(choice.id, choice.next, shownOrder)}>
            {choice.label}
          </button>
        ))}
      </div>
    </div>
  );
}

/** Reminds the student what they just chose, so the consequence reads in context. */
function LastChoice({ scenario, path }: { scenario: PlayerScenario; path: readonly string[] }) {
  const t = useTranslations('Player.scenario');
  for (let i = path.length - 2; i >= 0; i -= 1) {
    const node = scenario.nodes[path[i] ?? ''];
    if (node?.kind === 'decision') {
      const choice = node.choices.find((c) => c.next === path[i + 1]);
      if (choice && i === path.length - 2) {
        return <p className="story-trail">{t('youChose', { choice: choice.label })}</p>;
      }
      return null;
    }
  }
  return null;
}

/** In a class session, after a decision: what the class chose there (DESIGN.md, class view). */
function ClassChoiceAfterDecision({ joinCode, participantId, scenario, path }: { joinCode: string; participantId: string; scenario: PlayerScenario; path: readonly string[] }) {
  const node = scenario.nodes[path[path.length - 2] ?? ''];
  if (node?.kind !== 'decision') return null;
  const labels = Object.fromEntries(node.choices.map((c) => [c.id, c.label]));
  return <ClassChoice key={node.id} joinCode={joinCode} participantId={participantId} itemId={scenarioDecisionId(scenario.id, node.id)} labels={labels} />;
}
