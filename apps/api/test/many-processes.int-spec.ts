import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { verifyLedger } from '../src/credits/ledger-verify';
import {
  chatCompletion,
  FakeServer,
  sendJson,
  sendOpenAiError,
  startFakeServer,
} from '../src/providers/testing/fake-http-server';
import { killHard, spawnApiProcess, until } from './processes';
import { uniqueEmail, TEST_PASSWORD } from './test-app';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Many processes, one platform: 2 API processes (RUN_WORKER=off) and 2 worker processes on one database and one
 * Redis prefix, as ECS runs them. Everything goes through both APIs; one worker is killed with SIGKILL mid-job.
 */
const PREFIX = `${process.env.REDIS_PREFIX ?? 'test'}-many`;
const PORTS = [7510, 7511];
const RATE_LIMIT = 30;
const COMMON = { REDIS_PREFIX: PREFIX, RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT) };
const WORKER_ENV = {
  ...COMMON,
  OFFLINE_DELAY_MS: '4000',
  JOB_CONCURRENCY: '2',
  JOB_LOCK_DURATION_MS: '1000',
  JOB_STALLED_INTERVAL_MS: '500',
  JOB_PROGRESS_THROTTLE_MS: '0',
  OUTBOX_RELAY_INTERVAL_MS: '300',
  CLOUDWATCH_METRICS: 'true',
  CLOUDWATCH_METRICS_NAMESPACE: 'MegicAI/test',
  CLOUDWATCH_METRICS_INTERVAL_MS: '1000',
};

interface User {
  id: string;
  token: string;
}

