'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { ErrorSummary, type FieldError } from '@/components/ui/ErrorSummary';
import { Reveal } from '@/components/ui/Reveal';
import { ScreenHeading } from '@/components/ui/ScreenHeading';
import type { AnswerResponse } from '@/lib/api/schemas';
import type { PlayerItem } from '@/lib/content/player';
import type { Phase } from '@/lib/content/schema';
import { isCorrectAnswer } from '@/lib/domain/correctness';
import { answerKey, showsFeedback } from '@/lib/domain/journey';
import { deviceOptionOrder, seededShuffle } from '@/lib/domain/shuffle';
import type { StepProps } from '../StepScreen';
import { ConfidenceField } from './ConfidenceField';
import { ItemFeedback } from './ItemFeedback';
import { OrderingField } from './OrderingField';
import { PrimaryAction } from '@/components/ui/PrimaryAction';

/** One knowledge question: answer, say how sure you are, then get feedback on your own answer. */
export function ItemScreen({ itemId, phase, index, api }: StepProps & { itemId: string; phase: Phase }) {
  const t = useTranslations('Player');
  const item = api.module.items.find((i) => i.id === itemId);
  const stored = api.state.answers[answerKey(phase, itemId)];
  const [chosen, setChosen] = useState<string[]>([]);
  // Options in this device's own order (kept by its seed, so a reload shows the same): an
  // ordering question never starts solved; true/false keeps "True, False".
  const [shownOrder] = useState<string[]>(() => (item ? optionOrderFor(item, api.state.orderSeed) : []));
  const [order, setOrder] = useState<string[]>(shownOrder);
  const [confidence, setConfidence] = useState<number | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  if (!item) return null;

  const fieldId = `item-${itemId}`;
  const multiple = item.kind === 'multiple';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (item.kind !== 'ordering' && chosen.length === 0) {
      problems.push({ field: `${fieldId}-${shownOrder[0] ?? ''}`, message: t(multiple ? 'errors.chooseSome' : 'errors.chooseOne') });
    }
    if (item.askConfidence && confidence === null) problems.push({ field: `${fieldId}-confidence-1`, message: t('errors.chooseConfidence') });
    setErrors(problems);
    if (problems.length > 0) return;
    const response: AnswerResponse = item.kind === 'ordering' ? { kind: 'order', optionIds: order } : { kind: 'choice', optionIds: chosen };
    api.record(itemId, phase, response, confidence ?? undefined, item.kind === 'truefalse' ? {} : { shownOrder });
    // The before and after waves measure: their answers are saved without feedback (decision note 014).
    if (!showsFeedback(phase)) api.next(index);
  };

  if (stored && !showsFeedback(phase)) {
    return (
      <>
        <p className="eyebrow">{t(`item.eyebrow.${phase}`)}</p>
        <ScreenHeading>{item.prompt}</ScreenHeading>
        <PrimaryAction onClick={() => api.next(index)}>{t('next')}</PrimaryAction>
      </>
    );
  }
  if (stored) {
    return <AnsweredItem item={item} response={stored.response} confidence={stored.confidence} index={index} api={api} phase={phase} />;
  }
  const options = shownOrder.flatMap((id) => item.options.filter((o) => o.id === id));

  const optionsError = errors.find((e) => e.field.startsWith(`${fieldId}-`) && !e.field.includes('confidence'));
  const confidenceError = errors.find((e) => e.field.includes('confidence'));

  return (
    <Reveal>
      <ErrorSummary title={t('errors.title')} errors={errors} />
      <form onSubmit={submit} noValidate>
        {item.kind === 'ordering' ? (
          <>
            <p className="eyebrow">{t(`item.eyebrow.${phase}`)}</p>
            <ScreenHeading>{item.prompt}</ScreenHeading>
            <OrderingField item={item} order={order} onChange={setOrder} />
          </>
        ) : (
          <fieldset className={optionsError ? 'has-error' : undefined} aria-describedby={optionsError ? `${fieldId}-error` : `${fieldId}-hint`}>
            <legend>
              <span className="eyebrow">{t(`item.eyebrow.${phase}`)}</span>
              <ScreenHeading>{item.prompt}</ScreenHeading>
            </legend>
            <p className="hint" id={`${fieldId}-hint`}>
              {t(multiple ? 'item.hintMultiple' : 'item.hintSingle')}
            </p>
            {optionsError && (
              <p className="field-error" id={`${fieldId}-error`}>
                {optionsError.message}
              </p>
            )}
            <div className="choices">
              {options.map((option) => (
                <label key={option.id} className="choice">
                  <input
                    type={multiple ? 'checkbox' : 'radio'}
                    name={fieldId}
                    id={`${fieldId}-${option.id}`}
                    value={option.id}
                    checked={chosen.includes(option.id)}
                    onChange={(event) =>
                      setChosen((current) =>
                        multiple
                          ? event.target.checked
                            ? [...current, option.id]
                            : current.filter((id) => id !== option.id)
                          : [option.id],
                      )
                    }
                  />
                  <span>{option.label}</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
        {item.askConfidence && (
          <ConfidenceField name={`${fieldId}-confidence`} value={confidence} onChange={setConfidence} error={confidenceError?.message} />
        )}
        <PrimaryAction type="submit">{t('item.check')}</PrimaryAction>
      </form>
    </Reveal>
  );
}

function optionOrderFor(item: PlayerItem, orderSeed: string): string[] {
  const ids = item.options.map((o) => o.id);
  if (item.kind === 'ordering') return seededShuffle(ids, `${orderSeed}:${item.id}`);
  if (item.kind === 'truefalse') return ids;
  return deviceOptionOrder(ids, orderSeed, item.id);
}

function AnsweredItem({
  item,
  response,
  confidence,
  index,
  api,
  phase,
}: {
  item: PlayerItem;
  response: AnswerResponse;
  confidence: number | undefined;
  index: number;
  api: StepProps['api'];
  phase: Phase;
}) {
  const t = useTranslations('Player');
  const correct = isCorrectAnswer(item, response);
  const chosen = response.kind === 'choice' || response.kind === 'order' ? response.optionIds : [];
  return (
    <>
      <p className="eyebrow">{t(`item.eyebrow.${phase}`)}</p>
      <ScreenHeading focus={false}>{item.prompt}</ScreenHeading>
      <ItemFeedback item={item} chosen={chosen} correct={correct} confidence={confidence} />
      <PrimaryAction onClick={() => api.next(index)}>{t('next')}</PrimaryAction>
    </>
  );
}
