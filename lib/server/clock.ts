import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';

/**
 * The time as one class session's closing and report release see it (README.md, "Quick start").
 *
 * In production this is `now`, unchanged. The end-to-end tests check that a session closes at
 * its closing time and that its report appears a minute after it stops taking answers; waiting
 * for those real minutes made them the slowest tests of the run. So playwright.config.ts starts
 * its servers with E2E_SESSION_CLOCK_DIR, a folder of its own, and a test moves one session's
 * clock on by writing a file named by the session's id holding the milliseconds to add
 * (tests/e2e/support/session-clock.ts). Only that session is affected, so tests running side by
 * side on the same server keep the real time. The setting is read from the server's own
 * environment and the folder from its own disk: nothing a request carries can reach it.
 */
export function sessionNow(sessionId: string, now: Date, clockDir: string | undefined = env.E2E_SESSION_CLOCK_DIR): Date {
  if (clockDir === undefined) return now;
  const offset = sessionClockOffset(clockDir, sessionId);
  return offset === 0 ? now : new Date(now.getTime() + offset);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The milliseconds a test moved this session's clock on: 0 without a file, and never backwards. */
function sessionClockOffset(clockDir: string, sessionId: string): number {
  // Session ids are UUIDs; anything else is never a file name here.
  if (!UUID.test(sessionId)) return 0;
  let text: string;
  try {
    text = readFileSync(path.join(clockDir, sessionId), 'utf8');
  } catch {
    return 0;
  }
  const offset = Number(text.trim());
  return Number.isSafeInteger(offset) && offset > 0 ? offset : 0;
}
