import type { INestApplicationContext } from '@nestjs/common';
import OpenAI, { APIError } from 'openai';
import {
  chatChunks,
  chatCompletion,
  FakeServer,
  sendSse,
  startFakeServer,
} from '../providers/testing/fake-http-server';
import { startWorker } from '../worker';
import { bearer, createTestApp, loginAdmin, registerUser, TestApp } from '../../test/test-app';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Ports of this spec's servers (7600–7699 belong to this feature's specs). */
const PORT = 7601;
const UPSTREAM_PORT = 7602;

/** A fresh user with an API key, and an OpenAI client pointed at the platform with that key. */
async function developer(t: TestApp, port = PORT) {
  const user = await registerUser(t);
  const created = await t
    .http()
    .post('/api/v1/api-keys')
    .set(bearer(user.accessToken))
    .send({ name: 'openai sdk' })
    .expect(201);
  const client = new OpenAI({
    apiKey: created.body.key as string,
    baseURL: `http://127.0.0.1:${port}/api/openai/v1`,
    maxRetries: 0,
  });
  return { user, client };
}

async function balance(t: TestApp, token: string): Promise<number> {
  return (await t.http().get('/api/v1/credits').set(bearer(token)).expect(200)).body.balance as number;
}

async function ledger(t: TestApp, token: string): Promise<Body[]> {
  return (await t.http().get('/api/v1/credits/ledger?limit=100').set(bearer(token)).expect(200)).body.items as Body[];
}

/** A ledger without ids, times and job references: what two equivalent runs must leave alike. */
const shape = (entries: Body[]) => entries.map((e) => ({ delta: e.delta, balanceAfter: e.balanceAfter, kind: e.kind }));

