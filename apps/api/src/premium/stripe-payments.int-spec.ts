import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { DataSource } from 'typeorm';
import type { CheckoutResult, CreditPackView, LedgerEntryView } from '@megicai/contracts';
import { bearer, createTestApp, loginAdmin, registerUser, TestApp } from '../../test/test-app';
import { CreditsReadService } from '../credits/credits-read.service';
import { type FakeStripe, startFakeStripe } from './testing/fake-stripe-server';

type Auth = Awaited<ReturnType<typeof registerUser>>;

const WHSEC = 'whsec_payments_spec_0123456789';
const PORT = 7301;
// The SDK's own helper signs the events, exactly as Stripe signs its deliveries.
const signer = new Stripe('sk_test_signer_only');

describe('Payments through Stripe (integration, the real SDK against a local stand-in)', () => {
  let t: TestApp;
  let stripe: FakeStripe;
  let db: DataSource;

  beforeAll(async () => {
    stripe = await startFakeStripe(PORT);
    t = await createTestApp({
      PAYMENTS_PROVIDER: 'stripe',
      STRIPE_SECRET_KEY: 'sk_test_payments_spec',
      STRIPE_WEBHOOK_SECRET: WHSEC,
      STRIPE_API_BASE: stripe.apiBase,
    });
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t?.close();
    await stripe?.close();
  });

  const event = (type: string, object: Record<string, unknown>) => ({
    id: `evt_${randomUUID().replace(/-/g, '')}`,
    object: 'event',
    api_version: '2026-10-28.endive',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  });
  const deliver = (evt: object, signature?: string) => {
    const payload = JSON.stringify(evt);
    const header = signature ?? signer.webhooks.generateTestHeaderString({ payload, secret: WHSEC });
    return t
      .http()
      .post('/api/v1/webhooks/payments')
      .set('Content-Type', 'application/json')
      .set('Stripe-Signature', header)
      .send(payload);
  };
  const me = async (u: Auth) => (await t.http().get('/api/v1/me').set(bearer(u.accessToken)).expect(200)).body;
  const ledger = async (u: Auth, kind: string) =>
    (
      (await t.http().get('/api/v1/credits/ledger?limit=100').set(bearer(u.accessToken)).expect(200)).body
        .items as LedgerEntryView[]
    ).filter((e) => e.kind === kind);
  const verified = async (u: Auth) => expect((await t.app.get(CreditsReadService).verify([u.user.id])).ok).toBe(true);
  const lastCall = (path: string) => [...stripe.calls].reverse().find((c) => c.path === path);

  const subscribe = async (u: Auth) => {
    const res = await t
      .http()
      .post('/api/v1/premium/checkout')
      .set(bearer(u.accessToken))
      .send({ planId: 'premium-monthly' });
    expect(res.status).toBe(201);
    const { sessionId, checkoutUrl } = res.body as CheckoutResult;
    const form = lastCall('/v1/checkout/sessions')!.form;
    const completed = event('checkout.session.completed', {
      id: checkoutUrl.split('/').pop(),
      object: 'checkout.session',
      mode: 'subscription',
      status: 'complete',
      payment_status: 'paid',
      client_reference_id: sessionId,
      customer: form.customer,
      subscription: `sub_${randomUUID().slice(0, 8)}`,
      invoice: `in_${randomUUID().slice(0, 8)}`,
      payment_intent: null,
      metadata: { sessionId, userId: u.user.id, planId: 'premium-monthly' },
    });
    return { sessionId, checkoutUrl, form, completed, obj: completed.data.object as Record<string, string> };
  };
  const invoicePaid = (subscription: string, invoice: string, metadata: Record<string, string> = {}) =>
    event('invoice.paid', {
      id: invoice,
      object: 'invoice',
      status: 'paid',
      billing_reason: 'subscription_cycle',
      customer: 'cus_x',
      parent: { type: 'subscription_details', subscription_details: { subscription, metadata } },
    });

  it('a plan checkout opens a subscription-mode session; its signed completion makes premium once', async () => {
    const u = await registerUser(t);
    const { checkoutUrl, form, completed, obj } = await subscribe(u);
    expect(checkoutUrl).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_/);
    expect(form).toMatchObject({
      mode: 'subscription',
      customer: expect.stringMatching(/^cus_test_/),
      'line_items[0][price_data][currency]': 'usd',
      'line_items[0][price_data][unit_amount]': '999',
      'line_items[0][price_data][recurring][interval]': 'month',
      'subscription_data[metadata][userId]': u.user.id,
      'subscription_data[metadata][planId]': 'premium-monthly',
    });
    expect(lastCall('/v1/customers')!.form).toMatchObject({ email: u.user.email, 'metadata[userId]': u.user.id });

    expect((await deliver(completed).expect(200)).body).toEqual({ received: true, duplicate: false });
    const until = new Date((await me(u)).premiumUntil as string).getTime();
    expect(until).toBeGreaterThan(Date.now() + 27 * 86_400_000);
    expect(until).toBeLessThan(Date.now() + 32 * 86_400_000);
    // The same event again, and the first invoice's own invoice.paid: nothing more.
    expect((await deliver(completed).expect(200)).body).toEqual({ received: true, duplicate: true });
    await deliver(invoicePaid(obj.subscription, obj.invoice)).expect(200);
    expect((await me(u)).premiumUntil).toBe(new Date(until).toISOString());
    expect((await ledger(u, 'premium_allowance')).map((e) => [e.delta, e.reference])).toEqual([
      [300, { type: 'invoice', id: obj.invoice }],
    ]);
    expect((await me(u)).balance).toBe(305);
    await verified(u);

    // The customer is remembered: the next checkout reuses it, and the portal opens for it.
    const customers = stripe.calls.filter((c) => c.path === '/v1/customers').length;
    await subscribe(u);
    expect(stripe.calls.filter((c) => c.path === '/v1/customers').length).toBe(customers);
    const portal = await t.http().post('/api/v1/premium/portal').set(bearer(u.accessToken)).expect(200);
    expect(portal.body.url).toMatch(/^https:\/\/billing\.stripe\.test\/p\/session\//);
    expect(lastCall('/v1/billing_portal/sessions')!.form).toEqual({
      customer: form.customer,
      return_url: expect.stringMatching(/\/premium$/),
    });
  });

  it('a forged, stale or missing signature answers 400 invalid_webhook_signature and changes nothing', async () => {
    const u = await registerUser(t);
    const { completed } = await subscribe(u);
    const payload = JSON.stringify(completed);
    const old = Math.floor(Date.now() / 1000) - 600;
    for (const signature of [
      '',
      'garbage',
      signer.webhooks.generateTestHeaderString({ payload, secret: 'whsec_someone_else_entirely' }),
      signer.webhooks.generateTestHeaderString({ payload, secret: WHSEC, timestamp: old }),
      signer.webhooks.generateTestHeaderString({ payload: payload.replace('"paid"', '"paid" '), secret: WHSEC }),
    ]) {
      const res = await deliver(completed, signature);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('invalid_webhook_signature');
    }
    expect((await me(u)).premiumUntil).toBeNull();
    expect(await ledger(u, 'premium_allowance')).toEqual([]);
    expect(await db.query(`SELECT 1 FROM payment_events WHERE id = $1`, [completed.id])).toEqual([]);
    await verified(u);
  });

  it('two paid renewal invoices make two periods and two allowances; the same invoice twice makes one', async () => {
    const u = await registerUser(t);
    const { completed, obj } = await subscribe(u);
    await deliver(completed).expect(200);
    const first = new Date((await me(u)).premiumUntil as string).getTime();
    await deliver(invoicePaid(obj.subscription, 'in_period_2_' + u.user.id.slice(0, 8))).expect(200);
    const again = invoicePaid(obj.subscription, 'in_period_2_' + u.user.id.slice(0, 8));
    expect((await deliver(again).expect(200)).body.duplicate).toBe(false); // a new event for the same invoice
    await deliver(invoicePaid(obj.subscription, 'in_period_3_' + u.user.id.slice(0, 8))).expect(200);
    const until = new Date((await me(u)).premiumUntil as string).getTime();
    expect((until - first) / 86_400_000).toBeGreaterThanOrEqual(59);
    expect((until - first) / 86_400_000).toBeLessThanOrEqual(62);
    expect(await ledger(u, 'premium_allowance')).toHaveLength(3);
    expect((await me(u)).balance).toBe(905);
    await verified(u);

    // Cancelled in the portal: it stops renewing; premium runs to the end of what was paid.
    await deliver(
      event('customer.subscription.updated', {
        id: obj.subscription,
        object: 'subscription',
        status: 'active',
        cancel_at_period_end: true,
      }),
    ).expect(200);
    await deliver(
      event('customer.subscription.deleted', {
        id: obj.subscription,
        object: 'subscription',
        status: 'canceled',
        cancel_at_period_end: true,
      }),
    ).expect(200);
    expect(
      await db.query(`SELECT status, cancel_at_period_end FROM payment_subscriptions WHERE id = $1`, [
        obj.subscription,
      ]),
    ).toEqual([{ status: 'canceled', cancel_at_period_end: true }]);
    expect(new Date((await me(u)).premiumUntil as string).getTime()).toBe(until);
  });

  it('an invoice that arrives before its checkout completes pays the first period once, from its metadata', async () => {
    const u = await registerUser(t);
    const { completed, obj } = await subscribe(u);
    await deliver(invoicePaid(obj.subscription, obj.invoice, { userId: u.user.id, planId: 'premium-monthly' })).expect(
      200,
    );
    await deliver(completed).expect(200);
    expect(await ledger(u, 'premium_allowance')).toHaveLength(1);
    expect((await me(u)).balance).toBe(305);
    await verified(u);
  });

  it('a credit pack: payment-mode checkout, purchase once, refund after part was spent takes back the rest', async () => {
    const u = await registerUser(t);
    const packs = (await t.http().get('/api/v1/credits/packs').set(bearer(u.accessToken)).expect(200))
      .body as CreditPackView[];
    expect(packs.map((p) => [p.credits, p.price, p.currency])).toEqual([
      [100, 1.99, 'USD'],
      [550, 9.99, 'USD'],
      [1200, 19.99, 'USD'],
    ]);
    const pack = packs[1];
    const res = await t.http().post(`/api/v1/credits/packs/${pack.id}/checkout`).set(bearer(u.accessToken)).expect(201);
    const { sessionId } = res.body as CheckoutResult;
    const form = lastCall('/v1/checkout/sessions')!.form;
    expect(form).toMatchObject({
      mode: 'payment',
      client_reference_id: sessionId,
      'line_items[0][price_data][unit_amount]': '999',
      'line_items[0][price_data][product_data][name]': '550 credits',
      'payment_intent_data[metadata][sessionId]': sessionId,
    });
    expect(form['line_items[0][price_data][recurring][interval]']).toBeUndefined();
    const paymentIntent = `pi_${randomUUID().slice(0, 12)}`;
    const completed = event('checkout.session.completed', {
      id: 'cs_x',
      object: 'checkout.session',
      mode: 'payment',
      payment_status: 'paid',
      client_reference_id: sessionId,
      customer: form.customer,
      payment_intent: paymentIntent,
      subscription: null,
      invoice: null,
      metadata: {},
    });
    await deliver(completed).expect(200);
    await deliver(completed).expect(200);
    expect((await ledger(u, 'purchase')).map((e) => [e.delta, e.reference])).toEqual([
      [550, { type: 'checkout', id: sessionId }],
    ]);
    expect((await me(u)).balance).toBe(555);
    await verified(u);

    // 400 of the 555 credits spent, then the whole pack refunded: only the 155 left can come back.
    const admin = await loginAdmin(t);
    await t
      .http()
      .post(`/api/v1/admin/users/${u.user.id}/credits`)
      .set(bearer(admin.accessToken))
      .send({ delta: -400, reason: 'spent' })
      .expect(201);
    const refund = (refunded: number) =>
      event('charge.refunded', {
        id: 'ch_x',
        object: 'charge',
        amount: 999,
        amount_refunded: refunded,
        refunded: refunded === 999,
        payment_intent: paymentIntent,
      });
    await deliver(refund(999)).expect(200);
    await deliver(refund(999)).expect(200); // a second event for the same (already refunded) amount: nothing
    expect((await ledger(u, 'purchase_refund')).map((e) => e.delta)).toEqual([-155]);
    expect((await me(u)).balance).toBe(0);
    await verified(u);
  });

  it('a partial refund takes back its share; unknown packs 404; Stripe down → 503 payments_unavailable', async () => {
    const u = await registerUser(t);
    const [pack] = (await t.http().get('/api/v1/credits/packs').set(bearer(u.accessToken)).expect(200))
      .body as CreditPackView[];
    const { sessionId } = (
      await t.http().post(`/api/v1/credits/packs/${pack.id}/checkout`).set(bearer(u.accessToken)).expect(201)
    ).body;
    const paymentIntent = `pi_${randomUUID().slice(0, 12)}`;
    await deliver(
      event('checkout.session.completed', {
        id: 'cs_y',
        object: 'checkout.session',
        mode: 'payment',
        payment_status: 'paid',
        client_reference_id: sessionId,
        payment_intent: paymentIntent,
      }),
    ).expect(200);
    await deliver(
      event('charge.refunded', {
        id: 'ch_y',
        object: 'charge',
        amount: 199,
        amount_refunded: 100,
        payment_intent: paymentIntent,
      }),
    ).expect(200);
    expect((await ledger(u, 'purchase_refund')).map((e) => e.delta)).toEqual([-50.251]);
    expect((await me(u)).balance).toBe(54.749);
    await verified(u);

    await t.http().post(`/api/v1/credits/packs/${randomUUID()}/checkout`).set(bearer(u.accessToken)).expect(404);
    const other = await registerUser(t);
    const none = await t.http().post('/api/v1/premium/portal').set(bearer(other.accessToken)).expect(404);
    expect(none.body.code).toBe('no_subscription');
    stripe.failing = true;
    try {
      const down = await t
        .http()
        .post(`/api/v1/credits/packs/${pack.id}/checkout`)
        .set(bearer(u.accessToken))
        .expect(503);
      expect(down.body.code).toBe('payments_unavailable');
      expect(JSON.stringify(down.body)).not.toContain('unknown error');
    } finally {
      stripe.failing = false;
    }
  });

  it('a refund racing spends never takes the balance below zero, and the ledger stays true', async () => {
    const u = await registerUser(t);
    const packs = (await t.http().get('/api/v1/credits/packs').set(bearer(u.accessToken)).expect(200))
      .body as CreditPackView[];
    const { sessionId } = (
      await t.http().post(`/api/v1/credits/packs/${packs[0].id}/checkout`).set(bearer(u.accessToken)).expect(201)
    ).body as CheckoutResult;
    const paymentIntent = `pi_${randomUUID().slice(0, 12)}`;
    await deliver(
      event('checkout.session.completed', {
        id: 'cs_z',
        object: 'checkout.session',
        mode: 'payment',
        payment_status: 'paid',
        client_reference_id: sessionId,
        payment_intent: paymentIntent,
      }),
    ).expect(200);
    const admin = await loginAdmin(t);
    const refund = event('charge.refunded', {
      id: 'ch_z',
      object: 'charge',
      amount: 199,
      amount_refunded: 199,
      payment_intent: paymentIntent,
    });
    const results = await Promise.all([
      deliver(refund),
      deliver(refund),
      ...[1, 2, 3, 4].map(() =>
        t
          .http()
          .post(`/api/v1/admin/users/${u.user.id}/credits`)
          .set(bearer(admin.accessToken))
          .send({ delta: -30, reason: 'race' }),
      ),
    ]);
    expect(results.slice(0, 2).map((r) => r.status)).toEqual([200, 200]);
    const spent = results.slice(2).filter((r) => r.status === 201).length * 30;
    const taken = (await ledger(u, 'purchase_refund')).reduce((sum, e) => sum - e.delta, 0);
    expect((await me(u)).balance).toBeCloseTo(105 - spent - taken, 3);
    expect((await me(u)).balance).toBeGreaterThanOrEqual(0);
    expect(taken).toBeLessThanOrEqual(100);
    await verified(u);
  });
});
