import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Answer } from '@/lib/api/schemas';
import { newDeviceState, readDeviceState, writeDeviceState } from '@/components/player/device-state';
import { AnswerSync, isWorthRetrying } from '@/components/player/sync';

/**
 * The device's queue against a server that answers in every way it can: which responses keep
 * answers queued for another try, which move them to the refused list, and that the client
 * waits as long as Retry-After asks. The server is a stub of fetch; the device's storage a Map.
 */

const MODULE = 'sync-test';

function answer(itemId: string): Answer {
  return {
    id: randomUUID(),
    itemId,
    phase: 'main',
    response: { kind: 'choice', optionIds: ['a'] },
    contentVersion: '0123456789ab',
    answeredAt: new Date().toISOString(),
  };
}

function queue(...items: string[]) {
  const state = newDeviceState('en-GB');
  const answers = Object.fromEntries(items.map((itemId) => [`main:${itemId}`, answer(itemId)]));
  writeDeviceState(MODULE, { ...state, participantCreated: true, answers, outbox: Object.keys(answers) });
  return answers;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

let store: Map<string, string>;
let fetchMock: ReturnType<typeof vi.fn>;

beforeEach(() => {
  store = new Map();
  vi.stubGlobal('window', {
    localStorage: {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
      removeItem: (key: string) => void store.delete(key),
    },
  });
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
  writeDeviceState(MODULE, null);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('isWorthRetrying', () => {
  it('retries a busy or absent server and a timeout, and nothing the server refused', () => {
    expect([408, 429, 500, 502, 503, 504].every(isWorthRetrying)).toBe(true);
    expect([400, 401, 403, 405, 409, 413, 415, 422].some(isWorthRetrying)).toBe(false);
  });
});

describe('AnswerSync', () => {
  it('sends the time of sending with each batch, so the server can correct a wrong clock', async () => {
    queue('q1');
    fetchMock.mockImplementation(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { answers: Answer[]; sentAt: string };
      expect(Math.abs(Date.parse(body.sentAt) - Date.now())).toBeLessThan(5_000);
      return json({ receipts: body.answers.map((a) => ({ id: a.id, status: 'stored' })) });
    });
    await new AnswerSync(MODULE).flush();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(readDeviceState(MODULE)?.outbox).toEqual([]);
  });

  it('moves one refused answer to the refused list and clears the stored rest of its batch', async () => {
    const answers = queue('q1', 'q2', 'q3');
    const bad = answers['main:q2']?.id;
    fetchMock.mockImplementation(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { answers: Answer[] };
      return json({
        receipts: body.answers.map((a) =>
          a.id === bad ? { id: a.id, status: 'refused', issues: [{ path: 'answers.1.answeredAt', message: 'no' }] } : { id: a.id, status: 'stored' },
        ),
      });
    });
    await new AnswerSync(MODULE).flush();
    const state = readDeviceState(MODULE);
    expect(state?.outbox).toEqual([]);
    expect(state?.refused).toEqual(['main:q2']);
    // Kept on the device: nothing the student gave is lost.
    expect(state?.answers['main:q2']?.id).toBe(bad);
  });

  it.each([400, 403, 413, 422])('keeps a batch answered %i on the device as refused, and does not send it again', async (status) => {
    queue('q1', 'q2');
    fetchMock.mockResolvedValue(json({ error: { code: 'x', message: 'x' } }, status));
    const sync = new AnswerSync(MODULE);
    await sync.flush();
    await sync.flush();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(readDeviceState(MODULE)?.outbox).toEqual([]);
    expect(readDeviceState(MODULE)?.refused).toEqual(['main:q1', 'main:q2']);
    sync.stop();
  });

  it.each([429, 500, 503])('keeps a batch answered %i queued and tries again', async (status) => {
    vi.useFakeTimers();
    queue('q1');
    fetchMock.mockResolvedValueOnce(json({ error: { code: 'x', message: 'x' } }, status));
    fetchMock.mockImplementation(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { answers: Answer[] };
      return json({ receipts: body.answers.map((a) => ({ id: a.id, status: 'stored' })) });
    });
    const sync = new AnswerSync(MODULE);
    await sync.flush();
    expect(readDeviceState(MODULE)?.outbox).toEqual(['main:q1']);
    expect(readDeviceState(MODULE)?.refused).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(readDeviceState(MODULE)?.outbox).toEqual([]);
    sync.stop();
  });

  it('waits as long as Retry-After asks before sending again', async () => {
    vi.useFakeTimers();
    queue('q1');
    fetchMock.mockResolvedValueOnce(json({ error: { code: 'database_unavailable', message: 'x' } }, 503, { 'Retry-After': '7' }));
    fetchMock.mockImplementation(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { answers: Answer[] };
      return json({ receipts: body.answers.map((a) => ({ id: a.id, status: 'stored' })) });
    });
    const sync = new AnswerSync(MODULE);
    await sync.flush();
    await vi.advanceTimersByTimeAsync(6_500);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(readDeviceState(MODULE)?.outbox).toEqual([]);
    sync.stop();
  });

  it('registers a device that answered offline for its own module, at the version its answers were given under', async () => {
    queue('q1');
    writeDeviceState(MODULE, { ...(readDeviceState(MODULE) ?? newDeviceState('en-GB')), participantCreated: false });
    const registrations: unknown[] = [];
    fetchMock.mockImplementation(async (url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { answers: Answer[] };
      if (url === '/api/v1/participants') {
        registrations.push(body);
        return json({ id: 'x', created: true }, 201);
      }
      return json({ receipts: body.answers.map((a) => ({ id: a.id, status: 'stored' })) });
    });
    await new AnswerSync(MODULE).flush();
    expect(registrations).toEqual([expect.objectContaining({ moduleId: MODULE, contentVersion: '0123456789ab', locale: 'en-GB' })]);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(readDeviceState(MODULE)?.outbox).toEqual([]);
  });

  it('keeps the answers on the device, refused, when the server knows no such module', async () => {
    queue('q1');
    writeDeviceState(MODULE, { ...(readDeviceState(MODULE) ?? newDeviceState('en-GB')), participantCreated: false });
    fetchMock.mockResolvedValue(json({ error: { code: 'unknown_module', message: 'x' } }, 422));
    const sync = new AnswerSync(MODULE);
    await sync.flush();
    await sync.flush();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(readDeviceState(MODULE)?.outbox).toEqual([]);
    expect(readDeviceState(MODULE)?.refused).toEqual(['main:q1']);
    sync.stop();
  });

  it('keeps everything queued through a network error', async () => {
    queue('q1');
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const sync = new AnswerSync(MODULE);
    const statuses: string[] = [];
    sync.onChange((s) => statuses.push(s));
    await sync.flush();
    expect(statuses.at(-1)).toBe('offline');
    expect(readDeviceState(MODULE)?.outbox).toEqual(['main:q1']);
    sync.stop();
  });
});
