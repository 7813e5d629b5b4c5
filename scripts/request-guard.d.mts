import type { IncomingMessage, ServerResponse } from 'node:http';

export const REFUSED_METHODS: Set<string>;
export const ALLOWED_METHODS: string;
export const MAX_ACTION_BODY_BYTES: number;
export function guardLocale(acceptLanguage: string | string[] | undefined): 'en-GB' | 'pl';
export function hasMalformedEscape(url: string | undefined): boolean;
export function refusal(request: {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}): { status: 400 | 405 | 413; code: string; headers: Record<string, string> } | null;
export function guardRequest(request: IncomingMessage, response: ServerResponse): boolean;
export function guardNewServers(): void;
