import {
  chatCompletion,
  type FakeServer,
  sendJson,
  sendOpenAiError,
  startFakeServer,
} from '../providers/testing/fake-http-server';
import { ProviderHourlyStatsService } from '../providers/provider-hourly-stats.service';
import { bearer, createTestApp, loginAdmin, registerUser, TestApp } from '../../test/test-app';

// Both apps share this prefix, as the API and worker processes of one deployment share Redis.
const PREFIX = `${process.env.REDIS_PREFIX ?? 'test'}-admin-providers`;

describe('GET /admin/providers', () => {
  let provider: FakeServer;
  let failNext = false;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    provider = await startFakeServer((_req, res) => {
      if (failNext) return sendOpenAiError(res, 500, 'upstream down');
      return sendJson(res, 200, chatCompletion('hello'));
    });
    const env = {
      REDIS_PREFIX: PREFIX,
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: `${provider.origin}/v1`,
      PROVIDER_RETRIES: '0',
    };
    a = await createTestApp(env);
    b = await createTestApp(env);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await provider?.close();
  });

  async function run(t: TestApp, prompt: string): Promise<void> {
    const user = await registerUser(t);
    await t.http().post('/api/v1/tools/chat/run').set(bearer(user.accessToken)).send({ input: { prompt } });
  }

  it('merges the last hour of every process, and is admin only', async () => {
    await run(a, 'first from a');
    await run(a, 'second from a');
    failNext = true;
    await run(b, 'one from b');
    failNext = false;

    const admin = (await loginAdmin(a)).accessToken;
    // Asked of process A: B's calls arrive through Redis (the route flushes its own process first; B publishes on
    // shutdown or every few seconds — here we flush it as its timer would).
    await b.app.get(ProviderHourlyStatsService).flush();
    const res = await a.http().get('/api/v1/admin/providers').set(bearer(admin)).expect(200);
    const openai = (res.body as { id: string; latencyP50: number; latencyP95: number }[]).find(
      (p) => p.id === 'openai',
    )!;
    expect(openai).toMatchObject({ configured: true, runs: 3, errorRate: 1 / 3, circuit: 'closed' });
    expect(typeof openai.latencyP50).toBe('number');
    expect(openai.latencyP95).toBeGreaterThanOrEqual(openai.latencyP50);

    const user = await registerUser(a);
    await a.http().get('/api/v1/admin/providers').set(bearer(user.accessToken)).expect(403);
    const key = await a.http().post('/api/v1/api-keys').set(bearer(admin)).send({ name: 'providers key' }).expect(201);
    await a
      .http()
      .get('/api/v1/admin/providers')
      .set('X-API-Key', key.body.key as string)
      .expect(403);
  });
});
