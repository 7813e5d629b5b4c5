/**
 * The environment, parsed once with zod when first imported, so a bad setting stops the app at
 * start-up with a clear message instead of failing on the first request.
 */
import path from 'node:path';
import { z } from 'zod';

/** An unset variable and `NAME=` in a .env file mean the same: not configured. */
const blankAsUnset = (value: unknown) => (value === '' ? undefined : value);

export const envSchema = z.object({
  DATABASE_URL: z
    .preprocess(blankAsUnset, z.url({ protocol: /^postgres(ql)?$/ }).optional())
    .describe('A PostgreSQL server (postgres://…). Unset: the embedded PGlite store in DATA_DIR.'),
  DATA_DIR: z
    .preprocess(blankAsUnset, z.string().default('./data'))
    .describe('Where the embedded store keeps its files (in DATA_DIR/pglite).'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PUBLIC_ORIGIN: z
    .preprocess(blankAsUnset, z.url({ protocol: /^https?$/ }).transform((url) => new URL(url).origin).optional())
    .describe('The origin staff reach the app at, printed in setup and invite links. Unset: http://localhost:PORT.'),
  SETUP_LINK_FILE: z
    .preprocess(blankAsUnset, z.string().optional())
    .describe('If set, the first-run setup link is also written to this file (mode 0600) for scripts and tests.'),
  DISCLOSURE_CLASS_K: z
    .preprocess(blankAsUnset, z.coerce.number().int().min(5).optional())
    .describe('Raise the smallest group a class view shows as a number (at least 5, the default).'),
  DISCLOSURE_EXPORT_K: z
    .preprocess(blankAsUnset, z.coerce.number().int().min(10).optional())
    .describe('Raise the smallest group an export or officer view shows (at least 10, the default).'),
  TIME_ZONE: z
    .preprocess(
      blankAsUnset,
      z
        .string()
        .refine((zone) => Intl.supportedValuesOf('timeZone').includes(zone) || zone === 'UTC', 'not an IANA time zone')
        .default('Europe/London'),
    )
    .describe('The time zone staff pages show times in (an IANA name such as Europe/London).'),
  RETENTION_DAYS: z
    .preprocess(blankAsUnset, z.coerce.number('a whole number of days').int('a whole number of days').min(1, 'at least 1 day').default(730))
    .describe('How many days raw answers are kept before the daily retention job deletes them (default 730, two school years).'),
  LIVE_SESSION_IDLE_MINUTES: z
    .preprocess(
      blankAsUnset,
      z.coerce.number('a whole number of minutes').int('a whole number of minutes').min(15, 'at least 15 minutes').max(1440, 'at most 1440 minutes (a day)').default(90),
    )
    .describe('A live session with no teacher command, join or answer for this many minutes closes by itself (default 90).'),
  DEMO_DATA: z
    .preprocess(
      blankAsUnset,
      z
        .enum(['1', '0', 'true', 'false'], 'use 1 or 0')
        .default('0')
        .transform((value) => value === '1' || value === 'true'),
    )
    .describe('1: load the synthetic demo data set at start-up, once (`npm start -- --demo` sets it).'),
  TRUSTED_PROXY_HOPS: z
    .preprocess(blankAsUnset, z.coerce.number('a whole number').int('a whole number').min(0, 'at least 0').max(10, 'at most 10').default(0))
    .describe(
      'How many proxies the app sits behind (0: none, the default). Rate limits count by the address the outermost trusted proxy saw (the Nth X-Forwarded-For entry from the right), and X-Forwarded-Host and -Proto count only when this is above 0.',
    ),
  RATE_LIMIT_SECRET: z
    .preprocess(blankAsUnset, z.string().min(32, 'at least 32 characters').optional())
    .describe('The key for hashing client addresses in the PostgreSQL rate-limit table. Unset: derived from DATABASE_URL.'),
  E2E_SESSION_CLOCK_DIR: z
    .preprocess(blankAsUnset, z.string().optional())
    .describe(
      'Tests only, never in production: a folder where the end-to-end tests move one class session\'s clock on (lib/server/clock.ts, README.md, "Quick start"). playwright.config.ts sets it for its own servers.',
    ),
  PORT: z
    .preprocess(blankAsUnset, z.coerce.number().int().min(1).max(65_535).optional())
    .describe('The port Next serves on; read here only for the default PUBLIC_ORIGIN.'),
});
export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** Parses an environment. Messages name the variable, never its value (a URL may hold a password). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);

/** Where PGlite keeps its data, resolved against the folder the app was started from. */
export function pgliteDirectory(config: Pick<Env, 'DATA_DIR'> = env): string {
  return path.resolve(process.cwd(), config.DATA_DIR, 'pglite');
}

/** The origin for links the app prints (setup, invites): PUBLIC_ORIGIN, else this machine's port. */
export function publicOrigin(config: Pick<Env, 'PUBLIC_ORIGIN' | 'PORT'> = env): string {
  return config.PUBLIC_ORIGIN ?? `http://localhost:${config.PORT ?? 3000}`;
}
