/**
 * Sends the device's outbox to the server in batches and removes what the server acknowledges.
 * Every answer carries its own id, so sending a batch twice (a retry after a lost response)
 * stores nothing twice. Runs after each answer, when the network returns, and on a back-off timer.
 * Each answer goes as the device recorded it: with the order its options were shown in, and a
 * story decision taken again marked `replay` (the server keeps those apart from first choices).
 */
import type { SubmitAnswersResponse } from '@/lib/api/schemas';
import { readDeviceState, updateDeviceState, writeDeviceState, type DeviceState } from './device-state';
import { devicePairingCode } from './pairing-code';

export type SyncStatus = 'idle' | 'saving' | 'saved' | 'offline';

const BATCH_SIZE = 50;
const MAX_DELAY_MS = 30_000;

/** The longest a Retry-After may hold the queue back: a wrong header can't stall it for hours. */
const MAX_RETRY_AFTER_MS = 5 * 60_000;

type Listener = (status: SyncStatus) => void;

/**
 * Whether a failed response is worth sending again unchanged: the server was busy or away (429,
 * 503 and other 5xx), or the request timed out (408). Any other 4xx means the server will never
 * take the batch as it is (404 for the participant is handled before this).
 */
export function isWorthRetrying(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** A response to try again later, after its Retry-After when it gives one. */
class RetryLater extends Error {
  readonly retryAfterMs: number;
  constructor(response: Response) {
    super(`HTTP ${response.status}`);
    const seconds = Number(response.headers.get('retry-after'));
    this.retryAfterMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
  }
}

/** The content version the device's waiting answers were given under (the first one's), if any. */
function outboxVersion(state: DeviceState): string | undefined {
  for (const key of state.outbox) {
    const version = state.answers[key]?.contentVersion;
    if (version !== undefined) return version;
  }
  return undefined;
}

export class AnswerSync {
  private running = false;
  private again = false;
  private delay = 1_000;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private listeners = new Set<Listener>();

  /**
   * `moduleId` names the device's store (one per module, or per class session); `joinCode`,
   * in a class session, is where the participant joins instead of registering on its own.
   */
  constructor(
    private readonly moduleId: string,
    private readonly joinCode?: string,
  ) {}

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(status: SyncStatus) {
    for (const listener of this.listeners) listener(status);
  }

  /** Sends whatever is waiting; overlapping calls collapse into one more run. */
  async flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    clearTimeout(this.timer);
    try {
      do {
        this.again = false;
        await this.sendAll();
      } while (this.again);
      this.delay = 1_000;
      this.set('saved');
    } catch (error) {
      this.set('offline');
      // A server that says when to come back (429, 503) is not asked sooner; otherwise back off.
      const wait = error instanceof RetryLater ? Math.max(this.delay, error.retryAfterMs) : this.delay;
      this.timer = setTimeout(() => void this.flush(), Math.min(wait, MAX_RETRY_AFTER_MS));
      this.delay = Math.min(this.delay * 2, MAX_DELAY_MS);
    } finally {
      this.running = false;
    }
  }

  private async sendAll(): Promise<void> {
    for (;;) {
      const state = readDeviceState(this.moduleId);
      // In a class session the device joins as soon as it arrives, so the teacher sees it joined.
      const mustJoin = this.joinCode !== undefined && state !== null && !state.participantCreated;
      if (!state || (state.outbox.length === 0 && !mustJoin)) return;
      this.set('saving');
      if (!state.participantCreated) {
        await this.createParticipant();
        continue; // read the state again: joining may have found the session closed
      }
      const keys = state.outbox.slice(0, BATCH_SIZE);
      const answers = keys.flatMap((key) => (state.answers[key] ? [state.answers[key]] : []));
      const response = await fetch('/api/v1/answers', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': state.locale },
        // The send time by the device clock: the server corrects each answer's time by it.
        body: JSON.stringify({ participantId: state.participantId, sentAt: new Date().toISOString(), answers }),
        keepalive: true,
      });
      if (response.status === 404) {
        // The server lost or never had the participant (e.g. a wiped demo database): make it again.
        updateDeviceState(this.moduleId, (s) => ({ ...s, participantCreated: false }));
        continue;
      }
      if (!response.ok && !isWorthRetrying(response.status)) {
        // The server will never take these as they are; keep them on the device, stop resending.
        updateDeviceState(this.moduleId, (s) => ({
          ...s,
          outbox: s.outbox.filter((k) => !keys.includes(k)),
          refused: [...s.refused, ...keys],
        }));
        continue;
      }
      if (!response.ok) throw new RetryLater(response);
      const body = (await response.json()) as SubmitAnswersResponse;
      const acknowledged = new Set(body.receipts.map((r) => r.id));
      // Given after the class session closed, or refused on its own (the rest of its batch was
      // stored): kept on the device, never sent again.
      const tooLate = new Set(body.receipts.filter((r) => r.status === 'session_closed' || r.status === 'refused').map((r) => r.id));
      updateDeviceState(this.moduleId, (s) => ({
        ...s,
        outbox: s.outbox.filter((key) => {
          const id = s.answers[key]?.id;
          return id === undefined || !acknowledged.has(id);
        }),
        refused: [...s.refused, ...s.outbox.filter((key) => tooLate.has(s.answers[key]?.id ?? ''))],
      }));
    }
  }

  private async createParticipant(): Promise<void> {
    const state = readDeviceState(this.moduleId);
    if (!state) return;
    // Sent with every new participant, and only then: the server keeps its hash, never the code.
    const pairingCode = devicePairingCode();
    const response = this.joinCode
      ? await fetch(`/api/v1/class-sessions/${encodeURIComponent(this.joinCode)}/participants`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'accept-language': state.locale },
          body: JSON.stringify({ participantId: state.participantId, locale: state.locale, pairingCode }),
        })
      : await fetch('/api/v1/participants', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'accept-language': state.locale },
          // On your own the store is the module's; its answers are judged against the version they were given under.
          body: JSON.stringify({ id: state.participantId, locale: state.locale, pairingCode, moduleId: this.moduleId, contentVersion: outboxVersion(state) }),
        });
    if (response.status === 409 || (!response.ok && !isWorthRetrying(response.status))) {
      // The session closed before this device could join, or the server will never take this
      // participant as it is: its answers stay on the device.
      updateDeviceState(this.moduleId, (s) => ({ ...s, outbox: [], refused: [...s.refused, ...s.outbox] }));
      return;
    }
    if (!response.ok) throw new RetryLater(response);
    const latest = readDeviceState(this.moduleId);
    if (latest) writeDeviceState(this.moduleId, { ...latest, participantCreated: true });
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
