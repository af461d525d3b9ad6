/**
 * `npm run bench:outreach`: target III.2 at provincial scale — 130 communes, 2,000 schools, 200,000 sessions
 * over five years — on PGlite and on PostgreSQL (BENCH_DATABASE_URL, default the dev server on 55433; a
 * database of its own is created and dropped). Prints the progress figures' p50/p95 over 200 uncached
 * computations (goal p95 ≤ 50 ms) and the XLSX annual report time (goal ≤ 2 s). Not part of `npm test`.
 */
import { randomBytes } from 'node:crypto';
import { count as sqlCount } from 'drizzle-orm';
import { outreachSessionUnits } from '#server/db/schema.ts';
import pg from 'pg';
import { openDatabase, type Database } from '#server/db/client.ts';
import { cachedProgress, loadProgress } from '#server/outreach/progress.ts';
import { buildOutreachReport } from '#server/outreach/report-data.ts';
import { reportToXlsx } from '#server/outreach/report-files.ts';
import { fillBenchmarkData, SCHOOLS, SESSIONS } from './outreach-fill.ts';

const QUERIES = 200;
const postgresUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:55433/postgres';

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;

async function measure(database: Database): Promise<void> {
  const started = performance.now();
  await fillBenchmarkData(database);
  const filled = ((performance.now() - started) / 1000).toFixed(1);
  const [{ count }] = (await database.db.select({ count: sqlCount() }).from(outreachSessionUnits)) as [{ count: number }];
  for (let i = 0; i < 5; i++) await loadProgress(database.db, 2025); // warm-up
  const times: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const t0 = performance.now();
    await loadProgress(database.db, 2022 + (i % 5));
    times.push(performance.now() - t0);
  }
  const cachedStart = performance.now();
  for (let i = 0; i < QUERIES; i++) await cachedProgress(database.db, 2025);
  const cachedMs = (performance.now() - cachedStart) / QUERIES;
  const xlsxTimes: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const file = await reportToXlsx(await buildOutreachReport(database.db, 2025, 'annual'));
    xlsxTimes.push(performance.now() - t0);
    bytes = file.length;
  }
  const progress = await loadProgress(database.db, 2025);
  console.log(
    [
      `${database.kind}: filled in ${filled} s (${SESSIONS.toLocaleString('en')} sessions, ${Number(count).toLocaleString('en')} unit rows, ${SCHOOLS} schools, 130 communes)`,
      `  2025: communes ${progress.communes.reached}/${progress.communes.total}, schools ${progress.schools.reached}/${progress.schools.total}, ${progress.sessions} approved sessions`,
      `  progress figures, uncached, ${QUERIES} queries: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (goal p95 ≤ 50 ms)`,
      `  progress figures from the one-minute cache: ${cachedMs.toFixed(3)} ms a request`,
      `  annual XLSX report (${(bytes / 1024).toFixed(0)} KB): ${xlsxTimes.map((ms) => `${Math.round(ms)} ms`).join(', ')} (goal ≤ 2000 ms)`,
    ].join('\n'),
  );
}

const pglite = openDatabase({ kind: 'pglite', dataDir: null });
try {
  await measure(pglite);
} finally {
  await pglite.close();
}

const name = `pcmt_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: postgresUrl });
try {
  await admin.connect();
} catch (error) {
  console.log(`postgres: skipped, ${postgresUrl.replace(/\/\/[^@]*@/, '//…@')} is not reachable (${(error as Error).message})`);
  process.exit(0);
}
await admin.query(`create database ${name}`);
const url = new URL(postgresUrl);
url.pathname = `/${name}`;
const postgres = openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
try {
  await measure(postgres);
} finally {
  await postgres.close();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
