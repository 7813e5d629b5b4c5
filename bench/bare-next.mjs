/**
 * The floor every page is measured against: a bare Next.js App Router page (a layout and a page
 * with a heading and a paragraph, nothing else), built with the same `next` as the app and served
 * by `next start`. Built once per Next version in a folder of the system's temporary directory
 * (outside the repository, so the app's own instrumentation and config don't leak into it).
 *
 *   node bench/bare-next.mjs --port 3950        builds if needed, then serves on 127.0.0.1:3950
 *   node bench/bare-next.mjs --build-only
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { port: { type: 'string', default: '3950' }, 'build-only': { type: 'boolean', default: false } } });
const repo = path.resolve(import.meta.dirname, '..');
const nextVersion = JSON.parse(readFileSync(path.join(repo, 'node_modules/next/package.json'), 'utf8')).version;
const dir = path.join(os.tmpdir(), `rk-bare-next-${nextVersion}`);
const nextBin = path.join(dir, 'node_modules/next/dist/bin/next');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };

const files = {
  'package.json': JSON.stringify({ private: true, type: 'module' }),
  // Turbopack compiles only files under its root; the app's node_modules is linked in from outside.
  'next.config.mjs': "export default { poweredByHeader: false, turbopack: { root: '/' } };\n",
  'app/layout.js': `export const metadata = { title: 'Bare Next.js page' };
export default function RootLayout({ children }) {
  return (<html lang="en"><body>{children}</body></html>);
}
`,
  'app/page.js': `export default function Page() {
  return (<main><h1>Bare Next.js page</h1><p>An App Router page with nothing of its own.</p></main>);
}
`,
};

const stamp = path.join(dir, '.next', 'BUILD_ID');
const sourcesSame = existsSync(dir) && Object.entries(files).every(([name, text]) => existsSync(path.join(dir, name)) && readFileSync(path.join(dir, name), 'utf8') === text);
if (!sourcesSame || !existsSync(stamp)) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'app'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'));
  console.log(`[bare-next] building Next ${nextVersion} in ${dir}`);
  execFileSync(process.execPath, [nextBin, 'build'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'inherit'] });
}
if (!values['build-only']) {
  // Next runs in this process, so this process's PID is the server's.
  process.chdir(dir);
  process.argv = [process.argv[0], nextBin, 'start', '-p', values.port, '-H', '127.0.0.1'];
  Object.assign(process.env, env);
  await import(nextBin);
}
