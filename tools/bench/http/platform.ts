/**
 * Starts the built API (`apps/api/dist/main.js`) on a database and a Redis prefix of its own, the way production runs
 * it, and tears everything down again. Benches import this so that a figure never depends on leftovers of another run.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';

export const repoRoot = resolve(__dirname, '..', '..', '..');

export interface PlatformOptions {
  /** Label in the database name and the Redis prefix: `megicai_bench_<label>_<random>`. */
  label?: string;
  /** Extra or overriding environment for the API process. */
  env?: Record<string, string>;
  /** How long to wait for `/api/health/ready`, in ms. */
  readyTimeoutMs?: number;
}

export interface Platform {
  baseUrl: string;
  database: string;
  redisPrefix: string;
  /** The API process (its supervised worker, if any, is its child). */
  pid: number;
  /** Milliseconds from spawning the process to the first 200 of `/api/health/ready`. */
  startupMs: number;
  /** Last lines the API wrote (stdout and stderr), for error reports. */
  logTail(): string;
  stop(): Promise<void>;
}

const adminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The API entry to run; BENCH_API_ENTRY points at another build (e.g. a copy under tmp/) if needed. */
export function apiEntry(): string {
  return resolve(repoRoot, process.env.BENCH_API_ENTRY ?? 'apps/api/dist/main.js');
}

/** Fails with the build command when the API has not been built. */
export function requireBuiltApi(): void {
  const contracts = resolve(repoRoot, 'libs/contracts/dist/index.js');
  if (!existsSync(apiEntry()) || !existsSync(contracts)) {
    throw new Error(
      `No built API (${existsSync(apiEntry()) ? contracts : apiEntry()} is missing).\n` +
        'Build it first: npx nx run-many -t build -p contracts api',
    );
  }
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function databaseUrl(database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Removes every Redis key the run wrote (throttler counters, queues, caches) under its prefix. */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

function freePortFrom(seed: string): number {
  // A port derived from the random suffix: two benches at once rarely collide, and BENCH_PORT overrides it.
  return Number(process.env.BENCH_PORT ?? 20000 + (parseInt(seed.slice(0, 4), 16) % 20000));
}

/** Stop functions of every platform started and not yet stopped (also those still starting), for Ctrl-C. */
const running = new Set<() => Promise<void>>();

/** Stops every platform of this process: call it from SIGINT/SIGTERM handlers. */
export async function stopAllPlatforms(): Promise<void> {
  await Promise.all([...running].map((stop) => stop()));
}

async function sleep(ms: number): Promise<void> {
  await new Promise((done) => setTimeout(done, ms));
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

export async function startPlatform(options: PlatformOptions = {}): Promise<Platform> {
  requireBuiltApi();
  const suffix = randomBytes(4).toString('hex');
  const label = options.label ? `${options.label}_` : '';
  const database = `megicai_bench_${label}${suffix}`;
  const redisPrefix = `bench-${label.replace(/_/g, '-')}${suffix}`;
  const port = freePortFrom(suffix);
  const baseUrl = `http://127.0.0.1:${port}`;

  await adminQuery(`CREATE DATABASE "${database}"`);

  const lines: string[] = [];
  const keep = (chunk: Buffer): void => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  const logTail = (): string => lines.slice(-40).join('\n') || '(no output)';

  const startedAt = Date.now();
  const child = spawn(process.execPath, [apiEntry()], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
      ASSET_URL_SECRET: randomBytes(32).toString('hex'),
      PORT: String(port),
      DATABASE_URL: databaseUrl(database),
      REDIS_URL: redisUrl,
      REDIS_PREFIX: redisPrefix,
      RUN_WORKER: 'off',
      LOG_LEVEL: 'warn',
      // The bench measures the framework, not the limiter's 429s.
      RATE_LIMIT_PER_MINUTE: '100000000',
      AUTH_RATE_LIMIT_PER_MINUTE: '100000000',
      OFFLINE_DELAY_MS: '0',
      // Production requires one; nothing listens there, so a mail fails fast and is only logged.
      SMTP_URL: 'smtp://127.0.0.1:1',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const shutdown = async (): Promise<void> => {
    running.delete(stop);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 10_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
    // FORCE ends connections a killed API may have left behind (PostgreSQL 13+).
    await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch((error: Error) =>
      console.error(`could not drop ${database}: ${error.message}`),
    );
    await deleteRedisKeys(redisPrefix).catch((error: Error) =>
      console.error(`could not delete Redis keys ${redisPrefix}*: ${error.message}`),
    );
  };
  // Memoized: Ctrl-C and the normal end may both ask, and both must wait for the same clean-up.
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => (stopping ??= shutdown());

  running.add(stop);
  try {
    const deadline = startedAt + (options.readyTimeoutMs ?? 60_000);
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `the API exited during start-up (code ${child.exitCode}, signal ${child.signalCode}):\n${logTail()}`,
        );
      }
      if (Date.now() > deadline) throw new Error(`the API was not ready within the timeout:\n${logTail()}`);
      const ready = await fetch(`${baseUrl}/api/health/ready`).then(
        (response) => response.status === 200,
        () => false,
      );
      if (ready) break;
      await sleep(100);
    }
  } catch (error) {
    await stop();
    throw error;
  }

  return { baseUrl, database, redisPrefix, pid: child.pid ?? 0, startupMs: Date.now() - startedAt, logTail, stop };
}
