/**
 * Admin analytics latency on 1,000,000 analytics events over 90 days.
 *
 * Creates `megicai_bench_analytics_<random>` (and a Redis prefix of its own), boots the whole API in this process as
 * the specs do (createApp: Fastify, guards, pipes, every module), seeds 1,000,000 events spread over the last 90 days
 * with one INSERT … SELECT generate_series, folds them into the daily rollups with the rollup job's service (timed),
 * then adds a live tail of 100 events from the last minute that the rollup has not folded (as between two runs of
 * the job). Times `GET /api/v1/admin/analytics` for windows of 7, 30 and 90 days (Fastify's inject: the route with its
 * guards, validation and serialization, no socket), after a warm-up, and prints p50 / p95 / p99 for each. Drops the
 * database and the Redis keys at the end (also on an error or Ctrl-C).
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AnalyticsRollupService } from '../../../apps/api/src/analytics-events/analytics-rollup.service';
import { percentile } from '../http/bench-client';
import { deleteRedisKeys } from '../http/platform';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
// The rollup runs every minute and leaves the last 30 s: the tail is ~90 s of events, ~12 at this volume (11,000 a
// day). 100 is a burst of ~8x; BENCH_TAIL=1000 shows what a 100x burst costs.
const TAIL = Number(process.env.BENCH_TAIL ?? 100);
const USERS = Number(process.env.BENCH_USERS ?? 20_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const adminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const DAY_MS = 24 * 3600 * 1000;

/**
 * Events of every type, in proportions of a busy day (out of 20): sign-up, login, 2 ads started and 1 completed, 2
 * ledger entries, 3 runs accepted, 2 succeeded, 1 failed, 1 cache hit, 6 provider calls (5 % failed, latency skewed
 * toward fast). `at` is drawn from `span`; users from a pool of USERS, tools from the seeded catalog.
 */
function eventsSql(count: number, span: string): string {
  return `
    WITH u AS (SELECT array_agg(gen_random_uuid()) AS ids FROM generate_series(1, ${USERS})),
         t AS (SELECT array_agg(id ORDER BY slug) AS ids, array_agg(kind ORDER BY slug) AS kinds, count(*)::int AS n
                 FROM tools)
    INSERT INTO analytics_events (at, type, user_id, tool_id, provider, kind, amount, latency_ms, ok)
    SELECT now() - random() * ${span}, e.type, u.ids[1 + floor(random() * ${USERS})::int],
           CASE WHEN e.run THEN t.ids[1 + g % t.n] END,
           CASE WHEN e.type IN ('run_succeeded', 'cache_hit', 'attempt')
                THEN (ARRAY['openai', 'anthropic', 'stability', 'offline'])[1 + (g / 20) % 4] END,
           CASE WHEN e.type IN ('ad_started', 'ad_completed') THEN (ARRAY['text', 'image', 'video'])[1 + (g / 20) % 3]
                WHEN e.type = 'credit' THEN (ARRAY['signup_bonus', 'ad_reward', 'daily_reward', 'purchase',
                                                   'tool_spend', 'tool_refund'])[1 + (g / 20) % 6]
                WHEN e.run THEN t.kinds[1 + g % t.n]::text END,
           CASE WHEN e.type = 'credit' THEN CASE WHEN (g / 20) % 6 = 4 THEN -2000 ELSE 1000 END
                WHEN e.type IN ('run_accepted', 'run_failed') THEN 2000 END,
           CASE WHEN e.type IN ('attempt', 'run_succeeded') THEN (20 + 4000 * power(random(), 3))::int END,
           CASE WHEN e.type = 'attempt' THEN random() > 0.05 END
      FROM generate_series(1, ${count}) g
     CROSS JOIN u CROSS JOIN t
     CROSS JOIN LATERAL (
       SELECT (ARRAY['signup', 'login', 'ad_started', 'ad_started', 'ad_completed', 'credit', 'credit',
                     'run_accepted', 'run_accepted', 'run_accepted', 'run_succeeded', 'run_succeeded', 'run_failed',
                     'cache_hit', 'attempt', 'attempt', 'attempt', 'attempt', 'attempt', 'attempt'])[1 + g % 20] AS type
     ) k
     CROSS JOIN LATERAL (SELECT k.type, k.type LIKE 'run_%' OR k.type IN ('cache_hit', 'attempt') AS run) e`;
}

