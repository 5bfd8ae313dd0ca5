/**
 * The run path beside a bare gateway, measured side by side in one interleaved session (issue 10):
 * a fake OpenAI upstream that answers at once, the Portkey open-source gateway (`@portkey-ai/gateway`, installed by
 * this bench into `tools/bench/gateway/.portkey/`, never a platform dependency) in front of it, and the platform
 * (built API + its supervised worker) with the `openai` provider pointed at the same upstream. Every round measures
 * every row, one after the other, so drift hits both sides of a ratio alike; the table prints min / median / max
 * over the rounds.
 *
 *   npx nx run-many -t build -p contracts web api && npm run bench:gateway
 *
 * Knobs: BENCH_ROUNDS (3), BENCH_DURATION (s per load, 5), BENCH_CONNECTIONS (50), BENCH_MEDIA_JOBS (200),
 * BENCH_SKIP_LEDGER=1 (leave out the ledger row, which runs `bench:ledger` as a child), plus tools/bench/http's.
 */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { BENCH_ADMIN, call, registerFunded } from '../http/bench-client';
import { Platform, startPlatform, stopAllPlatforms } from '../http/platform';
import { bareQueueJobsPerSecond } from './bare-queue';
import { cpuPerItem, cpuSnapshot } from './cpu-usage';
import { firstLoadBytes } from './first-load';
import { startFakeUpstream, type FakeUpstream } from './fake-upstream';
import { latencyOneConnection } from './latency';
import { mediaJobsRound } from './media-jobs';
import { ledgerRatios } from './ledger-ratios';
import { startPortkey, type Portkey } from './portkey';
import { printRatioTable, type Sample } from './ratio-table';

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const duration = Number(process.env.BENCH_DURATION ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const mediaJobs = Number(process.env.BENCH_MEDIA_JOBS ?? 200);
const mediaSubmitters = 20;
const jobConcurrency = Number(process.env.JOB_CONCURRENCY ?? 8);

/** Label → "group ms, …" CPU per request or job of the platform's loads (the last round's), printed at the end. */
const cpuProfiles = new Map<string, string>();
let platformPid = 0;
/** Per round: the media hand-off measured at half the sustained rate. */
const belowCapacity: string[] = [];

/**
 * Requests per second at `connections`, each request's body made fresh by `body(n)` (uncached runs). With a
 * `profile` label, also where the CPU of each request went (API, worker, PostgreSQL, Redis, the whole machine).
 */
async function rps(
  url: string,
  headers: Record<string, string>,
  body?: (n: number) => string,
  profile?: string,
): Promise<number> {
  const before = profile ? cpuSnapshot(platformPid) : undefined;
  let n = 0;
  const result = await autocannon({
    url,
    connections,
    duration,
    headers,
    ...(body
      ? { method: 'POST' as const, requests: [{ setupRequest: (req: object) => ({ ...req, body: body(n++) }) }] }
      : {}),
  });
  if (result.non2xx + result.errors > result.requests.total * 0.01) {
    throw new Error(`${url}: ${result.non2xx} non-2xx and ${result.errors} errors of ${result.requests.total}`);
  }
  if (profile && before) cpuProfiles.set(profile, cpuPerItem(before, cpuSnapshot(platformPid), result.requests.total));
  return result.requests.total / result.duration;
}

const chatBody = (n: number) =>
  JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `bench question ${n} ${Date.now()}` }] });
const runBody = (n: number) => JSON.stringify({ input: { prompt: `bench question ${n} ${Date.now()}` } });

