/**
 * What Lighthouse's LCP and TBT wait on, read from the results pages.bench.ts keeps in
 * bench/pages/out (or the folder given): for each run, the metrics, the LCP candidates and the
 * main-thread work that started before the LCP (Lighthouse's simulation counts every script that
 * ran before the observed LCP as needed for it), the render-blocking requests, the main thread's
 * work by kind and the long tasks.
 *
 *   node bench/pages/lhr-summary.mjs [folder]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? path.join(import.meta.dirname, 'out');
const ms = (n) => `${Math.round(n)} ms`;
const short = (url) => (url ?? '').replace(/^https?:\/\/[^/]+/, '').slice(0, 48);

for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.timeline.json')).sort()) {
  const lhr = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  const a = lhr.audits;
  console.log(`\n## ${file}: LCP ${ms(a['largest-contentful-paint'].numericValue)}, FCP ${ms(a['first-contentful-paint'].numericValue)}, TBT ${ms(a['total-blocking-time'].numericValue)}, TTI ${ms(a.interactive?.numericValue ?? NaN)}`);
  const timelineFile = path.join(dir, file.replace(/\.json$/, '.timeline.json'));
  if (existsSync(timelineFile)) {
    const timeline = JSON.parse(readFileSync(timelineFile, 'utf8'));
    const candidates = timeline.filter((e) => e.name === 'largestContentfulPaint::Candidate');
    const lcp = candidates.at(-1)?.at ?? Infinity;
    console.log(`observed: FCP ${timeline.find((e) => e.name === 'firstContentfulPaint')?.at} ms; LCP candidates ${candidates.map((c) => `${c.size} px² at ${c.at} ms`).join(', ')}`);
    const before = timeline.filter((e) => e.ms && e.at <= lcp && ['EvaluateScript', 'FunctionCall', 'RunMicrotasks', 'TimerFire'].includes(e.name));
    console.log(`scripts run before the LCP: ${before.map((e) => `${e.name} ${short(e.url)} ${e.ms} ms at ${e.at}`).join('; ') || 'none'}`);
  }
  const blocking = a['render-blocking-resources'];
  console.log(`render-blocking: ${blocking?.details ? blocking.details.items.map((b) => `${short(b.url)} ${ms(b.wastedMs)}`).join(', ') || 'none' : `(${blocking?.errorMessage?.slice(0, 80)})`}`);
  const work = a['mainthread-work-breakdown']?.details?.items ?? [];
  console.log(`main thread: ${work.map((w) => `${w.groupLabel} ${ms(w.duration)}`).join(', ')}`);
  const bootup = a['bootup-time']?.details?.items ?? [];
  console.log(`bootup: ${bootup.slice(0, 6).map((b) => `${short(b.url)} ${ms(b.total)} (script ${ms(b.scripting)})`).join('; ')}`);
  const tasks = a['long-tasks']?.details?.items ?? [];
  console.log(`long tasks: ${tasks.map((t) => `${short(t.url)}@${ms(t.startTime)}+${ms(t.duration)}`).join('; ')}`);
}
