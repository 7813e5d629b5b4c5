import { defineConfig } from 'drizzle-kit';

// One schema and one set of migrations for both engines; PGlite speaks the same SQL.
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema.ts',
  out: './lib/db/migrations',
  strict: true,
  verbose: true,
});
