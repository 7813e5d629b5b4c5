'use client';

import { useEffect, useState } from 'react';
import type { ClassSessionStateBody } from '@/lib/api/class-session-schemas';
import { readDeviceState } from '@/components/player/device-state';

/** How long to wait before opening a new stream after the browser gave up on one (a 4xx, say). */
const REOPEN_MS = 5_000;

/**
 * Follows a class session's state over server-sent events. The browser's EventSource reconnects
 * by itself after a dropped network; if the server refuses the stream, it is opened again later,
 * so a phone that lost the school Wi-Fi for a while comes back to the teacher's current step.
 */
export function useClassSessionState(
  joinCode: string,
  initial: ClassSessionStateBody,
  storeKey: string,
): { state: ClassSessionStateBody; connected: boolean } {
  const [state, setState] = useState(initial);
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const open = () => {
      // A phone already in the session says so, so a busy school address never holds it up.
      const participantId = readDeviceState(storeKey)?.participantId;
      const member = participantId ? `?participant=${encodeURIComponent(participantId)}` : '';
      source = new EventSource(`/api/v1/class-sessions/${encodeURIComponent(joinCode)}/events${member}`);
      source.addEventListener('open', () => setConnected(true));
      source.addEventListener('state', (event) => {
        setState(JSON.parse((event as MessageEvent<string>).data) as ClassSessionStateBody);
      });
      source.addEventListener('error', () => {
        setConnected(false);
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          source.close();
          timer = setTimeout(open, REOPEN_MS);
        }
      });
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [joinCode, storeKey]);

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
