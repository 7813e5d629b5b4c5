'use client';

import { useTranslations } from 'next-intl';
import { ScreenHeading } from '@/components/ui/ScreenHeading';
import type { PlayerModule, PlayerScenarioNode } from '@/lib/content/player';
import { PrimaryAction } from '@/components/ui/PrimaryAction';
import { StoryPictureSlot } from '@/components/pictures/StoryPictureSlot';

/** An ending names its outcome in words (not colour alone) and points back to what it rests on. */
export function ScenarioEnding({ node, module, onNext }: { node: Extract<PlayerScenarioNode, { kind: 'ending' }>; module: PlayerModule; onNext: () => void }) {
  const t = useTranslations('Player.scenario');
  const facts = module.facts.filter((f) => (node.pointsTo.facts as readonly string[]).includes(f.id));
  const considerations = module.considerations.filter((k) => node.pointsTo.considerations.includes(k.id));
  return (
    <>
      <p className={`outcome outcome--${node.outcome}`}>{t(`outcome.${node.outcome}`)}</p>
      <StoryPictureSlot picture={node.picture} />
      <ScreenHeading>{node.title ?? t('theEnd')}</ScreenHeading>
      <p className="lead">{node.text}</p>
      <div className="card">
        <h2>{t('restsOn')}</h2>
        {considerations.map((k) => (
          <div key={k.id}>
            <h3>{k.title}</h3>
            <p>{k.body}</p>
          </div>
        ))}
        {facts.map((f) => (
          <div key={f.id}>
            <h3>{f.title}</h3>
            <p>{f.answer}</p>
          </div>
        ))}
      </div>
      <PrimaryAction onClick={onNext}>{t('next')}</PrimaryAction>
    </>
  );
}
