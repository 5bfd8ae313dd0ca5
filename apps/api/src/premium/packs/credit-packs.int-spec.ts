import { randomUUID } from 'node:crypto';
import type { AdminCreditPackView, CheckoutResult, CreditPackView, LedgerEntryView } from '@megicai/contracts';
import { bearer, createTestApp, loginAdmin, registerUser, TestApp } from '../../../test/test-app';
import { CreditsReadService } from '../../credits/credits-read.service';

type Auth = Awaited<ReturnType<typeof registerUser>>;

describe('Credit packs and the portal with the offline demo provider (integration)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const packs = async (u: Auth) =>
    (await t.http().get('/api/v1/credits/packs').set(bearer(u.accessToken)).expect(200)).body as CreditPackView[];
  const checkout = async (u: Auth, packId: string, key?: string) => {
    const req = t.http().post(`/api/v1/credits/packs/${packId}/checkout`).set(bearer(u.accessToken));
    if (key) req.set('Idempotency-Key', key);
    return (await req.expect(201)).body as CheckoutResult;
  };
  const pay = (u: Auth, sessionId: string) =>
    t.http().post(`/api/v1/premium/checkout/${sessionId}/pay`).set(bearer(u.accessToken));

  it('buys a pack through the demo checkout: one purchase entry, the balance rises, a second pay is 409', async () => {
    await t.http().get('/api/v1/credits/packs').expect(401);
    const u = await registerUser(t);
    const [small] = await packs(u);
    expect(small).toEqual({ id: expect.any(String), credits: 100, price: 1.99, currency: 'USD' });
    const key = randomUUID();
    const opened = await checkout(u, small.id, key);
    expect(opened.checkoutUrl).toMatch(new RegExp(`/premium/checkout/${opened.sessionId}$`));
    expect((await checkout(u, small.id, key)).sessionId).toBe(opened.sessionId); // Idempotency-Key replays

    const view = await t
      .http()
      .get(`/api/v1/premium/checkout/${opened.sessionId}`)
      .set(bearer(u.accessToken))
      .expect(200);
    expect(view.body).toMatchObject({ kind: 'pack', status: 'open', plan: null, pack: small });
    const paid = await pay(u, opened.sessionId).expect(200);
    expect(paid.body).toEqual({ eventId: expect.stringMatching(/^evt_offline_/), premiumUntil: null, balance: 105 });
    await pay(u, opened.sessionId).expect(409);
    const ledger = (await t.http().get('/api/v1/credits/ledger').set(bearer(u.accessToken)).expect(200)).body
      .items as LedgerEntryView[];
    expect(ledger.filter((e) => e.kind === 'purchase')).toEqual([
      expect.objectContaining({ delta: 100, reference: { type: 'checkout', id: opened.sessionId } }),
    ]);
    const summary = await t.http().get('/api/v1/credits').set(bearer(u.accessToken)).expect(200);
    expect(summary.body).toMatchObject({ balance: 105, earnedToday: 105, spentToday: 0 });
    expect((await t.app.get(CreditsReadService).verify([u.user.id])).ok).toBe(true);
    await t.http().post(`/api/v1/credits/packs/not-a-pack/checkout`).set(bearer(u.accessToken)).expect(404);
  });

  it('opens the demo portal for a premium user only', async () => {
    const u = await registerUser(t);
    const none = await t.http().post('/api/v1/premium/portal').set(bearer(u.accessToken)).expect(404);
    expect(none.body.code).toBe('no_subscription');
    const { sessionId } = (
      await t.http().post('/api/v1/premium/checkout').set(bearer(u.accessToken)).send({ planId: 'premium-monthly' })
    ).body as CheckoutResult;
    await pay(u, sessionId).expect(200);
    const portal = await t.http().post('/api/v1/premium/portal').set(bearer(u.accessToken)).expect(200);
    expect(portal.body.url).toMatch(/\/premium\/portal$/);
  });

  it('admins add, change and withdraw packs; every change is audited; others are refused', async () => {
    const u = await registerUser(t);
    const admin = await loginAdmin(t);
    const asAdmin = bearer(admin.accessToken);
    await t.http().get('/api/v1/admin/credit-packs').set(bearer(u.accessToken)).expect(403);
    for (const bad of [
      { credits: -1, price: 1, currency: 'USD' },
      { credits: 10, price: 1.999, currency: 'USD' },
      { credits: 10, price: 1, currency: 'usd' },
      { credits: 10, price: 1, currency: 'USD', bonus: 5 },
    ]) {
      await t.http().post('/api/v1/admin/credit-packs').set(asAdmin).send(bad).expect(400);
    }
    const created = await t
      .http()
      .post('/api/v1/admin/credit-packs')
      .set(asAdmin)
      .send({ credits: 5000, price: 69.99, currency: 'USD', sortOrder: 9 })
      .expect(201);
    const pack = created.body as AdminCreditPackView;
    expect(pack).toMatchObject({ credits: 5000, price: 69.99, active: true, sortOrder: 9, stripePriceId: null });
    expect((await packs(u)).map((p) => p.id)).toContain(pack.id);

    const patched = await t
      .http()
      .patch(`/api/v1/admin/credit-packs/${pack.id}`)
      .set(asAdmin)
      .send({ active: false, stripePriceId: 'price_test_5000' })
      .expect(200);
    expect(patched.body).toMatchObject({ active: false, stripePriceId: 'price_test_5000', credits: 5000 });
    expect((await packs(u)).map((p) => p.id)).not.toContain(pack.id);
    await t.http().post(`/api/v1/credits/packs/${pack.id}/checkout`).set(bearer(u.accessToken)).expect(404);
    const all = (await t.http().get('/api/v1/admin/credit-packs').set(asAdmin).expect(200))
      .body as AdminCreditPackView[];
    expect(all.find((p) => p.id === pack.id)).toMatchObject({ active: false });
    await t.http().patch(`/api/v1/admin/credit-packs/${randomUUID()}`).set(asAdmin).send({ active: true }).expect(404);

    const audit = await t.http().get(`/api/v1/admin/audit-log?targetId=${pack.id}`).set(asAdmin).expect(200);
    expect((audit.body.items as { action: string }[]).map((a) => a.action).sort()).toEqual([
      'credit_packs.create',
      'credit_packs.update',
    ]);
  });

  it.each([
    ['/api/v1/credits/packs', 'get', ['200', '401', '403']],
    ['/api/v1/credits/packs/{id}/checkout', 'post', ['201', '401', '404', '422', '503']],
    ['/api/v1/premium/portal', 'post', ['200', '401', '404', '503']],
    ['/api/v1/premium/checkout', 'post', ['201', '400', '404', '503']],
    ['/api/v1/webhooks/payments', 'post', ['200', '400']],
    ['/api/v1/admin/credit-packs', 'get', ['200', '401', '403']],
    ['/api/v1/admin/credit-packs', 'post', ['201', '400', '403']],
    ['/api/v1/admin/credit-packs/{id}', 'patch', ['200', '400', '404']],
  ])('documents %s %s with its schemas and problem answers', async (path, method, statuses) => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
      components: { schemas: Record<string, unknown> };
    };
    const op = doc.paths[path]?.[method];
    expect(op).toBeDefined();
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(statuses));
    for (const status of statuses.filter((s) => Number(s) >= 400)) {
      expect(op.responses[status].content).toHaveProperty(['application/problem+json']);
    }
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'CreditPackDto',
        'AdminCreditPackDto',
        'CreateCreditPackDto',
        'UpdateCreditPackDto',
        'PackCheckoutResultDto',
        'PortalResultDto',
        'CheckoutSessionDto',
      ]),
    );
  });
});
