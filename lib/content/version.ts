import { createHash } from 'node:crypto';

/** Serialises with object keys sorted, so formatting and key order don't change the version. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The content version stored with every answer: the first 12 hex digits of a SHA-256 over the
 * module's structure and all its text, so any edit an officer makes gives a new version.
 */
export function contentVersion(moduleFiles: unknown): string {
  return createHash('sha256').update(canonicalJson(moduleFiles)).digest('hex').slice(0, 12);
}
