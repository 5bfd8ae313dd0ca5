import { AdsService } from '../../ads/ads.service';
import { bearer, createTestApp, loginAdmin, registerUser, TestApp } from '../../../test/test-app';

const today = () => new Date().toISOString().slice(0, 10);

describe('Admin analytics', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await loginAdmin(t)).accessToken;
  });
  afterAll(() => t.close());

  const report = (query: Record<string, string> = {}) =>
    t.http().get('/api/v1/admin/analytics').query(query).set(bearer(admin));

  it('is admin only and validates the window', async () => {
    const user = await registerUser(t);
    await t.http().get('/api/v1/admin/analytics').set(bearer(user.accessToken)).expect(403);
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
  });

  it('defaults to the last 7 days, every day in the DAU series', async () => {
    const res = await report().expect(200);
    expect(res.body.to).toBe(today());
    expect(res.body.dau).toHaveLength(7);
    expect(res.body.dau[6].date).toBe(today());
    expect(res.body).toMatchObject({
      ads: { started: expect.any(Number), completed: expect.any(Number), conversion: expect.any(Number) },
      credits: { earnedByKind: expect.any(Object), spentByKind: expect.any(Object) },
      runs: { byTool: expect.any(Array), byProvider: expect.any(Array) },
      providers: expect.any(Array),
      cache: { hits: expect.any(Number), misses: expect.any(Number), hitRate: expect.any(Number) },
      revenue: { estimatedAdRevenue: expect.any(Number), estimatedProviderCost: expect.any(Number), currency: 'USD' },
    });
  });

  it('counts what real actions caused: sign-ups, an ad, a text run', async () => {
    const window = { from: today(), to: today() };
    const before = (await report(window).expect(200)).body;

    const users = [await registerUser(t), await registerUser(t)];
    const ads = t.app.get(AdsService);
    const session = await ads.start(users[0].user.id, 'text', '203.0.113.9');
    await ads.completeFromNetwork(users[0].user.id, session.sessionId, () => Promise.resolve(true));
    await ads.start(users[1].user.id, 'image', '203.0.113.9');
    const run = await t
      .http()
      .post('/api/v1/tools/summarize/run')
      .set(bearer(users[1].accessToken))
      .send({ input: { prompt: `analytics ${users[1].user.id}` } })
      .expect(200);

    const after = (await report(window).expect(200)).body;
    expect(after.dau[0].users).toBeGreaterThanOrEqual(before.dau[0].users + 2);
    expect(after.ads.started).toBeGreaterThanOrEqual(before.ads.started + 2);
    expect(after.ads.completed).toBeGreaterThanOrEqual(before.ads.completed + 1);
    expect(after.ads.conversion).toBeGreaterThan(0);
    expect(after.ads.conversion).toBeLessThanOrEqual(1);
    expect(after.credits.earnedByKind.signup_bonus).toBeGreaterThanOrEqual(
      (before.credits.earnedByKind.signup_bonus ?? 0) + 10,
    );
    expect(after.credits.earnedByKind.ad_reward).toBeGreaterThanOrEqual(
      (before.credits.earnedByKind.ad_reward ?? 0) + 5,
    );
    expect(after.credits.spentByKind.tool_spend).toBeGreaterThanOrEqual(
      (before.credits.spentByKind.tool_spend ?? 0) + (run.body.cost as number),
    );
    expect(after.revenue.estimatedAdRevenue).toBeGreaterThanOrEqual(before.revenue.estimatedAdRevenue);

    const tool = (after.runs.byTool as { name: string; toolId: string; runs: number }[]).find(
      (x) => x.toolId === run.body.jobId || x.name === 'Summarize',
    );
    const toolBefore = (before.runs.byTool as { name: string; runs: number }[]).find((x) => x.name === 'Summarize');
    expect(tool!.runs).toBeGreaterThanOrEqual((toolBefore?.runs ?? 0) + 1);
    const provider = (after.runs.byProvider as { provider: string; runs: number }[]).find(
      (x) => x.provider === run.body.provider,
    );
    expect(provider!.runs).toBeGreaterThanOrEqual(1);
    const health = (after.providers as { provider: string; latencyP50Ms: number; errorRate: number }[]).find(
      (x) => x.provider === run.body.provider,
    );
    expect(health).toMatchObject({ latencyP50Ms: expect.any(Number), errorRate: expect.any(Number) });
    expect(after.cache.hits + after.cache.misses).toBeGreaterThanOrEqual(before.cache.hits + before.cache.misses + 1);
  });
});
