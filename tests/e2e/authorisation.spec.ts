/**
 * Issue 12, part 8: the authorisation matrix as a test. Six roles (anonymous, a student in
 * teacher A's class, teacher A, teacher B of another school, an officer, an administrator) ×
 * every staff page, route handler and export, each cell exactly the expected outcome:
 * - `ok`: the page or file (2xx; a class report's CSV may answer 409 while its figures are held back);
 * - `sign-in`: a page sends a signed-out visitor to sign in;
 * - `404`: the same answer as for something that doesn't exist (wrong role, not theirs);
 * - `401`: the JSON API's "sign in first".
 * A teacher's command is sent with an invalid body, so an allowed cell answers 400 and changes
 * nothing. Student pages and the student API are open to everyone and are listed too: a
 * participant id is the only credential a phone has (DESIGN.md, "Privacy by design").
 */
import http from 'node:http';
import type { Browser, BrowserContext } from '@playwright/test';
import { createSession, joinAsApiPhone, newTeacher } from './support/class-session';
import { expect, test } from './support/fixtures';
import { acceptInvite, ensureAdministrator, inviteStaff } from './support/staff';

type Role = 'anonymous' | 'student' | 'teacherA' | 'teacherB' | 'officer' | 'administrator';
type Outcome = 'ok' | 'sign-in' | '404' | '401' | '400';
const ROLES: Role[] = ['anonymous', 'student', 'teacherA', 'teacherB', 'officer', 'administrator'];

interface Target {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** Expected outcome for each role, in ROLES order. */
  expect: Record<Role, Outcome>;
}

/** The same outcome for every role but the listed ones. */
function cells(fallback: Outcome, except: Partial<Record<Role, Outcome>> = {}): Record<Role, Outcome> {
  return Object.fromEntries(ROLES.map((role) => [role, except[role] ?? fallback])) as Record<Role, Outcome>;
}

const signedOut = { anonymous: 'sign-in', student: 'sign-in' } as const;
const officers = cells('404', { ...signedOut, officer: 'ok', administrator: 'ok' });

function targets(sessionA: string, joinCodeA: string, participant: string): Target[] {
  const page = (path: string, expected: Record<Role, Outcome>): Target => ({ name: `page ${path}`, method: 'GET', path: `/en-GB${path}`, expect: expected });
  return [
    // Staff pages.
    page('/teach', cells('ok', signedOut)),
    page('/teach/sessions/new', cells('ok', signedOut)),
    page(`/teach/sessions/${sessionA}`, cells('404', { ...signedOut, teacherA: 'ok' })),
    page(`/teach/sessions/${sessionA}/projector`, cells('404', { ...signedOut, teacherA: 'ok' })),
    page(`/teach/sessions/${sessionA}/report`, cells('404', { ...signedOut, teacherA: 'ok' })),
    page('/results', officers),
    page('/results/questions', officers),
    page('/results/knowledge', officers),
    page('/results/report', officers),
    page('/admin', cells('404', { ...signedOut, officer: 'ok', administrator: 'ok' })),
    page('/admin/invites', cells('404', { ...signedOut, officer: 'ok', administrator: 'ok' })),
    page('/admin/people', cells('404', { ...signedOut, administrator: 'ok' })),
    page('/admin/organisations', cells('404', { ...signedOut, administrator: 'ok' })),
    // Exports: signed out gets the same 404 as a file that doesn't exist.
    { name: 'class report CSV', method: 'GET', path: `/en-GB/teach/sessions/${sessionA}/report/csv`, expect: cells('404', { teacherA: 'ok' }) },
    { name: 'results CSV', method: 'GET', path: '/en-GB/results/report/csv', expect: cells('404', { officer: 'ok', administrator: 'ok' }) },
    // Staff route handlers.
    { name: 'results API', method: 'GET', path: '/api/v1/results', expect: cells('404', { anonymous: '401', student: '401', officer: 'ok', administrator: 'ok' }) },
    {
      name: 'teacher commands',
      method: 'POST',
      path: `/api/v1/teach/class-sessions/${sessionA}/commands`,
      body: '{}',
      expect: cells('404', { anonymous: '401', student: '401', teacherA: '400' }),
    },
    { name: 'teacher events', method: 'GET', path: `/api/v1/teach/class-sessions/${sessionA}/events`, expect: cells('404', { anonymous: '401', student: '401', teacherA: 'ok' }) },
    // Student pages and API: open to all.
    page('/learn', cells('ok')),
    page(`/session/${joinCodeA}`, cells('ok')),
    { name: 'class session state', method: 'GET', path: `/api/v1/class-sessions/${joinCodeA}`, expect: cells('ok') },
    { name: 'progress by participant id', method: 'GET', path: `/api/v1/participants/${participant}/progress`, expect: cells('ok') },
  ];
}

