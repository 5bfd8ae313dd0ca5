import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { bearer, createTestApp, registerUser, TestApp } from '../test-app';
import { spawnApiProcess, until } from '../processes';
import { expectLedgerClean } from './ledger';
import { ThrowawayPostgres } from './throwaway-servers';

const pg = new ThrowawayPostgres(5440);

describe('Fault (b): PostgreSQL stopped with media jobs queued', () => {
  let t: TestApp;
  let worker: ChildProcess | undefined;

  beforeAll(async () => {
    await pg.init();
    const env = {
      DATABASE_URL: pg.url,
      REDIS_PREFIX: `fault-pg-${randomBytes(3).toString('hex')}`,
      SIGNUP_BONUS_CREDITS: '200',
      MAX_ACTIVE_MEDIA_JOBS: '20',
      OFFLINE_DELAY_MS: '1500',
      JOB_PROGRESS_THROTTLE_MS: '0',
      JOB_INFRA_RETRY_DELAY_MS: '500',
      // Few attempts: were an outage to spend them, the jobs would fail within seconds.
      JOB_ATTEMPTS: '2',
      JOB_BACKOFF_MS: '100',
    };
    // Side by side: both migrate the fresh database under the same advisory lock.
    [t, worker] = await Promise.all([createTestApp(env), spawnApiProcess('worker.ts', env)]);
  }, 60_000);

  afterAll(async () => {
    worker?.kill('SIGKILL');
    await t?.close();
    pg.destroy();
  });

  it('every job succeeds once PostgreSQL is back, and users never read an internal error', async () => {
    const users = await Promise.all([registerUser(t), registerUser(t)]);
    const ids: { id: string; token: string }[] = [];
    for (const u of users) {
      for (let n = 0; n < 5; n++) {
        const res = await t
          .http()
          .post('/api/v1/tools/image/run')
          .set(bearer(u.accessToken))
          .send({ input: { prompt: `pg outage ${n} ${u.user.id}` } })
          .expect(202);
        ids.push({ id: (res.body as { jobId: string }).jobId, token: u.accessToken });
      }
    }
    const db = t.app.get(DataSource);
    await until(
      async () => {
        const [row] = await db.query(`SELECT count(*)::int AS n FROM jobs WHERE status = 'running'`);
        return row.n > 0;
      },
      20_000,
      'the worker to start some jobs',
    );

    pg.stop();
    await new Promise((r) => setTimeout(r, 10_000));
    await pg.start();

    await until(
      async () => {
        const rows: { status: string }[] = await db
          .query(`SELECT status FROM jobs WHERE id = ANY($1::uuid[])`, [ids.map((j) => j.id)])
          .catch(() => []);
        return rows.length === ids.length && rows.every((r) => r.status !== 'queued' && r.status !== 'running');
      },
      40_000,
      'every job to end',
    );
    for (const { id, token } of ids) {
      const job = (await t.http().get(`/api/v1/jobs/${id}`).set(bearer(token)).expect(200)).body as Record<
        string,
        unknown
      >;
      expect({ id, status: job.status, error: job.error }).toEqual({ id, status: 'succeeded', error: null });
    }
    await expectLedgerClean(db);
  }, 90_000);
});
