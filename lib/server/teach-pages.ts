import 'server-only';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import type { Locale } from '@/i18n/routing';
import type { ClassSessionRow } from '@/lib/db/schema';
import { sessionJourneyOptions } from '@/lib/domain/session-journey';
import { canAccessClassSession, canReadClassReport } from '@/lib/domain/staff-access';
import { requireStaff, type Staff } from './auth/current-staff';
import { findClassSession } from './class-sessions';
import { getDatabase } from './database';
import { joinLink, qrCodeSvg } from './join-link';
import { readTeacherLiveView } from './live/snapshots';
import { sessionOutline } from './session-outline';
import { moduleOfSession } from './session-module';

/**
 * For a session's live screens: the signed-in staff member and the session, or a 404 when the
 * id is malformed, the session doesn't exist or isn't theirs to run (the same 404 for all
 * three, so a page tells no one which sessions exist; canAccessClassSession).
 */
export async function requireSessionPage(locale: Locale, sessionId: string, path: string): Promise<{ staff: Staff; session: ClassSessionRow }> {
  const staff = await requireStaff(locale, undefined, path);
  if (!z.uuid().safeParse(sessionId).success) notFound();
  const session = await findClassSession(await getDatabase(), sessionId, new Date());
  if (!session || !canAccessClassSession(staff, session)) notFound();
  return { staff, session };
}

/**
 * For a class report: the signed-in teacher and their organisation's session, or the same 404
 * for anyone else, an officer included (canReadClassReport).
 */
export async function requireReportPage(locale: Locale, sessionId: string, path: string): Promise<{ staff: Staff; session: ClassSessionRow }> {
  const staff = await requireStaff(locale, undefined, path);
  if (!z.uuid().safeParse(sessionId).success) notFound();
  const session = await findClassSession(await getDatabase(), sessionId, new Date());
  if (!session || !canReadClassReport(staff, session)) notFound();
  return { staff, session };
}

/** Everything the teacher's live screens (dashboard and projector) start from. */
export async function loadLiveScreen(locale: Locale, sessionId: string, path: string) {
  const { staff, session } = await requireSessionPage(locale, sessionId, path);
  const link = joinLink(session.joinCode, await headers());
  // The session's own module and version, kept when a newer version is published.
  const module = await moduleOfSession(await getDatabase(), session);
  const [qrSvg, outline, view] = await Promise.all([
    qrCodeSvg(link),
    sessionOutline(locale, sessionJourneyOptions(session), module),
    readTeacherLiveView(await getDatabase(), session.id, new Date()),
  ]);
  if (!view) notFound();
  return { staff, session, link, qrSvg, outline, view, module };
}
