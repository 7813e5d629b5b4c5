'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { ScreenHeading } from '@/components/ui/ScreenHeading';
import type { PlayerModule, PlayerScenarioNode } from '@/lib/content/player';
import { PrimaryAction } from '@/components/ui/PrimaryAction';
import { SourceList } from '@/components/player/SourceList';
import { StoryPictureSlot } from '@/components/pictures/StoryPictureSlot';

/**
 * An ending names its outcome in words (not colour alone), says where any figure or legal fact
 * in it comes from, and points back to what it rests on.
 */
export function ScenarioEnding({
  node,
  module,
  onNext,
  replay,
}: {
  node: Extract<PlayerScenarioNode, { kind: 'ending' }>;
  module: PlayerModule;
  onNext: () => void;
  /** "Go back and try the other choice", or the note that a replay isn't counted (ScenarioScreen). */
  replay?: ReactNode;
}) {
  const t = useTranslations('Player.scenario');
  const facts = module.facts.filter((f) => (node.pointsTo.facts as readonly string[]).includes(f.id));
  const considerations = module.considerations.filter((k) => node.pointsTo.considerations.includes(k.id));
  return (
    <>
      <p className={`outcome outcome--${node.outcome}`}>{t(`outcome.${node.outcome}`)}</p>
      <StoryPictureSlot picture={node.picture} />
      <ScreenHeading>{node.title ?? t('theEnd')}</ScreenHeading>
      <p className="lead">{node.text}</p>
      <SourceList sources={node.sources} />
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
      {replay}
      <PrimaryAction onClick={onNext}>{t('next')}</PrimaryAction>
    </>
  );
}
