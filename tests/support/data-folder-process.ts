/**
 * A process of its own that takes an embedded data folder, for tests/unit/data-folder-processes.test.ts:
 * - `start`: the app's start-up as `next start` runs it (instrumentation.ts `register()`, with
 *   DATA_DIR and DATABASE_URL from the environment), then prints `ready <pid>`;
 * - `lock <folder> <at>`: at the time `at` (ms since the epoch, so several processes race),
 *   only takes the folder's lock, then prints `locked <pid>`.
 * Either holds on until killed. SIGTERM exits normally, as Next's own handler does.
 * Run with `node --conditions=react-server --import tsx` (lib/server modules are server-only).
 */
import { lockDataFolder } from '@/lib/db/data-folder-lock';

process.on('SIGTERM', () => process.exit(143));
const [mode, folder, at] = process.argv.slice(2);

if (mode === 'start') {
  process.env.NEXT_RUNTIME = 'nodejs';
  const { register } = await import('@/instrumentation');
  await register();
  console.log(`ready ${process.pid}`);
} else if (mode === 'lock' && folder !== undefined && at !== undefined) {
  // Sleep until just before the moment, then spin to it, so the newcomers start as close together
  // as the machine allows.
  const moment = Number(at);
  await new Promise((resolve) => setTimeout(resolve, moment - Date.now() - 50));
  while (performance.timeOrigin + performance.now() < moment);
  try {
    lockDataFolder(folder);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  console.log(`locked ${process.pid}`);
} else {
  console.error('usage: data-folder-process.ts start | lock <folder> <at>');
  process.exit(2);
}
setInterval(() => undefined, 60_000);
