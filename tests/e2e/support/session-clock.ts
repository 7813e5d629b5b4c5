/**
 * Moves one class session's clock on, so a test sees it close at its closing time, or its report
 * appear a minute after the end, without waiting those minutes (lib/server/clock.ts,
 * README.md, "Quick start"). The server reads the file named by the session's id in the folder
 * playwright.config.ts gave it; every other session keeps the real time. A phone or page that
 * waits for the same moment moves its own clock with Playwright's `page.clock`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function clockFile(sessionId: string): string {
  const dir = process.env.E2E_SESSION_CLOCK_DIR;
  if (!dir) throw new Error('E2E_SESSION_CLOCK_DIR is unset: playwright.config.ts sets it for its servers and workers');
  return path.join(dir, sessionId);
}

/** How far the session's clock has been moved on so far, in milliseconds. */
export function sessionClockOffset(sessionId: string): number {
  try {
    return Number(readFileSync(clockFile(sessionId), 'utf8'));
  } catch {
    return 0;
  }
}

/** Moves the session's clock on by `ms` more. */
export function moveSessionClock(sessionId: string, ms: number): void {
  if (!Number.isSafeInteger(ms) || ms <= 0) throw new Error(`a session clock only moves on, by whole milliseconds: ${ms}`);
  writeFileSync(clockFile(sessionId), String(sessionClockOffset(sessionId) + ms));
}
