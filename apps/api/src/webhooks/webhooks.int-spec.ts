import type { INestApplicationContext } from '@nestjs/common';
import { Webhook } from 'standardwebhooks';
import { FakeServer, RecordedRequest, startFakeServer } from '../providers/testing/fake-http-server';
import { startWorker } from '../worker';
import { bearer, createTestApp, registerUser, TestApp } from '../../test/test-app';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Fast retries for this spec's app and worker (test runs allow the local receiver: see test/setup-env.ts). */
const ENV = { WEBHOOKS_BACKOFF_MS: '100', WEBHOOKS_RELAY_INTERVAL_MS: '500' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

function verify(secret: string, req: RecordedRequest): Body {
  const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
  return new Webhook(secret).verify(req.body.toString('utf8'), headers) as Body;
}

describe('Outgoing webhooks', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let receiver: FakeServer;
  /** Per path: how many times to answer 500 before answering 200. */
  const failures = new Map<string, number>();

  beforeAll(async () => {
    receiver = await startFakeServer((req, res) => {
      const left = failures.get(req.path) ?? 0;
      failures.set(req.path, left - 1);
      res.statusCode = left > 0 ? 500 : 200;
      res.end();
    }, 7610);
    t = await createTestApp(ENV);
    const saved = Object.fromEntries(Object.keys(ENV).map((k) => [k, process.env[k]]));
    Object.assign(process.env, ENV);
    try {
      worker = await startWorker();
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
    await receiver.close();
  });

  async function endpoint(token: string, path: string, events = ['job.succeeded', 'job.failed']) {
    const res = await t
      .http()
      .post('/api/v1/me/webhooks')
      .set(bearer(token))
      .send({ url: `${receiver.origin}${path}`, events })
      .expect(201);
    return res.body as { id: string; secret: string; url: string; events: string[] };
  }

  const received = (path: string) => receiver.requests.filter((r) => r.path === path);

  async function runChat(token: string, prompt: string): Promise<Body> {
    return (await t.http().post('/api/v1/tools/chat/run').set(bearer(token)).send({ input: { prompt } }).expect(200))
      .body as Body;
  }

  /** The newest delivery of the endpoint, once it has settled. */
  function settledDelivery(token: string, id: string): Promise<Body> {
    return until('the log', async () => {
      const res = await t.http().get(`/api/v1/me/webhooks/${id}/deliveries`).set(bearer(token)).expect(200);
      return res.body.items[0]?.status === 'succeeded' ? (res.body as Body) : undefined;
    });
  }

  it('delivers a signed job.succeeded once per success, and logs it', async () => {
    const u = await registerUser(t);
    const hook = await endpoint(u.accessToken, `/once-${u.user.id}`);
    expect(hook.secret).toMatch(/^whsec_/);
    const list = await t.http().get('/api/v1/me/webhooks').set(bearer(u.accessToken)).expect(200);
    expect(list.body).toEqual([{ id: hook.id, url: hook.url, events: hook.events, createdAt: expect.any(String) }]);

    const run = { body: await runChat(u.accessToken, `Webhook me ${u.user.id}`) };
    const [request] = await until(
      'the delivery',
      () => received(`/once-${u.user.id}`)[0] && received(`/once-${u.user.id}`),
    );
    const event = verify(hook.secret, request as RecordedRequest);
    expect(event).toMatchObject({
      type: 'job.succeeded',
      data: { jobId: run.body.jobId, status: 'succeeded', cost: 1 },
    });
    expect(request?.headers['webhook-signature']).toMatch(/^v1,/);

    await sleep(600);
    expect(received(`/once-${u.user.id}`)).toHaveLength(1);
    const log = await settledDelivery(u.accessToken, hook.id);
    expect(log.items).toEqual([
      {
        id: request?.headers['webhook-id'],
        event: 'job.succeeded',
        status: 'succeeded',
        attempts: 1,
        lastStatusCode: 200,
        lastError: null,
        nextAttemptAt: null,
        createdAt: expect.any(String),
      },
    ]);
    expect(log.nextCursor).toBeNull();

    // A repeat answered from the cache is a success of its own job: one more event, for that job.
    const cached = { body: await runChat(u.accessToken, `Webhook me ${u.user.id}`) };
    expect(cached.body.cached).toBe(true);
    const both = await until('the second delivery', () =>
      received(`/once-${u.user.id}`).length >= 2 ? received(`/once-${u.user.id}`) : undefined,
    );
    expect(verify(hook.secret, both[1] as RecordedRequest)).toMatchObject({
      data: { jobId: cached.body.jobId, cost: 0 },
    });
  });

  it('sends credits.low once when a spend takes the balance below the alert level', async () => {
    const u = await registerUser(t);
    const hook = await endpoint(u.accessToken, `/low-${u.user.id}`, ['credits.low']);
    const { body: limits } = await t.http().get('/api/v1/me/limits').set(bearer(u.accessToken)).expect(200);
    // Alert just under the current balance: the first paid run crosses it, the second stays below (no second event).
    await t
      .http()
      .put('/api/v1/me/limits')
      .set(bearer(u.accessToken))
      .send({ lowBalanceAlert: limits.balance - 0.5 })
      .expect(200);
    await runChat(u.accessToken, `low one ${u.user.id}`);
    await runChat(u.accessToken, `low two ${u.user.id}`);
    const [request] = await until(
      'credits.low',
      () => received(`/low-${u.user.id}`)[0] && received(`/low-${u.user.id}`),
    );
    expect(verify(hook.secret, request as RecordedRequest)).toMatchObject({
      type: 'credits.low',
      data: { level: limits.balance - 0.5 },
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(received(`/low-${u.user.id}`)).toHaveLength(1);
  });

  it('retries a receiver that answers 500 three times: the 4th attempt gets it, with the same webhook-id', async () => {
    const u = await registerUser(t);
    const path = `/flaky-${u.user.id}`;
    failures.set(path, 3);
    const hook = await endpoint(u.accessToken, path);
    await runChat(u.accessToken, `Flaky ${u.user.id}`);
    const attempts = await until('four attempts', () => (received(path).length >= 4 ? received(path) : undefined));
    expect(new Set(attempts.map((r) => r.headers['webhook-id'])).size).toBe(1);
    for (const attempt of attempts) expect(verify(hook.secret, attempt)).toMatchObject({ type: 'job.succeeded' });
    const log = (await settledDelivery(u.accessToken, hook.id)).items[0] as Body;
    expect(log).toMatchObject({ attempts: 4, lastStatusCode: 200 });
    await sleep(500);
    expect(received(path)).toHaveLength(4);
  });

  it('sends a test event, deletes endpoints, and keeps each user to their own', async () => {
    const u = await registerUser(t);
    const other = await registerUser(t);
    const path = `/test-${u.user.id}`;
    const hook = await endpoint(u.accessToken, path, ['credits.low']);
    const test = await t.http().post(`/api/v1/me/webhooks/${hook.id}/test`).set(bearer(u.accessToken)).expect(202);
    const [request] = await until('the test event', () => (received(path).length ? received(path) : undefined));
    expect(request?.headers['webhook-id']).toBe(test.body.deliveryId);
    expect(verify(hook.secret, request as RecordedRequest)).toMatchObject({ type: 'webhook.test' });

    await t.http().get(`/api/v1/me/webhooks/${hook.id}/deliveries`).set(bearer(other.accessToken)).expect(404);
    await t.http().delete(`/api/v1/me/webhooks/${hook.id}`).set(bearer(other.accessToken)).expect(404);
    await t.http().delete(`/api/v1/me/webhooks/${hook.id}`).set(bearer(u.accessToken)).expect(204);
    expect((await t.http().get('/api/v1/me/webhooks').set(bearer(u.accessToken)).expect(200)).body).toEqual([]);
    await t
      .http()
      .post('/api/v1/me/webhooks')
      .set(bearer(u.accessToken))
      .send({ url: `${receiver.origin}/x`, events: ['job.exploded'] })
      .expect(400);
  });

  it('refuses URLs that are not https or resolve to private, loopback or link-local addresses', async () => {
    const strict = await createTestApp({ WEBHOOKS_ALLOW_PRIVATE: 'false' });
    try {
      const u = await registerUser(strict);
      for (const url of [
        'https://127.0.0.1/hook',
        'https://169.254.169.254/latest/meta-data',
        'https://localhost:7611/hook',
        'https://[::1]/hook',
        'https://10.1.2.3/hook',
        'http://example.com/hook',
      ]) {
        const res = await strict
          .http()
          .post('/api/v1/me/webhooks')
          .set(bearer(u.accessToken))
          .send({ url, events: ['job.succeeded'] })
          .expect(400);
        expect(res.body).toMatchObject({ code: 'webhook_url_forbidden', errors: [{ field: 'url' }] });
      }
    } finally {
      await strict.close();
    }
  });
});
