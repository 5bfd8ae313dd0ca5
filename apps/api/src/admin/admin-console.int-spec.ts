import { getQueueToken } from '@nestjs/bullmq';
import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { bearer, createTestApp, loginAdmin, registerUser, TestApp } from '../../test/test-app';

// Own queues: no other spec's worker takes (or fails) these jobs.
const PREFIX = `${process.env.REDIS_PREFIX ?? 'test'}-admin-console`;
const BOARD = '/api/v1/admin/bull-board/';

describe('Admin console routes', () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;

  beforeAll(async () => {
    t = await createTestApp({ REDIS_PREFIX: PREFIX });
    const login = await loginAdmin(t);
    admin = login.accessToken;
    adminId = login.user.id;
  });
  afterAll(async () => {
    await t.app.get<Queue>(getQueueToken('image')).obliterate({ force: true });
    await t.close();
  });

  /** Takes the next job of the image queue and completes or fails it, as a worker would. */
  async function finishOne(outcome: 'completed' | 'failed'): Promise<string> {
    const queue = t.app.get<Queue>(getQueueToken('image'));
    const jobId = randomUUID();
    await queue.add('run', { jobId }, { jobId, removeOnComplete: { age: 3600, count: 1000 } });
    const worker = new Worker('image', null, {
      connection: queue.opts.connection,
      prefix: queue.opts.prefix,
      autorun: false,
    });
    try {
      const token = randomUUID();
      const job = (await worker.getNextJob(token))!;
      if (outcome === 'failed') await job.moveToFailed(new Error('provider down'), token, false);
      else await job.moveToCompleted('ok', token, false);
      return String(job.id);
    } finally {
      await worker.close();
    }
  }

  it('answers 403 to a user and to an API key on every new route', async () => {
    const user = await registerUser(t);
    const key = (await t.http().post('/api/v1/api-keys').set(bearer(admin)).send({ name: 'console key' }).expect(201))
      .body.key as string;
    const routes: [method: 'get' | 'post', path: string][] = [
      ['get', `/api/v1/admin/users/${user.user.id}`],
      ['get', `/api/v1/admin/audit-log?actor=${adminId}`],
      ['post', `/api/v1/admin/queues/image/jobs/x/retry`],
      ['post', '/api/v1/admin/queues/board-session'],
    ];
    for (const [method, path] of routes) {
      await t.http()[method](path).set(bearer(user.accessToken)).expect(403);
      await t.http()[method](path).set('X-API-Key', key).expect(403);
    }
  });

  it('shows a user with balance, ledger and jobs; a credit adjustment is audited with before and after', async () => {
    const user = await registerUser(t);
    const before = await t.http().get(`/api/v1/admin/users/${user.user.id}`).set(bearer(admin)).expect(200);
    await t
      .http()
      .post(`/api/v1/admin/users/${user.user.id}/credits`)
      .set(bearer(admin))
      .send({ delta: 7.5, reason: 'support goodwill' })
      .expect(201);
    const detail = await t.http().get(`/api/v1/admin/users/${user.user.id}`).set(bearer(admin)).expect(200);
    expect(detail.body).toMatchObject({
      id: user.user.id,
      balance: before.body.balance + 7.5,
      templatesCount: 0,
      jobs: [],
    });
    expect(detail.body.ledger[0]).toMatchObject({ kind: 'admin_adjustment', delta: 7.5 });

    const list = await t.http().get('/api/v1/admin/users').query({ q: user.user.email }).set(bearer(admin)).expect(200);
    expect(list.body.items[0]).toMatchObject({ id: user.user.id, balance: detail.body.balance });

    const audit = await t
      .http()
      .get('/api/v1/admin/audit-log')
      .query({ actor: adminId, action: 'user.credits.adjust', object: user.user.id })
      .set(bearer(admin))
      .expect(200);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0].details).toMatchObject({
      reason: 'support goodwill',
      before: { balance: before.body.balance },
      after: { balance: before.body.balance + 7.5 },
    });
    const other = await t.http().get('/api/v1/admin/audit-log').query({ actor: randomUUID() }).set(bearer(admin));
    expect(other.body.items).toEqual([]);
  });

  it('counts completed jobs truly, lists failed ones with their error, and retries one (audited)', async () => {
    await finishOne('completed');
    const failedId = await finishOne('failed');
    const res = await t.http().get('/api/v1/admin/queues').set(bearer(admin)).expect(200);
    const image = (res.body as { name: string; counts: Record<string, number>; failedJobs: { id: string }[] }[]).find(
      (q) => q.name === 'image',
    )!;
    expect(image.counts).toMatchObject({ completed: 1, failed: 1 });
    expect(image.failedJobs).toEqual([expect.objectContaining({ id: failedId, error: 'provider down' })]);

    await t.http().post(`/api/v1/admin/queues/image/jobs/${failedId}/retry`).set(bearer(admin)).expect(200);
    await t.http().post(`/api/v1/admin/queues/image/jobs/${failedId}/retry`).set(bearer(admin)).expect(404);
    const audit = await t
      .http()
      .get('/api/v1/admin/audit-log')
      .query({ action: 'queues.retry_job', object: `image:${failedId}` })
      .set(bearer(admin))
      .expect(200);
    expect(audit.body.items[0].details).toEqual({ before: { state: 'failed' }, after: { state: 'waiting' } });
  });

  it('opens Bull Board with the admin cookie only: 401 without it, 403 once its owner is no longer an admin', async () => {
    await t.http().get(BOARD).expect(401);
    await t.http().get(`${BOARD}api/queues`).set('Cookie', 'megicai_board=forged.1.x').expect(401);

    const session = await t.http().post('/api/v1/admin/queues/board-session').set(bearer(admin)).expect(200);
    const cookie = String(session.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Path=\/api\/v1\/admin\/bull-board/);
    const pair = cookie.split(';')[0];
    const page = await t.http().get(BOARD).set('Cookie', pair).expect(200);
    expect(page.text).toContain('<html');
    const queues = await t.http().get(`${BOARD}api/queues`).set('Cookie', pair).expect(200);
    expect(JSON.stringify(queues.body)).toContain('image');

    // A second admin opens the board, then is demoted: their still-valid cookie no longer opens it.
    const other = await registerUser(t);
    await t.http().patch(`/api/v1/admin/users/${other.user.id}`).set(bearer(admin)).send({ role: 'admin' }).expect(200);
    const login = await t.http().post('/api/v1/auth/login').send({ email: other.user.email, password: other.password });
    const theirs = await t
      .http()
      .post('/api/v1/admin/queues/board-session')
      .set(bearer(login.body.accessToken))
      .expect(200);
    const theirPair = String(theirs.headers['set-cookie']).split(';')[0];
    await t.http().get(BOARD).set('Cookie', theirPair).expect(200);
    await t.http().patch(`/api/v1/admin/users/${other.user.id}`).set(bearer(admin)).send({ role: 'user' }).expect(200);
    await t.http().get(BOARD).set('Cookie', theirPair).expect(403);
  });
});
