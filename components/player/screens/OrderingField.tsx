'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import type { PlayerItem } from '@/lib/content/player';

/**
 * Reordering with "move up" and "move down" buttons rather than drag and drop, so it works by
 * keyboard, switch and screen reader; each move is announced, and focus follows the moved row.
 */
export function OrderingField({ item, order, onChange }: { item: PlayerItem; order: string[]; onChange: (order: string[]) => void }) {
  const t = useTranslations('Player.ordering');
  const [announcement, setAnnouncement] = useState('');
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());
  const label = (id: string) => item.options.find((o) => o.id === id)?.label ?? id;

  const move = (from: number, to: number, direction: 'up' | 'down') => {
    if (to < 0 || to >= order.length) return;
    const next = [...order];
    const [moved] = next.splice(from, 1);
    if (moved === undefined) return;
    next.splice(to, 0, moved);
    onChange(next);
    setAnnouncement(t('moved', { label: label(moved), position: to + 1, total: next.length }));
    // Keep focus on the same button of the moved row, or its other button at either end.
    requestAnimationFrame(() => {
      const atEdge = (direction === 'up' && to === 0) || (direction === 'down' && to === next.length - 1);
      const other = direction === 'up' ? 'down' : 'up';
      buttons.current.get(`${moved}:${atEdge ? other : direction}`)?.focus();
    });
  };

  return (
    <div>
      <p className="hint" id={`order-${item.id}-hint`}>
        {t('hint')}
      </p>
      <ol className="ordering" aria-describedby={`order-${item.id}-hint`}>
        {order.map((id, position) => (
          <li key={id}>
            <span className="ordering__pos" aria-hidden="true">
              {position + 1}
            </span>
            <span className="ordering__label">{label(id)}</span>
            <span className="ordering__moves">
              <button
                type="button"
                className="button button--secondary"
                aria-label={t('moveUp', { label: label(id) })}
                disabled={position === 0}
                ref={(el) => {
                  buttons.current.set(`${id}:up`, el);
                }}
                onClick={() => move(position, position - 1, 'up')}
              >
                <span aria-hidden="true">↑</span>
              </button>
              <button
                type="button"
                className="button button--secondary"
                aria-label={t('moveDown', { label: label(id) })}
                disabled={position === order.length - 1}
                ref={(el) => {
                  buttons.current.set(`${id}:down`, el);
                }}
                onClick={() => move(position, position + 1, 'down')}
              >
                <span aria-hidden="true">↓</span>
              </button>
            </span>
          </li>
        ))}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
