import 'server-only';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import type { Locale } from '@/i18n/routing';
import type { ClassSessionRow } from '@/lib/db/schema';
import { canAccessClassSession } from '@/lib/domain/staff-access';
import { requireStaff, type Staff } from './auth/current-staff';
import { findClassSession } from './class-sessions';
import { getDatabase } from './database';

/**
 * For a teacher's session pages: the signed-in staff member and the session, or a 404 when the
 * id is malformed, the session doesn't exist or belongs to another organisation (the same 404
 * for all three, so a page tells no one which sessions exist).
 */
export async function requireSessionPage(locale: Locale, sessionId: string, path: string): Promise<{ staff: Staff; session: ClassSessionRow }> {
  const staff = await requireStaff(locale, undefined, path);
  if (!z.uuid().safeParse(sessionId).success) notFound();
  const session = await findClassSession(await getDatabase(), sessionId);
  if (!session || !canAccessClassSession(staff, session)) notFound();
  return { staff, session };
}
