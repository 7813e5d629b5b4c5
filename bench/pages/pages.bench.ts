/**
 * Page weight and Lighthouse of every kind of screen, against a bare Next.js page served and
 * measured in the same run (bench/bare-next.mjs). Prints two tables and writes the figures to
 * BENCH_PAGES_OUT for `npm run bench`. Run: `npm run bench:pages` (after `npm run build`).
 *
 * - JavaScript: gzipped bytes of every script a cold first load fetched by the load event, and by
 *   network idle (no request for 500 ms), in a fresh context with the cache off.
 * - Lighthouse 12 (mobile, simulated throttling), performance only, LCP and TBT: for each round the
 *   bare page and then each student screen, BENCH_LIGHTHOUSE_RUNS rounds (default 3), medians.
 *   Resumed screens load /learn with a device state saved at that step, as a returning phone does.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import lighthouse from 'lighthouse';
import { createSession, newTeacher } from '../../tests/e2e/support/class-session';
import { completeStep, currentStep } from '../../tests/e2e/support/journey';
import { expect, test } from '../../tests/e2e/support/fixtures';

const BARE = process.env.BENCH_BARE_URL ?? 'http://127.0.0.1:3941/';
const RUNS = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3));
// Every Lighthouse result (LHR) is kept here for reading: the LCP element and its breakdown, the
// critical request chains, the main thread's work (git-ignored).
const LHR_DIR = process.env.BENCH_LHR_DIR ?? path.join(import.meta.dirname, 'out');
// `BENCH_PAGES_ONLY=lighthouse` skips the JavaScript table, for quicker Lighthouse iterations.
const ONLY_LIGHTHOUSE = process.env.BENCH_PAGES_ONLY === 'lighthouse';
const STORE_KEY = 'rk:v1:roads-kill';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface Weight {
  screen: string;
  audience: 'bare' | 'student' | 'staff';
  path: string;
  loadKB: number;
  idleKB: number;
}
interface LighthouseRow {
  screen: string;
  path: string;
  performance: number;
  lcpMs: number;
  tbtMs: number;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** Gzipped script bytes of a cold first load of `url`: by the load event and by network idle. */
async function scriptWeight(browser: Browser, url: string, { storageState, localState }: { storageState?: Awaited<ReturnType<BrowserContext['storageState']>>; localState?: string } = {}) {
  const context = await browser.newContext({ storageState, viewport: { width: 360, height: 740 } });
  if (localState) await context.addInitScript(([k, v]) => window.localStorage.setItem(k, v), [STORE_KEY, localState] as const);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const scripts = new Set<string>();
  const headers = new Map<string, number>();
  const atLoad = new Map<string, number>();
  const all = new Map<string, number>();
  let loaded = false;
  // In flight, for network idle: long-lived event streams (a class session's live state) never end,
  // so they don't count, as Lighthouse's and the browser's own idle heuristics don't wait on them.
  const inFlight = new Set<string>();
  let lastActivity = performance.now();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.type === 'Script') scripts.add(e.requestId);
    if (e.type !== 'EventSource') inFlight.add(e.requestId);
    lastActivity = performance.now();
  });
  const settled = (e: { requestId: string }) => {
    inFlight.delete(e.requestId);
    lastActivity = performance.now();
  };
  cdp.on('Network.loadingFailed', settled);
  cdp.on('Network.responseReceived', (e) => {
    if (scripts.has(e.requestId)) headers.set(e.requestId, e.response.encodedDataLength);
  });
  cdp.on('Network.loadingFinished', (e) => {
    settled(e);
    if (!scripts.has(e.requestId)) return;
    const body = e.encodedDataLength - (headers.get(e.requestId) ?? 0);
    all.set(e.requestId, body);
    if (!loaded) atLoad.set(e.requestId, body);
  });
  await page.goto(url, { waitUntil: 'load' });
  loaded = true;
  // Network idle: nothing in flight for 500 ms (at most 30 s after the load event).
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline && (inFlight.size > 0 || performance.now() - lastActivity < 500)) await new Promise((resolve) => setTimeout(resolve, 50));
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  await context.close();
  return { load: sum(atLoad), idle: sum(all) };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  args?: { data?: { url?: string; size?: number; type?: string; isLoadingMainFrame?: boolean; documentLoaderURL?: string } };
}

/**
 * The part of a Lighthouse trace that says what the LCP waited on (the trace engine of Lighthouse
 * 12.2 can't name the LCP element with this Chromium): the LCP candidates (size and type), first
 * contentful paint, and the page's main-thread work of 10 ms or more, in ms from navigation.
 * Lighthouse's simulated LCP counts every script that ran before the observed LCP.
 */
