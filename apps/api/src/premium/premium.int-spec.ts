import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { CheckoutResult, LedgerEntryView, PremiumPlanView } from '@megicai/contracts';
import { bearer, createTestApp, registerUser, TestApp } from '../../test/test-app';
import { CreditsReadService } from '../credits/credits-read.service';
import { signPayment } from './payments/payment-signature';

type Auth = Awaited<ReturnType<typeof registerUser>>;

const SECRET = 'premium-spec-webhook-secret';

describe('Premium (integration)', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp({ PAYMENTS_WEBHOOK_SECRET: SECRET });
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const checkout = async (auth: Auth, planId = 'premium-monthly'): Promise<CheckoutResult> =>
    (await t.http().post('/api/v1/premium/checkout').set(bearer(auth.accessToken)).send({ planId }).expect(201))
      .body as CheckoutResult;
  const completed = (sessionId: string, id = `evt_${randomUUID()}`) =>
    JSON.stringify({ id, type: 'checkout.completed', created: Math.floor(Date.now() / 1000), data: { sessionId } });
  const webhook = (body: string, signature?: string) => {
    const req = t.http().post('/api/v1/webhooks/payments').set('Content-Type', 'application/json');
    if (signature !== undefined) req.set('Payment-Signature', signature);
    return req.send(body);
  };
  const me = async (auth: Auth) => (await t.http().get('/api/v1/me').set(bearer(auth.accessToken)).expect(200)).body;
  const allowances = async (auth: Auth) =>
    (
      (await t.http().get('/api/v1/credits/ledger').set(bearer(auth.accessToken)).expect(200)).body
        .items as LedgerEntryView[]
    ).filter((e) => e.kind === 'premium_allowance');

  it('lists the plans publicly, monthly and yearly', async () => {
    const res = await t.http().get('/api/v1/premium/plans').expect(200);
    const plans = res.body as PremiumPlanView[];
    expect(plans.map((p) => p.interval)).toEqual(['month', 'year']);
    expect(plans[0]).toEqual({
      id: 'premium-monthly',
      name: 'Premium monthly',
      priceCents: 999,
      currency: 'USD',
      interval: 'month',
      allowanceCredits: 300,
      features: expect.arrayContaining(['No ads']),
    });
  });

  it('opens a checkout with a URL of the provider; unknown plans 404, bad bodies 400', async () => {
    const u = await registerUser(t);
    const res = await checkout(u);
    expect(res.checkoutUrl).toMatch(new RegExp(`/premium/checkout/${res.sessionId}$`));
    const session = await t
      .http()
      .get(`/api/v1/premium/checkout/${res.sessionId}`)
      .set(bearer(u.accessToken))
      .expect(200);
    expect(session.body).toMatchObject({ id: res.sessionId, provider: 'offline', status: 'open', completedAt: null });
    const other = await registerUser(t);
    await t.http().get(`/api/v1/premium/checkout/${res.sessionId}`).set(bearer(other.accessToken)).expect(404);
    await t.http().get('/api/v1/premium/checkout/not-a-uuid').set(bearer(u.accessToken)).expect(404);
    await t.http().post('/api/v1/premium/checkout').set(bearer(u.accessToken)).send({ planId: 'gold' }).expect(404);
    await t.http().post('/api/v1/premium/checkout').set(bearer(u.accessToken)).send({}).expect(400);
    await t
      .http()
      .post('/api/v1/premium/checkout')
      .set(bearer(u.accessToken))
      .send({ planId: 'premium-monthly', price: 0 })
      .expect(400);
    await t.http().post('/api/v1/premium/checkout').send({ planId: 'premium-monthly' }).expect(401);
  });

  it('activates premium once from a signed webhook: a replay grants nothing more', async () => {
    const u = await registerUser(t);
    const { sessionId } = await checkout(u);
    const body = completed(sessionId);
    const first = await webhook(body, signPayment(SECRET, body)).expect(200);
    expect(first.body).toEqual({ received: true, duplicate: false });
    const replay = await webhook(body, signPayment(SECRET, body)).expect(200);
    expect(replay.body).toEqual({ received: true, duplicate: true });
    // another event for the same (already paid) checkout changes nothing either
    const second = completed(sessionId);
    await webhook(second, signPayment(SECRET, second)).expect(200);

    const profile = await me(u);
    const until = new Date(profile.premiumUntil as string).getTime();
    expect(until).toBeGreaterThan(Date.now() + 27 * 86_400_000);
    expect(until).toBeLessThan(Date.now() + 32 * 86_400_000);
    expect(profile.balance).toBe(305);
    const entries = await allowances(u);
    expect(entries).toEqual([
      expect.objectContaining({ delta: 300, reference: { type: 'payment_event', id: JSON.parse(body).id } }),
    ]);
    expect((await t.app.get(CreditsReadService).verify([u.user.id])).ok).toBe(true);

    // premium: no ads, premium-only tools run
    await t.http().post('/api/v1/ads/sessions').set(bearer(u.accessToken)).send({ tier: 'text' }).expect(403);
    const hd = await t
      .http()
      .post('/api/v1/tools/image-hd/run')
      .set(bearer(u.accessToken))
      .send({ input: { prompt: `hd ${u.user.id}` } })
      .expect(202);
    // canceled at once: rendering 1024×1024 offline would only slow the suite
    await t
      .http()
      .post(`/api/v1/jobs/${hd.body.jobId as string}/cancel`)
      .set(bearer(u.accessToken))
      .expect(200);
  });

  it('applies one of several parallel deliveries of the same event, and one of two events for one checkout', async () => {
    const u = await registerUser(t);
    const { sessionId } = await checkout(u);
    const body = completed(sessionId);
    const other = completed(sessionId);
    const results = await Promise.all([
      ...[1, 2, 3, 4].map(() => webhook(body, signPayment(SECRET, body))),
      webhook(other, signPayment(SECRET, other)),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results.slice(0, 4).filter((r) => r.body.duplicate === false)).toHaveLength(1);
    expect(await allowances(u)).toHaveLength(1);
    expect((await me(u)).balance).toBe(305);
    expect((await t.app.get(CreditsReadService).verify([u.user.id])).ok).toBe(true);
  });

  it('refuses forged, stale and missing signatures with 400 invalid_webhook_signature and changes nothing', async () => {
    const u = await registerUser(t);
    const { sessionId } = await checkout(u);
    const body = completed(sessionId);
    // Well past the 300 s tolerance, so a second ticking over between here and the server cannot bring them back in.
    const stale = Math.floor(Date.now() / 1000) - 330;
    const future = Math.floor(Date.now() / 1000) + 330;
    const tampered = signPayment(SECRET, body).replace(/v1=[0-9a-f]/, (m) => (m.endsWith('0') ? 'v1=1' : 'v1=0'));
    for (const signature of [
      undefined,
      '',
      'garbage',
      signPayment('another-secret-entirely', body),
      signPayment(SECRET, body, stale),
      signPayment(SECRET, body, future),
      signPayment(SECRET, body.replace('checkout.completed', 'checkout.completed ')),
      tampered,
    ]) {
      const res = await webhook(body, signature);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('invalid_webhook_signature');
    }
    expect((await me(u)).premiumUntil).toBeNull();
    expect(await allowances(u)).toEqual([]);
    expect(await db.query(`SELECT 1 FROM payment_events WHERE id = $1`, [JSON.parse(body).id])).toEqual([]);
    // still a valid signature 4 minutes old passes
    await webhook(body, signPayment(SECRET, body, Math.floor(Date.now() / 1000) - 240)).expect(200);
    expect((await me(u)).premiumUntil).not.toBeNull();
  });

  it('answers 400 to a signed event without an id; records and ignores other event types', async () => {
    const noId = JSON.stringify({ type: 'checkout.completed', data: {} });
    await webhook(noId, signPayment(SECRET, noId)).expect(400);
    const other = JSON.stringify({ id: `evt_${randomUUID()}`, type: 'invoice.created', data: {} });
    const res = await webhook(other, signPayment(SECRET, other)).expect(200);
    expect(res.body).toEqual({ received: true, duplicate: false });
  });

  it('extends an active premium by the yearly interval and pays the demo checkout through the same path', async () => {
    const u = await registerUser(t);
    const monthly = await checkout(u);
    const paid = await t
      .http()
      .post(`/api/v1/premium/checkout/${monthly.sessionId}/pay`)
      .set(bearer(u.accessToken))
      .expect(200);
    expect(paid.body.eventId).toMatch(/^evt_offline_/);
    await t.http().post(`/api/v1/premium/checkout/${monthly.sessionId}/pay`).set(bearer(u.accessToken)).expect(409);
    const yearly = await checkout(u, 'premium-yearly');
    const other = await registerUser(t);
    await t.http().post(`/api/v1/premium/checkout/${yearly.sessionId}/pay`).set(bearer(other.accessToken)).expect(404);
    const again = await t
      .http()
      .post(`/api/v1/premium/checkout/${yearly.sessionId}/pay`)
      .set(bearer(u.accessToken))
      .expect(200);
    const days = (new Date(again.body.premiumUntil as string).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(365 + 27);
    expect(days).toBeLessThan(366 + 32);
    expect((await me(u)).balance).toBe(4305);
    expect((await allowances(u)).map((e) => e.delta).sort()).toEqual([300, 4000]);
    const session = await t
      .http()
      .get(`/api/v1/premium/checkout/${yearly.sessionId}`)
      .set(bearer(u.accessToken))
      .expect(200);
    expect(session.body).toMatchObject({ status: 'completed', completedAt: expect.any(String) });
    expect((await t.app.get(CreditsReadService).verify([u.user.id])).ok).toBe(true);
  });
});
