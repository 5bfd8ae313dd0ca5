import { DataSource } from 'typeorm';
import { verifyLedger } from '../credits/ledger-verify';
import {
  chatChunks,
  chatCompletion,
  FakeServer,
  sendOpenAiError,
  sendSse,
  startFakeServer,
} from '../providers/testing/fake-http-server';
import { bearer, createTestApp, registerUser, TestApp } from '../../test/test-app';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Sent = { messages: { role: string; content: string }[]; stream?: boolean };

/** The fake upstream's port (8000–8099 belong to this feature's specs). */
const UPSTREAM_PORT = 8001;

describe('Conversations (each message one run, earlier turns as context)', () => {
  let upstream: FakeServer;
  let t: TestApp;
  let chatTool: string;

  beforeAll(async () => {
    let answers = 0;
    upstream = await startFakeServer((req, res) => {
      const body = req.json<Sent>();
      if (body.messages.at(-1)?.content.includes('FAIL')) return sendOpenAiError(res, 500, 'boom');
      answers += 1;
      if (body.stream) return sendSse(res, chatChunks(['Stre', 'amed']));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(chatCompletion(`Answer ${answers}`)));
    }, UPSTREAM_PORT);
    t = await createTestApp({
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: `${upstream.origin}/v1`,
      PROVIDER_RETRIES: '0',
    });
    // A chat tool of its own that asks only the upstream (a failure there has no fallback); the seeded one is shared
    // with specs running in parallel.
    const [row] = await t.app.get(DataSource).query(
      `INSERT INTO tools (slug, name, kind, description, credit_cost, providers, system_prompt, context_chars,
                          input_schema)
       SELECT 'chat-' || substr(md5(random()::text), 1, 8), name, kind, description, credit_cost, '{openai}',
              system_prompt, context_chars, input_schema
       FROM tools WHERE slug = 'chat' RETURNING slug`,
    );
    chatTool = row.slug as string;
  });
  afterAll(async () => {
    await t.close();
    await upstream.close();
  });

  const start = async (token: string, title?: string) =>
    (
      await t
        .http()
        .post('/api/v1/conversations')
        .set(bearer(token))
        .send({ toolId: chatTool, ...(title ? { title } : {}) })
        .expect(201)
    ).body as Body;
  const say = (token: string, id: string, content: string) =>
    t.http().post(`/api/v1/conversations/${id}/messages`).set(bearer(token)).send({ content });
  const ledger = async (token: string) =>
    (await t.http().get('/api/v1/credits/ledger?limit=100').set(bearer(token)).expect(200)).body.items as Body[];

  it('sends the earlier turns to the provider and charges each message as one run', async () => {
    const u = await registerUser(t);
    const c = await start(u.accessToken);
    expect(c).toMatchObject({ id: expect.any(String), title: 'New conversation', createdAt: expect.any(String) });
    const questions = ['Plan a trip to Lisbon', 'What about food?', 'And the weather?'];
    for (const [i, q] of questions.entries()) {
      const answer = (await say(u.accessToken, c.id, q).expect(200)).body as Body;
      expect(answer).toMatchObject({ role: 'assistant', jobId: expect.any(String), cost: 1 });
      const expected = questions.slice(0, i).flatMap((earlier) => [
        { role: 'user', content: earlier },
        { role: 'assistant', content: expect.stringMatching(/^Answer \d+$/) },
      ]);
      const sent = upstream.requests.at(-1)?.json<Sent>();
      expect(sent?.messages.filter((m) => m.role !== 'system')).toEqual([...expected, { role: 'user', content: q }]);
    }
    const thread = (await t.http().get(`/api/v1/conversations/${c.id}`).set(bearer(u.accessToken)).expect(200))
      .body as Body;
    expect(thread.title).toBe('Plan a trip to Lisbon');
    expect(thread.messages.map((m: Body) => m.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
    expect((await ledger(u.accessToken)).filter((e) => e.kind === 'tool_spend')).toHaveLength(3);
    expect((await t.http().get('/api/v1/me').set(bearer(u.accessToken)).expect(200)).body.balance).toBe(2);
  });

  it('refunds a failed turn and keeps no answer; posting again retries it', async () => {
    const u = await registerUser(t);
    const c = await start(u.accessToken, 'Failing');
    await say(u.accessToken, c.id, 'Hello').expect(200);
    await say(u.accessToken, c.id, 'please FAIL now').expect(503);
    let thread = (await t.http().get(`/api/v1/conversations/${c.id}`).set(bearer(u.accessToken)).expect(200)).body;
    expect(thread.messages.map((m: Body) => [m.role, m.failed ?? false])).toEqual([
      ['user', false],
      ['assistant', false],
      ['user', true],
    ]);
    const kinds = (await ledger(u.accessToken)).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'tool_spend')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'tool_refund')).toHaveLength(1);
    expect((await t.http().get('/api/v1/me').set(bearer(u.accessToken)).expect(200)).body.balance).toBe(4);

    // The retry replaces the failed question, and the failed one was never context.
    await say(u.accessToken, c.id, 'Hello again').expect(200);
    expect(
      upstream.requests
        .at(-1)
        ?.json<Sent>()
        .messages.some((m) => m.content.includes('FAIL')),
    ).toBe(false);
    thread = (await t.http().get(`/api/v1/conversations/${c.id}`).set(bearer(u.accessToken)).expect(200)).body;
    expect(thread.messages.map((m: Body) => m.content)).toEqual([
      'Hello',
      expect.any(String),
      'Hello again',
      expect.any(String),
    ]);
    const report = await verifyLedger((sql, params) => t.app.get(DataSource).query(sql, params), [u.user.id]);
    expect(report.ok).toBe(true);
  });

  it('streams an answer as token events, then done with the assistant message', async () => {
    const u = await registerUser(t);
    const c = await start(u.accessToken);
    await say(u.accessToken, c.id, 'First').expect(200);
    const res = await t
      .http()
      .post(`/api/v1/conversations/${c.id}/messages?stream=true`)
      .set(bearer(u.accessToken))
      .send({ content: 'Stream it' })
      .buffer(true)
      .parse((r, cb) => {
        let data = '';
        r.on('data', (chunk: Buffer) => (data += chunk.toString()));
        r.on('end', () => cb(null, data));
      })
      .expect(200);
    expect(res.headers['content-type']).toContain('text/event-stream');
    const text = res.body as string;
    expect(text).toContain('event: token\ndata: {"text":"Stre"}');
    const done = JSON.parse(/event: done\ndata: (.*)\n/.exec(text)?.[1] ?? 'null') as Body;
    expect(done).toMatchObject({ role: 'assistant', content: 'Streamed', cost: 1, jobId: expect.any(String) });
    const sent = upstream.requests.at(-1)?.json<Sent>();
    expect(sent?.stream).toBe(true);
    expect(sent?.messages.filter((m) => m.role === 'user').map((m) => m.content)).toEqual(['First', 'Stream it']);
  });

  it('finds conversations by a word of a message, lists newest activity first, renames and deletes', async () => {
    const u = await registerUser(t);
    const a = await start(u.accessToken, 'Alpha');
    const b = await start(u.accessToken, 'Beta');
    await say(u.accessToken, a.id, 'Tell me about aardvarks').expect(200);
    const list = async (q = '') =>
      (
        await t
          .http()
          .get(`/api/v1/conversations${q ? `?q=${encodeURIComponent(q)}` : ''}`)
          .set(bearer(u.accessToken))
          .expect(200)
      ).body as Body;
    expect((await list()).items.map((c: Body) => c.id)).toEqual([a.id, b.id]);
    expect((await list('AARDVARK')).items.map((c: Body) => c.id)).toEqual([a.id]);
    expect((await list('beta')).items.map((c: Body) => c.id)).toEqual([b.id]);
    expect((await list('100%')).items).toEqual([]);
    const page = (await t.http().get('/api/v1/conversations?limit=1').set(bearer(u.accessToken)).expect(200)).body;
    expect(page.nextCursor).toEqual(expect.any(String));
    const next = await t
      .http()
      .get(`/api/v1/conversations?limit=1&cursor=${page.nextCursor as string}`)
      .set(bearer(u.accessToken))
      .expect(200);
    expect(next.body.items.map((c: Body) => c.id)).toEqual([b.id]);

    await t
      .http()
      .patch(`/api/v1/conversations/${b.id}`)
      .set(bearer(u.accessToken))
      .send({ title: 'Gamma' })
      .expect(200);
    expect((await list('gamma')).items.map((c: Body) => c.id)).toEqual([b.id]);
    await t.http().delete(`/api/v1/conversations/${b.id}`).set(bearer(u.accessToken)).expect(204);
    await t.http().get(`/api/v1/conversations/${b.id}`).set(bearer(u.accessToken)).expect(404);
  });

  it("answers 404 for another user's conversation and refuses non-text tools", async () => {
    const owner = await registerUser(t);
    const other = await registerUser(t);
    const c = await start(owner.accessToken);
    const token = other.accessToken;
    const notFound = await t.http().get(`/api/v1/conversations/${c.id}`).set(bearer(token)).expect(404);
    expect(notFound.body.code).toBe('not_found');
    await say(token, c.id, 'hi').expect(404);
    await t.http().patch(`/api/v1/conversations/${c.id}`).set(bearer(token)).send({ title: 'x' }).expect(404);
    await t.http().delete(`/api/v1/conversations/${c.id}`).set(bearer(token)).expect(404);
    expect((await t.http().get('/api/v1/conversations?q=').set(bearer(token)).expect(200)).body.items).toEqual([]);
    const image = await t.http().post('/api/v1/conversations').set(bearer(token)).send({ toolId: 'image' }).expect(400);
    expect(image.body.code).toBe('validation_failed');
    expect((await t.http().get('/api/v1/me').set(bearer(token)).expect(200)).body.balance).toBe(5);
  });
});
