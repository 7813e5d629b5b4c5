'use client';

import { createElement, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import type { StepShow } from '@/lib/server/step-shows';

/** A discussion point's question, the answer it is about, and the right answer, in the screen's language. */
export function useDiscussionLabels(shows: readonly StepShow[]) {
  const t = useTranslations('Teach.projector');
  return (itemId: string, optionId: string | null): { question: string; answer: string; right: string | null } => {
    const show = shows.find((s) => 'itemId' in s && s.itemId === itemId);
    if (!show) return { question: itemId, answer: optionId ?? '', right: null };
    if (show.kind === 'order') return { question: show.prompt, answer: t('inOtherOrder'), right: show.options.map((o) => o.label).join(' → ') };
    const rightOf = (options: readonly { label: string; correct: boolean }[] | null) => options?.filter((o) => o.correct).map((o) => o.label).join(' · ') || null;
    if (show.kind === 'fact') {
      return { question: show.question, answer: optionId ? (show.options?.find((o) => o.id === optionId)?.label ?? optionId) : t('notClose'), right: show.options ? rightOf(show.options) : show.answer };
    }
    if (show.kind === 'question') return { question: show.prompt, answer: show.options.find((o) => o.id === optionId)?.label ?? optionId ?? '', right: rightOf(show.options) };
    return { question: '', answer: optionId ?? '', right: null };
  };
}

/** A figure such as "5–8" kept on one line: a range broken after its dash reads as two numbers. */
export const keepTogether = (chunks: ReactNode) => createElement('span', { className: 'nowrap' }, chunks);
