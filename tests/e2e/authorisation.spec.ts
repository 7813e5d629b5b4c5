/**
 * Issue 12, part 8: the authorisation matrix as a test. Six roles (anonymous, a student in
 * teacher A's class, teacher A, teacher B of another school, an officer, an administrator) ×
 * every staff page, route handler, export and Server Action, each cell exactly the expected outcome:
 * - `ok`: the page or file (2xx; a class report's CSV may answer 409 while its figures are held back),
 *   or the action did what its form is for;
 * - `sign-in`: a page or action sends a signed-out visitor to sign in;
 * - `404`: the same answer as for something that doesn't exist (wrong role, not theirs);
 * - `401`: the JSON API's "sign in first";
 * - `refused`: the form's own error (a teacher of another school choosing teacher A's, an officer
 *   inviting an officer, a wrong password or link), with nothing changed.
 * A teacher's command is sent with an invalid body, so an allowed cell answers 400 and changes
 * nothing. Student pages and the student API are open to everyone and are listed too: a
 * participant id is the only credential a phone has (DESIGN.md, "Privacy by design").
 *
 * Server Actions are posted as a browser with JavaScript posts a form: the action id (read from
 * the form on the page, as someone who can see it) in the Next-Action header and the form's fields
 * as multipart data. A deny is decided by what the server then holds, not by the answer alone:
 * the organisations, invites and class sessions each role tried to make are looked for afterwards
 * on the pages that list them, and only the allowed ones are there.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { APIRequestContext, Browser, BrowserContext } from '@playwright/test';
import { createSession, exact, joinAsApiPhone, newTeacher, teachMessages } from './support/class-session';
import { expect, test } from './support/fixtures';
import { acceptInvite, adminMessages, ensureAdministrator, inviteStaff, pathOf, staffMessages } from './support/staff';

type Role = 'anonymous' | 'student' | 'teacherA' | 'teacherB' | 'officer' | 'administrator';
type Outcome = 'ok' | 'sign-in' | '404' | '401' | '400' | 'refused';
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
    page('/studio', officers),
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

// ---- Server Actions ------------------------------------------------------------------------

/**
 * Server Actions are posted from a loopback address of their own, so the failed sign-ins they
 * include count against this test's rate limit only, never against other tests' sign-ins.
 */
const ACTION_ADDRESS = '127.0.0.12';

interface ActionReply {
  status: number;
  /** Where the action sent the browser (`x-action-redirect`, without its `;push`), if anywhere. */
  redirect: string | null;
  body: string;
}

interface ActionTarget {
  name: string;
  /** The page whose form posts the action: the request goes there, as the browser's does. */
  path: string;
  id: string;
  /** What the page binds before the form data: the locale, a link's token, the form's state. */
  bound: unknown[];
  fields: (role: Role) => Record<string, string>;
  /** The action did what its form is for. */
  ok: (reply: ActionReply, role: Role) => boolean;
  /** The form's own error (or, for a link, being sent back to the link's page), nothing done. */
  refused?: (reply: ActionReply, role: Role) => boolean;
  expect: Record<Role, Outcome>;
}

/** A staff form's state before it is first sent (StaffFormState / NewSessionState). */
const staffFormState = { errors: [], values: {} };
const sessionFormState = { problems: [], values: {} };

/**
 * One action posted as React posts a form (encodeReply): the arguments as JSON in part `0`, the
 * form data as `$K1`, its fields as parts `_1_<name>`; with the context's cookies.
 */
