/**
 * Runs one bench that exports a function and writes its rows and its table as JSON, for
 * `npm run bench` (bench/run.ts), which runs each bench in a process of its own.
 *
 *   tsx --conditions=react-server bench/run-one.ts throughput|officer OUT.json
 */
import { writeFileSync } from 'node:fs';
import { postgresServerUrl } from '@/tests/support/postgres';

const [which, out] = process.argv.slice(2);
if (!out || (which !== 'throughput' && which !== 'officer')) {
  console.error('usage: bench/run-one.ts throughput|officer OUT.json');
  process.exit(2);
}
const databaseServerUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
const log = (line: string) => console.log(line);

if (which === 'throughput') {
  const { runThroughputBench, formatRows } = await import('./throughput');
  const seconds = Number(process.env.BENCH_THROUGHPUT_SECONDS ?? 20);
  const runs = Number(process.env.BENCH_THROUGHPUT_RUNS ?? 3);
  const rows = await runThroughputBench({ seconds, runs, databaseServerUrl, log });
  const note = `Medians of ${runs} interleaved runs of ${seconds} s.${databaseServerUrl ? '' : ' PostgreSQL not measured: set TEST_DATABASE_URL.'}`;
  writeFileSync(out, JSON.stringify({ rows, table: `${note}\n\n${formatRows(rows)}` }));
} else {
  const { runOfficerBench, formatOfficerTable, parseAnswerCount } = await import('./officer-results');
  const postgresUrl = postgresServerUrl(databaseServerUrl);
  const sizes = (process.env.BENCH_OFFICER_ANSWERS ?? '64k,256k,1m').split(',').map(parseAnswerCount);
  const rows = await runOfficerBench({ answers: sizes, engines: postgresUrl ? ['pglite', 'postgres'] : ['pglite'], postgresUrl, analyze: true, log });
  const note = postgresUrl ? '' : 'PostgreSQL not measured: set TEST_DATABASE_URL.\n\n';
  writeFileSync(out, JSON.stringify({ rows, table: `${note}${formatOfficerTable(rows)}` }));
}
process.exit(0);
