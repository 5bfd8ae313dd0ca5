import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CreditsService } from '../credits/credits.service';
import { UsersService } from '../users/users.service';
import { startFakeServer, FakeServer, sendOpenAiError } from '../providers/testing/fake-http-server';
import { startWorker } from '../worker';
import { JobQueueService } from './job-queue.service';
import { JobSweeper } from './job-sweeper';
import { JobsService } from './jobs.service';
import { bearer, createTestApp, registerUser, TestApp } from '../../test/test-app';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Env for what this spec creates (app and inline worker), restored afterwards. */
async function withEnv<T>(env: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await work();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

async function ledger(t: TestApp, token: string): Promise<Body[]> {
  const res = await t.http().get('/api/v1/credits/ledger?limit=100').set(bearer(token)).expect(200);
  return res.body.items as Body[];
}

async function balance(t: TestApp, token: string): Promise<number> {
  return (await t.http().get('/api/v1/me').set(bearer(token)).expect(200)).body.balance as number;
}

async function waitFor(t: TestApp, token: string, jobId: string, done: (job: Body) => boolean, timeoutMs = 15000) {
  const seen: Body[] = [];
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = (await t.http().get(`/api/v1/jobs/${jobId}`).set(bearer(token)).expect(200)).body as Body;
    seen.push(job);
    if (done(job)) return { job, seen };
    if (Date.now() > until) throw new Error(`job ${jobId} still ${job.status as string}`);
    await new Promise((r) => setTimeout(r, 40));
  }
}