async function postAction(baseURL: string, context: BrowserContext | null, action: ActionTarget, role: Role): Promise<ActionReply> {
  const url = new URL(action.path, baseURL);
  const cookies = context ? await context.cookies(url.toString()) : [];
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const form = new FormData();
  for (const [name, value] of Object.entries(action.fields(role))) form.append(`_1_${name}`, value);
  form.append('0', JSON.stringify([...action.bound, '$K1']));
  const encoded = new Response(form);
  const body = Buffer.from(await encoded.arrayBuffer());
  return new Promise<ActionReply>((resolve, reject) => {
    const outgoing = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: url.pathname,
        localAddress: ACTION_ADDRESS,
        agent: false,
        headers: {
          ...(cookie ? { cookie } : {}),
          'next-action': action.id,
          accept: 'text/x-component',
          origin: `${url.protocol}//${url.host}`,
          'content-type': encoded.headers.get('content-type') ?? '',
          'content-length': String(body.length),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const redirect = response.headers['x-action-redirect'];
          resolve({
            status: response.statusCode ?? 0,
            redirect: typeof redirect === 'string' ? redirect.replace(/;(push|replace)$/, '') : null,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function actionOutcome(action: ActionTarget, role: Role, reply: ActionReply): Outcome | string {
  if (reply.status === 404) return '404';
  if (reply.status === 200 && action.ok(reply, role)) return 'ok';
  if (reply.status === 200 && reply.redirect?.startsWith('/en-GB/staff/sign-in?next=')) return 'sign-in';
  if (reply.status === 200 && action.refused?.(reply, role)) return 'refused';
  return `${reply.status}${reply.redirect === null ? '' : ` → ${reply.redirect}`}: ${reply.body.slice(0, 160).replace(/\s+/g, ' ')}`;
}

/** A form's error message as the action's answer carries it (a JSON string in the flight data). */
const carries = (reply: ActionReply, message: string) => reply.redirect === null && reply.body.includes(JSON.stringify(message).slice(1, -1));

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

/**
 * The id of the action a page's form posts, from the page's HTML as `request` gets it: React
 * writes the action's reference into hidden fields of the form (so it works before JavaScript
 * loads). The form is the one around the button labelled `submit`.
 */
async function actionIdOnPage(request: APIRequestContext, pagePath: string, submit: string): Promise<string> {
  const response = await request.get(pagePath, { maxRedirects: 0 });
  expect(response.status(), pagePath).toBe(200);
  const html = await response.text();
  const button = html.indexOf(`>${escapeHtml(submit)}<`);
  expect(button, `a "${submit}" button on ${pagePath}`).toBeGreaterThan(0);
  const form = html.slice(html.lastIndexOf('<form', button), button);
  const id = /&quot;id&quot;:&quot;([0-9a-f]{40,})&quot;|\$ACTION_ID_([0-9a-f]{40,})/.exec(form);
  expect(id, `the action of the "${submit}" form on ${pagePath}`).not.toBeNull();
  return (id?.[1] ?? id?.[2]) as string;
}

/**
 * The first-run setup form is on no page once the first administrator exists (its link is
 * spent before any test can read it), so its id comes from the build's action manifest, which
 * the server under test loads too.
 */
function setupActionId(): string {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const ids = Object.entries(manifest.node).filter(([, entry]) => entry.exportedName === 'setupAction' && entry.filename?.includes('staff/setup/'));
  expect(ids).toHaveLength(1);
  return ids[0]?.[0] as string;
}

/** A token of the right shape that no link was ever made with. */
const madeUpToken = () => randomBytes(32).toString('base64url');

const forStaff = (except: Partial<Record<Role, Outcome>>) => cells('404', { ...signedOut, ...except });

/** The matrix as a table, one row a target, one column a role: what each cell got. */
function table(rows: { name: string; got: Record<Role, string> }[]): string {
  const width = Math.max(...rows.map((row) => row.name.length));
  const column = (text: string) => text.padEnd(14);
  return [
    `${''.padEnd(width)}  ${ROLES.map(column).join('')}`,
    ...rows.map((row) => `${row.name.padEnd(width)}  ${ROLES.map((role) => column(row.got[role].slice(0, 13))).join('')}`),
  ].join('\n');
}

test('every role meets exactly the expected allow or deny on every staff page, route handler, export and Server Action', async ({ browser, baseURL, request }) => {
  test.setTimeout(8 * 60_000);
  if (!baseURL) throw new Error('no baseURL');
  const en = { staff: staffMessages['en-GB'], admin: adminMessages['en-GB'] };

  const teacherA = await newTeacher(browser, 'Matrix College A');
  const teacherB = await newTeacher(browser, 'Matrix College B');
  const session = await createSession(teacherA.page, { mode: 'live', beforeAfter: false });
  const student = await joinAsApiPhone(request, session.joinCode);

  let administratorName = '';
  const administrator = await signedInAs(browser, async (context) => {
    administratorName = (await ensureAdministrator(await context.newPage())).name;
  });
  const suffix = randomUUID().slice(0, 8);
  const officerName = `Officer ${suffix}`;
  let acceptInviteId = '';
  const officer = await signedInAs(browser, async (context) => {
    const admin = await administrator.newPage();
    const link = await inviteStaff(admin, { role: 'officer' });
    await admin.close();
    // The invite form is on the link's page while the link is unused.
    acceptInviteId = await actionIdOnPage(request, pathOf(link), en.staff.invite.submit);
    await acceptInvite(await context.newPage(), link, { name: officerName, email: `officer-${suffix}@council.example`, password: `officer passphrase ${suffix}` });
  });

  const contexts: Record<Role, BrowserContext | null> = {
    anonymous: null,
    student: null, // a phone has no cookie: its participant id is all it holds
    teacherA: teacherA.context,
    teacherB: teacherB.context,
    officer,
    administrator,
  };
  const names: Partial<Record<Role, string>> = { teacherA: teacherA.account.name, teacherB: teacherB.account.name, officer: officerName, administrator: administratorName };

  // Each action's id, from the form that posts it, as someone who sees the form.
  const ids = {
    createOrganisation: await actionIdOnPage(administrator.request, '/en-GB/admin/organisations', en.admin.organisations.submit),
    createInvite: await actionIdOnPage(administrator.request, '/en-GB/admin/invites', en.admin.invites.submit),
    createSession: await actionIdOnPage(teacherA.context.request, '/en-GB/teach/sessions/new', teachMessages.new.create),
    signIn: await actionIdOnPage(request, '/en-GB/staff/sign-in', en.staff.signIn.submit),
    signOut: await actionIdOnPage(teacherA.context.request, '/en-GB/teach', en.staff.nav.signOut),
    acceptInvite: acceptInviteId,
    setup: setupActionId(),
  };
  // Teacher A's organisation, as the invite form offers it.
  const invitesHtml = await (await administrator.request.get('/en-GB/admin/invites')).text();
  const organisationA = new RegExp(`<option value="([0-9a-f-]{36})"[^>]*>${escapeHtml(teacherA.organisation)}</option>`).exec(invitesHtml)?.[1];
  expect(organisationA, 'teacher A’s organisation in the invite form').toBeDefined();

  const organisationName = (role: Role) => `Matrix ${role} ${suffix}`;
  const aLink = /\/en-GB\/staff\/invite\/[A-Za-z0-9_-]{43}/;
  const newAccount = { displayName: `Nobody ${suffix}`, password: `matrix passphrase ${suffix}`, confirmPassword: `matrix passphrase ${suffix}` };
  const setupEmail = `matrix-setup-${suffix}@council.example`;
  const inviteEmail = `matrix-invite-${suffix}@council.example`;
  const setupToken = madeUpToken();
  const inviteToken = madeUpToken();
  const wrongCredentials = (reply: ActionReply) => carries(reply, en.staff.formErrors.wrongCredentials);
  const sessionsMade: Partial<Record<Role, string>> = {};

  const signIn: ActionTarget = {
    name: 'action sign in (wrong password)',
    path: '/en-GB/staff/sign-in',
    id: ids.signIn,
    bound: ['en-GB', staffFormState],
    fields: (role) => ({ email: `nobody-${role}-${suffix}@council.example`, password: 'not anybody’s passphrase' }),
    ok: (reply) => reply.redirect?.startsWith('/en-GB/teach') ?? false,
    refused: wrongCredentials,
    expect: cells('refused'),
  };
  const actions: ActionTarget[] = [
    {
      name: 'action add organisation',
      path: '/en-GB/admin/organisations',
      id: ids.createOrganisation,
      bound: ['en-GB', staffFormState],
      fields: (role) => ({ name: organisationName(role), kind: 'school', area: 'North Somerset' }),
      ok: (reply, role) => carries(reply, en.admin.organisations.created.replace('{name}', organisationName(role))),
      expect: forStaff({ administrator: 'ok' }),
    },
    {
      name: 'action invite teacher of A',
      path: '/en-GB/admin/invites',
      id: ids.createInvite,
      bound: ['en-GB', staffFormState],
      fields: () => ({ role: 'teacher', organisationId: organisationA ?? '' }),
      ok: (reply) => reply.redirect === null && aLink.test(reply.body),
      expect: forStaff({ officer: 'ok', administrator: 'ok' }),
    },
    {
      name: 'action invite officer',
      path: '/en-GB/admin/invites',
      id: ids.createInvite,
      bound: ['en-GB', staffFormState],
      fields: () => ({ role: 'officer', organisationId: '' }),
      ok: (reply) => reply.redirect === null && aLink.test(reply.body),
      refused: (reply) => carries(reply, en.staff.formErrors.roleNotAllowed) && !aLink.test(reply.body),
      expect: forStaff({ officer: 'refused', administrator: 'ok' }),
    },
    {
      name: 'action new session for A',
      path: '/en-GB/teach/sessions/new',
      id: ids.createSession,
      bound: [sessionFormState],
      // As the form sends them: the hidden locale and offset, the choices, an empty closing time.
      fields: () => ({ locale: 'en-GB', timezoneOffset: '0', organisationId: organisationA ?? '', mode: 'live', path: 'core', closesAt: '' }),
      ok: (reply, role) => {
        const made = /^\/en-GB\/teach\/sessions\/([0-9a-f-]{36})$/.exec(reply.redirect ?? '')?.[1];
        if (made !== undefined) sessionsMade[role] = made;
        return made !== undefined;
      },
      refused: (reply) => reply.redirect === null && reply.body.includes('{"field":"organisationId","key":"organisation"}'),
      expect: forStaff({ teacherA: 'ok', teacherB: 'refused', officer: 'ok', administrator: 'ok' }),
    },
    signIn,
    {
      name: 'action first-run setup',
      path: `/en-GB/staff/setup/${setupToken}`,
      id: ids.setup,
      bound: ['en-GB', setupToken, staffFormState],
      fields: () => ({ ...newAccount, email: setupEmail }),
      ok: (reply) => reply.redirect === '/en-GB/admin',
      // Sent back to the link's page, which says the link doesn't work.
      refused: (reply) => reply.redirect === `/en-GB/staff/setup/${setupToken}`,
      expect: cells('refused'),
    },
    {
      name: 'action accept invite',
      path: `/en-GB/staff/invite/${inviteToken}`,
      id: ids.acceptInvite,
      bound: ['en-GB', inviteToken, staffFormState],
      fields: () => ({ ...newAccount, email: inviteEmail }),
      ok: (reply) => reply.redirect === '/en-GB/teach' || reply.redirect === '/en-GB/admin',
      refused: (reply) => reply.redirect === `/en-GB/staff/invite/${inviteToken}`,
      expect: cells('refused'),
    },
  ];
  // Last: it ends the sessions the other cells use.
  const signOut: ActionTarget = {
    name: 'action sign out',
    path: '/en-GB/teach',
    id: ids.signOut,
    bound: ['en-GB'],
    fields: () => ({}),
    ok: (reply) => reply.redirect === '/en-GB/staff/sign-in?signedOut=1',
    expect: cells('ok'),
  };

  const sessionIdsOfA = async () => {
    await teacherA.page.goto('/en-GB/teach');
    const hrefs = await teacherA.page.locator('a[href^="/en-GB/teach/sessions/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    return hrefs.flatMap((href) => /^\/en-GB\/teach\/sessions\/([0-9a-f-]{36})$/.exec(href)?.[1] ?? []).sort();
  };
  const sessionsBefore = await sessionIdsOfA();
  expect(sessionsBefore).toContain(session.id);

  const pages = targets(session.id, session.joinCode, student.participantId);
  const wrong: string[] = [];
  const rows: { name: string; got: Record<Role, string> }[] = [];
  const record = (name: string, role: Role, expected: Outcome, got: Outcome | string) => {
    let row = rows.find((r) => r.name === name);
    if (row === undefined) rows.push((row = { name, got: {} as Record<Role, string> }));
    row.got[role] = got;
    if (got !== expected) wrong.push(`${name} as ${role}: expected ${expected}, got ${got}`);
  };
  for (const target of pages) {
    for (const role of ROLES) record(target.name, role, target.expect[role], await outcomeOf(baseURL, contexts[role], target));
  }
  const runAction = async (action: ActionTarget) => {
    for (const role of ROLES) record(action.name, role, action.expect[role], actionOutcome(action, role, await postAction(baseURL, contexts[role], action, role)));
  };
  for (const action of actions) await runAction(action);

  // What the server holds now: exactly what the allowed cells made, and nothing from the denied ones.
  const allowed = (name: string) => ROLES.filter((role) => actions.find((a) => a.name === name)?.expect[role] === 'ok');
  const admin = await administrator.newPage();
  await admin.goto('/en-GB/admin/organisations');
  const organisationList = admin.getByRole('list', exact(en.admin.organisations.listLabel));
  for (const role of ROLES) {
    const listed = await organisationList.getByText(organisationName(role), { exact: true }).count();
    const expected = allowed('action add organisation').includes(role) ? 1 : 0;
    if (listed !== expected) wrong.push(`organisation added as ${role}: listed ${listed} times, expected ${expected}`);
  }
  await admin.goto('/en-GB/admin/invites');
  const pending = await admin.getByRole('list', exact(en.admin.invites.pendingHeading)).getByRole('listitem').allInnerTexts();
  const invitedBy = (text: string) => ROLES.filter((role) => names[role] !== undefined && text.includes(en.admin.invites.invitedBy.replace('{name}', names[role] ?? '')));
  const teacherInvitesOfA = pending.filter((text) => text.includes(teacherA.organisation)).flatMap(invitedBy).sort();
  const expectedTeacherInvites = allowed('action invite teacher of A').sort();
  if (teacherInvitesOfA.join() !== expectedTeacherInvites.join()) wrong.push(`teacher invites for A by ${teacherInvitesOfA.join(', ') || 'nobody'}, expected ${expectedTeacherInvites.join(', ')}`);
  const officerInvitesBy = new Set(pending.filter((text) => text.trimStart().startsWith(en.staff.roles.officer)).flatMap(invitedBy));
  for (const role of ROLES) {
    if (names[role] === undefined) continue;
    const expected = allowed('action invite officer').includes(role);
    if (officerInvitesBy.has(role) !== expected) wrong.push(`an officer invite by ${role} ${expected ? 'is missing' : 'exists'}`);
  }
  await admin.close();
  const sessionsAfter = await sessionIdsOfA();
  const expectedSessions = [...sessionsBefore, ...allowed('action new session for A').map((role) => sessionsMade[role] ?? `(none made by ${role})`)].sort();
  if (sessionsAfter.join() !== expectedSessions.join()) wrong.push(`teacher A's sessions: ${sessionsAfter.length}, expected ${expectedSessions.length} (before, and by ${allowed('action new session for A').join(', ')})`);
  // No account came from the made-up setup and invite links: their addresses can't sign in.
  for (const email of [setupEmail, inviteEmail]) {
    const reply = await postAction(baseURL, null, { ...signIn, fields: () => ({ email, password: newAccount.password }) }, 'anonymous');
    if (!wrongCredentials(reply)) wrong.push(`${email} signs in: ${reply.status} ${reply.redirect ?? reply.body.slice(0, 160)}`);
  }

  await runAction(signOut);
  // Signing out ended each session on the server: its old cookie now meets the sign-in page.
  for (const role of ROLES) {
    if (contexts[role] === null) continue;
    const got = await outcomeOf(baseURL, contexts[role], { name: 'page /teach', method: 'GET', path: '/en-GB/teach', expect: cells('sign-in') });
    if (got !== 'sign-in') wrong.push(`after signing out, ${role}'s cookie got ${got} on /teach`);
  }

  const checked = rows.reduce((sum, row) => sum + Object.keys(row.got).length, 0);
  const shown = rows.map((row) => ({ ...row, name: row.name.replace(session.id, '{A}').replace(session.joinCode, '{code of A}') }));
  console.log(`authorisation matrix: ${rows.length} targets (${actions.length + 1} Server Actions) × ${ROLES.length} roles = ${checked} cells\n${table(shown)}`);
  expect(wrong).toEqual([]);
  expect(checked).toBe((pages.length + actions.length + 1) * ROLES.length);

  for (const context of [teacherA.context, teacherB.context, officer, administrator]) await context.close();
});