async function main(): Promise<void> {
  let platform: Platform | undefined;
  let upstream: FakeUpstream | undefined;
  let portkey: Portkey | undefined;
  let db: Client | undefined;
  const storage = mkdtempSync(join(tmpdir(), 'megicai-bench-gateway-'));
  process.on('SIGINT', () => void stopAllPlatforms().finally(() => process.exit(130)));
  try {
    upstream = await startFakeUpstream();
    portkey = await startPortkey();
    platform = await startPlatform({
      label: 'gateway',
      env: {
        RUN_WORKER: 'process',
        OPENAI_API_KEY: 'sk-bench',
        OPENAI_BASE_URL: `${upstream.url}/v1`,
        MAX_ACTIVE_MEDIA_JOBS: '100000',
        JOB_CONCURRENCY: String(jobConcurrency),
        STORAGE_DIR: storage,
        ADMIN_EMAIL: BENCH_ADMIN.email,
        ADMIN_PASSWORD: BENCH_ADMIN.password,
      },
    });
    platformPid = platform.pid;
    db = new Client({ connectionString: platformDatabaseUrl(platform.database) });
    await db.connect();
    const token = await registerFunded(platform.baseUrl, 1_000_000);
    const baseUrl = platform.baseUrl;
    const submitters = await Promise.all(
      Array.from({ length: mediaSubmitters }, () => registerFunded(baseUrl, 100_000)),
    );
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const first = await call(platform.baseUrl, '/tools/chat/run', { token, body: { input: { prompt: 'hello' } } });
    console.log(`platform ready in ${platform.startupMs} ms; a text run answered by "${String(first.provider)}"`);
    console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`);
    console.log(`${rounds} rounds; loads of ${duration} s at ${connections} connections; ${mediaJobs} media jobs\n`);

    const run = `${platform.baseUrl}/api/v1/tools/chat/run`;
    const portkeyHeaders = {
      'content-type': 'application/json',
      authorization: 'Bearer sk-bench',
      'x-portkey-provider': 'openai',
      'x-portkey-custom-host': `${upstream.url}/v1`,
    };
    const samples: Sample[] = [];
    const add = (row: string, value: number) => samples.push({ row, value });
    for (let round = 1; round <= rounds; round += 1) {
      const portkeyRps = await rps(`${portkey.url}/v1/chat/completions`, portkeyHeaders, chatBody);
      const uncached = await rps(run, auth, runBody, 'uncached text run');
      add('uncached text run vs Portkey (req/s ratio)', uncached / portkeyRps);

      const bare = await latencyOneConnection(`${upstream.url}/v1/chat/completions`, {}, chatBody, duration);
      const ours = await latencyOneConnection(run, auth, runBody, duration);
      add('overhead over the upstream, 1 conn: p50 ms', ours.p50 - bare.p50);
      add('overhead over the upstream, 1 conn: p99 ms', ours.p99 - bare.p99);

      const health = await rps(`${platform.baseUrl}/api/health`, {}, undefined, 'GET /api/health');
      await call(platform.baseUrl, '/tools/chat/run', { token, body: { input: { prompt: 'cached question' } } });
      const cachedBody = () => JSON.stringify({ input: { prompt: 'cached question' } });
      const cached = await rps(run, auth, cachedBody, 'cached text run');
      add('cached text run vs GET /api/health', cached / health);
      const me = await rps(`${platform.baseUrl}/api/v1/me`, auth, undefined, 'GET /api/v1/me');
      add('GET /api/v1/me vs GET /api/health', me / health);

      const before = cpuSnapshot(platformPid);
      const media = await mediaJobsRound({ baseUrl, tokens: submitters, db, jobs: mediaJobs });
      cpuProfiles.set('media job (submit + work)', cpuPerItem(before, cpuSnapshot(platformPid), mediaJobs));
      // The same hand-off below saturation: half the rate the round above sustained, paced over the same users.
      const paced = await mediaJobsRound({
        baseUrl,
        tokens: submitters,
        db,
        jobs: mediaJobs / 2,
        perSecond: media.perSec / 2,
      });
      belowCapacity.push(
        `${paced.perSec.toFixed(0)} jobs/s: p50 ${paced.startP50.toFixed(1)} ms, p99 ${paced.startP99.toFixed(1)} ms`,
      );
      add('media job submit → worker start: p50 ms', media.startP50);
      add('media job submit → worker start: p99 ms', media.startP99);
      const bareQueue = await bareQueueJobsPerSecond({ jobs: mediaJobs, submitters: mediaSubmitters, jobConcurrency });
      add('media jobs/s vs bare BullMQ no-op jobs', media.perSec / bareQueue);
      console.log(`round ${round}/${rounds} done`);
    }
    if (process.env.BENCH_SKIP_LEDGER !== '1') {
      for (const ratio of await ledgerRatios()) add('credit spend vs pgbench (1/8/32 clients × 2 shapes)', ratio);
    }
    add('SPA first load, bytes on the wire (KB)', (await firstLoadBytes(platform.baseUrl)) / 1024);
    printRatioTable(samples);
    console.log('\nCPU ms per request or job (last round; machine = every process, the load generator included):');
    for (const [label, line] of cpuProfiles) console.log(`  ${label.padEnd(26)} ${line}`);
    console.log(
      '\nMedia submit → worker start at half the rate each round sustained (the queue empty, not saturated):',
    );
    for (const line of belowCapacity) console.log(`  ${line}`);
  } finally {
    await db?.end().catch(() => undefined);
    await platform?.stop();
    await portkey?.stop();
    await upstream?.stop();
    rmSync(storage, { recursive: true, force: true });
  }
}

function platformDatabaseUrl(database: string): string {
  const url = new URL(process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return url.toString();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
