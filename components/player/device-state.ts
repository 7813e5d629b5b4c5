/**
 * Everything the student's progress needs, kept on the device (localStorage) so a reload, a
 * closed tab or a dropped network loses nothing. Answers wait in an outbox until the server
 * acknowledges their ids (see sync.ts). Own if–then plans live here and are never sent.
 * The device's pairing code is not kept here but once per device (pairing-code.ts): it is sent
 * once, when a participant is created, and the server stores it only hashed.
 */
import type { Answer } from '@/lib/api/schemas';
import type { Locale } from '@/i18n/routing';

export interface OwnPlan {
  if: string;
  then: string;
}

export interface DeviceState {
  participantId: string;
  /**
   * The seed of this device's option orders (lib/domain/shuffle.ts): random, made once, so a
   * reload shows every question's options in the same order and another device in another.
   */
  orderSeed: string;
  participantCreated: boolean;
  locale: Locale;
  position: number;
  /** By answer key (`phase:itemId`; a story decision taken again, `replayKey`). */
  answers: Record<string, Answer>;
  /** Answer keys the server has not yet acknowledged. */
  outbox: string[];
  /** Answer keys the server refused as invalid: kept, never silently dropped. */
  refused: string[];
  /**
   * Node ids visited per scenario, in order; under `replay:` and the scenario id, the path of a
   * story taken again from its last decision after the ending (components/scenario/ScenarioScreen.tsx).
   */
  scenarioPaths: Record<string, string[]>;
  /** Facts whose answer the student has seen. */
  revealed: string[];
  ownPlans: OwnPlan[];
  /**
   * On your own: the choice made at the end of the core. Absent until then; true goes on to the
   * deeper sections, false finishes with the summary (decision note 014).
   */
  deeper?: boolean;
}

const PREFIX = 'rk:v1:';
const listeners = new Set<() => void>();
const cache = new Map<string, DeviceState | null>();

/** One store per module on your own, one per class session in a class: a device may be in several. */
export function sessionStoreKey(moduleId: string, sessionId: string): string {
  return `${moduleId}@${sessionId}`;
}

/** The localStorage key of one journey's state: also read before the first paint (ResumeMarker.tsx). */
export function deviceStorageKey(moduleId: string): string {
  return `${PREFIX}${moduleId}`;
}

export function newDeviceState(locale: Locale): DeviceState {
  return {
    participantId: crypto.randomUUID(),
    orderSeed: crypto.randomUUID(),
    participantCreated: false,
    locale,
    position: 0,
    answers: {},
    outbox: [],
    refused: [],
    scenarioPaths: {},
    revealed: [],
    ownPlans: [],
  };
}

function isDeviceState(value: unknown): value is DeviceState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<DeviceState>;
  return (
    typeof v.participantId === 'string' &&
    typeof v.position === 'number' &&
    typeof v.answers === 'object' &&
    Array.isArray(v.outbox) &&
    Array.isArray(v.revealed) &&
    typeof v.scenarioPaths === 'object'
  );
}

export function readDeviceState(moduleId: string): DeviceState | null {
  const key = deviceStorageKey(moduleId);
  if (cache.has(key)) return cache.get(key) ?? null;
  let state: DeviceState | null = null;
  try {
    const raw = window.localStorage.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    state = isDeviceState(parsed) ? upgrade(parsed) : null;
  } catch {
    // Storage blocked (private mode) or corrupt: start afresh rather than stall the student.
    state = null;
  }
  cache.set(key, state);
  return state;
}

/**
 * A state saved by an earlier version: fields added since get their empty value, and the
 * per-state `pairingCode` of old (never sent) is dropped, since the device-wide code replaces it.
 * The order seed of an older state is its participant id, as the ordering questions used, so
 * nothing on screen moves before the state is next saved.
 */
function upgrade(saved: DeviceState & { pairingCode?: unknown }): DeviceState {
  const { pairingCode: _replaced, ...state } = saved;
  return { ...state, orderSeed: state.orderSeed ?? state.participantId, refused: state.refused ?? [], ownPlans: state.ownPlans ?? [] };
}

export function writeDeviceState(moduleId: string, state: DeviceState | null): void {
  const key = deviceStorageKey(moduleId);
  cache.set(key, state);
  try {
    if (state) window.localStorage.setItem(key, JSON.stringify(state));
    else window.localStorage.removeItem(key);
  } catch {
    // Storage full or blocked: the in-memory copy still carries this visit.
  }
  for (const listener of listeners) listener();
}

export function updateDeviceState(moduleId: string, change: (state: DeviceState) => DeviceState): DeviceState | null {
  const current = readDeviceState(moduleId);
  if (!current) return null;
  const next = change(current);
  writeDeviceState(moduleId, next);
  return next;
}

export function subscribeDeviceState(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key?.startsWith(PREFIX)) {
      cache.delete(event.key);
      listener();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The key a story decision taken again after its ending is kept under: never the first choice's. */
export function replayKey(answerKeyOfDecision: string): string {
  return `replay:${answerKeyOfDecision}`;
}

/** Records an answer once: a second answer to the same key (a double tap) is ignored. */
export function recordAnswer(state: DeviceState, key: string, answer: Answer): DeviceState {
  if (state.answers[key]) return state;
  return { ...state, answers: { ...state.answers, [key]: answer }, outbox: [...state.outbox, key] };
}
