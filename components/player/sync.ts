/**
 * Sends the device's outbox to the server in batches and removes what the server acknowledges.
 * Every answer carries its own id, so sending a batch twice (a retry after a lost response)
 * stores nothing twice. Runs after each answer, when the network returns, and on a back-off timer.
 * Each answer goes as the device recorded it: with the order its options were shown in, and a
 * story decision taken again marked `replay` (the server keeps those apart from first choices).
 */
import type { SubmitAnswersResponse } from '@/lib/api/schemas';
import { readDeviceState, updateDeviceState, writeDeviceState } from './device-state';
import { devicePairingCode } from './pairing-code';

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
      // Given after the class session closed: kept on the device, never sent again.
      const tooLate = new Set(body.receipts.filter((r) => r.status === 'session_closed').map((r) => r.id));
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
          body: JSON.stringify({ id: state.participantId, locale: state.locale, pairingCode }),
        });
    if (response.status === 409) {
      // The session closed before this device could join: its answers stay on the device.
      updateDeviceState(this.moduleId, (s) => ({ ...s, outbox: [], refused: [...s.refused, ...s.outbox] }));
      return;
    }
    if (!response.ok) throw new Error(`participants: HTTP ${response.status}`);
    const latest = readDeviceState(this.moduleId);
    if (latest) writeDeviceState(this.moduleId, { ...latest, participantCreated: true });
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
