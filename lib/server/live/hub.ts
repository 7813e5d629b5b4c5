import 'server-only';
import type { ClassChange, ClassEventBus, ClassSignal } from './bus';
import { describeError } from '../error-log';

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

interface Stream {
  subscriber: LiveSubscriber;
  /** What this phone was last sent, so an unchanged state isn't sent to hundreds of phones again. */
  lastSent: string | undefined;
  /** A new stream waits for its first snapshot, sent in order with every other update. */
  fresh: boolean;
}

interface SessionStreams {
  streams: Set<Stream>;
  /** What changed since the last update; 'state' reaches phones too, 'answers' only teachers. */
  pending: Set<ClassChange>;
  /** When the last update of each kind started: each kind goes out at most once per interval. */
  lastUpdate: Record<ClassChange, number>;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** When the scheduled update will run. */
  due: number;
  running: boolean;
}

export function createClassHub({ bus, snapshots, intervalMs = 250, now = Date.now }: ClassHubOptions): ClassHub {
  const sessions = new Map<string, SessionStreams>();
  const lastPublished = new Map<string, { at: number; timer: ReturnType<typeof setTimeout> | undefined }>();

  function streamsOf(id: string): SessionStreams {
    let session = sessions.get(id);
    if (!session) {
      session = { streams: new Set(), pending: new Set(), lastUpdate: { state: 0, answers: 0 }, timer: undefined, due: 0, running: false };
      sessions.set(id, session);
    }
    return session;
  }

  const hasFresh = (session: SessionStreams) => [...session.streams].some((s) => s.fresh);
  const hasTeacher = (session: SessionStreams) => [...session.streams].some((s) => s.subscriber.audience === 'teacher');

  /**
   * Runs an update when the first pending change is due. Each kind is throttled on its own, with
   * a leading edge: a teacher's first command after a pause goes out at once (it never waits
   * behind a burst of answers), and however fast commands or answers come, a session gets at most
   * one update of each kind per interval. A new stream's first snapshot is due at once. Updates of
   * one session never overlap, so every stream sees its snapshots in order.
   */
  function schedule(id: string, session: SessionStreams): void {
    if (session.running) return; // the running update schedules again when it ends
    const dueTimes = [...session.pending].map((change) => session.lastUpdate[change] + intervalMs);
    if (hasFresh(session)) dueTimes.push(0);
    if (dueTimes.length === 0) return;
    const due = Math.max(now(), Math.min(...dueTimes));
    if (session.timer !== undefined) {
      if (session.due <= due) return;
      clearTimeout(session.timer);
    }
    session.due = due;
    session.timer = setTimeout(() => {
      session.timer = undefined;
      void update(id, session);
    }, due - now());
  }

  async function update(id: string, session: SessionStreams): Promise<void> {
    // Answers matter only to teachers' screens: with none connected here, there is nothing to do.
    if (!hasTeacher(session)) session.pending.delete('answers');
    if ((session.pending.size === 0 && !hasFresh(session)) || session.streams.size === 0) return;
    const changes = new Set(session.pending);
    session.pending.clear();
    session.running = true;
    for (const change of changes) session.lastUpdate[change] = now();
    const targets = [...session.streams];
    try {
      // Phones first, so a step change never waits for the teacher's heavier snapshot.
      const phones = targets.filter((s) => s.subscriber.audience === 'phone' && (changes.has('state') || s.fresh));
      if (phones.length > 0) {
        const phone = await snapshots.phone(id);
        const json = JSON.stringify(phone);
        for (const stream of phones) {
          stream.fresh = false;
          if (stream.lastSent === json) continue;
          stream.lastSent = json;
          stream.subscriber.send('state', phone);
        }
      }
      const teachers = targets.filter((s) => s.subscriber.audience === 'teacher' && (changes.size > 0 || s.fresh));
      if (teachers.length > 0) {
        const teacher = await snapshots.teacher(id);
        for (const stream of teachers) {
          stream.fresh = false;
          stream.subscriber.send('live', teacher);
        }
      }
    } catch (error) {
      console.error(`[live] update failed: ${describeError(error)}`);
    } finally {
      session.running = false;
      // Whatever arrived during the reads goes out next, in order.
      if (session.pending.size > 0 || hasFresh(session)) schedule(id, session);
    }
  }

  const unsubscribeBus = bus.subscribe((signal: ClassSignal) => {
    const session = sessions.get(signal.classSessionId);
    if (!session || session.streams.size === 0) return;
    session.pending.add(signal.change);
    schedule(signal.classSessionId, session);
  });

  /** Drops throttle records of sessions that have gone quiet, so the map doesn't grow for ever. */
  function forgetQuiet(): void {
    if (lastPublished.size < 1_000) return;
    const cutoff = now() - intervalMs;
    for (const [id, entry] of lastPublished) if (entry.timer === undefined && entry.at < cutoff) lastPublished.delete(id);
  }

  return {
    subscribe(id, subscriber) {
      const session = streamsOf(id);
      const stream: Stream = { subscriber, lastSent: undefined, fresh: true };
      session.streams.add(stream);
      schedule(id, session);
      return () => {
        session.streams.delete(stream);
        if (session.streams.size === 0) {
          clearTimeout(session.timer);
          session.timer = undefined;
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
      forgetQuiet();
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
      for (const [id, session] of sessions) {
        session.pending.add('state');
        session.pending.add('answers');
        schedule(id, session);
      }
    },

    subscriberCount() {
      let n = 0;
      for (const session of sessions.values()) n += session.streams.size;
      return n;
    },

    close() {
      unsubscribeBus();
      for (const session of sessions.values()) clearTimeout(session.timer);
      for (const entry of lastPublished.values()) clearTimeout(entry.timer);
      sessions.clear();
    },
  };
}
