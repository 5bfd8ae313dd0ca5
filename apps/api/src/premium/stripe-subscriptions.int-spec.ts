import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { CheckoutResult } from '@megicai/contracts';
import { bearer, registerUser } from '../../test/test-app';
import { type Auth, type StripeHarness, startStripeHarness } from './testing/stripe-harness';

describe('Premium plans through Stripe (integration, the real SDK against a local stand-in)', () => {
  let h: StripeHarness;
  let db: DataSource;
  beforeAll(async () => {
    h = await startStripeHarness(7301);
    db = h.t.app.get(DataSource);
  });
  afterAll(() => h?.close());

  const subscribe = async (u: Auth) => {
    const res = await h.t
      .http()
      .post('/api/v1/premium/checkout')
      .set(bearer(u.accessToken))
      .send({ planId: 'premium-monthly' });
    expect(res.status).toBe(201);
    const { sessionId, checkoutUrl } = res.body as CheckoutResult;
    const form = h.lastCall('/v1/checkout/sessions').form;
    const completed = h.event('checkout.session.completed', {
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
    h.event('invoice.paid', {
      id: invoice,
      object: 'invoice',
      status: 'paid',
      billing_reason: 'subscription_cycle',
      customer: 'cus_x',
      parent: { type: 'subscription_details', subscription_details: { subscription, metadata } },
    });

  it('a plan checkout opens a subscription-mode session; its signed completion makes premium once', async () => {
    const u = await registerUser(h.t);
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
    expect(h.lastCall('/v1/customers').form).toMatchObject({ email: u.user.email, 'metadata[userId]': u.user.id });

    expect((await h.deliver(completed).expect(200)).body).toEqual({ received: true, duplicate: false });
    const until = new Date((await h.me(u)).premiumUntil as string).getTime();
    expect(until).toBeGreaterThan(Date.now() + 27 * 86_400_000);
    expect(until).toBeLessThan(Date.now() + 32 * 86_400_000);
    // The same event again, and the first invoice's own invoice.paid: nothing more.
    expect((await h.deliver(completed).expect(200)).body).toEqual({ received: true, duplicate: true });
    await h.deliver(invoicePaid(obj.subscription, obj.invoice)).expect(200);
    expect((await h.me(u)).premiumUntil).toBe(new Date(until).toISOString());
    expect((await h.ledger(u, 'premium_allowance')).map((e) => [e.delta, e.reference])).toEqual([
      [300, { type: 'invoice', id: obj.invoice }],
    ]);
    expect((await h.me(u)).balance).toBe(305);
    await h.verified(u);

    // The customer is remembered: the next checkout reuses it, and the portal opens for it.
    const customers = h.stripe.calls.filter((c) => c.path === '/v1/customers').length;
    await subscribe(u);
    expect(h.stripe.calls.filter((c) => c.path === '/v1/customers').length).toBe(customers);
    const portal = await h.t.http().post('/api/v1/premium/portal').set(bearer(u.accessToken)).expect(200);
    expect(portal.body.url).toMatch(/^https:\/\/billing\.stripe\.test\/p\/session\//);
    expect(h.lastCall('/v1/billing_portal/sessions').form).toEqual({
      customer: form.customer,
      return_url: expect.stringMatching(/\/premium$/),
    });
    // A user who never paid has no Stripe customer: nothing to manage.
    const other = await registerUser(h.t);
    const none = await h.t.http().post('/api/v1/premium/portal').set(bearer(other.accessToken)).expect(404);
    expect(none.body.code).toBe('no_subscription');
  });

  it('a forged, stale or missing signature answers 400 invalid_webhook_signature and changes nothing', async () => {
    const u = await registerUser(h.t);
    const { completed } = await subscribe(u);
    const payload = JSON.stringify(completed);
    const old = Math.floor(Date.now() / 1000) - 600;
    for (const signature of [
      '',
      'garbage',
      h.sign(payload, { secret: 'whsec_someone_else_entirely' }),
      h.sign(payload, { timestamp: old }),
      h.sign(payload.replace('"paid"', '"paid" ')),
    ]) {
      const res = await h.deliver(completed, signature);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('invalid_webhook_signature');
    }
    expect((await h.me(u)).premiumUntil).toBeNull();
    expect(await h.ledger(u, 'premium_allowance')).toEqual([]);
    expect(await db.query(`SELECT 1 FROM payment_events WHERE id = $1`, [completed.id])).toEqual([]);
    await h.verified(u);
  });

  it('two paid renewal invoices make two periods and two allowances; the same invoice twice makes one', async () => {
    const u = await registerUser(h.t);
    const { completed, obj } = await subscribe(u);
    await h.deliver(completed).expect(200);
    const first = new Date((await h.me(u)).premiumUntil as string).getTime();
    await h.deliver(invoicePaid(obj.subscription, 'in_period_2_' + u.user.id.slice(0, 8))).expect(200);
    const again = invoicePaid(obj.subscription, 'in_period_2_' + u.user.id.slice(0, 8));
    expect((await h.deliver(again).expect(200)).body.duplicate).toBe(false); // a new event for the same invoice
    await h.deliver(invoicePaid(obj.subscription, 'in_period_3_' + u.user.id.slice(0, 8))).expect(200);
    const until = new Date((await h.me(u)).premiumUntil as string).getTime();
    expect((until - first) / 86_400_000).toBeGreaterThanOrEqual(59);
    expect((until - first) / 86_400_000).toBeLessThanOrEqual(62);
    expect(await h.ledger(u, 'premium_allowance')).toHaveLength(3);
    expect((await h.me(u)).balance).toBe(905);
    await h.verified(u);

    // Cancelled in the portal: it stops renewing; premium runs to the end of what was paid.
    await h
      .deliver(
        h.event('customer.subscription.updated', {
          id: obj.subscription,
          object: 'subscription',
          status: 'active',
          cancel_at_period_end: true,
        }),
      )
      .expect(200);
    await h
      .deliver(
        h.event('customer.subscription.deleted', {
          id: obj.subscription,
          object: 'subscription',
          status: 'canceled',
          cancel_at_period_end: true,
        }),
      )
      .expect(200);
    expect(
      await db.query(`SELECT status, cancel_at_period_end FROM payment_subscriptions WHERE id = $1`, [
        obj.subscription,
      ]),
    ).toEqual([{ status: 'canceled', cancel_at_period_end: true }]);
    expect(new Date((await h.me(u)).premiumUntil as string).getTime()).toBe(until);
  });

  it('an invoice that arrives before its checkout completes pays the first period once, from its metadata', async () => {
    const u = await registerUser(h.t);
    const { completed, obj } = await subscribe(u);
    await h
      .deliver(invoicePaid(obj.subscription, obj.invoice, { userId: u.user.id, planId: 'premium-monthly' }))
      .expect(200);
    await h.deliver(completed).expect(200);
    expect(await h.ledger(u, 'premium_allowance')).toHaveLength(1);
    expect((await h.me(u)).balance).toBe(305);
    await h.verified(u);
  });
});
