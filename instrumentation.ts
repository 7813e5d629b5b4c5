/**
 * Runs once when a Next.js server starts, before it serves requests: opens and migrates the
 * database, so `npm start` creates the embedded store at once and a bad DATABASE_URL fails
 * at start-up, not on a student's first answer. While no staff account exists, it then prints
 * the one-time link that creates the first administrator (lib/server/auth/setup.ts).
 */
export async function register(): Promise<void> {
  // The edge runtime can't open a database; only the Node.js server does.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { databaseOptionsFromEnv, describeDatabase, getDatabaseHandle } = await import('@/lib/db/client');
  const handle = await getDatabaseHandle();
  console.info(`[db] ${handle.engine} ready and migrated: ${describeDatabase(databaseOptionsFromEnv())}`);

  const [{ env, publicOrigin }, { announceSetupLink }] = await Promise.all([
    import('@/lib/env'),
    import('@/lib/server/auth/setup'),
  ]);
  await announceSetupLink(handle.db, { origin: publicOrigin(env), file: env.SETUP_LINK_FILE });
}
