'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { ErrorSummary, type FieldError } from '@/components/ui/ErrorSummary';
import { Reveal } from '@/components/ui/Reveal';
import { ScreenHeading } from '@/components/ui/ScreenHeading';
import type { PlayerFact } from '@/lib/content/player';
import { answerKey } from '@/lib/domain/journey';
import { deviceOptionOrder } from '@/lib/domain/shuffle';
import type { StepProps } from '../StepScreen';
import { FactReveal } from './FactReveal';
import { PrimaryAction } from '@/components/ui/PrimaryAction';

/** Guess first, then the reveal: a wrong guess still helps the real figure stick. */
export function FactScreen({ factId, index, api }: StepProps & { factId: string }) {
  const t = useTranslations('Player');
  const fact = api.module.facts.find((f) => f.id === factId);
  const stored = api.state.answers[answerKey('main', factId)];
  if (!fact) return null;
  if (stored) {
    return <FactReveal fact={fact} guess={stored.response} onNext={() => api.next(index)} />;
  }
  return (
    <Reveal>
      <p className="eyebrow">{fact.title}</p>
      {fact.guess.kind === 'number' ? (
        <NumberGuess fact={fact} guess={fact.guess} onGuess={(value) => api.record(factId, 'main', { kind: 'number', value })} />
      ) : (
        <ChoiceGuess
          fact={fact}
          orderSeed={api.state.orderSeed}
          onGuess={(id, shownOrder) => api.record(factId, 'main', { kind: 'choice', optionIds: [id] }, undefined, { shownOrder })}
        />
      )}
      <p className="muted">{t('fact.guessNote')}</p>
    </Reveal>
  );
}

function NumberGuess({ fact, guess, onGuess }: { fact: PlayerFact; guess: Extract<PlayerFact['guess'], { kind: 'number' }>; onGuess: (value: number) => void }) {
  const t = useTranslations('Player.fact');
  const [value, setValue] = useState(guess.start);
  const clamp = (v: number) => Math.min(guess.max, Math.max(guess.min, Math.round(v / guess.step) * guess.step));
  const inputId = `guess-${fact.id}`;
  const valueText = fact.unit ? `${value} ${fact.unit}` : String(value);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onGuess(value);
      }}
    >
      <ScreenHeading>{fact.question}</ScreenHeading>
      <label className="field-label" htmlFor={inputId}>
        {t('yourGuess')}
      </label>
      <p className="guess-value" aria-hidden="true">
        {valueText}
      </p>
      <input
        id={inputId}
        className="range"
        type="range"
        min={guess.min}
        max={guess.max}
        step={guess.step}
        value={value}
        aria-valuetext={valueText}
        onChange={(event) => setValue(clamp(Number(event.target.value)))}
      />
      <div className="range-ends" aria-hidden="true">
        <span>{guess.min}</span>
        <span>{guess.max}</span>
      </div>
      <div className="stepper">
        <button type="button" className="button button--secondary" aria-label={t('less')} onClick={() => setValue((v) => clamp(v - guess.step))}>
          −
        </button>
        <button type="button" className="button button--secondary" aria-label={t('more')} onClick={() => setValue((v) => clamp(v + guess.step))}>
          +
        </button>
      </div>
      <PrimaryAction type="submit">{t('reveal')}</PrimaryAction>
    </form>
  );
}

/** A choice guess, its options in this device's own order (recorded with the guess). */
function ChoiceGuess({ fact, orderSeed, onGuess }: { fact: PlayerFact; orderSeed: string; onGuess: (optionId: string, shownOrder: string[]) => void }) {
  const t = useTranslations('Player');
  const [chosen, setChosen] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [shownOrder] = useState(() => deviceOptionOrder(fact.guess.kind === 'choice' ? fact.guess.options.map((o) => o.id) : [], orderSeed, fact.id));
  const options = shownOrder.map((id) => ({ id }));
  const name = `guess-${fact.id}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) {
      setErrors([{ field: `${name}-${options[0]?.id ?? ''}`, message: t('errors.chooseOne') }]);
      return;
    }
    onGuess(chosen, shownOrder);
  };
  return (
    <>
      <ErrorSummary title={t('errors.title')} errors={errors} />
      <form onSubmit={submit} noValidate>
        <fieldset className={errors.length ? 'has-error' : undefined}>
          <legend>
            <ScreenHeading>{fact.question}</ScreenHeading>
          </legend>
          {errors[0] && <p className="field-error">{errors[0].message}</p>}
          <div className="choices">
            {options.map((o) => (
              <label key={o.id} className="choice">
                <input type="radio" name={name} id={`${name}-${o.id}`} value={o.id} checked={chosen === o.id} onChange={() => setChosen(o.id)} />
                <span>{fact.optionLabels[o.id]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <PrimaryAction type="submit">{t('fact.reveal')}</PrimaryAction>
      </form>
    </>
  );
}
