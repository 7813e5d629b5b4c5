import 'server-only';
import { getMessages } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { estimateJourney, screenTextsFromMessages } from '@/lib/content/reading-time';
import { buildJourney, type JourneyPath } from '@/lib/domain/journey';
import { newClassSessionFormSchema, MAX_OPEN_DAYS, type FormProblem } from '@/lib/api/class-session-schemas';
import type { ClassSessionRow } from '@/lib/db/schema';
import { checkOpening } from '@/lib/domain/session-lifecycle';
import { canRunSessionsFor } from '@/lib/domain/staff-access';
import type { Staff } from './auth/current-staff';
import { createClassSession } from './class-sessions';
import { getDatabase } from './database';
import { currentModuleVersion, DEFAULT_MODULE_ID } from '@/lib/content/modules';
import { findFollowableSession } from './follow-ups';
import { listOrganisations } from './organisations';
import { currentModule } from './session-module';

export type { FormProblem } from '@/lib/api/class-session-schemas';

export type CreateFromFormResult = { ok: true; session: ClassSessionRow } | { ok: false; problems: FormProblem[] };

const KEYS = new Set<string>(['module', 'organisation', 'mode', 'path', 'closesAtMissing', 'closesAtFormat', 'closesAtPast', 'closesAtTooFar', 'followUpOf', 'opensOnFormat']);

/** A schema issue as a form problem: the schema's messages are the keys; anything else falls back per field. */
function problemOf(issue: { path: PropertyKey[]; message: string }): FormProblem {
  const name = String(issue.path[0] ?? '');
  const field: FormProblem['field'] =
    name === 'moduleId' || name === 'organisationId' || name === 'mode' || name === 'path' || name === 'followUpOf' || name === 'opensOn' ? name : 'closesAt';
  const fallback: FormProblem['key'] =
    field === 'moduleId'
      ? 'module'
      : field === 'organisationId'
      ? 'organisation'
      : field === 'mode'
        ? 'mode'
        : field === 'path'
          ? 'path'
          : field === 'followUpOf'
            ? 'followUpOf'
            : field === 'opensOn'
              ? 'opensOnFormat'
              : 'closesAtFormat';
  return { field, key: KEYS.has(issue.message) ? (issue.message as FormProblem['key']) : fallback };
}

/** Checks the teacher's form and creates the session; nothing is created when anything is wrong. */
export async function createClassSessionFromForm(staff: Staff, form: FormData, now: Date): Promise<CreateFromFormResult> {
  const parsed = newClassSessionFormSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    return { ok: false, problems: dedupe(parsed.error.issues.map(problemOf)) };
  }
  const { moduleId: chosenModule, organisationId, mode, beforeAfter, path, closesAt, followUpOf, opensAt, timezoneOffset } = parsed.data;
  const problems: FormProblem[] = [];
  const db = await getDatabase();
  // A follow-up pairs with the devices of a session its teacher may see, in the same organisation.
  const follows = followUpOf === null ? null : await findFollowableSession(db, staff, followUpOf);
  if (followUpOf !== null && (follows === null || follows.organisationId !== organisationId)) problems.push({ field: 'followUpOf', key: 'followUpOf' });
  // A published module; a follow-up recaps the module its first session ran, whatever was sent.
  const moduleId = follows?.moduleId ?? chosenModule ?? DEFAULT_MODULE_ID;
  const published = await currentModuleVersion(db, moduleId);
  if (published === undefined) problems.push({ field: 'moduleId', key: 'module' });
  const organisationExists = (await listOrganisations(db)).some((o) => o.id === organisationId);
  if (!organisationExists || !canRunSessionsFor(staff, organisationId)) problems.push({ field: 'organisationId', key: 'organisation' });
  if (closesAt !== null && closesAt.getTime() <= now.getTime()) problems.push({ field: 'closesAt', key: 'closesAtPast' });
  // A planned follow-up may stay open as long after its opening day as any session after today.
  const opensFrom = Math.max(now.getTime(), opensAt?.getTime() ?? 0);
  if (closesAt !== null && closesAt.getTime() > opensFrom + MAX_OPEN_DAYS * 86_400_000) problems.push({ field: 'closesAt', key: 'closesAtTooFar' });
  const opening = opensAt === null ? null : checkOpening({ opensAt, closesAt }, now, timezoneOffset);
  if (opening !== null) problems.push({ field: opening === 'closesAtBeforeOpens' ? 'closesAt' : 'opensOn', key: opening });
  if (problems.length > 0) return { ok: false, problems };
  // The module's current version: the session keeps it when a newer one is published.
  const { version } = await currentModule(db, moduleId);
  const session = await createClassSession(db, {
    moduleId,
    contentVersion: version,
    organisationId,
    hostId: staff.id,
    mode,
    beforeAfter,
    // A follow-up asks its own short set of questions whatever the path; it keeps the default.
    ...(followUpOf === null ? { path } : {}),
    closesAt,
    followUpOf,
    // Today's date opens at once.
    opensAt: opensAt !== null && opensAt.getTime() > now.getTime() ? opensAt : null,
  });
  return { ok: true, session };
}

function dedupe(problems: FormProblem[]): FormProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => (seen.has(p.field) ? false : (seen.add(p.field), true)));
}

/** The reading-time model's whole minutes of each path a teacher can choose, with and without the before/after questions. */
export type PathMinutes = Record<JourneyPath, { withBeforeAfter: number; without: number }>;

/** Beside each choice on the form, in the teacher's language: what the class will need of a module (decision note 014). */
export async function sessionPathMinutes(locale: Locale, moduleId: string = DEFAULT_MODULE_ID): Promise<PathMinutes> {
  const [{ structure, text }, messages] = await Promise.all([currentModule(await getDatabase(), moduleId), getMessages({ locale })]);
  const input = { structure, text: text[locale], locale, screens: screenTextsFromMessages(messages.Player) };
  const minutes = (path: JourneyPath, beforeAfter: boolean) => Math.round(estimateJourney(buildJourney(structure, { path, beforeAfter }), input).seconds / 60);
  return {
    core: { withBeforeAfter: minutes('core', true), without: minutes('core', false) },
    full: { withBeforeAfter: minutes('full', true), without: minutes('full', false) },
  };
}