describe('OpenAI-compatible API, driven by the official openai SDK', () => {
  let t: TestApp;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(PORT, '127.0.0.1');
    worker = await startWorker();
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  it('lists the enabled text and image tools as models', async () => {
    const { client } = await developer(t);
    const models = [];
    for await (const model of client.models.list()) models.push(model);
    const ids = models.map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(['chat', 'summarize', 'image', 'image-wide']));
    expect(ids).not.toContain('text-to-speech');
    expect(models[0]).toMatchObject({ object: 'model', owned_by: 'megicai', created: expect.any(Number) });
  });

  it('answers a chat completion, charged and recorded exactly like POST /tools/chat/run', async () => {
    const { user, client } = await developer(t);
    const completion = await client.chat.completions.create({
      model: 'chat',
      messages: [{ role: 'user', content: `What is a ledger? ${user.user.id}` }],
      max_tokens: 100000,
      temperature: 0.2,
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe('chat');
    expect(completion.choices[0]?.message.content).toEqual(expect.any(String));
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(await balance(t, user.accessToken)).toBe(4);

    // The same run through the platform's own route leaves the same ledger.
    const other = await registerUser(t);
    await t
      .http()
      .post('/api/v1/tools/chat/run')
      .set(bearer(other.accessToken))
      .send({ input: { prompt: `What is a ledger? ${other.user.id}`, temperature: 0.2, maxTokens: 4000 } })
      .expect(200);
    expect(shape(await ledger(t, user.accessToken))).toEqual(shape(await ledger(t, other.accessToken)));
    const job = (
      await t
        .http()
        .get(`/api/v1/jobs/${completion.id.replace('chatcmpl-', '')}`)
        .set(bearer(user.accessToken))
        .expect(200)
    ).body as Body;
    expect(job).toMatchObject({ status: 'succeeded', cost: 1 });
  });

  it('streams chat.completion.chunk events through the SDK stream iterator', async () => {
    const { user, client } = await developer(t);
    const stream = await client.chat.completions.create({
      model: 'chat',
      messages: [{ role: 'user', content: `Tell me about streams ${user.user.id}` }],
      stream: true,
    });
    let text = '';
    let finish: string | null = null;
    let chunks = 0;
    for await (const chunk of stream) {
      expect(chunk.object).toBe('chat.completion.chunk');
      chunks += 1;
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(chunks).toBeGreaterThan(2);
    expect(text.length).toBeGreaterThan(0);
    expect(finish).toBe('stop');
    expect(await balance(t, user.accessToken)).toBe(4);
  });

  it('generates an image once its job is done, with a URL that serves it', async () => {
    const { user, client } = await developer(t);
    const result = await client.images.generate({
      model: 'image',
      prompt: `A red fox ${user.user.id}`,
      size: '256x256',
      n: 1,
    });
    expect(result.data).toHaveLength(1);
    const url = new URL(result.data?.[0]?.url ?? '');
    const image = await t.http().get(`${url.pathname}${url.search}`).expect(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(await balance(t, user.accessToken)).toBe(0);
    expect((await ledger(t, user.accessToken)).map((e) => e.kind)).toEqual(['tool_spend', 'signup_bonus']);
  });

  it("surfaces the platform's errors as the SDK's APIError with their statuses and codes", async () => {
    const { user, client } = await developer(t);
    const admin = await loginAdmin(t);
    await t
      .http()
      .post(`/api/v1/admin/users/${user.user.id}/credits`)
      .set(bearer(admin.accessToken))
      .send({ delta: -5, reason: 'drain for the 402 test' })
      .expect(201);
    const error = await client.chat.completions
      .create({ model: 'chat', messages: [{ role: 'user', content: 'one more' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 402, code: 'insufficient_credits', type: 'insufficient_credits' });
    expect(await balance(t, user.accessToken)).toBe(0);

    const unknown = await client.chat.completions
      .create({ model: 'no-such-tool', messages: [{ role: 'user', content: 'hi' }] })
      .catch((e: unknown) => e);
    expect(unknown).toMatchObject({ status: 404, code: 'model_not_found' });
    const wrongKind = await client.images.generate({ model: 'chat', prompt: 'x' }).catch((e: unknown) => e);
    expect(wrongKind).toMatchObject({ status: 404, code: 'model_not_found' });

    const stranger = new OpenAI({ apiKey: 'mgk_nope_nope', baseURL: client.baseURL, maxRetries: 0 });
    await expect(stranger.models.list()).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
    const raw = await t.http().get('/api/openai/v1/models').expect(401);
    expect(raw.body).toEqual({
      error: expect.objectContaining({
        type: 'authentication_error',
        code: 'unauthorized',
        message: expect.any(String),
      }),
    });
  });

  it('charges an idempotent retry once and replays the first answer', async () => {
    const { user, client } = await developer(t);
    const body = { model: 'chat', messages: [{ role: 'user' as const, content: `Once ${user.user.id}` }] };
    // The OpenAI client sends no idempotency header of its own: the header goes in the request options.
    const options = { headers: { 'Idempotency-Key': `retry-${user.user.id}` } };
    const first = await client.chat.completions.create(body, options);
    const second = await client.chat.completions.create(body, options);
    expect(second.id).toBe(first.id);
    expect(second.choices[0]?.message.content).toBe(first.choices[0]?.message.content);
    expect(await balance(t, user.accessToken)).toBe(4);
    expect((await ledger(t, user.accessToken)).filter((e) => e.kind === 'tool_spend')).toHaveLength(1);
    const other = await client.chat.completions.create({ ...body, temperature: 1 }, options).catch((e: unknown) => e);
    expect(other).toMatchObject({ status: 422 });
  });

  describe('with a real provider upstream', () => {
    let upstream: FakeServer;
    let app: TestApp;

    beforeAll(async () => {
      upstream = await startFakeServer((req, res) => {
        const body = req.json<{ stream?: boolean }>();
        if (body.stream) return sendSse(res, chatChunks(['Hel', 'lo']));
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(chatCompletion('Hello from upstream')));
      });
      app = await createTestApp({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${upstream.origin}/v1` });
      await app.app.listen(UPSTREAM_PORT, '127.0.0.1');
    });
    afterAll(async () => {
      await app.close();
      await upstream.close();
    });

    it("sends earlier messages as context and reports the provider's token usage", async () => {
      const { client } = await developer(app, UPSTREAM_PORT);
      const completion = await client.chat.completions.create({
        model: 'chat',
        messages: [
          { role: 'system', content: 'Answer in French.' },
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Bonjour' },
          { role: 'user', content: [{ type: 'text', text: 'How are you?' }] },
        ],
      });
      expect(completion.choices[0]?.message.content).toBe('Hello from upstream');
      expect(completion.usage).toEqual({ prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 });
      const sent = upstream.requests.at(-1)?.json<{ messages: { role: string; content: string }[] }>();
      expect(sent?.messages.slice(1)).toEqual([
        { role: 'system', content: 'Answer in French.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Bonjour' },
        { role: 'user', content: 'How are you?' },
      ]);

      const stream = await client.chat.completions.create({
        model: 'chat',
        messages: [{ role: 'user', content: 'stream with usage' }],
        stream: true,
        stream_options: { include_usage: true },
      });
      let text = '';
      let usage: unknown;
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta.content ?? '';
        usage = chunk.usage ?? usage;
      }
      expect(text).toBe('Hello');
      expect(usage).toEqual({ prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 });
    });
  });
});
