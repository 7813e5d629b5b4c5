'use client';

import { useTranslations } from 'next-intl';
import { ScreenHeading } from '@/components/ui/ScreenHeading';
import { Reveal } from '@/components/ui/Reveal';
import type { Section } from '@/lib/domain/journey';
import type { StepProps } from '../StepScreen';
import { PrimaryAction } from '@/components/ui/PrimaryAction';

/** A short title card before each part of the journey: what comes next and why. */
export function SectionScreen({ section, index, api }: StepProps & { section: Section }) {
  const t = useTranslations('Player.sectionIntro');
  return (
    <Reveal>
      <p className="eyebrow">{t('eyebrow')}</p>
      <ScreenHeading>{t(`${section}.title`)}</ScreenHeading>
      <p className="lead">{t(`${section}.body`)}</p>
      <PrimaryAction onClick={() => api.next(index)}>{t('continue')}</PrimaryAction>
    </Reveal>
  );
}
