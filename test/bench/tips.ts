/**
 * npm run bench:tips — the tip pipeline against its floor, on local PostgreSQL, in one run:
 *  1. text tips: POST /api/tips (validation, captcha check, sealing, routing, one statement) at 50
 *     connections for 10 s, against a bare `INSERT` through pg at the same concurrency, and against the
 *     ceiling: a trivial Hono handler (test/bench/trivial-server.ts) answering the same requests;
 *  2. photo tips: photos/s through POST /api/tips (one 12-megapixel JPEG each) against the bare sharp
 *     pipeline (auto-orient, resize, WebP) at the same concurrency.
 * Prints req/s, p50/p99, the ratios, and the CPU each text tip costs the server, PostgreSQL and this client. Needs PostgreSQL: BENCH_DATABASE_URL, or the server that
 * `source .ci/postgres.sh && start_postgres` starts. Loopback only, bounded in time.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import sharp from 'sharp';
import { solveAltcha, overHttp } from '../helpers/captcha.ts';
import { freePort } from '../helpers/portal-process.ts';
import { VALID_DESCRIPTION, tipForm } from '../helpers/tips.ts';
import { MAX_PHOTO_SIDE } from '#server/photos/sanitize.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:55432/postgres';
const CONCURRENCY = 50;
const TEXT_SECONDS = 10;
const PHOTO_SECONDS = 10;
const PHOTO_CONCURRENCY = 4;

interface Run {
  count: number;
  seconds: number;
  latencies: number[];
  failures: number;
}

/** Runs `task` from `workers` loops until `seconds` pass or a task says 'done' (inputs ran out); times each call. */
async function drive(workers: number, seconds: number, task: (i: number) => Promise<boolean | 'done'>): Promise<Run> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < deadline) {
        const i = next++;
        const t = performance.now();
        const ok = await task(i);
        if (ok === 'done') return;
        latencies.push(performance.now() - t);
        if (!ok) failures++;
      }
    }),
  );
  return { count: latencies.length, seconds: (performance.now() - started) / 1000, latencies, failures };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const report = (name: string, run: Run) => {
  const rate = run.count / run.seconds;
  console.log(
    `${name.padEnd(34)} ${rate.toFixed(1).padStart(8)} /s   p50 ${percentile(run.latencies, 50).toFixed(1).padStart(6)} ms   p99 ${percentile(run.latencies, 99).toFixed(1).padStart(6)} ms   failures ${run.failures}`,
  );
  return rate;
};

async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const name = `pcmt_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/**
 * CPU time the server process has used (user + system, from /proc), so the cost per tip can be read apart
 * from how busy the shared machine is; NaN where /proc is missing.
 */
function serverCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/** CPU time of the PostgreSQL backends serving `database` (their titles name it), summed. */
function postgresCpuMs(database: string): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${database} `)) total += serverCpuMs(Number(pid));
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

interface BenchServer {
  baseUrl: string;
  /** CPU time the process has used so far. */
  cpuMs(): number;
  stop(): Promise<void>;
}

