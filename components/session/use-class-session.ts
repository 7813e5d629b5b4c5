'use client';

import { useEffect, useState } from 'react';
import type { ClassSessionStateBody } from '@/lib/api/class-session-schemas';
import { readDeviceState } from '@/components/player/device-state';
import { useEventStream } from './use-event-stream';

/** Follows a class session's state over server-sent events (see use-event-stream.ts). */
export function useClassSessionState(
  joinCode: string,
  initial: ClassSessionStateBody,
  storeKey: string,
): { state: ClassSessionStateBody; connected: boolean } {
  const [state, setState] = useState(initial);
  const connected = useEventStream(
    () => {
      // A phone already in the session says so, so a busy school address never holds it up.
      const participantId = readDeviceState(storeKey)?.participantId;
      const member = participantId ? `?participant=${encodeURIComponent(participantId)}` : '';
      return `/api/v1/class-sessions/${encodeURIComponent(joinCode)}/events${member}`;
    },
    'state',
    (data) => setState(data as ClassSessionStateBody),
    `${joinCode}|${storeKey}`,
  );

  // A self-paced session closes at its closing time with no one pressing anything: say so then,
  // rather than on the next event (the server refuses later answers either way).
  const closed = useClosingTime(state.closesAt);
  return { state: closed && state.status === 'open' ? { ...state, status: 'closed' } : state, connected };
}

/** True once `closesAt` has passed, re-rendering at that moment. */
export function useClosingTime(closesAt: string | null): boolean {
  const [passed, setPassed] = useState(false);
  useEffect(() => {
    if (closesAt === null) return;
    const wait = Date.parse(closesAt) - Date.now();
    // setTimeout waits at most about 24.8 days: a page left open longer than that before closing
    // time would miss the moment, and the server would still refuse its later answers.
    const timer = setTimeout(() => setPassed(Date.parse(closesAt) <= Date.now()), Math.max(0, Math.min(wait, 2 ** 31 - 1)));
    return () => clearTimeout(timer);
  }, [closesAt]);
  return closesAt !== null && passed;
}