/** One statement on its own connection (no pool statement_timeout: seeding a million rows takes a while). */
async function admin(sql: string, connectionString = adminUrl): Promise<void> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 10);

async function main(): Promise<void> {
  const suffix = `${Date.now()}_${randomBytes(3).toString('hex')}`;
  const database = `megicai_bench_analytics_${suffix}`;
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: url.toString(),
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `bench-analytics-${suffix}`,
    RUN_WORKER: 'off',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    RATE_LIMIT_PER_MINUTE: '1000000',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
    ADMIN_EMAIL: 'admin@bench.test',
    ADMIN_PASSWORD: 'bench-admin-password',
  });
  await admin(`CREATE DATABASE ${database}`);
  // Imported after the environment is set: the config is read when the app is created.
  const { createApp } = await import('../../../apps/api/src/bootstrap/create-app');
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  const cleanup = async () => {
    await app?.close().catch(() => undefined);
    if (process.env.BENCH_KEEP_DB === '1') console.log(`kept database ${database}`);
    else await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await deleteRedisKeys(`bench-analytics-${suffix}`);
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));
  try {
    app = await createApp({ logger: false });
    await app.init();
    const fastify = app.getHttpAdapter().getInstance();
    await fastify.ready();
    const db = app.get(DataSource);

    let started = performance.now();
    await admin(eventsSql(EVENTS, `interval '90 days'`), url.toString());
    await admin(`VACUUM ANALYZE analytics_events`, url.toString());
    console.log(`seeded ${EVENTS} events over 90 days (${USERS} users) in ${s(performance.now() - started)}`);

    started = performance.now();
    const rolled = await app.get(AnalyticsRollupService).rollup(0);
    await admin(`VACUUM ANALYZE analytics_daily, analytics_daily_users`, url.toString());
    const [{ rows }] = await db.query(`SELECT count(*)::int AS rows FROM analytics_daily`);
    console.log(`rollup folded ${rolled.rolled} events into ${rows} daily rows in ${s(performance.now() - started)}`);
    await db.query(eventsSql(TAIL, `interval '1 minute'`));
    console.log(`added a live tail of ${TAIL} events from the last minute (not rolled up)`);

    const login = await fastify.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'admin@bench.test', password: 'bench-admin-password' },
    });
    const token = (login.json() as { accessToken: string }).accessToken;
    const get = async (days: number) => {
      const res = await fastify.inject({
        method: 'GET',
        url: `/api/v1/admin/analytics?from=${day(days - 1)}&to=${day(0)}`,
        headers: { authorization: `Bearer ${token}` },
      });
      if (res.statusCode !== 200) throw new Error(`GET /admin/analytics → ${res.statusCode}: ${res.body}`);
      return res;
    };

    console.log(`\nGET /api/v1/admin/analytics (${REQUESTS} requests per window, after 20 warm-up ones)`);
    let met = true;
    for (const days of [7, 30, 90]) {
      for (let i = 0; i < 20; i++) await get(days);
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const t0 = performance.now();
        await get(days);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const p95 = percentile(times, 95);
      met &&= p95 < 100;
      const f = (n: number) => `${n.toFixed(1).padStart(6)} ms`;
      console.log(
        `${`${days} days`.padEnd(8)} p50 ${f(percentile(times, 50))}  p95 ${f(p95)}  p99 ${f(percentile(times, 99))}`,
      );
    }
    console.log(`\np95 under 100 ms for every window: ${met ? 'met' : 'NOT met'}`);
  } finally {
    await cleanup();
  }
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
