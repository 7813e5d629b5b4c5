'use client';

import { useCallback, useState } from 'react';
import type { LiveCommandBody } from '@/lib/api/class-session-schemas';
import type { ApiError } from '@/lib/api/schemas';
import type { TeacherLiveView } from '@/lib/server/live/snapshots';
import { useClosingTime } from '../use-class-session';
import { useEventStream } from '../use-event-stream';

export type CommandOutcome = { kind: 'ok' } | { kind: 'refused'; message: string } | { kind: 'offline' };

/**
 * The teacher's live view of a session over server-sent events (state, counts, any reveal), and
 * the commands that change it. A command's effect comes back through the stream like anyone
 * else's, so two screens (laptop and projector) always agree.
 */
export function useTeacherLive(sessionId: string, initial: TeacherLiveView, locale: string) {
  const [view, setView] = useState(initial);
  const connected = useEventStream(
    () => `/api/v1/teach/class-sessions/${sessionId}/events`,
    'live',
    (data) => {
      if (data) setView(data as TeacherLiveView);
    },
    sessionId,
  );

  /**
   * Sends a command. Resolves to `ok`, or to the server's message (already in the teacher's
   * language), or to `offline` when the server couldn't be reached.
   */
  const send = useCallback(
    async (command: LiveCommandBody): Promise<CommandOutcome> => {
      try {
        const response = await fetch(`/api/v1/teach/class-sessions/${sessionId}/commands`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'accept-language': locale },
          body: JSON.stringify(command),
        });
        if (response.ok) {
          // Apply at once on this screen; the stream confirms it for every other screen.
          const state = (await response.json()) as TeacherLiveView['state'];
          setView((current) => ({ ...current, state, reveal: state.revealedStep === null ? null : current.reveal }));
          return { kind: 'ok' };
        }
        const body = (await response.json()) as ApiError;
        return { kind: 'refused', message: body.error.message };
      } catch {
        return { kind: 'offline' };
      }
    },
    [sessionId, locale],
  );

  const closed = useClosingTime(view.state.closesAt);
  const shown = closed && view.state.status === 'open' ? { ...view, state: { ...view.state, status: 'closed' as const } } : view;
  return { view: shown, connected, send };
}
