import 'server-only';
import { env } from '@/lib/env';
import { getDatabase } from '../database';
import { createMemoryBus, createPostgresBus } from './bus';
import { createClassHub, type ClassHub } from './hub';
import { createLiveSnapshots } from './snapshots';

/**
 * The app's one class hub per process. With DATABASE_URL the bus is PostgreSQL LISTEN/NOTIFY,
 * so instances behind a load balancer share commands; with the embedded store there is one
 * instance and the bus stays in memory. Kept on globalThis for the same reason as the database:
 * the dev server re-evaluates modules, and two hubs would split the streams between them.
 */
const store = globalThis as typeof globalThis & { __roadsKillClassHub?: ClassHub };

export function getClassHub(): ClassHub {
  if (!store.__roadsKillClassHub) {
    const bus =
      env.DATABASE_URL === undefined
        ? createMemoryBus()
        : createPostgresBus(env.DATABASE_URL, { onReconnect: () => store.__roadsKillClassHub?.refreshAll() });
    store.__roadsKillClassHub = createClassHub({ bus, snapshots: createLiveSnapshots(getDatabase) });
  }
  return store.__roadsKillClassHub;
}
