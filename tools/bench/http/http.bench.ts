/**
 * HTTP throughput of the API: authenticated `GET /api/v1/me` (JWT guard, user lookup, balance) and bare
 * `GET /api/health` (the framework's ceiling on this machine), with autocannon.
 *
 *   npx nx run-many -t build -p contracts api && npm run bench:http
 *
 * Knobs: BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (50), BENCH_PIPELINING (1), BENCH_WARMUP (s, 2),
 * BENCH_PORT, PG_ADMIN_URL, REDIS_URL, BENCH_API_ENTRY. The platform runs on a fresh database that is dropped at the
 * end, also on Ctrl-C or an error.
 */
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { Platform, startPlatform, stopAllPlatforms } from './platform';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const pipelining = Number(process.env.BENCH_PIPELINING ?? 1);
const warmup = Number(process.env.BENCH_WARMUP ?? 2);

interface Row {
  name: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
}

async function register(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `bench-${randomBytes(4).toString('hex')}@megicai.test`,
      password: 'bench-password-1',
    }),
  });
  if (response.status !== 201) throw new Error(`register answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { accessToken: string };
  return body.accessToken;
}

async function measure(name: string, url: string, headers: Record<string, string>): Promise<Row> {
  // A short untimed run first, so JIT warm-up and connection pools do not count.
  if (warmup > 0) await autocannon({ url, connections, pipelining, duration: warmup, headers });
  const result = await autocannon({ url, connections, pipelining, duration, headers });
  return {
    name,
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

function printTable(rows: Row[]): void {
  const header = ['route', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'non-2xx', 'errors'];
  const body = rows.map((r) => [
    r.name,
    r.reqPerSec.toFixed(0),
    String(r.p50),
    String(r.p99),
    String(r.total),
    String(r.non2xx),
    String(r.errors),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const row of body) console.log(line(row));
}

async function main(): Promise<void> {
  let platform: Platform | undefined;
  let exiting = false;
  const abort = (signal: string): void => {
    if (exiting) return;
    exiting = true;
    console.error(`\n${signal}: stopping the API and dropping the database`);
    void stopAllPlatforms().finally(() => process.exit(130));
  };
  process.on('SIGINT', () => abort('SIGINT'));
  process.on('SIGTERM', () => abort('SIGTERM'));

  try {
    platform = await startPlatform({ label: 'http' });
    console.log(`API ready in ${platform.startupMs} ms on ${platform.baseUrl} (database ${platform.database})`);
    const token = await register(platform.baseUrl);
    console.log(
      `autocannon: ${duration} s per route (+${warmup} s warm-up), ${connections} connections, pipelining ${pipelining}`,
    );
    console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}\n`);

    const rows = [
      await measure('GET /api/v1/me (Bearer JWT)', `${platform.baseUrl}/api/v1/me`, {
        authorization: `Bearer ${token}`,
      }),
      await measure('GET /api/health', `${platform.baseUrl}/api/health`, {}),
    ];
    printTable(rows);
    const failed = rows.filter((r) => r.non2xx > 0 || r.errors > 0);
    if (failed.length > 0) {
      console.error(`\nWARNING: non-2xx answers or errors on ${failed.map((r) => r.name).join(', ')}; last API lines:`);
      console.error(platform.logTail());
      process.exitCode = 1;
    }
  } finally {
    if (!exiting) await platform?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
