import { getQueueToken } from '@nestjs/bullmq';
import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { bearer, createTestApp, loginAdmin, registerUser, TestApp } from '../../test/test-app';

// Own queues: no other spec's worker takes (or fails) these jobs.
const PREFIX = `${process.env.REDIS_PREFIX ?? 'test'}-admin-queues`;

describe('Admin queues', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp({ REDIS_PREFIX: PREFIX });
    admin = (await loginAdmin(t)).accessToken;
  });
  afterAll(() => t.close());

  /** Adds a job to the audio queue and fails it for good, as a worker whose attempts ran out would. */
  async function failOne(): Promise<void> {
    const queue = t.app.get<Queue>(getQueueToken('audio'));
    await queue.add('run', { jobId: randomUUID() }, { lifo: true });
    const worker = new Worker('audio', null, {
      connection: queue.opts.connection,
      prefix: queue.opts.prefix,
      autorun: false,
    });
    try {
      const token = randomUUID();
      const job = await worker.getNextJob(token);
      await job!.moveToFailed(new Error('provider down'), token, false);
    } finally {
      await worker.close();
    }
  }

  it('is admin only', async () => {
    const user = await registerUser(t);
    await t.http().get('/api/v1/admin/queues').set(bearer(user.accessToken)).expect(403);
    await t.http().post('/api/v1/admin/queues/audio/retry-failed').set(bearer(user.accessToken)).expect(403);
  });

  it('counts jobs per queue and state, retries the failed ones (audited); unknown queue → 404', async () => {
    await failOne();
    await failOne();
    const before = await t.http().get('/api/v1/admin/queues').set(bearer(admin)).expect(200);
    expect((before.body as { name: string }[]).map((q) => q.name)).toEqual(['image', 'audio', 'video']);
    const audio = (before.body as { name: string; counts: Record<string, number> }[]).find((q) => q.name === 'audio')!;
    expect(Object.keys(audio.counts).sort()).toEqual(['active', 'completed', 'delayed', 'failed', 'waiting']);
    expect(audio.counts.failed).toBe(2);

    const retry = await t.http().post('/api/v1/admin/queues/audio/retry-failed').set(bearer(admin)).expect(200);
    expect(retry.body).toEqual({ name: 'audio', retried: 2 });
    const after = await t.http().get('/api/v1/admin/queues').set(bearer(admin)).expect(200);
    const counts = (after.body as { name: string; counts: Record<string, number> }[]).find(
      (q) => q.name === 'audio',
    )!.counts;
    expect(counts.failed).toBe(0);
    expect(counts.waiting).toBeGreaterThanOrEqual(2);

    const audit = await t
      .http()
      .get('/api/v1/admin/audit-log')
      .query({ targetId: 'audio', action: 'queues.retry_failed' })
      .set(bearer(admin))
      .expect(200);
    expect(audit.body.items[0]).toMatchObject({ targetType: 'queue', details: { retried: 2 } });

    await t.http().post('/api/v1/admin/queues/nope/retry-failed').set(bearer(admin)).expect(404);
    await t.app.get<Queue>(getQueueToken('audio')).obliterate({ force: true });
  });
});
