import { AdsService } from '../../ads/ads.service';
import { AnalyticsRollupService } from '../../analytics-events/analytics-rollup.service';
import { FakeServer, sendOpenAiError, startFakeServer } from '../../providers/testing/fake-http-server';
import { bearer, createTestApp, loginAdmin, registerUser, TestApp } from '../../../test/test-app';

const today = () => new Date().toISOString().slice(0, 10);
type Report = Record<string, never> & {
  dau: { users: number }[];
  days: Record<string, number>[];
  providers: { provider: string; runs: number; errorRate: number; latencyP50Ms: number | null }[];
  runs: { byTool: { name: string; runs: number }[]; byProvider: { provider: string; runs: number }[] };
};

/**
 * The report from real actions of today (sign-ups, an ad, a run that fell back from a failing provider), counted
 * as deltas: other specs may act on the same day and database.
 */
describe('Admin analytics', () => {
  let t: TestApp;
  let admin: string;
  let openai: FakeServer;

  beforeAll(async () => {
    openai = await startFakeServer((_req, res) => sendOpenAiError(res, 500, 'upstream down'));
    t = await createTestApp({
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: `${openai.origin}/v1`,
      PROVIDER_RETRIES: '0',
      PROVIDER_BREAKER_THRESHOLD: '1000',
      REDIS_PREFIX: `${process.env.REDIS_PREFIX ?? 'test'}-analytics`,
    });
    admin = (await loginAdmin(t)).accessToken;
  });
  afterAll(async () => {
    await t.close();
    await openai.close();
  });

  const report = (query: Record<string, string> = {}) =>
    t.http().get('/api/v1/admin/analytics').query(query).set(bearer(admin));

  it('is admin only (403 to a user and to an API key, JSON and CSV) and validates the window', async () => {
    const user = await registerUser(t);
    const key = await t.http().post('/api/v1/api-keys').set(bearer(admin)).send({ name: 'analytics key' }).expect(201);
    for (const path of ['/api/v1/admin/analytics', '/api/v1/admin/analytics.csv']) {
      await t.http().get(path).set(bearer(user.accessToken)).expect(403);
      await t
        .http()
        .get(path)
        .set('X-API-Key', key.body.key as string)
        .expect(403);
      await t.http().get(path).expect(401);
    }
    const bad = async (query: Record<string, string>, field: string) => {
      const res = await report(query).expect(400);
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    };
    await bad({ from: 'yesterday' }, 'from');
    await bad({ to: '2026-13-45' }, 'to');
    await bad({ from: '2026-03-02', to: '2026-03-01' }, 'from');
    await bad({ from: '2026-01-01', to: '2026-04-05' }, 'from');
    await bad({ days: '3' }, 'days');
    const max = await report({ from: '2026-01-01', to: '2026-04-02' }).expect(200);
    expect(max.body.dau).toHaveLength(92);
    expect(max.body.days).toHaveLength(92);
    await t
      .http()
      .get('/api/v1/admin/analytics.csv')
      .query({ from: '2026-03-02', to: '2026-03-01' })
      .set(bearer(admin))
      .expect(400);
  });

  it('defaults to the last 7 days, every day in the DAU series and the daily rows', async () => {
    const res = await report().expect(200);
    expect(res.body.to).toBe(today());
    expect(res.body.dau).toHaveLength(7);
    expect(res.body.dau[6].date).toBe(today());
    expect(res.body.days.map((d: { date: string }) => d.date)).toEqual(
      res.body.dau.map((d: { date: string }) => d.date),
    );
    expect(res.body).toMatchObject({
      ads: { started: expect.any(Number), completed: expect.any(Number), conversion: expect.any(Number) },
      credits: { earnedByKind: expect.any(Object), spentByKind: expect.any(Object), spentByTool: expect.any(Array) },
      runs: { byTool: expect.any(Array), byProvider: expect.any(Array) },
      providers: expect.any(Array),
      cache: { hits: expect.any(Number), misses: expect.any(Number), hitRate: expect.any(Number) },
      revenue: { estimatedAdRevenue: expect.any(Number), estimatedProviderCost: expect.any(Number), currency: 'USD' },
    });
  });

  it('counts what real actions caused, fallback attempts included, before and after the rollup', async () => {
    const window = { from: today(), to: today() };
    const before = (await report(window).expect(200)).body as Report;

    const users = [await registerUser(t), await registerUser(t)];
    const ads = t.app.get(AdsService);
    const session = await ads.start(users[0].user.id, 'text', '203.0.113.9');
    await ads.completeFromNetwork(users[0].user.id, session.sessionId, () => Promise.resolve(true));
    await ads.start(users[1].user.id, 'image', '203.0.113.9');
    // openai answers 500: the run falls back to the next provider, and openai's failed call is counted.
    const run = await t
      .http()
      .post('/api/v1/tools/chat/run')
      .set(bearer(users[1].accessToken))
      .send({ input: { prompt: `analytics fallback ${users[1].user.id}` }, provider: 'openai' })
      .expect(200);
    expect(run.body.provider).not.toBe('openai');
    const again = await t
      .http()
      .post('/api/v1/tools/chat/run')
      .set(bearer(users[0].accessToken))
      .send({ input: { prompt: `analytics fallback ${users[1].user.id}` }, provider: 'openai' })
      .expect(200);
    expect(again.body.cached).toBe(true);

    const check = (after: Report) => {
      const b = before.days[0];
      const a = after.days[0];
      expect(a.newUsers - b.newUsers).toBeGreaterThanOrEqual(2);
      expect(after.dau[0].users).toBeGreaterThanOrEqual(before.dau[0].users + 2);
      expect(a.adStarted - b.adStarted).toBeGreaterThanOrEqual(2);
      expect(a.adCompleted - b.adCompleted).toBeGreaterThanOrEqual(1);
      expect(a.runs - b.runs).toBeGreaterThanOrEqual(2);
      expect(a.cacheHits - b.cacheHits).toBeGreaterThanOrEqual(1);
      expect(a.creditsEarned - b.creditsEarned).toBeGreaterThanOrEqual(10 + 5);
      expect(a.creditsSpent - b.creditsSpent).toBeGreaterThanOrEqual(run.body.cost as number);
      const failing = after.providers.find((p) => p.provider === 'openai');
      expect(failing?.errorRate).toBeGreaterThan(0);
      const answering = after.providers.find((p) => p.provider === run.body.provider);
      expect(answering).toMatchObject({ latencyP50Ms: expect.any(Number), errorRate: expect.any(Number) });
      const chat = after.runs.byTool.find((x) => x.name === 'Chat');
      const chatBefore = before.runs.byTool.find((x) => x.name === 'Chat');
      expect(chat!.runs).toBeGreaterThanOrEqual((chatBefore?.runs ?? 0) + 2);
    };
    const live = (await report(window).expect(200)).body as Report;
    check(live);
    await t.app.get(AnalyticsRollupService).rollup(0);
    const rolled = (await report(window).expect(200)).body as Report;
    check(rolled);
  });
});
