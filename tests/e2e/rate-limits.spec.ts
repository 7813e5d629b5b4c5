/**
 * Rate limits on the real server, keyed on the real client: two "phones" on one machine connect
 * from 127.0.0.2 and 127.0.0.3 (every 127.x address is this machine's loopback). The guesser's
 * wrong codes, through the join page and the API alike, hold back only the guesser, and a forged
 * X-Forwarded-For or a forged socket-address header does not start a fresh count.
 */
import http from 'node:http';
import { createSession, newTeacher, sessionMessages } from './support/class-session';
import { expect, test } from './support/fixtures';

const GUESSER = '127.0.0.2';
const CLASSMATE = '127.0.0.3';

interface Reply {
  status: number;
  retryAfter: string | undefined;
  location: string | undefined;
  body: string;
}

/** One GET from `localAddress` to the test server, redirects not followed. */
function getFrom(baseURL: string, localAddress: string, path: string, headers: http.OutgoingHttpHeaders = {}): Promise<Reply> {
  const url = new URL(path, baseURL);
  return new Promise((resolve, reject) => {
    const request = http.get(url, { localAddress, headers, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          retryAfter: response.headers['retry-after'],
          location: response.headers.location,
          body,
        }),
      );
    });
    request.on('error', reject);
  });
}

/** A code no session has: six letters from the join-code alphabet, never the session's own. */
const wrongCode = (i: number, right: string) => {
  const code = `ZZ${String(i).padStart(4, '2').replace(/[01]/g, '9')}`;
  return code === right ? 'YYYYYY' : code;
};

test('wrong join codes hold back only the address that sent them, whatever it claims to be', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const base = baseURL ?? '';
  const teacher = await newTeacher(browser, 'Harbour College');
  const { joinCode } = await createSession(teacher.page, { mode: 'live', beforeAfter: false });
  await teacher.context.close();

  // 60 wrong codes from one phone, half through the join page and half through the API, each
  // claiming to come from somewhere else: one count, and none of them refused yet.
  for (let i = 0; i < 60; i += 1) {
    const forged = { 'x-forwarded-for': `203.0.113.${i}`, 'x-real-ip': `198.51.100.${i}`, 'x-roads-kill-socket-address': `192.0.2.${i}` };
    const code = wrongCode(i, joinCode);
    const reply =
      i % 2 === 0
        ? await getFrom(base, GUESSER, `/api/v1/class-sessions/${code}`, forged)
        : await getFrom(base, GUESSER, `/en-GB/join?code=${code}`, forged);
    expect(reply.status, `wrong code ${i + 1}`).toBe(i % 2 === 0 ? 404 : 200);
    if (i % 2 === 1) expect(reply.body).toContain(sessionMessages.join.errors.unknown);
  }

  // The 61st is refused with Retry-After, forged header or not, and so is the right code from there.
  const refused = await getFrom(base, GUESSER, `/api/v1/class-sessions/${wrongCode(60, joinCode)}`, { 'x-forwarded-for': '203.0.113.250' });
  expect(refused.status).toBe(429);
  expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(refused.retryAfter)).toBeLessThanOrEqual(10);
  expect((await getFrom(base, GUESSER, `/api/v1/class-sessions/${joinCode}`, { 'x-roads-kill-socket-address': CLASSMATE })).status).toBe(429);
  const joinPage = await getFrom(base, GUESSER, `/en-GB/join?code=${joinCode}`);
  expect(joinPage.status).toBe(200);
  expect(joinPage.body).toContain(sessionMessages.join.errors.tooMany.replace('{minutes, plural, one {# minute} other {# minutes}}', '1 minute'));

  // Another phone on the same machine, with the right code: in, by the API and by the join page.
  const state = await getFrom(base, CLASSMATE, `/api/v1/class-sessions/${joinCode}`);
  expect(state.status).toBe(200);
  expect(JSON.parse(state.body)).toMatchObject({ status: 'open' });
  const joined = await getFrom(base, CLASSMATE, `/en-GB/join?code=${joinCode.toLowerCase()}`);
  expect(joined.status).toBe(307);
  expect(joined.location).toContain(`/session/${joinCode}`);
});