describe('Many processes, one platform', () => {
  let provider: FakeServer;
  let providerDown = false;
  const processes: ChildProcess[] = [];
  let workers: ChildProcess[] = [];
  const workerOutput: string[] = [];
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  const users: User[] = [];

  /** `api` 0 or 1: which API process answers. */
  const call = async (api: number, method: string, path: string, token?: string, body?: unknown) => {
    const res = await fetch(`http://127.0.0.1:${PORTS[api]}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Body };
  };
  const register = async (api: number): Promise<User> => {
    const res = await call(api, 'POST', '/auth/register', undefined, {
      email: uniqueEmail('many'),
      password: TEST_PASSWORD,
    });
    expect(res.status).toBe(201);
    const user = { id: res.body.user.id as string, token: res.body.accessToken as string };
    users.push(user);
    return user;
  };

  beforeAll(async () => {
    await db.connect();
    provider = await startFakeServer((_req, res) =>
      providerDown ? sendOpenAiError(res, 500, 'upstream down') : sendJson(res, 200, chatCompletion('shared answer')),
    );
    const apiEnv = {
      ...COMMON,
      RUN_WORKER: 'off',
      // Only the APIs know the provider (text runs): the workers' media jobs use the offline provider.
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: `${provider.origin}/v1`,
      PROVIDER_RETRIES: '0',
      PROVIDER_BREAKER_THRESHOLD: '2',
      PROVIDER_BREAKER_HALF_OPEN_MS: '60000',
    };
    const started = await Promise.all([
      ...PORTS.map((port) => spawnApiProcess('main.ts', { ...apiEnv, PORT: String(port) })),
      spawnApiProcess('worker.ts', WORKER_ENV),
      spawnApiProcess('worker.ts', WORKER_ENV),
    ]);
    processes.push(...started);
    workers = started.slice(2);
    for (const w of workers) w.stdout?.on('data', (c: Buffer) => workerOutput.push(c.toString()));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(processes.map((p) => killHard(p)));
    await provider?.close();
    await db.end();
  });

  it('runs text, ads, templates and media through both APIs; a killed worker changes nothing; money moves once', async () => {
    // Text runs, alternating APIs.
    const runners = await Promise.all([0, 1, 0, 1].map((api) => register(api)));
    const texts = await Promise.all(
      runners.flatMap((u, i) =>
        [0, 1].map((api) =>
          call(api, 'POST', '/tools/chat/run', u.token, { input: { prompt: `many ${i} ${api} ${u.id}` } }),
        ),
      ),
    );
    expect(texts.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(texts.every((r) => r.body.status === 'succeeded')).toBe(true);

    // Ad sessions: started on one API, claimed on the other, once.
    for (const [i, u] of runners.entries()) {
      const session = await call(i % 2, 'POST', '/ads/sessions', u.token, { tier: 'text' });
      expect(session.status).toBe(201);
      // As if the ad had played: the server's clock moved on (no sleeping in tests).
      await db.query(
        `UPDATE ad_sessions SET started_at = started_at - make_interval(secs => required_seconds) WHERE id = $1`,
        [session.body.sessionId],
      );
      const path = `/ads/sessions/${session.body.sessionId as string}/complete`;
      const [first, second] = await Promise.all([
        call((i + 1) % 2, 'POST', path, u.token),
        call(i % 2, 'POST', path, u.token),
      ]);
      expect([first.status, second.status].sort()).toEqual([200, 409]);
    }

    // A template run: published through one API, run through the other; the creator earns once.
    const [creator, templateRunner] = await Promise.all([register(0), register(1)]);
    const tpl = await call(0, 'POST', '/marketplace/prompts', creator.token, {
      title: 'Many',
      description: 'many processes',
      toolId: 'chat',
      template: 'Tell me about {{thing}}',
    });
    expect(tpl.status).toBe(201);
    expect((await call(1, 'POST', `/marketplace/prompts/${tpl.body.id as string}/publish`, creator.token)).status).toBe(
      200,
    );
    const templated = await call(1, 'POST', '/tools/chat/run', templateRunner.token, {
      input: { prompt: 'x' },
      templateId: tpl.body.id,
      variables: { thing: `owls ${templateRunner.id}` },
    });
    expect(templated.status).toBe(200);

    // Media jobs through both APIs; once at least 3 run at once (2 per worker), one worker is killed.
    const mediaUsers = await Promise.all([0, 1, 0, 1, 0, 1].map((api) => register(api)));
    const accepted = await Promise.all(
      mediaUsers.map((u, i) =>
        call(i % 2, 'POST', '/tools/image/run', u.token, { input: { prompt: `media ${u.id}` } }),
      ),
    );
    expect(accepted.map((r) => r.status)).toEqual(Array(6).fill(202));
    const mediaIds = accepted.map((r) => r.body.jobId as string);
    const running = async () =>
      (
        await db.query(
          `SELECT count(*)::int AS n FROM jobs WHERE id = ANY($1) AND status = 'running' AND progress > 0`,
          [mediaIds],
        )
      ).rows[0].n as number;
    await until(async () => (await running()) >= 3, 30_000, 'both workers to be mid-job');
    await killHard(workers[0]);
    await until(
      async () =>
        (
          await db.query(
            `SELECT count(*)::int AS n FROM jobs WHERE id = ANY($1) AND status IN ('succeeded', 'failed')`,
            [mediaIds],
          )
        ).rows[0].n === mediaIds.length,
      45_000,
      'every media job to end',
    );
    const media = (await db.query(`SELECT status, runs FROM jobs WHERE id = ANY($1)`, [mediaIds])).rows;
    expect(media.every((j) => j.status === 'succeeded')).toBe(true);
    expect(media.some((j) => j.runs >= 2)).toBe(true); // the killed worker's jobs ran again elsewhere

    // The surviving worker publishes the queue depth (CloudWatch EMF) for the autoscaler.
    expect(workerOutput.join('')).toMatch(/"WaitingJobsTotal":\d+/);

    // Every job ended exactly once and moved money once.
    const ids = users.map((u) => u.id);
    const jobs = (
      await db.query(
        `SELECT j.id, j.status,
                (SELECT count(*)::int FROM credit_ledger l WHERE l.reference_id::text = j.id::text AND l.kind = 'tool_spend') AS spends,
                (SELECT count(*)::int FROM credit_ledger l WHERE l.reference_id::text = j.id::text AND l.kind = 'tool_refund') AS refunds,
                (SELECT count(*)::int FROM credit_ledger l WHERE l.reference_id::text = j.id::text AND l.kind = 'creator_earning') AS earnings
           FROM jobs j WHERE j.user_id = ANY($1)`,
        [ids],
      )
    ).rows as { id: string; status: string; spends: number; refunds: number; earnings: number }[];
    const settledTwice = jobs.filter(
      (j) =>
        j.spends > 1 ||
        j.refunds > 1 ||
        j.earnings > 1 ||
        (j.status === 'succeeded' && j.refunds > 0) ||
        (j.status === 'failed' && j.refunds !== 1),
    );
    const counts = {
      accepted: jobs.length,
      succeeded: jobs.filter((j) => j.status === 'succeeded').length,
      refunded: jobs.filter((j) => j.refunds === 1).length,
      settledTwice: settledTwice.length,
      mediaRetriedAfterKill: media.filter((j) => j.runs >= 2).length,
    };
    console.log(`many processes: ${JSON.stringify(counts)}`);
    expect(counts).toMatchObject({ accepted: 8 + 1 + 6, succeeded: 15, refunded: 0, settledTwice: 0 });
    expect(jobs.filter((j) => j.earnings === 1)).toHaveLength(1);
    const report = await verifyLedger(async (sql, params) => (await db.query(sql, params)).rows, ids);
    expect(report).toMatchObject({ ok: true, differences: [], holdIssues: [] });
  }, 150_000);

  it('counts a per-user rate limit across both APIs', async () => {
    const u = await register(0);
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT + 20; i++) statuses.push((await call(i % 2, 'GET', '/me', u.token)).status);
    const ok = statuses.filter((s) => s === 200).length;
    console.log(`many processes: rate limit ${RATE_LIMIT}/min, ${ok} of ${statuses.length} answered across 2 APIs`);
    // Per process the user would get 2 × 30 = 50 answers; shared in Redis, at most 30.
    expect(ok).toBeLessThanOrEqual(RATE_LIMIT);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20);
  }, 60_000);

  it('shares the circuit state: opened by one API, the other skips the provider without a request', async () => {
    providerDown = true;
    const before = provider.count('/v1/chat');
    const [a, b] = await Promise.all([register(0), register(1)]);
    // Each run tries OpenAI (down), then falls back to the offline provider; 2 failures open API 1's breaker.
    for (let i = 0; i < 2; i++) {
      const res = await call(0, 'POST', '/tools/chat/run', a.token, { input: { prompt: `down ${i} ${a.id}` } });
      expect(res.status).toBe(200);
    }
    const requests = provider.count('/v1/chat');
    expect(requests - before).toBe(2);
    const skipped = await call(1, 'POST', '/tools/chat/run', b.token, { input: { prompt: `skipped ${b.id}` } });
    expect(skipped.status).toBe(200);
    expect(provider.count('/v1/chat')).toBe(requests); // API 2 never called the dead provider
    const providers = (await call(1, 'GET', '/providers')).body as { id: string; healthy: boolean }[];
    expect(providers.find((p) => p.id === 'openai')?.healthy).toBe(false);
    console.log(
      `many processes: circuit opened by API 1 after ${requests - before} failed calls, API 2 made 0 calls to it`,
    );
    const report = await verifyLedger(async (sql, params) => (await db.query(sql, params)).rows, [a.id, b.id]);
    expect(report.ok).toBe(true);
  }, 60_000);
});
