/**
 * Tool runs end to end, against a platform started on its own fresh database (dropped at the end):
 * 1. cached text runs: `POST /api/v1/tools/chat/run` with the same prompt (every answer a cache hit: a job row,
 *    no charge) at BENCH_CONNECTIONS concurrent users with autocannon → runs/s, p50/p99;
 * 2. image jobs through BullMQ with the offline provider at zero delay: BENCH_IMAGE_JOBS submits (fresh, not cached)
 *    by BENCH_IMAGE_CONCURRENCY clients, worker inline → jobs/s and submit → succeeded latency p50/p99 (from the job
 *    rows' createdAt/finishedAt, so polling does not skew them);
 * 3. `GET /api/health` as the framework's ceiling on this machine.
 *
 *   npx nx run-many -t build -p contracts api && npm run bench:run
 *
 * Knobs: BENCH_DURATION (s, 10), BENCH_CONNECTIONS (50), BENCH_WARMUP (s, 2), BENCH_IMAGE_JOBS (300),
 * BENCH_IMAGE_CONCURRENCY (20), JOB_CONCURRENCY (worker concurrency per queue, 8), plus those of tools/bench/http.
 */
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobView, Page } from '@megicai/contracts';
import { BENCH_ADMIN, call, percentile, registerFunded } from '../http/bench-client';
import { Platform, startPlatform, stopAllPlatforms } from '../http/platform';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const warmup = Number(process.env.BENCH_WARMUP ?? 2);
const imageJobs = Number(process.env.BENCH_IMAGE_JOBS ?? 300);
const imageConcurrency = Number(process.env.BENCH_IMAGE_CONCURRENCY ?? 20);
interface Row {
  name: string;
  perSec: number;
  p50: number;
  p99: number;
  total: number;
  failures: number;
}

async function cachedTextRuns(baseUrl: string, token: string): Promise<Row> {
  const body = JSON.stringify({ input: { prompt: 'What is a rainbow? Answer in one sentence.' } });
  await call(baseUrl, '/tools/chat/run', { token, body: JSON.parse(body) as unknown }); // fills the cache
  const options = {
    url: `${baseUrl}/api/v1/tools/chat/run`,
    method: 'POST' as const,
    connections,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
  };
  if (warmup > 0) await autocannon({ ...options, duration: warmup });
  const result = await autocannon({ ...options, duration });
  return {
    name: `POST /tools/chat/run, cached (${connections} users)`,
    perSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    failures: result.non2xx + result.errors,
  };
}

async function health(baseUrl: string): Promise<Row> {
  const options = { url: `${baseUrl}/api/health`, connections };
  if (warmup > 0) await autocannon({ ...options, duration: warmup });
  const result = await autocannon({ ...options, duration });
  return {
    name: `GET /api/health (ceiling, ${connections} conns)`,
    perSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    failures: result.non2xx + result.errors,
  };
}

async function imageJobsThroughQueue(baseUrl: string, token: string): Promise<Row> {
  const ids: string[] = [];
  let next = 0;
  let failures = 0;
  const submitter = async () => {
    while (next < imageJobs) {
      const i = next++;
      try {
        const res = await call(baseUrl, '/tools/image/run', {
          token,
          body: {
            input: { prompt: `bench image ${i} ${randomBytes(3).toString('hex')}`, size: '256x256' },
            cache: false,
          },
        });
        ids.push(res.jobId as string);
      } catch {
        failures += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: imageConcurrency }, submitter));

  // Wait for every job to finish, reading the history (a few requests a second, not one poll per job).
  const finished = new Map<string, JobView>();
  const deadline = Date.now() + 5 * 60_000;
  while (finished.size < ids.length && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    let cursor: string | null = null;
    do {
      const page = (await call(baseUrl, `/jobs?limit=100${cursor ? `&cursor=${cursor}` : ''}`, {
        token,
      })) as unknown as Page<JobView>;
      for (const job of page.items) if (job.finishedAt) finished.set(job.id, job);
      cursor = page.nextCursor;
    } while (cursor);
  }
  const jobs = ids.map((id) => finished.get(id)).filter((j): j is JobView => j !== undefined);
  failures += ids.length - jobs.filter((j) => j.status === 'succeeded').length;
  const latencies = jobs.map((j) => Date.parse(j.finishedAt!) - Date.parse(j.createdAt)).sort((a, b) => a - b);
  const first = Math.min(...jobs.map((j) => Date.parse(j.createdAt)));
  const last = Math.max(...jobs.map((j) => Date.parse(j.finishedAt!)));
  return {
    name: `image jobs via BullMQ (${imageConcurrency} submitters, offline 0 ms)`,
    perSec: jobs.length / Math.max(0.001, (last - first) / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    total: jobs.length,
    failures,
  };
}

/** The last row is bare `GET /api/health`: every row also shows its rate as a ratio of it (issue 10's measure). */
function printTable(rows: Row[]): void {
  const ceiling = rows[rows.length - 1].perSec;
  const header = ['measure', 'per s', 'vs health', 'p50 ms', 'p99 ms', 'total', 'failures'];
  const body = rows.map((r) => [
    r.name,
    r.perSec.toFixed(0),
    `${(r.perSec / Math.max(ceiling, 0.001)).toFixed(3)}×`,
    String(Math.round(r.p50)),
    String(Math.round(r.p99)),
    String(r.total),
    String(r.failures),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const row of body) console.log(line(row));
}

async function main(): Promise<void> {
  let platform: Platform | undefined;
  const storage = mkdtempSync(join(tmpdir(), 'megicai-bench-run-'));
  process.on('SIGINT', () => void stopAllPlatforms().finally(() => process.exit(130)));
  try {
    platform = await startPlatform({
      label: 'run',
      env: {
        RUN_WORKER: 'inline',
        OFFLINE_DELAY_MS: '0',
        MAX_ACTIVE_MEDIA_JOBS: '100000',
        JOB_CONCURRENCY: process.env.JOB_CONCURRENCY ?? '8',
        JOB_PROGRESS_THROTTLE_MS: '250',
        STORAGE_DIR: storage,
        ADMIN_EMAIL: BENCH_ADMIN.email,
        ADMIN_PASSWORD: BENCH_ADMIN.password,
      },
    });
    console.log(
      `API + inline worker ready in ${platform.startupMs} ms on ${platform.baseUrl} (database ${platform.database})`,
    );
    console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`);
    console.log(`autocannon: ${duration} s (+${warmup} s warm-up); ${imageJobs} image jobs\n`);
    const token = await registerFunded(platform.baseUrl, imageJobs * 5 + 10);
    const rows = [
      await cachedTextRuns(platform.baseUrl, token),
      await imageJobsThroughQueue(platform.baseUrl, token),
      await health(platform.baseUrl),
    ];
    printTable(rows);
    if (rows.some((r) => r.failures > 0)) {
      console.error('\nWARNING: failures; last API lines:\n' + platform.logTail());
      process.exitCode = 1;
    }
  } finally {
    await platform?.stop();
    rmSync(storage, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
