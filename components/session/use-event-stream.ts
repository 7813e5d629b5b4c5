'use client';

import { useEffect, useRef, useState } from 'react';

/** How long to wait before opening a new stream after the browser gave up on one (a 4xx, say). */
const REOPEN_MS = 5_000;

/**
 * Listens to a server-sent event stream, calling `onEvent` with each named event's JSON. The
 * browser's EventSource reconnects by itself after a dropped network; if the server refuses the
 * stream, it is opened again later, so a phone or projector that lost the school Wi-Fi for a
 * while comes back to the current state. `url()` is asked afresh each time the stream opens.
 */
export function useEventStream(url: () => string, eventName: string, onEvent: (data: unknown) => void, key: string): boolean {
  const [connected, setConnected] = useState(false);
  // The latest callbacks, without reopening the stream when they change.
  const latest = useRef({ url, onEvent });
  useEffect(() => {
    latest.current = { url, onEvent };
  });

  useEffect(() => {
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const open = () => {
      source = new EventSource(latest.current.url());
      source.addEventListener('open', () => setConnected(true));
      source.addEventListener(eventName, (event) => latest.current.onEvent(JSON.parse((event as MessageEvent<string>).data)));
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
  }, [eventName, key]);

  return connected;
}