function timeline(events: TraceEvent[]) {
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args.data.documentLoaderURL?.startsWith('http'));
  const t0 = nav?.ts ?? 0;
  const at = (ts: number) => Math.round((ts - t0) / 1000);
  const work = new Set(['ParseHTML', 'EvaluateScript', 'FunctionCall', 'TimerFire', 'EventDispatch', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'MajorGC', 'MinorGC']);
  return events
    .filter((e) => e.ts >= t0 && (/^(largestContentfulPaint::Candidate|firstContentfulPaint)$/.test(e.name) || (e.tid === nav?.tid && e.ph === 'X' && work.has(e.name) && (e.dur ?? 0) >= 10_000)))
    .map((e) => ({ at: at(e.ts), name: e.name, ms: e.dur ? Math.round(e.dur / 1000) : undefined, url: e.args?.data?.url?.replace(/^https?:\/\/[^/]+/, ''), size: e.args?.data?.size }))
    .sort((a, b) => a.at - b.at);
}

test('page weight and Lighthouse against a bare Next.js page', async ({ browser, baseURL }) => {
  test.setTimeout(40 * 60_000);
  const origin = baseURL as string;

  // Staff: a teacher with a live session, and the administrator for results and organisations.
  const teacher = await newTeacher(browser, 'Bench College');
  const session = await createSession(teacher.page, { mode: 'live', beforeAfter: true });
  const teacherState = await teacher.context.storageState();
  await teacher.context.close();

  console.log('staff and session ready');
  // Device states a returning phone has: at a fact already guessed (its reveal) and at a story.
  const walker = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const walk = await walker.newPage();
  await walk.goto('/en-GB/learn');
  let factState = '';
  let storyState = '';
  for (let i = 0; i < 200 && (!factState || !storyState); i += 1) {
    const { kind, index } = await currentStep(walk);
    if (kind === 'scenario' && !storyState) storyState = (await walk.evaluate((k) => localStorage.getItem(k), STORE_KEY)) ?? '';
    await completeStep({ page: walk, locale: 'en-GB', mode: 'pointer' });
    if (kind === 'fact' && !factState) {
      const saved = JSON.parse((await walk.evaluate((k) => localStorage.getItem(k), STORE_KEY)) ?? '{}') as { position: number };
      factState = JSON.stringify({ ...saved, position: index });
    }
  }
  await walker.close();
  expect(factState).not.toBe('');
  expect(storyState).not.toBe('');

  console.log('device states saved');
  // JavaScript per kind of screen.
  const screens: { screen: string; audience: Weight['audience']; path: string; auth?: boolean; localState?: string }[] = [
    { screen: 'home', audience: 'student', path: '/en-GB' },
    { screen: 'module intro', audience: 'student', path: '/en-GB/learn' },
    { screen: 'module intro (pl)', audience: 'student', path: '/pl/learn' },
    { screen: 'fact reveal, resumed', audience: 'student', path: '/en-GB/learn', localState: factState },
    { screen: 'story step, resumed', audience: 'student', path: '/en-GB/learn', localState: storyState },
    { screen: 'class session', audience: 'student', path: `/en-GB/session/${session.joinCode}` },
    { screen: 'join', audience: 'student', path: '/en-GB/join' },
    { screen: 'support', audience: 'student', path: '/en-GB/support' },
    { screen: 'privacy', audience: 'student', path: '/en-GB/privacy' },
    { screen: 'staff sign-in', audience: 'staff', path: '/en-GB/staff/sign-in' },
    { screen: 'teacher dashboard', audience: 'staff', path: '/en-GB/teach', auth: true },
    { screen: 'new session form', audience: 'staff', path: '/en-GB/teach/sessions/new', auth: true },
    { screen: 'presenter', audience: 'staff', path: `/en-GB/teach/sessions/${session.id}`, auth: true },
    { screen: 'projector', audience: 'staff', path: `/en-GB/teach/sessions/${session.id}/projector`, auth: true },
  ];
  const bareWeight = await scriptWeight(browser, BARE);
  const weights: Weight[] = [{ screen: 'bare Next.js page', audience: 'bare', path: '/', loadKB: kb(bareWeight.load), idleKB: kb(bareWeight.idle) }];
  for (const s of ONLY_LIGHTHOUSE ? [] : screens) {
    const w = await scriptWeight(browser, origin + s.path, { storageState: s.auth ? teacherState : undefined, localState: s.localState });
    weights.push({ screen: s.screen, audience: s.audience, path: s.path, loadKB: kb(w.load), idleKB: kb(w.idle) });
  }
  console.log('\nJavaScript (gzipped KB; ratio to the bare page)');
  console.log('| screen | at load | × bare | by network idle | × bare |\n|---|---|---|---|---|');
  for (const w of weights) {
    console.log(`| ${w.screen} | ${w.loadKB} | ${(w.loadKB / (weights[0] as Weight).loadKB).toFixed(2)} | ${w.idleKB} | ${(w.idleKB / (weights[0] as Weight).idleKB).toFixed(2)} |`);
  }

  // Lighthouse: one Chromium of our own with a debugging port, its profile kept between runs so a
  // resumed screen finds its device state; the HTTP cache, the service worker and its cache are
  // cleared before every run, so every run is a first load apart from the saved progress.
  const port = 9300 + Math.floor(Math.random() * 500);
  const profile = path.join(os.tmpdir(), `rk-bench-lh-${process.pid}`);
  const lhContext = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`],
  });
  const control = lhContext.pages()[0] ?? (await lhContext.newPage());
  const cdp = await lhContext.newCDPSession(control);
  const prepare = async (localState: string | null) => {
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'service_workers,cache_storage,local_storage' });
    if (localState) {
      await control.goto(`${origin}/robots-missing-${Date.now()}`).catch(() => undefined);
      await control.evaluate(([k, v]) => localStorage.setItem(k, v), [STORE_KEY, localState] as const);
    }
    await control.goto('about:blank');
  };
  const lhTargets = [
    { screen: 'bare Next.js page', url: BARE, state: null as string | null },
    { screen: 'module intro', url: `${origin}/en-GB/learn`, state: null },
    { screen: 'fact reveal, resumed', url: `${origin}/en-GB/learn`, state: factState },
    { screen: 'story step, resumed', url: `${origin}/en-GB/learn`, state: storyState },
    { screen: 'class session', url: `${origin}/en-GB/session/${session.joinCode}`, state: null },
  ];
  mkdirSync(LHR_DIR, { recursive: true });
  const samples = new Map<string, { performance: number[]; lcp: number[]; tbt: number[] }>();
  for (let round = 0; round < RUNS; round += 1) {
    for (const target of lhTargets) {
      await prepare(target.state);
      const result = await lighthouse(target.url, {
        port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
        disableStorageReset: true,
      });
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse gave no result for ${target.url}`);
      if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
      const slug = target.screen.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '').toLowerCase();
      writeFileSync(path.join(LHR_DIR, `${slug}-${round + 1}.json`), JSON.stringify(lhr, null, 1));
      writeFileSync(path.join(LHR_DIR, `${slug}-${round + 1}.timeline.json`), JSON.stringify(timeline(result.artifacts.Trace.traceEvents)));
      const s = samples.get(target.screen) ?? { performance: [], lcp: [], tbt: [] };
      s.performance.push(lhr.categories.performance?.score ?? 0);
      s.lcp.push(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN);
      s.tbt.push(lhr.audits['total-blocking-time']?.numericValue ?? NaN);
      samples.set(target.screen, s);
    }
  }
  await lhContext.close();
  const lighthouseRows: LighthouseRow[] = lhTargets.map((t) => {
    const s = samples.get(t.screen) as { performance: number[]; lcp: number[]; tbt: number[] };
    return { screen: t.screen, path: t.url.replace(origin, ''), performance: median(s.performance), lcpMs: Math.round(median(s.lcp)), tbtMs: Math.round(median(s.tbt)) };
  });
  const bareLh = lighthouseRows[0] as LighthouseRow;
  console.log(`\nLighthouse mobile, medians of ${RUNS} (ratio to the bare page in the same run)`);
  console.log('| screen | performance | LCP | × bare | TBT | × bare |\n|---|---|---|---|---|---|');
  for (const r of lighthouseRows) {
    console.log(`| ${r.screen} | ${r.performance.toFixed(2)} | ${(r.lcpMs / 1000).toFixed(2)} s | ${(r.lcpMs / bareLh.lcpMs).toFixed(2)} | ${r.tbtMs} ms | ${(r.tbtMs / Math.max(1, bareLh.tbtMs)).toFixed(2)} |`);
  }
  writeFileSync(process.env.BENCH_PAGES_OUT as string, JSON.stringify({ weights, lighthouse: lighthouseRows, lighthouseRuns: RUNS }, null, 2));
  expect(weights.every((w) => w.loadKB > 0)).toBe(true);
});
