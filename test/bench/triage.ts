/**
 * `npm run bench:triage`: the police queue at provincial scale — 1,000,000 tips on PostgreSQL
 * (BENCH_DATABASE_URL, default the dev server on 55433; a database of its own is created and dropped).
 * Prints p50/p95 over 200 queue-list queries filtered by queue, status and category (goal p95 ≤ 20 ms) and
 * over 200 tip-detail reads, decryption included (goal p95 ≤ 10 ms). Not part of `npm test`.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Actor } from '#server/auth/actor.ts';
import { openDatabase } from '#server/db/client.ts';
import { TIP_CATEGORIES } from '#shared/tips/categories.ts';
import { TIP_STATUSES } from '#shared/tips/statuses.ts';
import { listQueueTips } from '#server/triage/queue-list.ts';
import { tipDetail } from '#server/triage/tip-detail.ts';
import { testSecrets } from '../helpers/test-app.ts';
import { fillTriageBenchmark, TIPS } from './triage-fill.ts';

const QUERIES = 200;
const postgresUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:55433/postgres';
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;
const summary = (times: number[]) =>
  `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`;

async function timed(runs: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 5; i++) await work(i); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work(i);
    times.push(performance.now() - t0);
  }
  return times;
}

const name = `pcmt_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: postgresUrl });
try {
  await admin.connect();
} catch (error) {
  console.log(`bench:triage needs PostgreSQL: ${postgresUrl.replace(/\/\/[^@]*@/, '//…@')} is not reachable (${(error as Error).message})`);
  process.exit(1);
}
await admin.query(`create database ${name}`);
const url = new URL(postgresUrl);
url.pathname = `/${name}`;
const database = openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
try {
  const secrets = testSecrets();
  const started = performance.now();
  await fillTriageBenchmark(database, secrets);
  console.log(`postgres: ${TIPS.toLocaleString('en')} tips filled in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const officer: Actor = { userId: '00000000-0000-4000-8000-000000000001', username: 'bench.officer', role: 'officer', queueCodes: ['pc04'], unitCode: null };
  const communeOfficer: Actor = { ...officer, username: 'bench.commune', queueCodes: ['cax-16681'] };
  const filters = (i: number) => ({
    status: TIP_STATUSES[i % TIP_STATUSES.length]!.code,
    category: TIP_CATEGORIES[(i * 3) % TIP_CATEGORIES.length]!.code,
  });
  const pc04List = await timed(QUERIES, (i) => listQueueTips(database.db, officer, { queue: 'pc04', ...filters(i) }));
  const communeList = await timed(QUERIES, (i) => listQueueTips(database.db, communeOfficer, { queue: 'cax-16681', ...filters(i) }));
  const sample = (await database.db.execute(sql`select id from tips where owner_queue_code = 'pc04' order by random() limit ${QUERIES + 5}`)) as unknown as {
    rows: { id: string | number }[];
  };
  const ids = sample.rows.map((row) => Number(row.id));
  const detail = await timed(QUERIES, (i) => tipDetail(database.db, secrets, officer, ids[i]!));
  console.log(
    [
      `  queue list, the 400,000 tips PC04 owns, filtered by status and category, ${QUERIES} queries: ${summary(pc04List)} (goal p95 ≤ 20 ms)`,
      `  queue list, one commune police queue (≈3,800 tips), filtered by status and category, ${QUERIES} queries: ${summary(communeList)} (goal p95 ≤ 20 ms)`,
      `  tip detail (decryption, conversation, notes, history, related counts, the tip.viewed audit entry), ${QUERIES} reads: ${summary(detail)} (goal p95 ≤ 10 ms)`,
    ].join('\n'),
  );
} finally {
  await database.close();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
