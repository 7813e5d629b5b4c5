import 'server-only';
import type { ClassChange, ClassEventBus, ClassSignal } from './bus';

/**
 * One per app instance: the open event streams of each class session (phones and teachers'
 * screens), and the throttle between the bus and them. However fast answers arrive, a session's
 * subscribers get at most one update per `intervalMs` (DESIGN.md: a few per second, never one
 * message per answer per phone), and each update reads the state once for all of them.
 */

export type Audience = 'phone' | 'teacher';

export interface LiveSubscriber {
  audience: Audience;
  send(event: string, data: unknown): void;
}

/** Reads what each audience is shown; null when the session no longer exists. */
export interface LiveSnapshots {
  phone(classSessionId: string): Promise<unknown>;
  teacher(classSessionId: string): Promise<unknown>;
}

export interface ClassHub {
  /** Adds a stream and sends it the current snapshot at once. */
  subscribe(classSessionId: string, subscriber: LiveSubscriber): () => void;
  /** Tells every instance that a session changed; answer signals are throttled before they go out. */
  signal(classSessionId: string, change: ClassChange): void;
  /** Sends a fresh snapshot to every stream on this instance (e.g. after the bus reconnected). */
  refreshAll(): void;
  subscriberCount(): number;
  close(): void;
}

export interface ClassHubOptions {
  bus: ClassEventBus;
  snapshots: LiveSnapshots;
  intervalMs?: number;
  now?: () => number;
}

interface SessionStreams {
  subscribers: Set<LiveSubscriber>;
  /** What changed since the last update; 'state' reaches phones too, 'answers' only teachers. */
  pending: Set<ClassChange>;
  lastUpdate: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  running: boolean;
  /** The last thing sent to phones, so an unchanged state isn't sent to hundreds of phones again. */
  lastPhone: string | undefined;
}

export function createClassHub({ bus, snapshots, intervalMs = 250, now = Date.now }: ClassHubOptions): ClassHub {
  const sessions = new Map<string, SessionStreams>();
  const lastPublished = new Map<string, { at: number; timer: ReturnType<typeof setTimeout> | undefined }>();

  function streamsOf(id: string): SessionStreams {
    let streams = sessions.get(id);
    if (!streams) {
      streams = { subscribers: new Set(), pending: new Set(), lastUpdate: 0, timer: undefined, running: false, lastPhone: undefined };
      sessions.set(id, streams);
    }
    return streams;
  }

  function schedule(id: string, streams: SessionStreams): void {
    if (streams.timer !== undefined || streams.running) return;
    const wait = Math.max(0, streams.lastUpdate + intervalMs - now());
    streams.timer = setTimeout(() => {
      streams.timer = undefined;
      void update(id, streams);
    }, wait);
  }

  async function update(id: string, streams: SessionStreams): Promise<void> {
    if (streams.pending.size === 0 || streams.subscribers.size === 0) return;
    const changes = new Set(streams.pending);
    streams.pending.clear();
    streams.running = true;
    streams.lastUpdate = now();
    const audiences = new Set([...streams.subscribers].map((s) => s.audience));
    try {
      const [phone, teacher] = await Promise.all([
        changes.has('state') && audiences.has('phone') ? snapshots.phone(id) : undefined,
        audiences.has('teacher') ? snapshots.teacher(id) : undefined,
      ]);
      const phoneJson = phone === undefined ? undefined : JSON.stringify(phone);
      const phoneChanged = phoneJson !== undefined && phoneJson !== streams.lastPhone;
      if (phoneChanged) streams.lastPhone = phoneJson;
      for (const subscriber of streams.subscribers) {
        if (subscriber.audience === 'phone' && phoneChanged) subscriber.send('state', phone);
        if (subscriber.audience === 'teacher' && teacher !== undefined) subscriber.send('live', teacher);
      }
    } catch (error) {
      console.error(`[live] update failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      streams.running = false;
      // Whatever arrived during the read goes out in the next window.
      if (streams.pending.size > 0) schedule(id, streams);
    }
  }

  const unsubscribeBus = bus.subscribe((signal: ClassSignal) => {
    const streams = sessions.get(signal.classSessionId);
    if (!streams || streams.subscribers.size === 0) return;
    streams.pending.add(signal.change);
    schedule(signal.classSessionId, streams);
  });

  return {
    subscribe(id, subscriber) {
      const streams = streamsOf(id);
      streams.subscribers.add(subscriber);
      const first = subscriber.audience === 'phone' ? snapshots.phone(id) : snapshots.teacher(id);
      first
        .then((snapshot) => subscriber.send(subscriber.audience === 'phone' ? 'state' : 'live', snapshot))
        .catch((error: unknown) => console.error(`[live] first snapshot failed: ${error instanceof Error ? error.message : String(error)}`));
      return () => {
        streams.subscribers.delete(subscriber);
        if (streams.subscribers.size === 0) {
          clearTimeout(streams.timer);
          sessions.delete(id);
        }
      };
    },

    signal(id, change) {
      if (change === 'state') {
        bus.publish({ classSessionId: id, change });
        return;
      }
      // Answers: at most one signal per session per interval leaves this instance.
      const entry = lastPublished.get(id) ?? { at: 0, timer: undefined };
      lastPublished.set(id, entry);
      if (entry.timer !== undefined) return;
      const wait = Math.max(0, entry.at + intervalMs - now());
      const publish = () => {
        entry.timer = undefined;
        entry.at = now();
        bus.publish({ classSessionId: id, change });
      };
      if (wait === 0) publish();
      else entry.timer = setTimeout(publish, wait);
    },

    refreshAll() {
      for (const [id, streams] of sessions) {
        streams.pending.add('state');
        streams.pending.add('answers');
        schedule(id, streams);
      }
    },

    subscriberCount() {
      let n = 0;
      for (const streams of sessions.values()) n += streams.subscribers.size;
      return n;
    },

    close() {
      unsubscribeBus();
      for (const streams of sessions.values()) clearTimeout(streams.timer);
      for (const entry of lastPublished.values()) clearTimeout(entry.timer);
      sessions.clear();
    },
  };
}
