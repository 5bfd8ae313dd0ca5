import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { bearer, createTestApp, loginAdmin, registerUser, TEST_PASSWORD, TestApp, uniqueEmail } from '../test-app';
import { spawnApiProcess, until } from '../processes';
import { expectLedgerClean } from './ledger';
import { ThrowawayRedis } from './throwaway-servers';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const redis = new ThrowawayRedis(6390);

describe('Fault (a): Redis killed under load', () => {
  let t: TestApp;
  let worker: ChildProcess | undefined;

  beforeAll(async () => {
    await redis.start();
    const env = {
      REDIS_URL: redis.url,
      REDIS_PREFIX: `fault-${randomBytes(3).toString('hex')}`,
      OUTBOX_RELAY_INTERVAL_MS: '300',
      SIGNUP_BONUS_CREDITS: '200',
      OFFLINE_DELAY_MS: '100',
      JOB_INFRA_RETRY_DELAY_MS: '300',
    };
    [t, worker] = await Promise.all([createTestApp(env), spawnApiProcess('worker.ts', env)]);
  }, 60_000);

  afterAll(async () => {
    worker?.kill('SIGKILL');
    await t?.close();
    await redis.kill();
  });

  it('reads, logins and text runs answer 2xx, media runs wait in the outbox, bans hold during and after', async () => {
    const admin = await loginAdmin(t);
    const u = await registerUser(t);
    const banned = await registerUser(t);
    const bannedLater = await registerUser(t);
    const ban = (id: string) =>
      t.http().patch(`/api/v1/admin/users/${id}`).set(bearer(admin.accessToken)).send({ banned: true }).expect(200);
    await ban(banned.user.id);
    await t.http().get('/api/v1/me').set(bearer(bannedLater.accessToken)).expect(200); // cached as not banned
    // A job already in BullMQ when Redis dies (the queue paused so that no worker takes it): the Redis that comes
    // back is empty, so only the check made when Redis returns can bring it back (the orphan delay is 5 minutes).
    await t.app.get<Queue>(getQueueToken('image')).pause();
    const inQueue = await t
      .http()
      .post('/api/v1/tools/image/run')
      .set(bearer(u.accessToken))
      .send({ input: { prompt: `before the outage ${u.user.id}` } })
      .expect(202);

    await redis.kill();

    const media: string[] = [(inQueue.body as Body).jobId as string];
    const statuses: Record<string, number[]> = {
      tools: [],
      me: [],
      login: [],
      register: [],
      text: [],
      media: [],
      banned: [],
    };
    for (let round = 0; round < 4; round++) {
      const [tools, me, login, register, text, image, bannedMe] = await Promise.all([
        t.http().get('/api/v1/tools'),
        t.http().get('/api/v1/me').set(bearer(u.accessToken)),
        t.http().post('/api/v1/auth/login').send({ email: u.user.email, password: u.password }),
        t
          .http()
          .post('/api/v1/auth/register')
          .send({ email: uniqueEmail('outage'), password: TEST_PASSWORD }),
        t
          .http()
          .post('/api/v1/tools/chat/run')
          .set(bearer(u.accessToken))
          .send({ input: { prompt: `outage ${round} ${u.user.id}` } }),
        t
          .http()
          .post('/api/v1/tools/image/run')
          .set(bearer(u.accessToken))
          .send({ input: { prompt: `outage image ${round} ${u.user.id}` } }),
        t.http().get('/api/v1/me').set(bearer(banned.accessToken)),
      ]);
      statuses.tools.push(tools.status);
      statuses.me.push(me.status);
      statuses.login.push(login.status);
      statuses.register.push(register.status);
      statuses.text.push(text.status);
      statuses.media.push(image.status);
      statuses.banned.push(bannedMe.status);
      if (image.status === 202) media.push((image.body as Body).jobId as string);
    }
    expect(statuses).toEqual({
      tools: [200, 200, 200, 200],
      me: [200, 200, 200, 200],
      login: [200, 200, 200, 200],
      register: [201, 201, 201, 201],
      text: [200, 200, 200, 200],
      media: [202, 202, 202, 202],
      banned: [401, 401, 401, 401],
    });

    // What truly needs Redis (the queue counts of the admin page) answers 503 + Retry-After at once.
    const started = Date.now();
    const queues = await t.http().get('/api/v1/admin/queues').set(bearer(admin.accessToken));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(queues.status).toBe(503);
    expect(queues.body).toMatchObject({ code: 'service_unavailable' });
    expect(Number(queues.headers['retry-after'])).toBeGreaterThan(0);

    // A ban made while Redis is away takes effect at once, and the banned cannot log in again.
    await ban(bannedLater.user.id);
    expect((await t.http().get('/api/v1/me').set(bearer(bannedLater.accessToken))).status).toBe(401);
    const relogin = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: banned.user.email, password: banned.password });
    expect(relogin.status).toBe(403);

    // Media runs are committed and wait in the outbox while the queue is unreachable.
    const db = t.app.get(DataSource);
    const [outbox] = await db.query(`SELECT count(*)::int AS n FROM job_outbox WHERE job_id = ANY($1::uuid[])`, [
      media,
    ]);
    expect(outbox.n).toBeGreaterThan(0);

    await redis.start();
    await until(
      async () => {
        const rows: { status: string }[] = await db.query(`SELECT status FROM jobs WHERE id = ANY($1::uuid[])`, [
          media,
        ]);
        return rows.length === media.length && rows.every((r) => r.status === 'succeeded');
      },
      30_000,
      'the media runs to complete after Redis returned',
    );

    // After the outage: still banned (the ban is in the database, not in the Redis that came back empty).
    for (const who of [banned, bannedLater]) {
      expect((await t.http().get('/api/v1/me').set(bearer(who.accessToken))).status).toBe(401);
      expect((await t.http().post('/api/v1/auth/refresh').send({ refreshToken: who.refreshToken })).status).toBe(401);
    }
    await t.http().get('/api/v1/me').set(bearer(u.accessToken)).expect(200);
    await expectLedgerClean(db);
  }, 60_000);
});
