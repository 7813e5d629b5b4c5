/**
 * Counts rows in the database itself, for the project whose server runs on PostgreSQL
 * (E2E_DATABASE_URL). The embedded store belongs to its server process and is read through the
 * API instead; `storedAnswers` in journey.ts does that for both.
 */
import { Client } from 'pg';
import { expect, test } from './fixtures';

export async function databaseAnswerCount(participantId: string): Promise<number | null> {
  const url = process.env.E2E_DATABASE_URL;
  if (test.info().project.name !== 'phone-postgres' || !url) return null;
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ n: string }>('SELECT count(*) AS n FROM answers WHERE participant_id = $1', [participantId]);
    return Number(result.rows[0]?.n ?? -1);
  } finally {
    await client.end();
  }
}

/** On the PostgreSQL project, the rows in the database must number exactly `expected`. */
export async function expectRowsInDatabase(participantId: string, expected: number): Promise<void> {
  const counted = await databaseAnswerCount(participantId);
  if (test.info().project.name === 'phone-postgres') expect(counted).toBe(expected);
}
