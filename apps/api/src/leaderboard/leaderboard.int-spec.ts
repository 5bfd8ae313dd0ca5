import type { LeaderboardView } from '@megicai/contracts';
import { bearer, createTestApp, registerUser, TestApp } from '../../test/test-app';

type Auth = Awaited<ReturnType<typeof registerUser>>;

/** Boards over data made through the real HTTP flows; the database is shared, so only relative order is asserted. */
describe('Leaderboard (integration)', () => {
  let t: TestApp;
  let viewer: Auth;

  const board = async (query: Record<string, string>): Promise<LeaderboardView> =>
    (await t.http().get('/api/v1/leaderboard').query(query).set(bearer(viewer.accessToken)).expect(200))
      .body as LeaderboardView;

  beforeAll(async () => {
    t = await createTestApp();
    viewer = await registerUser(t);
  });
  afterAll(() => t.close());

  it('ranks referrers by registrations with their code in the period', async () => {
    const [top, second] = await Promise.all([
      registerUser(t, { displayName: 'Top referrer' }),
      registerUser(t, { displayName: 'Second referrer' }),
    ]);
    await Promise.all([
      ...[1, 2, 3].map(() => registerUser(t, { referralCode: top.user.referralCode })),
      registerUser(t, { referralCode: second.user.referralCode }),
    ]);
    const view = await board({ period: 'week', board: 'referrers', limit: '100' });
    expect(view).toMatchObject({ period: 'week', board: 'referrers', since: expect.any(String) });
    const a = view.entries.find((e) => e.userId === top.user.id);
    const b = view.entries.find((e) => e.userId === second.user.id);
    expect(a).toMatchObject({ displayName: 'Top referrer', value: 3 });
    expect(b).toMatchObject({ displayName: 'Second referrer', value: 1 });
    expect(a!.rank).toBeLessThan(b!.rank);
    // ranks never decrease down the list and follow the values
    view.entries.forEach((e, i) => {
      if (i === 0) return expect(e.rank).toBe(1);
      const prev = view.entries[i - 1];
      expect(e.value).toBeLessThanOrEqual(prev.value);
      expect(e.rank).toBe(e.value === prev.value ? prev.rank : i + 1);
    });
  });

  it('ranks creators by their earnings in the period, in credits', async () => {
    const [big, small, runner1, runner2] = await Promise.all([
      registerUser(t, { displayName: 'Big creator' }),
      registerUser(t, { displayName: 'Small creator' }),
      registerUser(t),
      registerUser(t),
    ]);
    const publish = async (creator: Auth) => {
      const created = await t
        .http()
        .post('/api/v1/marketplace/prompts')
        .set(bearer(creator.accessToken))
        .send({ title: 'Board', description: 'leaderboard', toolId: 'chat', template: 'Say {{word}}' })
        .expect(201);
      await t
        .http()
        .post(`/api/v1/marketplace/prompts/${created.body.id as string}/publish`)
        .set(bearer(creator.accessToken))
        .expect(200);
      return created.body.id as string;
    };
    const [bigTpl, smallTpl] = await Promise.all([publish(big), publish(small)]);
    const run = (runner: Auth, templateId: string) =>
      t
        .http()
        .post('/api/v1/tools/chat/run')
        .set(bearer(runner.accessToken))
        .send({ input: { prompt: 'x' }, templateId, variables: { word: `${runner.user.id} ${templateId}` } })
        .expect(200);
    await run(runner1, bigTpl);
    await run(runner2, bigTpl);
    await run(runner1, smallTpl);

    const view = await board({ period: 'all', board: 'creators', limit: '100' });
    expect(view.since).toBeNull();
    const a = view.entries.find((e) => e.userId === big.user.id);
    const b = view.entries.find((e) => e.userId === small.user.id);
    expect(a).toMatchObject({ displayName: 'Big creator', value: 0.04 });
    expect(b).toMatchObject({ displayName: 'Small creator', value: 0.02 });
    expect(a!.rank).toBeLessThan(b!.rank);
    expect((await board({ period: 'month', board: 'creators', limit: '100' })).entries).toContainEqual(
      expect.objectContaining({ userId: big.user.id, value: 0.04 }),
    );
  });

  it('defaults to the weekly referrers board and refuses bad parameters with 400', async () => {
    expect(await board({})).toMatchObject({ period: 'week', board: 'referrers' });
    for (const query of [{ period: 'year' }, { board: 'spenders' }, { limit: '0' }, { limit: '101' }, { other: '1' }]) {
      const res = await t.http().get('/api/v1/leaderboard').query(query).set(bearer(viewer.accessToken));
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    await t.http().get('/api/v1/leaderboard').expect(401);
  });
});
