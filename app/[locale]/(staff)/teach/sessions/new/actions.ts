'use server';

import { redirect } from '@/i18n/navigation';
import { isLocale, routing } from '@/i18n/routing';
import { requireStaff } from '@/lib/server/auth/current-staff';
import type { NewSessionState } from '@/lib/api/class-session-schemas';
import { createClassSessionFromForm } from '@/lib/server/class-session-forms';

/** Creates a class session from the form, or returns its problems with nothing created. */
export async function createSessionAction(_previous: NewSessionState, form: FormData): Promise<NewSessionState> {
  const requested = String(form.get('locale') ?? '');
  const locale = isLocale(requested) ? requested : routing.defaultLocale;
  const staff = await requireStaff(locale, undefined, '/teach/sessions/new');
  const result = await createClassSessionFromForm(staff, form, new Date());
  if (!result.ok) {
    const values = Object.fromEntries([...form.entries()].flatMap(([key, value]) => (typeof value === 'string' ? [[key, value]] : [])));
    return { problems: result.problems, values };
  }
  return redirect({ href: `/teach/sessions/${result.session.id}`, locale });
}
