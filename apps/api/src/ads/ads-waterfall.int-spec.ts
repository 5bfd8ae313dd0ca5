import { DataSource } from 'typeorm';
import type { AdPerformanceReport, AdSessionView } from '@megicai/contracts';
import { bearer, createTestApp, loginAdmin, registerUser, TestApp } from '../../test/test-app';

import { markWatched, randomAddress as address } from './testing/ad-session-helpers';

describe('Ads waterfall, durations, interactive creatives and performance (integration)', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp({
      TRUST_PROXY: 'true',
      ADS_NETWORKS: 'google-ad-manager,house',
      ADS_GAM_AD_UNIT_PATH: '/1234567/megicai_rewarded',
      ADS_GAM_SCRIPT_URL: 'http://127.0.0.1:7700/gpt.js',
      ADS_ECPM_GAM: '8',
      ADS_ECPM_HOUSE: '0.5',
    });
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  async function start(token: string, body: Record<string, unknown>): Promise<AdSessionView> {
    const res = await t
      .http()
      .post('/api/v1/ads/sessions')
      .set(bearer(token))
      .set('X-Forwarded-For', address())
      .send(body);
    expect(res.status).toBe(201);
    return res.body as AdSessionView;
  }
  const watched = (id: string) => markWatched(db, id);
  const complete = (token: string, id: string) =>
    t.http().post(`/api/v1/ads/sessions/${id}/complete`).set(bearer(token)).send();
  const impression = (token: string, id: string, body: Record<string, unknown>) =>
    t.http().post(`/api/v1/ads/sessions/${id}/impression`).set(bearer(token)).send(body);
  const balance = async (token: string) =>
    (await t.http().get('/api/v1/credits').set(bearer(token)).expect(200)).body.balance as number;

  it('offers each tier several durations, paying more per minute for longer ones', async () => {
    const u = await registerUser(t);
    const offers: { tier: string; seconds: number; credits: number }[] = (
      await t.http().get('/api/v1/ads/offers').set(bearer(u.accessToken)).expect(200)
    ).body;
    expect(offers).toContainEqual(expect.objectContaining({ tier: 'text', seconds: 60, credits: 5 }));
    expect(offers).toContainEqual(expect.objectContaining({ tier: 'image', seconds: 120, credits: 10 }));
    expect(offers).toContainEqual(expect.objectContaining({ tier: 'video', seconds: 180, credits: 15 }));
    expect(offers).toContainEqual(expect.objectContaining({ tier: 'text', seconds: 30, credits: 2 }));
    expect(offers).toContainEqual(expect.objectContaining({ tier: 'video', seconds: 300, credits: 30 }));
    for (const tier of ['text', 'image', 'video']) {
      const perMinute = offers.filter((o) => o.tier === tier).map((o) => (o.credits * 60) / o.seconds);
      expect(perMinute.length).toBeGreaterThan(1);
      expect([...perMinute].sort((a, b) => a - b)).toEqual(perMinute);
      expect(new Set(perMinute).size).toBe(perMinute.length);
    }
  });

  it('pays the longer option its configured reward once; an unknown duration is a 400', async () => {
    const u = await registerUser(t);
    const bad = await t
      .http()
      .post('/api/v1/ads/sessions')
      .set(bearer(u.accessToken))
      .send({ tier: 'video', seconds: 301 });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'seconds' }] });

    const s = await start(u.accessToken, { tier: 'video', seconds: 300 });
    expect(s).toMatchObject({ tier: 'video', requiredSeconds: 300, credits: 30 });
    if (s.waterfall.at(-1)?.network !== 'house') throw new Error('house must end the waterfall');
    expect(s.waterfall.at(-1)).toMatchObject({ network: 'house' });
    await watched(s.sessionId);
    const results = await Promise.all([complete(u.accessToken, s.sessionId), complete(u.accessToken, s.sessionId)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 200)?.body).toMatchObject({ granted: 30, balance: 35 });
    expect(await balance(u.accessToken)).toBe(35);
    const ledger = await db.query(
      `SELECT count(*)::int AS n FROM credit_ledger WHERE reference_id = $1 AND kind = 'ad_reward'`,
      [s.sessionId],
    );
    expect(ledger[0].n).toBe(1);
  });

  it('issues the configured waterfall, GAM first with its script URL, and admins can reorder it (audited)', async () => {
    const u = await registerUser(t);
    const s = await start(u.accessToken, { tier: 'text' });
    expect(s.networks).toEqual(['google-ad-manager', 'house']);
    expect(s.network).toBe('google-ad-manager');
    expect(s.waterfall[0]).toEqual({
      network: 'google-ad-manager',
      adUnitPath: '/1234567/megicai_rewarded',
      scriptUrl: 'http://127.0.0.1:7700/gpt.js',
    });

    const admin = await loginAdmin(t);
    const put = (networks: unknown) =>
      t.http().put('/api/v1/admin/ads/networks').set(bearer(admin.accessToken)).send({ networks });
    expect((await put(['banner'])).status).toBe(400);
    expect((await put(['house'])).body).toMatchObject({ networks: ['house'] });
    expect((await start(u.accessToken, { tier: 'text' })).networks).toEqual(['house']);
    const audit = await t.http().get('/api/v1/admin/audit-log').set(bearer(admin.accessToken)).expect(200);
    expect(audit.body.items[0]).toMatchObject({ action: 'ads.networks.update', targetId: 'networks' });
    await put(['google-ad-manager', 'house']).expect(200);
  });

  it('needs the interactive creative’s seen report before it pays, unless another network filled', async () => {
    const u = await registerUser(t);
    const s = await start(u.accessToken, { tier: 'text', seconds: 30, interactive: true });
    expect(s.needsEngagement).toBe(true);
    const house = s.waterfall.find((c) => c.network === 'house');
    if (house?.network !== 'house') throw new Error('expected a house creative');
    expect(house.items[0]).toMatchObject({ interactive: true, kind: 'html' });
    expect(house.items[0].src).toBe(`/api/v1/ads/creatives/${house.items[0].id}/frame`);

    const frame = await t.http().get(house.items[0].src).expect(200);
    expect(frame.headers['content-type']).toMatch(/^text\/html/);
    const csp = frame.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(frame.headers['x-frame-options']).toBeUndefined();
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(frame.text).toContain(`<script nonce="${nonce}">`);
    expect(frame.text).toContain("postMessage({ source: 'megicai-ad'");
    await t.http().get('/api/v1/ads/creatives/00000000-0000-0000-0000-000000000000/frame').expect(404);

    await impression(u.accessToken, s.sessionId, {
      network: 'house',
      filled: true,
      creativeId: house.items[0].id,
    }).expect(204);
    await watched(s.sessionId);
    const early = await complete(u.accessToken, s.sessionId);
    expect(early.status).toBe(425);
    expect(early.body.code).toBe('ad_not_engaged');
    expect(await balance(u.accessToken)).toBe(5);
    await t.http().post(`/api/v1/ads/sessions/${s.sessionId}/engaged`).set(bearer(u.accessToken)).expect(204);
    expect((await complete(u.accessToken, s.sessionId)).body).toMatchObject({ granted: 2, balance: 7 });

    // A client that cannot play interactive creatives gets static ones and no engagement check.
    expect((await start(u.accessToken, { tier: 'text' })).needsEngagement).toBe(false);
    // GAM filled: the house creative was never shown, so its report is not owed.
    const gam = await start(u.accessToken, { tier: 'text', seconds: 30, interactive: true });
    await impression(u.accessToken, gam.sessionId, { network: 'google-ad-manager', filled: true }).expect(204);
    await watched(gam.sessionId);
    expect((await complete(u.accessToken, gam.sessionId)).status).toBe(200);
  });

  it('reports fill rate and revenue per network over a seeded set of sessions', async () => {
    const admin = await loginAdmin(t);
    const report = async () =>
      (await t.http().get('/api/v1/admin/ads/performance').set(bearer(admin.accessToken)).expect(200))
        .body as AdPerformanceReport;
    const before = await report();
    const u = await registerUser(t);
    // Seed: 5 sessions; GAM fills 2 and has no fill in 3, where house fills; one impression is sent twice.
    const gamFills = [true, true, false, false, false];
    for (const filled of gamFills) {
      const s = await start(u.accessToken, { tier: 'text', seconds: 30 });
      await impression(u.accessToken, s.sessionId, { network: 'google-ad-manager', filled }).expect(204);
      await impression(u.accessToken, s.sessionId, { network: 'google-ad-manager', filled }).expect(204);
      if (!filled) await impression(u.accessToken, s.sessionId, { network: 'house', filled: true }).expect(204);
    }
    const bad = await impression(u.accessToken, '00000000-0000-0000-0000-000000000000', {
      network: 'house',
      filled: true,
    });
    expect(bad.status).toBe(404);
    const after = await report();
    const row = (r: AdPerformanceReport, network: string) =>
      r.byNetwork.find((x) => x.network === network) ?? { requests: 0, filled: 0, fillRate: 0, revenue: 0 };
    const gam = { requests: row(after, 'google-ad-manager').requests - row(before, 'google-ad-manager').requests };
    expect(gam.requests).toBe(5);
    expect(row(after, 'google-ad-manager').filled - row(before, 'google-ad-manager').filled).toBe(2);
    expect(row(after, 'house').requests - row(before, 'house').requests).toBe(3);
    expect(row(after, 'house').filled - row(before, 'house').filled).toBe(3);
    // eCPM 8 USD → 0.008 a GAM fill; 0.5 → 0.0005 a house fill.
    expect(row(after, 'google-ad-manager').revenue - row(before, 'google-ad-manager').revenue).toBeCloseTo(0.016, 6);
    expect(row(after, 'house').revenue - row(before, 'house').revenue).toBeCloseTo(0.0015, 6);
    if (row(before, 'google-ad-manager').requests === 0) expect(row(after, 'google-ad-manager').fillRate).toBe(0.4);
    expect(after.byCreative.some((c) => c.network === 'google-ad-manager')).toBe(true);
  });
});