describe('Runs and jobs', () => {
  let t: TestApp;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    t = await createTestApp();
    // Small animations: rendering is CPU work on the spec's own event loop, slow on a busy machine.
    const env = { OFFLINE_DELAY_MS: '600', JOB_PROGRESS_THROTTLE_MS: '0', OFFLINE_VIDEO_MAX_SIDE: '96' };
    worker = await withEnv(env, () => startWorker());
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  it('charges a text run once, answers a repeat from the cache for free, and refreshes with cache: false', async () => {
    const u = await registerUser(t);
    const prompt = `What is a ledger? ${u.user.id}`;
    const first = await t
      .http()
      .post('/api/v1/tools/chat/run')
      .set(bearer(u.accessToken))
      .send({ input: { prompt } })
      .expect(200);
    expect(first.body).toMatchObject({ status: 'succeeded', cost: 1, cached: false, provider: 'offline' });
    expect(first.body.output.text).toEqual(expect.any(String));
    expect(first.body.output.offline).toBe(true);
    expect(await balance(t, u.accessToken)).toBe(4);

    const again = await t
      .http()
      .post('/api/v1/tools/chat/run')
      .set(bearer(u.accessToken))
      .send({ input: { prompt: ` ${prompt}  ` } })
      .expect(200);
    expect(again.body).toMatchObject({ status: 'succeeded', cost: 0, cached: true, output: first.body.output });
    expect(again.body.jobId).not.toBe(first.body.jobId);
    expect(await balance(t, u.accessToken)).toBe(4);

    await t
      .http()
      .post('/api/v1/tools/chat/run')
      .set(bearer(u.accessToken))
      .send({ input: { prompt }, cache: false })
      .expect(200);
    expect(await balance(t, u.accessToken)).toBe(3);
    const spends = (await ledger(t, u.accessToken)).filter((e) => e.kind === 'tool_spend');
    expect(spends).toHaveLength(2);

    const job = (
      await t
        .http()
        .get(`/api/v1/jobs/${again.body.jobId as string}`)
        .set(bearer(u.accessToken))
        .expect(200)
    ).body;
    expect(job).toMatchObject({ status: 'succeeded', cached: true, cost: 0, progress: 100 });
    const page = (await t.http().get('/api/v1/jobs?limit=2').set(bearer(u.accessToken)).expect(200)).body;
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toEqual(expect.any(String));
    const rest = (
      await t
        .http()
        .get(`/api/v1/jobs?limit=2&cursor=${page.nextCursor as string}`)
        .set(bearer(u.accessToken))
        .expect(200)
    ).body;
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
  });

  it('streams a text run as server-sent events ending with the job', async () => {
    const u = await registerUser(t);
    const streamed = async () => {
      const res = await t
        .http()
        .post('/api/v1/tools/summarize/run?stream=true')
        .set(bearer(u.accessToken))
        .send({ input: { prompt: `A long text about streams (${u.user.id}). `.repeat(5) } })
        .buffer(true)
        .parse((r, cb) => {
          let data = '';
          r.on('data', (c: Buffer) => (data += c.toString()));
          r.on('end', () => cb(null, data));
        })
        .expect(200);
      expect(res.headers['content-type']).toContain('text/event-stream');
      const text = res.body as string;
      expect(text).toContain('event: token');
      const done = /event: done\ndata: (.*)\n/.exec(text);
      expect(done).not.toBeNull();
      return JSON.parse(done![1]) as Record<string, unknown>;
    };
    expect(await streamed()).toMatchObject({ status: 'succeeded', cost: 0.5, cached: false });
    expect(await balance(t, u.accessToken)).toBe(4.5);
    // The same question streamed again is a cache hit: the same events, its job view (with its creation time), free.
    const hit = await streamed();
    expect(hit).toMatchObject({ status: 'succeeded', cost: 0, cached: true });
    expect(Date.parse(hit.createdAt as string)).toBeGreaterThan(0);
    expect(await balance(t, u.accessToken)).toBe(4.5);

    // A retry of the streamed run with its Idempotency-Key replays the job, it does not run (or charge) again.
    const keyed = () =>
      t
        .http()
        .post('/api/v1/tools/summarize/run?stream=true')
        .set(bearer(u.accessToken))
        .set('Idempotency-Key', 'stream-1')
        .send({ input: { prompt: 'Streams, once.' }, cache: false });
    await keyed().expect(200);
    const replay = await keyed().expect(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toMatchObject({ status: 'succeeded', cost: 0.5 });
    expect(await balance(t, u.accessToken)).toBe(4);
  });

  it('runs an image job queued → running → succeeded with progress and an asset only its owner can read', async () => {
    const owner = await registerUser(t);
    const other = await registerUser(t);
    const res = await t
      .http()
      .post('/api/v1/tools/image/run')
      .set(bearer(owner.accessToken))
      .send({ input: { prompt: `a red fox ${owner.user.id}`, size: '256x256' } })
      .expect(202);
    expect(res.body).toMatchObject({ status: 'queued', cost: 5 });
    expect(res.headers.location).toBe(`/api/v1/jobs/${res.body.jobId as string}`);
    expect(await balance(t, owner.accessToken)).toBe(0);

    const { job, seen } = await waitFor(
      t,
      owner.accessToken,
      res.body.jobId as string,
      (j) => j.status === 'succeeded',
    );
    expect(seen.some((j) => j.status === 'running' && j.progress > 0 && j.progress < 100)).toBe(true);
    expect(job).toMatchObject({ progress: 100, provider: 'offline', cost: 5, cached: false });
    const asset = job.output.assets[0] as Body;
    expect(asset).toMatchObject({ mimeType: 'image/png', width: 256, height: 256 });

    const signed = await t
      .http()
      .get(asset.url as string)
      .expect(200);
    expect(signed.headers['content-type']).toBe('image/png');
    expect((signed.body as Buffer).subarray(1, 4).toString()).toBe('PNG');
    await t
      .http()
      .get((asset.url as string).replace(/signature=[^&]+/, 'signature=forged'))
      .expect(403);
    await t
      .http()
      .get(`/api/v1/jobs/${job.id as string}/assets/0`)
      .set(bearer(owner.accessToken))
      .expect(200);
    await t
      .http()
      .get(`/api/v1/jobs/${job.id as string}/assets/0`)
      .set(bearer(other.accessToken))
      .expect(404);
    await t
      .http()
      .get(`/api/v1/jobs/${job.id as string}/assets/0`)
      .expect(401);
    await t
      .http()
      .get(`/api/v1/jobs/${job.id as string}`)
      .set(bearer(other.accessToken))
      .expect(404);
    await t
      .http()
      .post(`/api/v1/jobs/${job.id as string}/cancel`)
      .set(bearer(other.accessToken))
      .expect(404);
    await t
      .http()
      .post(`/api/v1/jobs/${job.id as string}/cancel`)
      .set(bearer(owner.accessToken))
      .expect(409);
    const kinds = (await ledger(t, owner.accessToken)).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'tool_spend')).toHaveLength(1);
    expect(kinds).not.toContain('tool_refund');
  });

  it('runs audio and video jobs, and premium-only tools for premium members only', async () => {
    const u = await registerUser(t);
    await t.app.get(CreditsService).grant({ userId: u.user.id, amount: 30000, kind: 'admin_adjustment' });
    const run = (tool: string, input: object) =>
      t.http().post(`/api/v1/tools/${tool}/run`).set(bearer(u.accessToken)).send({ input });
    const audio = await run('text-to-speech', { prompt: `hello ${u.user.id}`, format: 'wav' }).expect(202);
    const video = await run('short-video', {
      prompt: `waves ${u.user.id}`,
      durationSeconds: 2,
      size: '480x270',
    }).expect(202);
    await run('image-hd', { prompt: `hd ${u.user.id}` }).expect(403);
    await t.app.get(UsersService).update(u.user.id, { premiumUntil: new Date(Date.now() + 86_400_000) });
    const hd = await run('image-hd', { prompt: `hd ${u.user.id}` }).expect(202);
    // Accepted for a premium member; canceled at once, as rendering 1024×1024 offline would only slow the suite.
    await t
      .http()
      .post(`/api/v1/jobs/${hd.body.jobId as string}/cancel`)
      .set(bearer(u.accessToken))
      .expect(200);

    const sound = (await waitFor(t, u.accessToken, audio.body.jobId as string, (j) => j.status === 'succeeded')).job;
    expect(sound.output.assets[0]).toMatchObject({ mimeType: expect.stringMatching(/^audio\//) });
    const clip = (await waitFor(t, u.accessToken, video.body.jobId as string, (j) => j.status === 'succeeded')).job;
    expect(clip.output.assets[0]).toMatchObject({ mimeType: 'image/gif', durationSeconds: expect.any(Number) });
    const gif = await t
      .http()
      .get(clip.output.assets[0].url as string)
      .expect(200);
    expect(gif.headers['content-type']).toBe('image/gif');
    expect(await balance(t, u.accessToken)).toBe(35 - 3 - 15);
  });

  it('cancels a job in progress with a full refund, once', async () => {
    const u = await registerUser(t);
    const res = await t
      .http()
      .post('/api/v1/tools/image/run')
      .set(bearer(u.accessToken))
      .send({ input: { prompt: `cancel me ${u.user.id}` } })
      .expect(202);
    const canceled = await t
      .http()
      .post(`/api/v1/jobs/${res.body.jobId as string}/cancel`)
      .set(bearer(u.accessToken))
      .expect(200);
    expect(canceled.body.status).toBe('canceled');
    await t
      .http()
      .post(`/api/v1/jobs/${res.body.jobId as string}/cancel`)
      .set(bearer(u.accessToken))
      .expect(409);
    expect(await balance(t, u.accessToken)).toBe(5);
    await new Promise((r) => setTimeout(r, 900));
    const job = (
      await t
        .http()
        .get(`/api/v1/jobs/${res.body.jobId as string}`)
        .set(bearer(u.accessToken))
        .expect(200)
    ).body;
    expect(job.status).toBe('canceled');
    const kinds = (await ledger(t, u.accessToken)).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'tool_refund')).toHaveLength(1);
    expect(await balance(t, u.accessToken)).toBe(5);
  });

  it('runs exactly as many of 40 parallel requests as the credits pay for, and offers an ad for the rest', async () => {
    const u = await registerUser(t);
    await t.app.get(CreditsService).grant({ userId: u.user.id, amount: 2000, kind: 'admin_adjustment', note: 'test' });
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t
          .http()
          .post('/api/v1/tools/chat/run')
          .set(bearer(u.accessToken))
          .send({ input: { prompt: `parallel ${i} ${u.user.id}` } }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(7);
    expect(statuses.filter((s) => s === 402)).toHaveLength(33);
    const refused = results.find((r) => r.status === 402)!;
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 402, needed: 1, balance: expect.any(Number) });
    expect(refused.body).toHaveProperty('adOffer');
    expect(await balance(t, u.accessToken)).toBe(0);
    expect((await ledger(t, u.accessToken)).filter((e) => e.kind === 'tool_spend')).toHaveLength(7);
  });

  it('answers malformed or oversized input with 400, never 5xx, and changes nothing', async () => {
    const u = await registerUser(t);
    const run = (tool: string, body: unknown) =>
      t
        .http()
        .post(`/api/v1/tools/${tool}/run`)
        .set(bearer(u.accessToken))
        .send(body as object);
    const cases: [string, unknown, string?][] = [
      ['chat', {}, 'input'],
      ['chat', { input: 'hello' }, 'input'],
      ['chat', { input: {} }, 'input.prompt'],
      ['chat', { input: { prompt: '' } }, 'input.prompt'],
      ['chat', { input: { prompt: 42 } }, 'input.prompt'],
      ['chat', { input: { prompt: 'x'.repeat(8001) } }, 'input.prompt'],
      ['chat', { input: { prompt: 'hi', temperature: 9 } }, 'input.temperature'],
      ['chat', { input: { prompt: 'hi', bogus: true } }, 'input.bogus'],
      ['chat', { input: { prompt: 'hi' }, surprise: 1 }],
      ['chat', { input: { prompt: 'hi' }, provider: 'nope' }, 'provider'],
      ['chat', { input: { prompt: 'hi' }, provider: 'openai' }, 'provider'],
      ['chat', { input: { prompt: 'hi' }, model: 'dall-e-3' }, 'model'],
      ['image', { input: { prompt: 'cat', size: '99x99' } }, 'input.size'],
      ['short-video', { input: { prompt: 'cat', durationSeconds: 600 } }, 'input.durationSeconds'],
    ];
    for (const [tool, body, field] of cases) {
      const res = await run(tool, body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      if (field) expect(res.body.errors.map((e: Body) => e.field)).toContain(field);
    }
    const malformed = await t
      .http()
      .post('/api/v1/tools/chat/run')
      .set(bearer(u.accessToken))
      .set('Content-Type', 'application/json')
      .send('{"input": {"prompt": "unterminated');
    expect(malformed.status).toBe(400);
    await run('no-such-tool', { input: { prompt: 'hi' } }).expect(404);
    await run('image-hd', { input: { prompt: 'hi' } }).expect(403);
    expect(await balance(t, u.accessToken)).toBe(5);
    expect((await t.http().get('/api/v1/jobs').set(bearer(u.accessToken)).expect(200)).body.items).toHaveLength(0);
  });

  it('replays a run retried with the same Idempotency-Key without a second charge', async () => {
    const u = await registerUser(t);
    await t.app.get(CreditsService).grant({ userId: u.user.id, amount: 10000, kind: 'admin_adjustment' });
    const send = (tool: string, body: object) =>
      t
        .http()
        .post(`/api/v1/tools/${tool}/run`)
        .set(bearer(u.accessToken))
        .set('Idempotency-Key', `k-${tool}`)
        .send(body);
    const text = { input: { prompt: `idempotent ${u.user.id}` }, cache: false };
    const first = await send('chat', text).expect(200);
    const again = await send('chat', text).expect(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const image = { input: { prompt: `idempotent image ${u.user.id}`, size: '256x256' } };
    const queued = await send('image', image).expect(202);
    const replay = await send('image', image).expect(202);
    expect(replay.body.jobId).toBe(queued.body.jobId);
    expect(replay.headers.location).toBe(queued.headers.location);
    await send('image', { input: { prompt: 'another body' } }).expect(422);
    await waitFor(t, u.accessToken, queued.body.jobId as string, (j) => j.status === 'succeeded');
    expect(await balance(t, u.accessToken)).toBe(9);
    expect((await ledger(t, u.accessToken)).filter((e) => e.kind === 'tool_spend')).toHaveLength(2);
  });

  it('reports runs per tool and provider, and queue counts, for the admin pages', async () => {
    const u = await registerUser(t);
    const since = new Date(Date.now() - 1000);
    await t
      .http()
      .post('/api/v1/tools/rewrite/run')
      .set(bearer(u.accessToken))
      .send({ input: { prompt: `stats ${u.user.id}` } })
      .expect(200);
    const rows = await t.app.get(JobsService).stats(since, new Date(Date.now() + 1000));
    const rewrite = rows.find((r) => r.toolId === '00000000-0000-4000-8000-000000000103');
    expect(rewrite).toMatchObject({
      provider: 'offline',
      succeeded: expect.any(Number),
      spentMilli: expect.any(Number),
    });
    const queues = await t.app.get(JobQueueService).stats();
    expect(queues.map((q) => q.name)).toEqual(['image', 'audio', 'video']);
    expect(queues[0].counts).toHaveProperty('waiting');
  });

  it('sweeps a text run abandoned by its API process (refund) and a media job BullMQ lost (re-added)', async () => {
    const u = await registerUser(t);
    const db = t.app.get(DataSource);
    const credits = t.app.get(CreditsService);
    const insert = async (tool: string, kind: string, status: string) => {
      const [{ id }] = await db.query(
        `INSERT INTO jobs (user_id, tool_id, kind, status, input, prompt, cost, cached, attempts, runs, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 1000, false, '[]', 0, now() - interval '2 hours') RETURNING id`,
        [
          u.user.id,
          tool,
          kind,
          status,
          JSON.stringify({ prompt: `swept ${kind}`, ...(kind === 'image' ? { size: '256x256' } : {}) }),
          `swept ${kind}`,
        ],
      );
      await credits.hold({ userId: u.user.id, amount: 1000, reference: { type: 'job', id } });
      return id as string;
    };
    const text = await insert('00000000-0000-4000-8000-000000000101', 'text', 'running');
    const image = await insert('00000000-0000-4000-8000-000000000201', 'image', 'queued');
    // No balance check here: the sweepers of every worker sharing this database may already be at work on them.
    const sweeper = worker.get(JobSweeper);
    await sweeper.failStaleTextRuns();
    await sweeper.requeueLostMediaJobs();
    expect((await waitFor(t, u.accessToken, text, (j) => j.status !== 'running')).job.status).toBe('failed');
    expect((await waitFor(t, u.accessToken, image, (j) => j.status === 'succeeded')).job.progress).toBe(100);
    expect(await balance(t, u.accessToken)).toBe(4);
  });

  // Below, each test boots apps of its own. Passport keeps the strategies of the last app created in this process,
  // so the shared app `t` must not be used after them.
  it('limits the media jobs one user may have in progress', async () => {
    const limited = await createTestApp({ MAX_ACTIVE_MEDIA_JOBS: '1' });
    try {
      const u = await registerUser(limited);
      await limited.app.get(CreditsService).grant({ userId: u.user.id, amount: 10000, kind: 'admin_adjustment' });
      const first = await limited
        .http()
        .post('/api/v1/tools/image/run')
        .set(bearer(u.accessToken))
        .send({ input: { prompt: `one ${u.user.id}` } })
        .expect(202);
      const second = await limited
        .http()
        .post('/api/v1/tools/image/run')
        .set(bearer(u.accessToken))
        .send({ input: { prompt: `two ${u.user.id}` } })
        .expect(429);
      expect(second.headers['retry-after']).toBeDefined();
      await limited
        .http()
        .post(`/api/v1/jobs/${first.body.jobId as string}/cancel`)
        .set(bearer(u.accessToken))
        .expect(200);
      expect(await balance(limited, u.accessToken)).toBe(15);
    } finally {
      await limited.close();
    }
  });

  it('needs the run scope to run with an API key', async () => {
    // Its own app: passport keeps the strategies of the last app created in this process (others were closed).
    const own = await createTestApp();
    try {
      const u = await registerUser(own);
      const create = (scopes: string[]) =>
        own
          .http()
          .post('/api/v1/api-keys')
          .set(bearer(u.accessToken))
          .send({ name: scopes.join('+'), scopes })
          .expect(201);
      const readOnly = (await create(['read'])).body.key as string;
      const runner = (await create(['run'])).body.key as string;
      const body = { input: { prompt: `api key ${u.user.id}` } };
      await own.http().post('/api/v1/tools/chat/run').set('X-API-Key', readOnly).send(body).expect(403);
      await own.http().post('/api/v1/tools/chat/run').set('X-API-Key', runner).send(body).expect(200);
      await own.http().get('/api/v1/jobs').set('X-API-Key', readOnly).expect(200);
    } finally {
      await own.close();
    }
  });

  describe('with a failing provider', () => {
    let server: FakeServer;
    let failing: TestApp;
    let status = 500;

    beforeAll(async () => {
      server = await startFakeServer((_req, res) => sendOpenAiError(res, status, 'boom'));
      failing = await createTestApp({
        OPENAI_API_KEY: 'sk-test',
        OPENAI_BASE_URL: `${server.origin}/v1`,
        PROVIDER_RETRIES: '0',
        PROVIDER_BREAKER_THRESHOLD: '2',
        PROVIDER_BREAKER_HALF_OPEN_MS: '600000',
      });
    });
    afterAll(async () => {
      await failing.close();
      await server.close();
    });

    it('fails over from a provider answering 500, then skips it once its circuit is open', async () => {
      const u = await registerUser(failing);
      const run = async (i: number) =>
        (
          await failing
            .http()
            .post('/api/v1/tools/chat/run')
            .set(bearer(u.accessToken))
            .send({ input: { prompt: `failover ${i} ${u.user.id}` } })
            .expect(200)
        ).body as Body;
      const first = await run(1);
      expect(first).toMatchObject({ provider: 'offline', cost: 1 });
      const job = (
        await failing
          .http()
          .get(`/api/v1/jobs/${first.jobId as string}`)
          .set(bearer(u.accessToken))
          .expect(200)
      ).body;
      expect(job.attempts[0]).toMatchObject({ provider: 'openai', status: 500 });
      await run(2);
      const calls = server.count('/v1/chat/completions');
      expect(calls).toBe(2);
      const third = await run(3);
      expect(server.count('/v1/chat/completions')).toBe(calls);
      const skipped = (
        await failing
          .http()
          .get(`/api/v1/jobs/${third.jobId as string}`)
          .set(bearer(u.accessToken))
          .expect(200)
      ).body;
      expect(skipped.attempts[0]).toMatchObject({ provider: 'openai', code: 'circuit_open' });
      expect(skipped.provider).toBe('offline');
    });

    it('refunds a failed run in full', async () => {
      status = 400;
      // A fresh app with its own Redis prefix: the first app opened this server's circuit (shared through Redis by
      // every process of a prefix) and would skip the provider.
      const fresh = await createTestApp({
        REDIS_PREFIX: `${process.env.REDIS_PREFIX ?? 'test'}-refund`,
        OPENAI_API_KEY: 'sk-test',
        OPENAI_BASE_URL: `${server.origin}/v1`,
        PROVIDER_RETRIES: '0',
      });
      try {
        const u = await registerUser(fresh);
        const res = await fresh
          .http()
          .post('/api/v1/tools/translate/run')
          .set(bearer(u.accessToken))
          .send({ input: { prompt: `refund me ${u.user.id}` }, provider: 'openai' });
        expect(res.status).toBe(400);
        expect(res.body.jobId).toEqual(expect.any(String));
        const job = (
          await fresh
            .http()
            .get(`/api/v1/jobs/${res.body.jobId as string}`)
            .set(bearer(u.accessToken))
            .expect(200)
        ).body;
        expect(job.status).toBe('failed');
        expect(await balance(fresh, u.accessToken)).toBe(5);
        const entries = await ledger(fresh, u.accessToken);
        expect(entries.filter((e) => e.kind === 'tool_spend')).toHaveLength(1);
        expect(entries.filter((e) => e.kind === 'tool_refund')).toEqual([expect.objectContaining({ delta: 1 })]);
      } finally {
        await fresh.close();
      }
    });
  });

  it('keeps every balance equal to its ledger', async () => {
    const rows: { user_id: string }[] = await t.app.get(DataSource).query(
      `SELECT a.user_id FROM credit_accounts a
         LEFT JOIN (SELECT user_id, sum(delta) AS total FROM credit_ledger GROUP BY user_id) l ON l.user_id = a.user_id
        WHERE a.balance <> coalesce(l.total, 0)`,
    );
    expect(rows).toEqual([]);
  });
});
