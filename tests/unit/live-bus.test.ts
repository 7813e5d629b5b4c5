import { describe, expect, it } from 'vitest';
import { createPostgresBus, type ClassSignal } from '@/lib/server/live/bus';
import { postgresServerForTests } from './db-engines';

const serverUrl = postgresServerForTests();
const SESSION = '5d2c1b0a-9e8f-4a7b-8c6d-1e2f3a4b5c6d';

/** LISTEN/NOTIFY needs a PostgreSQL server: this runs when TEST_DATABASE_URL names one (CI does). */
describe.runIf(serverUrl !== undefined)('the PostgreSQL event bus', () => {
  it('carries a signal published by one instance to another', async () => {
    const url = serverUrl ?? '';
    const a = createPostgresBus(url);
    const b = createPostgresBus(url);
    try {
      const received = new Promise<ClassSignal>((resolve) => b.subscribe(resolve));
      // Give b's LISTEN a moment to be in place: publish until it hears one.
      let heard: ClassSignal | undefined;
      void received.then((signal) => (heard = signal));
      for (let i = 0; i < 50 && heard === undefined; i += 1) {
        a.publish({ classSessionId: SESSION, change: 'state' });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await received).toEqual({ classSessionId: SESSION, change: 'state' });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
