import 'server-only';
import pg from 'pg';
import { describeError } from '../error-log';

/**
 * The live event bus: "something changed in class session X". One app instance fans out in
 * memory; several instances sharing one PostgreSQL pass the signal through LISTEN/NOTIFY, so a
 * teacher's command on one instance reaches phones connected to another (DESIGN.md, Live
 * sessions). Signals carry no data, only the session and what kind of change: each instance
 * reads the state itself, so a lost or repeated notification can't leave a phone on a wrong step.
 */

export type ClassChange = 'state' | 'answers';
export interface ClassSignal {
  classSessionId: string;
  change: ClassChange;
}
export type ClassSignalListener = (signal: ClassSignal) => void;

export interface ClassEventBus {
  publish(signal: ClassSignal): void;
  subscribe(listener: ClassSignalListener): () => void;
  close(): Promise<void>;
}

export const NOTIFY_CHANNEL = 'rk_class_sessions';

export function createMemoryBus(): ClassEventBus {
  const listeners = new Set<ClassSignalListener>();
  return {
    publish(signal) {
      // Asynchronous like NOTIFY, so a publisher never runs subscribers inside its own request.
      queueMicrotask(() => {
        for (const listener of listeners) listener(signal);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `<uuid>:<change>`: small and parsed strictly, since anyone with database access can NOTIFY. */
export function encodeSignal({ classSessionId, change }: ClassSignal): string {
  return `${classSessionId}:${change}`;
}

export function decodeSignal(payload: string | undefined): ClassSignal | null {
  const [id, change] = (payload ?? '').split(':');
  if (id === undefined || !UUID.test(id) || (change !== 'state' && change !== 'answers')) return null;
  return { classSessionId: id, change };
}

/**
 * PostgreSQL LISTEN/NOTIFY. One connection listens (a pooled connection can't: LISTEN belongs to
 * its session); notifications are sent through short-lived queries on a small pool. If the
 * listening connection drops, it reconnects with back-off and tells subscribers every session may
 * have changed (`onReconnect`), so phones catch up on anything missed meanwhile.
 */
export function createPostgresBus(url: string, { onReconnect }: { onReconnect?: () => void } = {}): ClassEventBus {
  const listeners = new Set<ClassSignalListener>();
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', (error) => console.error(`[live] notify connection lost: ${describeError(error)}`));
  let current: pg.Client | null = null;
  let connectedOnce = false;
  let closed = false;
  let delay = 500;

  const deliver = (signal: ClassSignal) => {
    for (const l of listeners) l(signal);
  };

  async function connect(): Promise<void> {
    if (closed) return;
    const client = new pg.Client({ connectionString: url });
    current = client;
    let dropped = false;
    const drop = (reason: string) => {
      if (dropped) return;
      dropped = true;
      if (current === client) current = null;
      client.end().catch(() => undefined);
      if (closed) return;
      console.error(`[live] listen connection lost (${reason}); reconnecting in ${delay} ms`);
      setTimeout(() => void connect(), delay).unref();
      delay = Math.min(delay * 2, 10_000);
    };
    client.on('notification', (message) => {
      const signal = message.channel === NOTIFY_CHANNEL ? decodeSignal(message.payload) : null;
      if (signal) deliver(signal);
    });
    client.on('error', (error) => drop(error.message));
    client.on('end', () => drop('ended'));
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
      delay = 500;
      if (connectedOnce) onReconnect?.();
      connectedOnce = true;
    } catch (error) {
      drop(error instanceof Error ? error.message : String(error));
    }
  }

  const ready = connect();

  return {
    publish(signal) {
      void ready
        .then(() => pool.query('SELECT pg_notify($1, $2)', [NOTIFY_CHANNEL, encodeSignal(signal)]))
        .catch((error: unknown) => {
          // The instance that published still tells its own phones; others catch up on their next signal.
          console.error(`[live] notify failed: ${describeError(error)}`);
          deliver(signal);
        });
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    async close() {
      closed = true;
      listeners.clear();
      await Promise.allSettled([current?.end(), pool.end()]);
    },
  };
}
