'use client';

import { useTranslations } from 'next-intl';
import type { StepProps } from '@/components/player/StepScreen';
import { Reveal } from '@/components/ui/Reveal';
import { ScreenHeading } from '@/components/ui/ScreenHeading';
import type { PlayerScenario, PlayerScenarioNode } from '@/lib/content/player';
import { ScenarioEnding } from './ScenarioEnding';
import { PrimaryAction } from '@/components/ui/PrimaryAction';
import { ClassChoice } from '@/components/session/ClassChoice';
import { StoryPictureSlot } from '@/components/pictures/StoryPictureSlot';

export function scenarioDecisionId(scenarioId: string, nodeId: string): string {
  return `${scenarioId}/${nodeId}`;
}

/**
 * A branching story, one node per screen. The path is kept on the device; each decision is
 * also recorded as an answer, so reports can show the path taken, not just "completed".
 */
export function ScenarioScreen({ scenarioId, index, api }: StepProps & { scenarioId: string }) {
  const t = useTranslations('Player.scenario');
  const scenario = api.module.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) return null;
  const path = api.state.scenarioPaths[scenarioId] ?? [];
  const setPath = (next: string[]) => api.update((s) => ({ ...s, scenarioPaths: { ...s.scenarioPaths, [scenarioId]: next } }));
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

  return (
    <Reveal key={current.id}>
      <p className="eyebrow" data-node-kind={current.kind}>
        {scenario.title}
      </p>
      <LastChoice scenario={scenario} path={path} />
      {api.joinCode !== null && <ClassChoiceAfterDecision joinCode={api.joinCode} participantId={api.state.participantId} scenario={scenario} path={path} />}
      {current.kind === 'ending' ? (
        <ScenarioEnding node={current} module={api.module} onNext={() => api.next(index)} />
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
              onChoose={(choiceId, next) => {
                api.record(scenarioDecisionId(scenarioId, current.id), 'main', { kind: 'choice', optionIds: [choiceId] });
                setPath([...path, next]);
              }}
            />
          )}
        </>
      )}
    </Reveal>
  );
}

function Decision({ node, onChoose }: { node: Extract<PlayerScenarioNode, { kind: 'decision' }>; onChoose: (choiceId: string, next: string) => void }) {
  const t = useTranslations('Player.scenario');
  return (
    <div role="group" aria-labelledby={`decision-${node.id}`}>
      <h2 id={`decision-${node.id}`}>{t('whatDoYouDo')}</h2>
      <div className="actions">
        {node.choices.map((choice) => (
          <button key={choice.id} type="button" className="button button--secondary scenario-choice" onClick={() => onChoose(choice.id, choice.next)}>
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
