/**
 * Sends the device's outbox to the server in batches and removes what the server acknowledges.
 * Every answer carries its own id, so sending a batch twice (a retry after a lost response)
 * stores nothing twice. Runs after each answer, when the network returns, and on a back-off timer.
 */
import type { SubmitAnswersResponse } from '@/lib/api/schemas';
import { readDeviceState, updateDeviceState, writeDeviceState } from './device-state';

export type SyncStatus = 'idle' | 'saving' | 'saved' | 'offline';

const BATCH_SIZE = 50;
const MAX_DELAY_MS = 30_000;

type Listener = (status: SyncStatus) => void;

export class AnswerSync {
  private running = false;
  private again = false;
  private delay = 1_000;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private listeners = new Set<Listener>();

  constructor(private readonly moduleId: string) {}

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
    } catch {
      this.set('offline');
      this.timer = setTimeout(() => void this.flush(), this.delay);
      this.delay = Math.min(this.delay * 2, MAX_DELAY_MS);
    } finally {
      this.running = false;
    }
  }

  private async sendAll(): Promise<void> {
    for (;;) {
      const state = readDeviceState(this.moduleId);
      if (!state || state.outbox.length === 0) return;
      this.set('saving');
      if (!state.participantCreated) await this.createParticipant();
      const keys = state.outbox.slice(0, BATCH_SIZE);
      const answers = keys.flatMap((key) => (state.answers[key] ? [state.answers[key]] : []));
      const response = await fetch('/api/v1/answers', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': state.locale },
        body: JSON.stringify({ participantId: state.participantId, answers }),
        keepalive: true,
      });
      if (response.status === 404) {
        // The server lost or never had the participant (e.g. a wiped demo database): make it again.
        updateDeviceState(this.moduleId, (s) => ({ ...s, participantCreated: false }));
        continue;
      }
      if (response.status === 400 || response.status === 422) {
        // The server will never take these as they are; keep them on the device, stop resending.
        updateDeviceState(this.moduleId, (s) => ({
          ...s,
          outbox: s.outbox.filter((k) => !keys.includes(k)),
          refused: [...s.refused, ...keys],
        }));
        continue;
      }
      if (!response.ok) throw new Error(`answers: HTTP ${response.status}`);
      const body = (await response.json()) as SubmitAnswersResponse;
      const acknowledged = new Set(body.receipts.map((r) => r.id));
      updateDeviceState(this.moduleId, (s) => ({
        ...s,
        outbox: s.outbox.filter((key) => {
          const id = s.answers[key]?.id;
          return id === undefined || !acknowledged.has(id);
        }),
      }));
    }
  }

  private async createParticipant(): Promise<void> {
    const state = readDeviceState(this.moduleId);
    if (!state) return;
    const response = await fetch('/api/v1/participants', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': state.locale },
      body: JSON.stringify({ id: state.participantId, locale: state.locale }),
    });
    if (!response.ok) throw new Error(`participants: HTTP ${response.status}`);
    const latest = readDeviceState(this.moduleId);
    if (latest) writeDeviceState(this.moduleId, { ...latest, participantCreated: true });
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
