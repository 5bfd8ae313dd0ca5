import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AdSessionView } from '@megicai/contracts';
import { bearer, createTestApp, loginAdmin, registerUser, TestApp } from '../../test/test-app';
import { CreditsReadService } from '../credits/credits-read.service';
import { UsersService } from '../users/users.service';
import { AdsService } from './ads.service';
import { markWatched, randomAddress as address } from './testing/ad-session-helpers';

describe('Ads (integration)', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'true', REFERRAL_BONUS_CREDITS: '10' });
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  async function start(token: string, tier = 'text', ip = address()): Promise<AdSessionView> {
    const res = await t
      .http()
      .post('/api/v1/ads/sessions')
      .set(bearer(token))
      .set('X-Forwarded-For', ip)
      .send({ tier });
    expect(res.status).toBe(201);
    return res.body as AdSessionView;
  }

  const watched = (id: string) => markWatched(db, id);
  const complete = (token: string, id: string) =>
    t.http().post(`/api/v1/ads/sessions/${id}/complete`).set(bearer(token)).send();
  const balance = async (token: string) =>
    (await t.http().get('/api/v1/credits').set(bearer(token)).expect(200)).body.balance as number;

  it('lists the seeded tiers as offers', async () => {
    const u = await registerUser(t);
    const res = await t.http().get('/api/v1/ads/offers').set(bearer(u.accessToken)).expect(200);
    // One entry per tier and duration; the longer durations pay more per minute.
    expect(res.body.map((o: { tier: string; seconds: number }) => `${o.tier}:${o.seconds}`)).toEqual([
      'text:30',
      'text:60',
      'image:120',
      'image:240',
      'video:180',
      'video:300',
    ]);
    expect(res.body[0]).toEqual({
      tier: 'text',
      seconds: expect.any(Number),
      credits: expect.any(Number),
      remainingToday: expect.any(Number),
    });
  });

  it('issues a session with a chained house creative covering the seconds', async () => {
    const u = await registerUser(t);
    const s = await start(u.accessToken, 'video');
    expect(s).toMatchObject({
      tier: 'video',
      network: 'house',
      requiredSeconds: expect.any(Number),
      credits: expect.any(Number),
    });
    if (s.creative.network !== 'house') throw new Error('expected a house creative');
    expect(s.creative.items.reduce((sum, i) => sum + i.seconds, 0)).toBe(s.requiredSeconds);
    expect(new Date(s.expiresAt).getTime()).toBeGreaterThan(new Date(s.startedAt).getTime() + s.requiredSeconds * 1000);
  });

  it('answers 425 with the seconds left when claimed too early, and grants nothing', async () => {
    const u = await registerUser(t);
    const s = await start(u.accessToken);
    const res = await complete(u.accessToken, s.sessionId);
    expect(res.status).toBe(425);
    expect(res.body).toMatchObject({ status: 425, remainingSeconds: expect.any(Number) });
    expect(res.body.remainingSeconds).toBeGreaterThan(0);
    expect(await balance(u.accessToken)).toBe(5);
  });

  it('grants once for parallel completions of one session; the second claim is a 409', async () => {
    const u = await registerUser(t);
    const s = await start(u.accessToken);
    await watched(s.sessionId);
    const results = await Promise.all(Array.from({ length: 10 }, () => complete(u.accessToken, s.sessionId)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((x) => x === 200)).toHaveLength(1);
    expect(statuses.filter((x) => x === 409)).toHaveLength(9);
    const ok = results.find((r) => r.status === 200)!;
    expect(ok.body).toEqual({ granted: s.credits, balance: 5 + s.credits });
    expect(await balance(u.accessToken)).toBe(5 + s.credits);
    const ledger = await t.http().get('/api/v1/credits/ledger').set(bearer(u.accessToken)).expect(200);
    expect(ledger.body.items[0]).toMatchObject({
      kind: 'ad_reward',
      delta: s.credits,
      reference: { type: 'ad_session', id: s.sessionId },
    });
    expect((await complete(u.accessToken, s.sessionId)).status).toBe(409);
    expect((await t.app.get(CreditsReadService).verify([u.user.id])).ok).toBe(true);
  });

  it("answers 404 for another user's session and for an unknown one", async () => {
    const [a, b] = await Promise.all([registerUser(t), registerUser(t)]);
    const s = await start(a.accessToken);
    await watched(s.sessionId);
    expect((await complete(b.accessToken, s.sessionId)).status).toBe(404);
    expect((await complete(b.accessToken, randomUUID())).status).toBe(404);
    expect((await complete(b.accessToken, 'not-a-uuid')).status).toBe(404);
    expect((await complete(a.accessToken, s.sessionId)).status).toBe(200);
  });

  it('answers 410 for an expired session', async () => {
    const u = await registerUser(t);
    const s = await start(u.accessToken);
    await db.query(
      `UPDATE ad_sessions SET started_at = now() - interval '2 hours', expires_at = now() - interval '1 second' WHERE id = $1`,
      [s.sessionId],
    );
    const res = await complete(u.accessToken, s.sessionId);
    expect(res.status).toBe(410);
    expect(await balance(u.accessToken)).toBe(5);
  });

  it('replaces an open session with a new one; the old cannot be claimed', async () => {
    const u = await registerUser(t);
    const first = await start(u.accessToken);
    const second = await start(u.accessToken, 'image');
    await watched(first.sessionId);
    expect((await complete(u.accessToken, first.sessionId)).status).toBe(409);
    const status = await t.http().get('/api/v1/ads/status').set(bearer(u.accessToken)).expect(200);
    expect(status.body.activeSession.sessionId).toBe(second.sessionId);
  });

  it('keeps one open session under concurrent starts', async () => {
    const u = await registerUser(t);
    const res = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.http().post('/api/v1/ads/sessions').set(bearer(u.accessToken)).send({ tier: 'text' }),
      ),
    );
    expect(res.every((r) => r.status === 201)).toBe(true);
    const [row] = await db.query(`SELECT count(*)::int AS n FROM ad_sessions WHERE user_id = $1 AND status = 'open'`, [
      u.user.id,
    ]);
    expect(row.n).toBe(1);
  });

  it('refuses a session past the per-user daily cap of the tier with 429, and the status counts the day', async () => {
    const u = await registerUser(t);
    const offers = (await t.http().get('/api/v1/ads/offers').set(bearer(u.accessToken)).expect(200)).body;
    const cap = offers.find((o: { tier: string }) => o.tier === 'image').remainingToday as number;
    await db.query(
      `INSERT INTO ad_sessions (user_id, tier, network, required_seconds, credits, creative, client_address, status, started_at, expires_at, completed_at)
       SELECT $1, 'image', 'house', 1, 1000, '{}'::jsonb, 'test', 'completed', now(), now(), now() FROM generate_series(1, $2)`,
      [u.user.id, cap],
    );
    const res = await t.http().post('/api/v1/ads/sessions').set(bearer(u.accessToken)).send({ tier: 'image' });
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
    expect(res.body.detail).toMatch(/daily cap/i);
    const after = (await t.http().get('/api/v1/ads/offers').set(bearer(u.accessToken)).expect(200)).body;
    expect(after.find((o: { tier: string }) => o.tier === 'image').remainingToday).toBe(0);
    expect((await t.http().get('/api/v1/ads/status').set(bearer(u.accessToken)).expect(200)).body.watchedToday).toBe(
      cap,
    );
    expect(await t.app.get(AdsService).offerFor(u.user.id, 8000)).toMatchObject({ tier: 'video' });
  });

  it('refuses past the per-address cap with 429', async () => {
    const u = await registerUser(t);
    const ip = address();
    await db.query(
      `INSERT INTO ad_sessions (user_id, tier, network, required_seconds, credits, creative, client_address, status, started_at, expires_at, completed_at)
       SELECT $1, 'text', 'house', 1, 1000, '{}'::jsonb, $2, 'replaced', now(), now(), now() FROM generate_series(1, 300)`,
      [u.user.id, ip],
    );
    await db.query(`UPDATE ad_sessions SET status = 'completed' WHERE client_address = $1`, [ip]);
    const res = await t
      .http()
      .post('/api/v1/ads/sessions')
      .set(bearer(u.accessToken))
      .set('X-Forwarded-For', ip)
      .send({ tier: 'video' });
    expect(res.status).toBe(429);
    expect(res.body.detail).toMatch(/address/);
  });

  it('shows premium users no ads: empty offers, 403 on start, null offerFor', async () => {
    const u = await registerUser(t);
    await t.app.get(UsersService).update(u.user.id, { premiumUntil: new Date(Date.now() + 86_400_000) });
    expect((await t.http().get('/api/v1/ads/offers').set(bearer(u.accessToken)).expect(200)).body).toEqual([]);
    const res = await t.http().post('/api/v1/ads/sessions').set(bearer(u.accessToken)).send({ tier: 'text' });
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/premium/i);
    expect((await t.http().get('/api/v1/ads/status').set(bearer(u.accessToken)).expect(200)).body).toMatchObject({
      premium: true,
      dailyCap: 0,
    });
    expect(await t.app.get(AdsService).offerFor(u.user.id, 1000)).toBeNull();
  });

  it('offerFor picks the smallest tier that covers the need, else the largest', async () => {
    const u = await registerUser(t);
    const ads = t.app.get(AdsService);
    const offers = (await ads.offers(u.user.id)).sort((a, b) => a.credits - b.credits);
    const [small, , large] = [offers[0], offers[1], offers[offers.length - 1]];
    expect(await ads.offerFor(u.user.id, 1)).toMatchObject({ tier: small.tier, credits: small.credits });
    expect(await ads.offerFor(u.user.id, small.credits * 1000 + 1)).toMatchObject({ tier: offers[1].tier });
    expect(await ads.offerFor(u.user.id, 10_000_000)).toMatchObject({ tier: large.tier });
  });

  it('rejects an unknown tier and unknown fields with 400', async () => {
    const u = await registerUser(t);
    expect(
      (await t.http().post('/api/v1/ads/sessions').set(bearer(u.accessToken)).send({ tier: 'banner' })).status,
    ).toBe(400);
    expect(
      (await t.http().post('/api/v1/ads/sessions').set(bearer(u.accessToken)).send({ tier: 'text', credits: 99 }))
        .status,
    ).toBe(400);
    // Google Ad Manager without an ad unit path configured is not available.
    const gam = await t
      .http()
      .post('/api/v1/ads/sessions')
      .set(bearer(u.accessToken))
      .send({ tier: 'text', network: 'google-ad-manager' });
    expect(gam.status).toBe(400);
  });

  it('pays the referral bonus to both sides once, on a verified invited user’s first ad', async () => {
    const referrer = await registerUser(t);
    const invited = await registerUser(t, { referralCode: referrer.user.referralCode });
    // Verified as if the mailed link was followed (the link itself is covered by the accounts spec).
    await db.query(`UPDATE users SET email_verified = true WHERE id = $1`, [invited.user.id]);
    for (let i = 0; i < 2; i++) {
      const s = await start(invited.accessToken);
      await watched(s.sessionId);
      await complete(invited.accessToken, s.sessionId).expect(200);
    }
    const view = (await t.http().get('/api/v1/referrals').set(bearer(referrer.accessToken)).expect(200)).body;
    expect(view).toEqual({
      code: referrer.user.referralCode,
      link: expect.stringContaining(`/register?ref=${referrer.user.referralCode}`),
      invited: 1,
      bonusEarned: 10,
    });
    expect(await balance(referrer.accessToken)).toBe(15);
    const kinds = (
      await t.http().get('/api/v1/credits/ledger').set(bearer(invited.accessToken)).expect(200)
    ).body.items.map((e: { kind: string }) => e.kind);
    expect(kinds.filter((k: string) => k === 'referral_bonus')).toHaveLength(1);
    expect(kinds.filter((k: string) => k === 'ad_reward')).toHaveLength(2);
    expect((await t.app.get(CreditsReadService).verify([referrer.user.id, invited.user.id])).ok).toBe(true);
  });

  it('lets admins shorten a tier (audited) and new sessions use it', async () => {
    const admin = await loginAdmin(t);
    const tiers = (await t.http().get('/api/v1/admin/ads/tiers').set(bearer(admin.accessToken)).expect(200)).body;
    const video = tiers.find((x: { tier: string }) => x.tier === 'video');
    const res = await t
      .http()
      .patch('/api/v1/admin/ads/tiers/video')
      .set(bearer(admin.accessToken))
      .send({ dailyCap: video.dailyCap });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(video);
    expect(
      (await t.http().patch('/api/v1/admin/ads/tiers/banner').set(bearer(admin.accessToken)).send({ seconds: 3 }))
        .status,
    ).toBe(404);
    expect(
      (await t.http().patch('/api/v1/admin/ads/tiers/video').set(bearer(admin.accessToken)).send({ seconds: 0 }))
        .status,
    ).toBe(400);
    const audit = await t
      .http()
      .get('/api/v1/admin/audit-log')
      .query({ targetId: 'video' })
      .set(bearer(admin.accessToken))
      .expect(200);
    expect(audit.body.items[0]).toMatchObject({ action: 'ads.tier.update', targetType: 'ad_tier', targetId: 'video' });
  });
});
