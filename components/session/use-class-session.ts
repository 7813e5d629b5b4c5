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

  return { state, connected };
}
