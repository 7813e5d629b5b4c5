'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { ErrorSummary, type FieldError } from '@/components/ui/ErrorSummary';
import { Reveal } from '@/components/ui/Reveal';
import { ScreenHeading } from '@/components/ui/ScreenHeading';
import { answerKey } from '@/lib/domain/journey';
import type { StepProps } from '../StepScreen';
import { YourPlan } from './YourPlan';
import { PrimaryAction } from '@/components/ui/PrimaryAction';

const MAX_PLANS = 3;
const MAX_OWN_LENGTH = 200;

/**
 * If–then plans: pick up to three, or write your own. Which plans were picked is recorded;
 * the words of an own plan never leave the device, only that one was written.
 */
export function PlanScreen({ index, api }: StepProps) {
  const t = useTranslations('Player.plan');
  const tErrors = useTranslations('Player.errors');
  const stored = api.state.answers[answerKey('main', 'plan')];
  const [chosen, setChosen] = useState<string[]>([]);
  const [ownIf, setOwnIf] = useState('');
  const [ownThen, setOwnThen] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);

  if (stored) {
    return (
      <>
        <ScreenHeading>{t('yourPlanHeading')}</ScreenHeading>
        <YourPlan api={api} />
        <PrimaryAction onClick={() => api.next(index)}>{t('next')}</PrimaryAction>
      </>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const own = { if: ownIf.trim(), then: ownThen.trim() };
    const problems: FieldError[] = [];
    if (chosen.length > MAX_PLANS) problems.push({ field: `plan-${chosen[0] ?? ''}`, message: tErrors('tooManyPlans', { max: MAX_PLANS }) });
    if (own.if && !own.then) problems.push({ field: 'own-then', message: tErrors('ownThenMissing') });
    if (own.then && !own.if) problems.push({ field: 'own-if', message: tErrors('ownIfMissing') });
    if (own.if.length > MAX_OWN_LENGTH) problems.push({ field: 'own-if', message: tErrors('tooLong', { max: MAX_OWN_LENGTH }) });
    if (own.then.length > MAX_OWN_LENGTH) problems.push({ field: 'own-then', message: tErrors('tooLong', { max: MAX_OWN_LENGTH }) });
    const hasOwn = Boolean(own.if && own.then);
    if (chosen.length === 0 && !own.if && !own.then) problems.push({ field: `plan-${api.module.plans[0]?.id ?? ''}`, message: tErrors('choosePlan') });
    setErrors(problems);
    if (problems.length > 0) return;
    if (hasOwn) api.update((s) => ({ ...s, ownPlans: [...s.ownPlans, own] }));
    api.record('plan', 'main', { kind: 'plan', planIds: chosen, ownPlanCount: hasOwn ? 1 : 0 });
  };

  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  return (
    <Reveal>
      <ErrorSummary title={tErrors('title')} errors={errors} />
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>
            <span className="eyebrow">{t('eyebrow')}</span>
            <ScreenHeading>{t('heading')}</ScreenHeading>
          </legend>
          <p className="hint">{t('hint', { max: MAX_PLANS })}</p>
          {errors.some((e) => e.field.startsWith('plan-')) && (
            <p className="field-error">{errors.find((e) => e.field.startsWith('plan-'))?.message}</p>
          )}
          <div className="choices">
            {api.module.plans.map((plan) => (
              <label key={plan.id} className="choice">
                <input
                  type="checkbox"
                  id={`plan-${plan.id}`}
                  name="plans"
                  value={plan.id}
                  checked={chosen.includes(plan.id)}
                  onChange={(event) =>
                    setChosen((current) => (event.target.checked ? [...current, plan.id] : current.filter((id) => id !== plan.id)))
                  }
                />
                <span>
                  <strong>{t('if')}</strong> {plan.if}, <strong>{t('then')}</strong> {plan.then}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="card" style={{ marginTop: '1.5rem' }}>
          <h2>{t('ownHeading')}</h2>
          <p className="hint">{t('ownHint')}</p>
          <label className="field-label" htmlFor="own-if">
            {t('ownIf')}
          </label>
          {errorFor('own-if') && <p className="field-error">{errorFor('own-if')}</p>}
          <input id="own-if" className="text-input" value={ownIf} maxLength={MAX_OWN_LENGTH + 50} autoComplete="off" onChange={(e) => setOwnIf(e.target.value)} />
          <label className="field-label" htmlFor="own-then">
            {t('ownThen')}
          </label>
          {errorFor('own-then') && <p className="field-error">{errorFor('own-then')}</p>}
          <input id="own-then" className="text-input" value={ownThen} maxLength={MAX_OWN_LENGTH + 50} autoComplete="off" onChange={(e) => setOwnThen(e.target.value)} />
        </div>
        <PrimaryAction type="submit">{t('save')}</PrimaryAction>
      </form>
    </Reveal>
  );
}
