import 'server-only';
import { createTranslator } from 'next-intl';
import { z } from 'zod';
import type { Locale } from '@/i18n/routing';
import { FIELD_ERRORS, type ApiError, type FieldError } from '@/lib/api/schemas';
import type { ResponseProblem } from '@/lib/domain/scoring';
import { loadMessages, type Messages } from '@/messages';
import { describeError, isDatabaseUnavailable } from './error-log';
import { negotiateLocale } from './request-locale';

/**
 * What every JSON route shares: the locale of error messages, reading a body with a size
 * limit, validating it with its zod schema, and one error shape (`apiErrorSchema`) whose
 * messages are translated. Route handlers call `respond`, so none can forget the error
 * handling, the log line or `Cache-Control`.
 */

/** A device sends at most 100 answers at a time; a few KB each is far more than enough. */
export const MAX_BODY_BYTES = 256 * 1024;

export type ApiErrorCode = Exclude<keyof Messages['ApiErrors'], 'problems' | 'fields'>;
export type ApiIssue = NonNullable<ApiError['error']['issues']>[number];

/** An issue whose message is already written (zod), or a content problem or field error still to translate. */
export type FailureIssue = { path: string } & ({ message: string } | { problem: ResponseProblem } | { field: FieldError });

export interface ApiFailure {
  status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503;
  code: ApiErrorCode;
  issues?: FailureIssue[];
  /** With 429 and 503: when to try again, sent as Retry-After. */
  retryAfterSeconds?: number;
}

export type ApiOutcome = { ok: true; status: 200 | 201; body: unknown } | { ok: false; failure: ApiFailure };

export const success = (body: unknown, status: 200 | 201 = 200): ApiOutcome => ({ ok: true, status, body });
export const failure = (status: ApiFailure['status'], code: ApiErrorCode, issues?: FailureIssue[]): ApiOutcome => ({
  ok: false,
  failure: issues === undefined ? { status, code } : { status, code, issues },
});

export const tooManyAttempts = (retryAfterMs: number): ApiOutcome => ({
  ok: false,
  failure: { status: 429, code: 'too_many_attempts', retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) },
});

/** API responses are about one device's state at one moment; no cache may keep them. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

/**
 * Runs a route's handler with the request's locale and turns its outcome into a response.
 * Every non-2xx logs one line with the status, code and route: nothing from the request.
 */
export async function respond(
  request: Request,
  route: string,
  /** An outcome to turn into JSON, or a finished response (an event stream, a CSV file). */
  handle: (locale: Locale) => Promise<ApiOutcome | Response>,
): Promise<Response> {
  const locale = negotiateLocale(request.headers.get('accept-language'));
  let outcome: ApiOutcome | Response;
  try {
    outcome = await handle(locale);
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      console.error(`[api] 503 database_unavailable ${route}: ${describeError(error)}`);
      return errorResponse(locale, databaseUnavailable);
    }
    console.error(`[api] 500 internal_error ${route}: ${describeError(error)}`);
    return errorResponse(locale, { status: 500, code: 'internal_error' });
  }
  if (outcome instanceof Response) return outcome;
  if (outcome.ok) return jsonResponse(outcome.body, outcome.status);
  console.warn(`[api] ${outcome.failure.status} ${outcome.failure.code} ${route}`);
  return errorResponse(locale, outcome.failure);
}

/** While the database is away: the client keeps its answers and tries again after this long. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
const databaseUnavailable: ApiFailure = {
  status: 503,
  code: 'database_unavailable',
  retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
};

async function errorResponse(locale: Locale, { status, code, issues, retryAfterSeconds }: ApiFailure): Promise<Response> {
  const t = await apiTranslator(locale);
  const body: ApiError = {
    error: {
      code,
      message: t(code),
      ...(issues && { issues: issues.map((issue) => translateIssue(t, issue)) }),
    },
  };
  return jsonResponse(body, status, retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) });
}

async function apiTranslator(locale: Locale) {
  return createTranslator({ locale, messages: await loadMessages(locale), namespace: 'ApiErrors' });
}

function translateIssue(t: Awaited<ReturnType<typeof apiTranslator>>, issue: FailureIssue): ApiIssue {
  return {
    path: issue.path,
    message: 'message' in issue ? issue.message : 'problem' in issue ? t(`problems.${issue.problem}`) : t(`fields.${issue.field}`),
  };
}

/** Issues in the request's language, for a response that is not an error (a refused answer's receipt). */
export async function translateIssues(locale: Locale, issues: readonly FailureIssue[]): Promise<ApiIssue[]> {
  const t = await apiTranslator(locale);
  return issues.map((issue) => translateIssue(t, issue));
}

export type Validated<T> = { ok: true; data: T } | { ok: false; issues: FailureIssue[] };

const isFieldError = (message: string): message is FieldError => (FIELD_ERRORS as readonly string[]).includes(message);

const zodLocales = { 'en-GB': z.locales.en(), pl: z.locales.pl() } satisfies Record<Locale, unknown>;

/**
 * Validates with zod, issue messages in the request's language. A message the schema wrote
 * itself (`'not an item id'`) outranks zod's locale, so for other languages each issue is
 * worded again from zod's own translations.
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown, locale: Locale): Validated<z.output<S>> {
  const { localeError } = zodLocales[locale];
  const result = schema.safeParse(value, { error: localeError, reportInput: locale !== 'en-GB' });
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue): FailureIssue => {
      const path = issue.path.map(String).join('.');
      // A key into ApiErrors.fields: translated with the rest of the error, in errorResponse.
      if (isFieldError(issue.message)) return { path, field: issue.message };
      return { path, message: locale === 'en-GB' ? issue.message : (rewordIn(localeError, issue) ?? issue.message) };
    }),
  };
}

function rewordIn(localeError: z.core.$ZodErrorMap, issue: z.core.$ZodIssue): string | undefined {
  // A finished issue has every field the locale maps read (code, expected, origin, format,
  // minimum…) and, with `reportInput`, the input too; zod types it apart from a raw issue only
  // because the raw one is still being built.
  const mapped = localeError(issue as z.core.$ZodRawIssue);
  return typeof mapped === 'string' ? mapped : (mapped?.message ?? undefined);
}

type BodyBytes = { ok: true; bytes: Uint8Array } | { ok: false; tooLarge: true };

/** Reads at most `limit` bytes, stopping early instead of buffering an oversized upload. */
async function readBody(request: Request, limit: number): Promise<BodyBytes> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return { ok: false, tooLarge: true };
  if (request.body === null) return { ok: true, bytes: new Uint8Array() };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return { ok: false, tooLarge: true };
    }
    chunks.push(chunk.value);
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}

/** The request body parsed as JSON and validated: 413, 400 `invalid_json` or 400 `invalid_body`. */
export async function parseJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  locale: Locale,
): Promise<{ ok: true; data: z.output<S> } | { ok: false; failure: ApiFailure }> {
  const body = await readBody(request, MAX_BODY_BYTES);
  if (!body.ok) return { ok: false, failure: { status: 413, code: 'body_too_large' } };
  let json: unknown;
  try {
    // `fatal`: bytes that aren't UTF-8 are a broken body, not text to patch up with U+FFFD.
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body.bytes));
  } catch {
    // The parser's message would quote the body; the code says all the client needs.
    return { ok: false, failure: { status: 400, code: 'invalid_json' } };
  }
  const validated = validate(schema, json, locale);
  if (!validated.ok) return { ok: false, failure: { status: 400, code: 'invalid_body', issues: validated.issues } };
  return { ok: true, data: validated.data };
}