/** One request with a context's cookies, following no redirects; an event stream is cut after its status. */
async function outcomeOf(baseURL: string, context: BrowserContext | null, target: Target): Promise<Outcome | string> {
  const url = new URL(target.path, baseURL);
  const cookies = context ? await context.cookies(url.toString()) : [];
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const { status, location } = await new Promise<{ status: number; location: string | undefined }>((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: target.method,
        path: url.pathname + url.search,
        headers: {
          ...(cookie ? { cookie } : {}),
          origin: `${url.protocol}//${url.host}`,
          'sec-fetch-site': 'same-origin',
          ...(target.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        agent: false,
      },
      (response) => {
        resolve({ status: response.statusCode ?? 0, location: response.headers.location });
        response.destroy();
      },
    );
    request.on('error', reject);
    request.end(target.body);
  });
  if (status >= 300 && status < 400 && location?.includes('/staff/sign-in')) return 'sign-in';
  if (status === 200 || (status === 409 && target.path.endsWith('/report/csv'))) return 'ok';
  if (status === 400 || status === 401 || status === 404) return String(status) as Outcome;
  return `${status}${location ? ` → ${location}` : ''}`;
}

async function signedInAs(browser: Browser, make: (context: BrowserContext) => Promise<void>): Promise<BrowserContext> {
  const context = await browser.newContext();
  await make(context);
  return context;
}

test('every role meets exactly the expected allow or deny on every staff page, route handler and export', async ({ browser, baseURL, request }) => {
  test.setTimeout(6 * 60_000);
  if (!baseURL) throw new Error('no baseURL');

  const teacherA = await newTeacher(browser, 'Matrix College A');
  const teacherB = await newTeacher(browser, 'Matrix College B');
  const session = await createSession(teacherA.page, { mode: 'live', beforeAfter: false });
  const student = await joinAsApiPhone(request, session.joinCode);

  const administrator = await signedInAs(browser, async (context) => ensureAdministrator(await context.newPage()).then(() => undefined));
  const officer = await signedInAs(browser, async (context) => {
    const admin = await administrator.newPage();
    const link = await inviteStaff(admin, { role: 'officer' });
    await admin.close();
    const suffix = Math.random().toString(36).slice(2, 10);
    await acceptInvite(await context.newPage(), link, { name: `Officer ${suffix}`, email: `officer-${suffix}@council.example`, password: `officer passphrase ${suffix}` });
  });

  const contexts: Record<Role, BrowserContext | null> = {
    anonymous: null,
    student: null, // a phone has no cookie: its participant id is all it holds
    teacherA: teacherA.context,
    teacherB: teacherB.context,
    officer,
    administrator,
  };

  const all = targets(session.id, session.joinCode, student.participantId);
  const wrong: string[] = [];
  let checked = 0;
  for (const target of all) {
    for (const role of ROLES) {
      const got = await outcomeOf(baseURL, contexts[role], target);
      checked += 1;
      if (got !== target.expect[role]) wrong.push(`${target.name} as ${role}: expected ${target.expect[role]}, got ${got}`);
    }
  }
  console.log(`authorisation matrix: ${all.length} targets × ${ROLES.length} roles = ${checked} cells`);
  expect(wrong).toEqual([]);
  expect(checked).toBe(all.length * ROLES.length);

  for (const context of [teacherA.context, teacherB.context, officer, administrator]) await context.close();
});
