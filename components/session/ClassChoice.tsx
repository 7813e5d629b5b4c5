'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import type { ClassChoicesResponse } from '@/lib/api/class-session-schemas';
import type { LiveFigure } from '@/lib/domain/live-tree';

/** Gives the student's own answer a moment to reach the server before the class's is read. */
const FIRST_LOOK_MS = 1_500;

/**
 * "What your class chose" after a scenario decision: the figures the projector shows, once they
 * are released (in a live class, when the teacher shows them), small groups only as "fewer than
 * 5" and a figure that would give one away as a range (the server applies every rule).
 */
export function ClassChoice({ joinCode, participantId, itemId, labels }: { joinCode: string; participantId: string; itemId: string; labels: Record<string, string> }) {
  const t = useTranslations('Session.classChoice');
  const [choices, setChoices] = useState<ClassChoicesResponse | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async () => {
    try {
      const query = new URLSearchParams({ itemId, participant: participantId });
      const response = await fetch(`/api/v1/class-sessions/${encodeURIComponent(joinCode)}/choices?${query.toString()}`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      setChoices((await response.json()) as ClassChoicesResponse);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [joinCode, participantId, itemId]);

  useEffect(() => {
    const timer = setTimeout(() => void load(), FIRST_LOOK_MS);
    return () => clearTimeout(timer);
  }, [load]);

  const count = (value: LiveFigure) =>
    value.kind === 'count' ? t('count', { count: value.value }) : value.kind === 'fewer-than' ? t('fewerThan', { k: value.k }) : t('range', { from: value.from, to: value.to });
  const waiting = choices?.waiting === 'reveal' ? t('waitingForTeacher') : choices?.waiting === 'unsafe' ? t('unsafe') : t('notYet', { k: choices?.k ?? 5 });

  return (
    <section className="card class-choice" aria-labelledby={`class-choice-${itemId}`} aria-live="polite">
      <h2 id={`class-choice-${itemId}`}>{t('title')}</h2>
      {choices === null ? (
        <p className="muted">{failed ? t('offline') : t('loading')}</p>
      ) : !choices.shown ? (
        <p className="muted">{waiting}</p>
      ) : (
        <>
          <ul className="class-choice__list">
            {choices.options.map((option) => (
              <li key={option.id}>
                <span>{labels[option.id] ?? option.id}</span> <strong>{count(option.count)}</strong>
              </li>
            ))}
          </ul>
          {choices.options.some((o) => o.count.kind !== 'count') && <p className="muted">{t('why', { k: choices.k })}</p>}
        </>
      )}
      <button type="button" className="button button--quiet" onClick={() => void load()}>
        {t('refresh')}
      </button>
    </section>
  );
}
