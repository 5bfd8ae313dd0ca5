import { randomUUID } from 'node:crypto';
import { bearer, createTestApp, loginAdmin, registerUser, TestApp } from '../../test/test-app';
import { CreditsReadService } from './credits-read.service';
import { InsufficientCreditsError } from './credits.errors';
import { CreditsService } from './credits.service';

describe('Credits (integration)', () => {
  let t: TestApp;
  let credits: CreditsService;
  let read: CreditsReadService;

  beforeAll(async () => {
    t = await createTestApp();
    credits = t.app.get(CreditsService);
    read = t.app.get(CreditsReadService);
  });
  afterAll(() => t.close());

  const expectConsistent = async (...userIds: string[]) => {
    const report = await read.verify(userIds);
    expect(report.differences).toEqual([]);
    expect(report.holdIssues).toEqual([]);
  };

  it('lets exactly 37 of 200 parallel spends through against a balance covering 37; the balance ends at zero', async () => {
    const { user } = await registerUser(t);
    // The 5-credit signup bonus + 32 more = 37 spends of 1 credit.
    await credits.grant({ userId: user.id, amount: 32_000, kind: 'admin_adjustment' });
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        credits.spend({
          userId: user.id,
          amount: 1000,
          kind: 'tool_spend',
          reference: { type: 'test', id: `spend-${i}` },
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(ok).toHaveLength(37);
    expect(refused.every((r) => (r as PromiseRejectedResult).reason instanceof InsufficientCreditsError)).toBe(true);
    expect(await credits.balanceOf(user.id)).toBe(0);
    await expectConsistent(user.id);
  });

  it('GET /credits answers the balance and today’s earnings and spending', async () => {
    const { user, accessToken } = await registerUser(t);
    await credits.spend({
      userId: user.id,
      amount: 1500,
      kind: 'tool_spend',
      reference: { type: 'test', id: randomUUID() },
    });
    const res = await t.http().get('/api/v1/credits').set(bearer(accessToken)).expect(200);
    expect(res.body).toEqual({
      balance: 3.5,
      earnedToday: 5,
      spentToday: 1.5,
      dailyRewardClaimedToday: false,
      nextDailyRewardAt: expect.any(String),
    });
  });

  it('pages the ledger newest first with decimals and a cursor', async () => {
    const { user, accessToken } = await registerUser(t);
    for (let i = 1; i <= 4; i++) {
      await credits.grant({ userId: user.id, amount: i * 10, kind: 'admin_adjustment' });
    }
    const first = await t.http().get('/api/v1/credits/ledger').query({ limit: 3 }).set(bearer(accessToken)).expect(200);
    expect(first.body.items.map((e: { delta: number }) => e.delta)).toEqual([0.04, 0.03, 0.02]);
    expect(first.body.items[0]).toEqual({
      id: expect.any(String),
      delta: 0.04,
      balanceAfter: 5.1,
      kind: 'admin_adjustment',
      reference: null,
      jobId: null,
      createdAt: expect.any(String),
    });
    const second = await t
      .http()
      .get('/api/v1/credits/ledger')
      .query({ limit: 3, cursor: first.body.nextCursor })
      .set(bearer(accessToken))
      .expect(200);
    expect(second.body.items.map((e: { kind: string }) => e.kind)).toEqual(['admin_adjustment', 'signup_bonus']);
    expect(second.body.nextCursor).toBeNull();
    expect((await t.http().get('/api/v1/credits/ledger').query({ limit: 0 }).set(bearer(accessToken))).status).toBe(
      400,
    );
    expect(
      (await t.http().get('/api/v1/credits/ledger').query({ cursor: 'junk' }).set(bearer(accessToken))).status,
    ).toBe(400);
  });

  it('pages without gaps when many entries share a transaction time', async () => {
    const { user, accessToken } = await registerUser(t);
    await t.app.get(CreditsService).grant({ userId: user.id, amount: 1, kind: 'admin_adjustment' });
    const seen = new Set<string>();
    let cursor: string | undefined;
    do {
      const res = await t
        .http()
        .get('/api/v1/credits/ledger')
        .query({ limit: 1, ...(cursor ? { cursor } : {}) })
        .set(bearer(accessToken))
        .expect(200);
      for (const e of res.body.items) seen.add(e.id);
      cursor = res.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.size).toBe(2);
  });

  describe('POST /credits/daily-reward', () => {
    it('grants once per UTC day; a second claim is a 409 with a clear message', async () => {
      const { user, accessToken } = await registerUser(t);
      const res = await t.http().post('/api/v1/credits/daily-reward').set(bearer(accessToken)).expect(201);
      expect(res.body).toEqual({ granted: 2, balance: 7, streak: 1 });
      const again = await t.http().post('/api/v1/credits/daily-reward').set(bearer(accessToken));
      expect(again.status).toBe(409);
      expect(again.body.detail).toMatch(/already claimed/);
      expect(again.body.nextClaimAt).toEqual(expect.any(String));
      await expectConsistent(user.id);
    });

    it('grants once under parallel claims', async () => {
      const { user, accessToken } = await registerUser(t);
      const res = await Promise.all(
        Array.from({ length: 8 }, () => t.http().post('/api/v1/credits/daily-reward').set(bearer(accessToken))),
      );
      expect(res.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
      expect(await credits.balanceOf(user.id)).toBe(7000);
    });

    it('grows with the streak up to the cap, and a missed day starts again', async () => {
      const db = read['dataSource'];
      const claimAfter = async (lastDayAgo: number, streak: number) => {
        const { user, accessToken } = await registerUser(t);
        await db.query(
          `INSERT INTO daily_reward_streaks (user_id, last_day, streak) VALUES ($1, (now() AT TIME ZONE 'UTC')::date - $2::int, $3)`,
          [user.id, lastDayAgo, streak],
        );
        return (await t.http().post('/api/v1/credits/daily-reward').set(bearer(accessToken)).expect(201)).body;
      };
      expect(await claimAfter(1, 3)).toMatchObject({ streak: 4, granted: 5 });
      expect(await claimAfter(1, 30)).toMatchObject({ streak: 31, granted: 7 });
      expect(await claimAfter(2, 30)).toMatchObject({ streak: 1, granted: 2 });
    });

    it('replays the first answer for the same Idempotency-Key and writes one entry', async () => {
      const { user, accessToken } = await registerUser(t);
      const key = randomUUID();
      const first = await t
        .http()
        .post('/api/v1/credits/daily-reward')
        .set(bearer(accessToken))
        .set('Idempotency-Key', key)
        .expect(201);
      const second = await t
        .http()
        .post('/api/v1/credits/daily-reward')
        .set(bearer(accessToken))
        .set('Idempotency-Key', key)
        .expect(201);
      expect(second.body).toEqual(first.body);
      expect(second.headers['idempotent-replayed']).toBe('true');
      const ledger = await t.http().get('/api/v1/credits/ledger').set(bearer(accessToken)).expect(200);
      expect(ledger.body.items.filter((e: { kind: string }) => e.kind === 'daily_reward')).toHaveLength(1);
      await expectConsistent(user.id);
    });
  });

  describe('admin adjustments', () => {
    it('grants and takes with a reason, audited; same Idempotency-Key → one entry, other body → 422', async () => {
      const admin = await loginAdmin(t);
      const { user } = await registerUser(t);
      const key = randomUUID();
      const url = `/api/v1/admin/users/${user.id}/credits`;
      const first = await t
        .http()
        .post(url)
        .set(bearer(admin.accessToken))
        .set('Idempotency-Key', key)
        .send({ delta: 2.5, reason: 'goodwill' });
      expect(first.status).toBe(201);
      expect(first.body).toEqual({ entryId: expect.any(String), delta: 2.5, balance: 7.5 });
      const replay = await t
        .http()
        .post(url)
        .set(bearer(admin.accessToken))
        .set('Idempotency-Key', key)
        .send({ delta: 2.5, reason: 'goodwill' });
      expect(replay.status).toBe(201);
      expect(replay.body).toEqual(first.body);
      const other = await t
        .http()
        .post(url)
        .set(bearer(admin.accessToken))
        .set('Idempotency-Key', key)
        .send({ delta: 3, reason: 'goodwill' });
      expect(other.status).toBe(422);
      expect(await credits.balanceOf(user.id)).toBe(7500);

      const take = await t
        .http()
        .post(url)
        .set(bearer(admin.accessToken))
        .send({ delta: -7.5, reason: 'abuse' })
        .expect(201);
      expect(take.body.balance).toBe(0);
      const below = await t.http().post(url).set(bearer(admin.accessToken)).send({ delta: -0.001, reason: 'abuse' });
      expect(below.status).toBe(409);
      expect(below.body).toMatchObject({ balance: 0, detail: expect.stringMatching(/below zero/) });

      expect((await t.http().post(url).set(bearer(admin.accessToken)).send({ delta: 0, reason: 'x' })).status).toBe(
        400,
      );
      expect(
        (await t.http().post(url).set(bearer(admin.accessToken)).send({ delta: 1.0001, reason: 'x' })).status,
      ).toBe(400);
      expect((await t.http().post(url).set(bearer(admin.accessToken)).send({ delta: 1 })).status).toBe(400);
      expect(
        (
          await t
            .http()
            .post(`/api/v1/admin/users/${randomUUID()}/credits`)
            .set(bearer(admin.accessToken))
            .send({ delta: 1, reason: 'x' })
        ).status,
      ).toBe(404);

      const audit = await t
        .http()
        .get('/api/v1/admin/audit-log')
        .query({ targetId: user.id })
        .set(bearer(admin.accessToken))
        .expect(200);
      expect(
        audit.body.items.map((e: { action: string; details: { delta: number } }) => [e.action, e.details.delta]),
      ).toEqual([
        ['user.credits.adjust', -7.5],
        ['user.credits.adjust', 2.5],
      ]);
      await expectConsistent(user.id);
    });

    it('keeps ordinary users out', async () => {
      const u = await registerUser(t);
      expect(
        (
          await t
            .http()
            .post(`/api/v1/admin/users/${u.user.id}/credits`)
            .set(bearer(u.accessToken))
            .send({ delta: 100, reason: 'me' })
        ).status,
      ).toBe(403);
    });

    it('bans a user (audited): refresh tokens are revoked and login is refused; admins cannot ban themselves', async () => {
      const admin = await loginAdmin(t);
      const u = await registerUser(t);
      const res = await t
        .http()
        .patch(`/api/v1/admin/users/${u.user.id}`)
        .set(bearer(admin.accessToken))
        .send({ banned: true })
        .expect(200);
      expect(res.body).toMatchObject({ id: u.user.id, banned: true, role: 'user' });
      expect((await t.http().post('/api/v1/auth/refresh').send({ refreshToken: u.refreshToken })).status).toBe(401);
      expect(
        (await t.http().post('/api/v1/auth/login').send({ email: u.user.email, password: u.password })).status,
      ).toBe(403);
      // The access token the user still holds stops working at once, not when it expires.
      expect((await t.http().get('/api/v1/me').set(bearer(u.accessToken))).status).toBe(401);
      await t
        .http()
        .patch(`/api/v1/admin/users/${u.user.id}`)
        .set(bearer(admin.accessToken))
        .send({ banned: false })
        .expect(200);
      await t.http().get('/api/v1/me').set(bearer(u.accessToken)).expect(200);
      await t
        .http()
        .patch(`/api/v1/admin/users/${u.user.id}`)
        .set(bearer(admin.accessToken))
        .send({ banned: true })
        .expect(200);
      expect(
        (await t.http().get(`/api/v1/admin/users/${u.user.id}`).set(bearer(admin.accessToken)).expect(200)).body.banned,
      ).toBe(true);
      expect(
        (
          await t
            .http()
            .patch(`/api/v1/admin/users/${admin.user.id}`)
            .set(bearer(admin.accessToken))
            .send({ role: 'user' })
        ).status,
      ).toBe(409);
      expect(
        (
          await t
            .http()
            .patch(`/api/v1/admin/users/${u.user.id}`)
            .set(bearer(admin.accessToken))
            .send({ role: 'owner' })
        ).status,
      ).toBe(400);
      expect(
        (await t.http().patch(`/api/v1/admin/users/${u.user.id}`).set(bearer(admin.accessToken)).send({})).status,
      ).toBe(400);
      const audit = await t
        .http()
        .get('/api/v1/admin/audit-log')
        .query({ targetId: u.user.id })
        .set(bearer(admin.accessToken))
        .expect(200);
      expect(audit.body.items[2]).toMatchObject({
        action: 'user.update',
        actorId: admin.user.id,
        details: { before: { banned: false }, after: { banned: true } },
      });
    });
  });
});
