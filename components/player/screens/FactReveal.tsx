'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { Reveal } from '@/components/ui/Reveal';
import type { AnswerResponse } from '@/lib/api/schemas';
import type { PlayerFact } from '@/lib/content/player';
import { PrimaryAction } from '@/components/ui/PrimaryAction';

/** The real figure beside the student's guess, with its source, year and caveat one tap away. */
export function FactReveal({ fact, guess, onNext }: { fact: PlayerFact; guess: AnswerResponse; onNext: () => void }) {
  const t = useTranslations('Player.fact');
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const guessed =
    guess.kind === 'number'
      ? fact.unit
        ? `${guess.value} ${fact.unit}`
        : String(guess.value)
      : guess.kind === 'choice'
        ? (fact.optionLabels[guess.optionIds[0] ?? ''] ?? '')
        : '';
  return (
    <>
      <p className="eyebrow">{fact.title}</p>
      <h1 ref={ref} tabIndex={-1}>
        {fact.question}
      </h1>
      <Reveal className="feedback feedback--neutral">
        <p className="muted">{t('youGuessed', { guess: guessed })}</p>
        <h2>{t('theAnswer')}</h2>
        <p className="big-figure">{fact.answer}</p>
        <p>{fact.reveal}</p>
        <details className="source">
          <summary>{t('sourceAndCaveat')}</summary>
          <div>
            <h3>{t('caveat')}</h3>
            <p>{fact.caveat}</p>
            <h3>{t(fact.sources.length > 1 ? 'sources' : 'source')}</h3>
            <ul>
              {fact.sources.map((s) => (
                <li key={`${s.publisher}-${s.title}`}>
                  {s.url ? (
                    <a href={s.url} rel="noopener noreferrer" target="_blank" lang="en">
                      {s.title}
                    </a>
                  ) : (
                    <span lang="en">{s.title}</span>
                  )}
                  {' — '}
                  <span lang="en">{s.publisher}</span>, {s.year}
                  {s.url && <span className="visually-hidden"> {t('opensNewTab')}</span>}
                </li>
              ))}
            </ul>
          </div>
        </details>
      </Reveal>
      <PrimaryAction onClick={onNext}>{t('next')}</PrimaryAction>
    </>
  );
}
