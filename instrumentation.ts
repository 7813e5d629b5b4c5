/**
 * Runs once when a Next.js server starts, before it serves requests: opens and migrates the
 * database, so `npm start` creates the embedded store at once and a bad DATABASE_URL fails
 * at start-up, not on a student's first answer.
 */
export async function register(): Promise<void> {
  // The edge runtime can't open a database; only the Node.js server does.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { databaseOptionsFromEnv, describeDatabase, getDatabaseHandle } = await import('@/lib/db/client');
  const handle = await getDatabaseHandle();
  console.info(`[db] ${handle.engine} ready and migrated: ${describeDatabase(databaseOptionsFromEnv())}`);
}
