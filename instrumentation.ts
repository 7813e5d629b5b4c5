/**
 * Runs once when a Next.js server starts, before it serves requests: opens and migrates the
 * database, so `npm start` creates the embedded store at once and a bad DATABASE_URL fails
 * at start-up, not on a student's first answer; a data folder another process owns ends this
 * one with a message naming that process (lib/db/data-folder-lock.ts). While no staff account
 * exists, it then prints the one-time link that creates the first administrator
 * (lib/server/auth/setup.ts). It registers each module folder in `content/` as a published
 * version unless those files are stored already (lib/content/modules.ts). With `--demo` (DEMO_DATA=1) it loads the synthetic demo data
 * once; then it starts the daily retention job (lib/server/retention.ts), the hourly refresh
 * of session summaries and, on PGlite, a quarter-hourly ANALYZE.
 */
export async function register(): Promise<void> {
  // The edge runtime can't open a database; only the Node.js server does.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // A refused setting (DISCLOSURE_EXPORT_K=3, a malformed DATABASE_URL) ends the process with its
  // message, before anything serves: a server that stays up would answer every page with 500.
  try {
    await import('@/lib/env');
  } catch (error) {
    console.error(`[env] ${error instanceof Error ? error.message : String(error)}`);
    return process.exit(1);
  }
  const { DataFolderLockError, databaseOptionsFromEnv, describeDatabase, getDatabaseHandle } = await import('@/lib/db/client');
  const handle = await getDatabaseHandle().catch((error: unknown) => {
    if (!(error instanceof DataFolderLockError)) throw error;
    // Another process owns the data folder: nothing to serve. Next 16 would end the process on
    // the thrown error too, but inside its own wording and a stack trace; say it once, plainly,
    // and stop whatever Next does with a failed register().
    console.error(`[db] ${error.message}`);
    return process.exit(1);
  });
  console.info(`[db] ${handle.engine} ready and migrated: ${describeDatabase(databaseOptionsFromEnv())}`);

  const [{ env, publicOrigin }, { announceSetupLink }, { loadDemoData }, { scheduleRetention }, { scheduleSummaryRefresh }, { ensureContentRegistered }] =
    await Promise.all([
      import('@/lib/env'),
      import('@/lib/server/auth/setup'),
      import('@/lib/server/demo-data'),
      import('@/lib/server/retention'),
      import('@/lib/server/session-summaries'),
      import('@/lib/content/modules'),
    ]);
  // A folder that fails the content check is logged and left out; the others are served.
  await ensureContentRegistered(handle.db);
  await announceSetupLink(handle.db, { origin: publicOrigin(env), file: env.SETUP_LINK_FILE });

  // Never without the flag: a real deployment must not show made-up schools.
  if (env.DEMO_DATA) {
    try {
      await loadDemoData(handle.db, { now: new Date() });
    } catch (error) {
      // The app works without the demo data; say why it is missing and carry on.
      console.error('[demo] could not load the demo data:', error);
    }
  }

  // Once now, then every 24 hours; a failure is logged and the app serves on.
  scheduleRetention(handle.db, env.RETENTION_DAYS);
  // Officers' results read stored summaries; keep them close to the answers in the background.
  scheduleSummaryRefresh(handle.db);
  // PGlite has no autovacuum: keep the planner's statistics current (lib/db/statistics.ts).
  const { scheduleStatistics } = await import('@/lib/db/statistics');
  scheduleStatistics(handle);
}