async function startProcess(script: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<BenchServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (
      await fetch(`${baseUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseUrl,
    cpuMs: () => serverCpuMs(child.pid!),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function startPortal(databaseUrl: string): Promise<BenchServer> {
  // BENCH_PROFILE_DIR=folder writes the server's CPU profile there when it stops (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const env = {
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: String(CONCURRENCY),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'pcmt-bench-')),
    TIP_RATE_LIMIT: '100000',
    ALTCHA_MAX_COUNTER: '100',
    LOG_LEVEL: 'warn',
  };
  return startProcess('server/start.ts', env, profile);
}

interface EncodedTip {
  type: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * A text tip's request body, encoded before the clock starts: the very bytes fetch() sends for the form
 * (multipart, its own boundary, its own solved captcha). Encoding FormData in the timed loop cost this client
 * more CPU than the portal spent on the tip, on the same two cores; browsers do that work on their own.
 */
async function encodeTextTip(captcha: string): Promise<EncodedTip> {
  const body = tipForm({ category: 'mua-ban-van-chuyen', communeCode: '16681', place: 'Chợ Vinh', description: VALID_DESCRIPTION, captcha });
  const request = new Request('http://bench/', { method: 'POST', body });
  return { type: request.headers.get('Content-Type')!, bytes: new Uint8Array(await request.arrayBuffer()) };
}

/**
 * POSTs a body over one of CONCURRENCY keep-alive connections and answers the status once the answer is
 * read. node:http rather than fetch(): fetch cost this client five times the trivial handler's CPU per
 * request, on the two cores the portal and PostgreSQL share; the bytes on the wire are the same.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
function post(url: string, tip: EncodedTip): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers: { 'Content-Type': tip.type, 'Content-Length': tip.bytes.length } }, (response) => {
      response.on('data', () => {});
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(tip.bytes);
  });
}

/** Text tips at full concurrency, each with its own solved captcha. */
const postTextTips = (baseUrl: string, tips: EncodedTip[]) =>
  drive(CONCURRENCY, TEXT_SECONDS, async (i) => {
    const tip = tips[i];
    if (!tip) return 'done';
    return (await post(`${baseUrl}/api/tips`, tip)) === 201;
  });

/**
 * Solved captchas, each passed through `then` as it comes. Encoding as we go keeps the connections busy: a
 * keep-alive socket left idle past the server's timeout can close under the first POST that reuses it.
 */
async function solveMany<T = string>(baseUrl: string, count: number, then: (captcha: string) => Promise<T> | T = (captcha) => captcha as T): Promise<T[]> {
  const client = overHttp(baseUrl);
  const solved: T[] = [];
  let started = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (started++ < count) solved.push(await then(await solveAltcha(client)));
    }),
  );
  return solved;
}

await withDatabase(async (databaseUrl) => {
  const server = await startPortal(databaseUrl);
  try {
    console.log(`PostgreSQL ${new URL(databaseUrl).host}, ${CONCURRENCY} connections, ${TEXT_SECONDS} s per measurement\n`);
    const textTips = await solveMany(server.baseUrl, 12_000, encodeTextTip);
    const cpuBefore = server.cpuMs();
    const clientCpuBefore = process.cpuUsage();
    const databaseName = new URL(databaseUrl).pathname.slice(1);
    const postgresCpuBefore = postgresCpuMs(databaseName);
    const text = await postTextTips(server.baseUrl, textTips);

    const cpuPerTip = (server.cpuMs() - cpuBefore) / text.count;
    const clientCpu = process.cpuUsage(clientCpuBefore);
    const postgresCpuPerTip = (postgresCpuMs(databaseName) - postgresCpuBefore) / text.count;
    const clientCpuPerTip = (clientCpu.user + clientCpu.system) / 1000 / text.count;
    const pool = new pg.Pool({ connectionString: databaseUrl, max: CONCURRENCY });
    await pool.query(
      'create table bench_plain (id bigint generated always as identity primary key, description text not null, created_at timestamptz not null default now())',
    );
    // The pool's 50 backends exist only once connected: connect them before counting PostgreSQL's CPU.
    await Promise.all(Array.from({ length: CONCURRENCY }, () => pool.query('select 1')));
    const barePostgresCpuBefore = postgresCpuMs(databaseName);
    const bareClientCpuBefore = process.cpuUsage();
    const bare = await drive(CONCURRENCY, TEXT_SECONDS, async () => {
      await pool.query('insert into bench_plain (description) values ($1)', [VALID_DESCRIPTION]);
      return true;
    });
    const bareClientCpu = process.cpuUsage(bareClientCpuBefore);
    const barePostgresCpuPerInsert = (postgresCpuMs(databaseName) - barePostgresCpuBefore) / bare.count;
    const bareClientCpuPerInsert = (bareClientCpu.user + bareClientCpu.system) / 1000 / bare.count;
    await pool.end();

    const trivialServer = await startProcess('test/bench/trivial-server.ts', {});
    const trivialCpuBefore = trivialServer.cpuMs();
    const trivial = await postTextTips(trivialServer.baseUrl, textTips);
    const trivialCpuPerRequest = (trivialServer.cpuMs() - trivialCpuBefore) / trivial.count;
    await trivialServer.stop();

    const textRate = report('text tips via POST /api/tips', text);
    const bareRate = report('bare INSERT through pg', bare);
    const trivialRate = report('ceiling: trivial Hono handler', trivial);
    console.log(
      `ratio tips / bare insert: ${(textRate / bareRate).toFixed(2)} (goal ≥ 0.5); tips p99 ${percentile(text.latencies, 99).toFixed(1)} ms (goal ≤ 25)`,
    );
    console.log(
      `ratio trivial handler / bare insert: ${(trivialRate / bareRate).toFixed(2)} (the most one process could reach here); tips / trivial: ${(textRate / trivialRate).toFixed(2)}`,
    );
    console.log(
      `CPU per text tip: server ${cpuPerTip.toFixed(2)} ms, PostgreSQL ${postgresCpuPerTip.toFixed(2)} ms, this client ${clientCpuPerTip.toFixed(2)} ms; trivial handler ${trivialCpuPerRequest.toFixed(2)} ms per request`,
    );
    console.log(`CPU per bare INSERT: PostgreSQL ${barePostgresCpuPerInsert.toFixed(2)} ms, pg client ${bareClientCpuPerInsert.toFixed(2)} ms\n`);

    // BENCH_ONLY=text stops here: quicker while working on the text path.
    if (process.env.BENCH_ONLY === 'text') return;
    const photo = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: { r: 90, g: 120, b: 60 } } })
      .composite([{ input: Buffer.from(`<svg width="4000" height="3000"><text x="100" y="1500" font-size="400">PCMT 2026</text></svg>`) }])
      .jpeg({ quality: 85 })
      .withExifMerge({ IFD0: { Make: 'BenchPhone' } })
      .toBuffer();
    const photoCaptchas = await solveMany(server.baseUrl, 400);
    const photoTips = await drive(PHOTO_CONCURRENCY, PHOTO_SECONDS, async (i) => {
      const captcha = photoCaptchas[i];
      if (!captcha) return 'done';
      const body = tipForm({ category: 'khac', description: VALID_DESCRIPTION, captcha, photos: [{ bytes: photo, name: 'anh.jpg' }] });
      const response = await fetch(`${server.baseUrl}/api/tips`, { method: 'POST', body });
      await response.arrayBuffer();
      return response.status === 201;
    });
    const barePhotos = await drive(PHOTO_CONCURRENCY, PHOTO_SECONDS, async () => {
      await sharp(photo, { limitInputPixels: 40_000_000 })
        .autoOrient()
        .resize({ width: MAX_PHOTO_SIDE, height: MAX_PHOTO_SIDE, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer();
      return true;
    });
    const photoRate = report(`photo tips (${(photo.length / 1024 / 1024).toFixed(1)} MB JPEG, 12 MP)`, photoTips);
    const barePhotoRate = report('bare sharp pipeline', barePhotos);
    console.log(`ratio photo tips / bare sharp: ${(photoRate / barePhotoRate).toFixed(2)} (goal ≥ 0.8)`);
  } finally {
    await server.stop();
  }
});
