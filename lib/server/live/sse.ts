import 'server-only';

/**
 * A server-sent event stream for one browser: named events as JSON, a comment every 20 seconds
 * so proxies and phones' networks don't close an idle connection, and clean-up when the
 * browser goes away (the request's abort signal).
 */
const HEARTBEAT_MS = 20_000;
/** How long a phone waits before reconnecting after the stream drops. */
const RETRY_MS = 2_000;

export type SendEvent = (event: string, data: unknown) => void;

export function eventStreamResponse(request: Request, start: (send: SendEvent) => () => void): Response {
  const encoder = new TextEncoder();
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const write = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const heartbeat = setInterval(() => write(': keep-alive\n\n'), HEARTBEAT_MS);
      const unsubscribe = start((event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
      function close() {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // Already closed by the runtime.
        }
      }
      stop = close;
      request.signal.addEventListener('abort', close, { once: true });
      write(`retry: ${RETRY_MS}\n\n`);
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store, no-transform',
      Connection: 'keep-alive',
      // nginx and similar proxies would otherwise buffer the stream.
      'X-Accel-Buffering': 'no',
    },
  });
}
