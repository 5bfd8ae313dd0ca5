import { getQueueToken } from '@nestjs/bullmq';
import type { ChildProcess } from 'node:child_process';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { sendOpenAiError, startFakeServer } from '../providers/testing/fake-http-server';
import { JobErrorMessage } from './job-errors';
import { spawnApiProcess, until } from '../../test/processes';
import { bearer, createTestApp, registerUser, TestApp } from '../../test/test-app';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// Own queues: the inline worker of another spec must not take these jobs.
const PREFIX = `${process.env.REDIS_PREFIX ?? 'test'}-crash`;
const WORKER_ENV = {
  REDIS_PREFIX: PREFIX,
  OFFLINE_DELAY_MS: '3000',
  JOB_LOCK_DURATION_MS: '1000',
  JOB_STALLED_INTERVAL_MS: '500',
  JOB_PROGRESS_THROTTLE_MS: '0',
  OUTBOX_RELAY_INTERVAL_MS: '300',
};

/** A worker as production runs it: its own process, killed for real. */
const spawnWorker = (extraEnv: Record<string, string> = {}): Promise<ChildProcess> =>
  spawnApiProcess('worker.ts', { ...WORKER_ENV, ...extraEnv });

async function job(t: TestApp, token: string, id: string): Promise<Body> {
  return (await t.http().get(`/api/v1/jobs/${id}`).set(bearer(token)).expect(200)).body as Body;
}

describe('Media jobs in worker processes', () => {
  let t: TestApp;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    t = await createTestApp({ REDIS_PREFIX: PREFIX });
  });
  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await t.close();
  });

  it('a worker killed with SIGKILL mid-job: the job is retried, ends once and is settled once', async () => {
    const u = await registerUser(t);
    workers.push(await spawnWorker());
    const res = await t
      .http()
      .post('/api/v1/tools/image/run')
      .set(bearer(u.accessToken))
      .send({ input: { prompt: `crash ${u.user.id}` } })
      .expect(202);
    const id = res.body.jobId as string;
    await until(
      async () => {
        const j = await job(t, u.accessToken, id);
        return j.status === 'running' && j.progress > 0;
      },
      20000,
      'the first worker to start the job',
    );
    workers[0].kill('SIGKILL');
    await new Promise((r) => workers[0].once('exit', r));
    expect((await job(t, u.accessToken, id)).status).toBe('running');

    workers.push(await spawnWorker());
    await until(async () => (await job(t, u.accessToken, id)).status !== 'running', 30000, 'the retry to finish');
    const done = await job(t, u.accessToken, id);
    expect(done).toMatchObject({ status: 'succeeded', progress: 100 });

    const db = t.app.get(DataSource);
    const [row] = await db.query(`SELECT runs FROM jobs WHERE id = $1`, [id]);
    expect(row.runs).toBe(2);
    const holds = await db.query(`SELECT status FROM credit_holds WHERE reference_type = 'job' AND reference_id = $1`, [
      id,
    ]);
    expect(holds).toEqual([{ status: 'captured' }]);
    const entries = await db.query(`SELECT kind, delta FROM credit_ledger WHERE reference_id = $1`, [id]);
    expect(entries).toEqual([{ kind: 'tool_spend', delta: '-5000' }]);
  }, 60000);

  it('a job committed but never added to the queue is relayed from the outbox', async () => {
    for (const w of workers) w.kill('SIGKILL');
    const u = await registerUser(t);
    const res = await t
      .http()
      .post('/api/v1/tools/image/run')
      .set(bearer(u.accessToken))
      .send({ input: { prompt: `lost ${u.user.id}` } })
      .expect(202);
    const id = res.body.jobId as string;
    // Simulate a crash between commit and add: the job is not in BullMQ, its outbox row is still there (the row of
    // the real add may not be deleted yet: that delete does not hold up the request).
    const queue = t.app.get<Queue>(getQueueToken('image'));
    expect(await queue.remove(id)).toBe(1);
    const db = t.app.get(DataSource);
    await db.query(
      `INSERT INTO job_outbox (job_id, queue, queue_prefix, created_at) VALUES ($1, 'image', $2, now() - interval '1 minute')
       ON CONFLICT (job_id) DO UPDATE SET created_at = excluded.created_at`,
      [id, PREFIX],
    );
    workers.push(await spawnWorker());
    await until(async () => (await job(t, u.accessToken, id)).status === 'succeeded', 30000, 'the relayed job');
    expect(await db.query(`SELECT 1 FROM job_outbox WHERE job_id = $1`, [id])).toEqual([]);
  }, 60000);
  it('a media job whose provider refuses it fails once and is refunded in full', async () => {
    for (const w of workers) w.kill('SIGKILL');
    const server = await startFakeServer((_req, res) =>
      sendOpenAiError(res, 400, 'Your request was rejected by upstream-7.internal (10.0.3.7)'),
    );
    const openai = { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${server.origin}/v1`, PROVIDER_RETRIES: '0' };
    const app = await createTestApp({ REDIS_PREFIX: PREFIX, ...openai });
    try {
      workers.push(await spawnWorker(openai));
      const u = await registerUser(app);
      const res = await app
        .http()
        .post('/api/v1/tools/image/run')
        .set(bearer(u.accessToken))
        .send({ input: { prompt: `refused ${u.user.id}` }, provider: 'openai' })
        .expect(202);
      const id = res.body.jobId as string;
      await until(async () => (await job(app, u.accessToken, id)).status === 'failed', 20000, 'the job to fail');
      const failed = await job(app, u.accessToken, id);
      // A message chosen by category; the provider's own words (and its internal names) stay in the attempts.
      expect(failed.error).toBe(JobErrorMessage.providerRefused);
      expect(JSON.stringify(failed)).not.toMatch(/upstream-7|10\.0\.3\.7/);
      expect(server.count('/v1/images')).toBe(1);
      const entries = await app.app
        .get(DataSource)
        .query(`SELECT kind, delta FROM credit_ledger WHERE reference_id = $1 ORDER BY created_at`, [id]);
      expect(entries).toEqual([
        { kind: 'tool_spend', delta: '-5000' },
        { kind: 'tool_refund', delta: '5000' },
      ]);
      expect((await app.http().get('/api/v1/me').set(bearer(u.accessToken)).expect(200)).body.balance).toBe(5);
    } finally {
      await app.close();
      await server.close();
    }
  }, 60000);
});

describe('A client that goes away', () => {
  it('stops a streamed text run and refunds it', async () => {
    const app = await createTestApp({ OFFLINE_DELAY_MS: '4000' });
    try {
      await app.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.app.getHttpServer().address() as { port: number };
      const u = await registerUser(app);
      const controller = new AbortController();
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/tools/chat/run?stream=true`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${u.accessToken}` },
        body: JSON.stringify({
          input: { prompt: `gone ${u.user.id} tell me a long story about lighthouses and tides` },
        }),
        signal: controller.signal,
      });
      const reader = res.body!.getReader();
      await reader.read(); // the first token arrived: the run is under way
      controller.abort();
      const db = app.app.get(DataSource);
      await until(
        async () => {
          const [row] = await db.query(`SELECT status FROM jobs WHERE user_id = $1`, [u.user.id]);
          return row?.status === 'failed';
        },
        10000,
        'the abandoned run to fail',
      );
      expect((await app.http().get('/api/v1/me').set(bearer(u.accessToken)).expect(200)).body.balance).toBe(5);
    } finally {
      await app.close();
    }
  });
});
