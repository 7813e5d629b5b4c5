/**
 * PostgreSQL databases for tests and benchmarks: the server from the environment, and a fresh
 * database per test file or run, made and dropped on that server.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { z } from 'zod';

/** A PostgreSQL server URL from the environment, parsed (undefined when unset or blank). */
export function postgresServerUrl(value: string | undefined): string | undefined {
  return z
    .url({ protocol: /^postgres(ql)?$/ })
    .optional()
    .parse(value || undefined);
}

/** The same server, another database: `serverUrl` with its path replaced. */
export function databaseUrlOn(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs one statement on the server (CREATE or DROP DATABASE can't run in a transaction). */
export async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export interface FreshDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

const SAFE_NAME = /^[a-z_][a-z0-9_]{0,50}$/;

/**
 * `CREATE DATABASE <prefix><random>` on the server, a copy of `template` when given (a database
 * nobody is connected to); `drop()` removes it, connections and all.
 */
export async function createFreshDatabase(serverUrl: string, prefix: string, options: { template?: string } = {}): Promise<FreshDatabase> {
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(prefix)) throw new Error(`not a safe database name prefix: ${prefix}`);
  const { template } = options;
  if (template !== undefined && !SAFE_NAME.test(template)) throw new Error(`not a safe template database name: ${template}`);
  // Only [0-9a-f] after a checked prefix, so the name is safe to put in the statement.
  const name = `${prefix}${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, template === undefined ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${template}`);
  return {
    name,
    url: databaseUrlOn(serverUrl, name),
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

