'use client';

import { useTranslations } from 'next-intl';
import type { LiveFigure } from '@/lib/domain/live-tree';

/** Puts a live figure into words on the teacher's screens: "12", "fewer than 5", "16–20". */
export function useLiveFigure(): (figure: LiveFigure) => string {
  const t = useTranslations('Teach.tally');
  return (figure) => {
    switch (figure.kind) {
      case 'count':
        return String(figure.value);
      case 'fewer-than':
        return t('fewerThan', { k: figure.k });
      case 'range':
        return t('range', { from: figure.from, to: figure.to });
    }
  };
}
