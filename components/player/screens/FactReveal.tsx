'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { Reveal } from '@/components/ui/Reveal';
import { useEntrance } from '@/components/ui/motion';
import type { AnswerResponse } from '@/lib/api/schemas';
import type { PlayerFact } from '@/lib/content/player';
import { guessGap } from '@/lib/domain/guess-gap';
import { PrimaryAction } from '@/components/ui/PrimaryAction';

type NumberGuess = Extract<PlayerFact['guess'], { kind: 'number' }>;

/**
 * The real figure beside the student's guess: how far off the guess was, in words and on the
 * guess's own scale, with its source, year and caveat one tap away.
 */
export function FactReveal({ fact, guess, onNext }: { fact: PlayerFact; guess: AnswerResponse; onNext: () => void }) {
  const t = useTranslations('Player.fact');
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <>
      <p className="eyebrow">{fact.title}</p>
      <h1 ref={ref} tabIndex={-1}>
        {fact.question}
      </h1>
      <Reveal className="feedback feedback--neutral">
        {fact.guess.kind === 'number' && guess.kind === 'number' ? (
          <NumberGap fact={fact} scale={fact.guess} guess={guess.value} />
        ) : (
          guess.kind === 'choice' && <ChoiceVerdict fact={fact} chosen={guess.optionIds[0] ?? ''} />
        )}
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

/** A label near either end of the scale is kept inside it, so a 360-pixel screen never scrolls sideways. */
const alignAt = (at: number) => (at < 15 ? ' guess-gap__marker--start' : at > 85 ? ' guess-gap__marker--end' : '');

const withUnit = (value: number, unit: string | undefined) => (unit ? `${value} ${unit}` : String(value));

/** "You guessed 5. The real figure is 17: 12 higher than your guess", and the two on one scale. */
function NumberGap({ fact, scale, guess }: { fact: PlayerFact; scale: NumberGuess; guess: number }) {
  const t = useTranslations('Player.fact.gap');
  const gap = guessGap(guess, scale.answer, scale);
  const values = { guess: withUnit(guess, fact.unit), real: withUnit(scale.answer, fact.unit), difference: gap.difference };
  const left = Math.min(gap.guessAt, gap.realAt);
  const width = Math.abs(gap.realAt - gap.guessAt);
  // The real figure's marker leaves the guess and travels to where the real figure is; with
  // "reduce motion" (or before the script runs) it is simply there.
  const travel = { delay: 300, duration: 600 };
  const span = useEntrance<HTMLDivElement>([{ left: `${gap.guessAt}%`, width: '0%' }, { left: `${left}%`, width: `${width}%` }], travel);
  const marker = useEntrance<HTMLDivElement>([{ left: `${gap.guessAt}%` }, { left: `${gap.realAt}%` }], travel);
  return (
    <div className="guess-gap" data-guess-gap={gap.direction}>
      <p className="guess-gap__words">{t(gap.direction, values)}</p>
      <div aria-hidden="true">
        <div className="guess-gap__track">
          <div className="guess-gap__line" />
          <div ref={span} className="guess-gap__span" style={{ left: `${left}%`, width: `${width}%` }} />
          <div className={`guess-gap__marker guess-gap__marker--guess${alignAt(gap.guessAt)}`} style={{ left: `${gap.guessAt}%` }}>
            <span>{t('guessMarker', { guess })}</span>
          </div>
          <div ref={marker} className={`guess-gap__marker guess-gap__marker--real${alignAt(gap.realAt)}`} style={{ left: `${gap.realAt}%` }}>
            <span>{t('realMarker', { real: scale.answer })}</span>
          </div>
        </div>
        <div className="guess-gap__ends">
          <span>{scale.min}</span>
          <span>{scale.max}</span>
        </div>
      </div>
    </div>
  );
}

/** A choice guess: whether the student picked the answer, and which they picked if not. */
function ChoiceVerdict({ fact, chosen }: { fact: PlayerFact; chosen: string }) {
  const t = useTranslations('Player.fact.gap');
  const options = fact.guess.kind === 'choice' ? fact.guess.options : [];
  const right = options.find((o) => o.correct);
  const picked = fact.optionLabels[chosen] ?? '';
  const pickedRight = right?.id === chosen;
  return (
    <p className="guess-gap__words" data-guess-gap={pickedRight ? 'picked' : 'missed'}>
      {pickedRight ? t('picked', { guess: picked }) : t('missed', { guess: picked, real: fact.optionLabels[right?.id ?? ''] ?? '' })}
    </p>
  );
}
