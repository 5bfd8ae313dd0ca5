import { randomUUID } from 'node:crypto';
import { bearer, loginAdmin, registerUser } from '../../test/test-app';
import { type Auth, type StripeHarness, startStripeHarness } from './testing/stripe-harness';

describe('Credit packs through Stripe (integration, the real SDK against a local stand-in)', () => {
  let h: StripeHarness;
  beforeAll(async () => {
    h = await startStripeHarness(7302);
  });
  afterAll(() => h?.close());

  const refund = (paymentIntent: string, amount: number, refunded: number) =>
    h.event('charge.refunded', {
      id: `ch_${paymentIntent}`,
      object: 'charge',
      amount,
      amount_refunded: refunded,
      refunded: refunded === amount,
      payment_intent: paymentIntent,
    });
  const debit = async (u: Auth, credits: number) => {
    const admin = await loginAdmin(h.t);
    return h.t
      .http()
      .post(`/api/v1/admin/users/${u.user.id}/credits`)
      .set(bearer(admin.accessToken))
      .send({ delta: -credits, reason: 'spent' });
  };

  it('a credit pack: payment-mode checkout, purchase once, refund after part was spent takes back the rest', async () => {
    const u = await registerUser(h.t);
    const packs = await h.packs(u);
    expect(packs.map((p) => [p.credits, p.price, p.currency])).toEqual([
      [100, 1.99, 'USD'],
      [550, 9.99, 'USD'],
      [1200, 19.99, 'USD'],
    ]);
    const { sessionId, paymentIntent, completed } = await h.buyPack(u, packs[1]);
    const form = h.lastCall('/v1/checkout/sessions').form;
    expect(form).toMatchObject({
      mode: 'payment',
      client_reference_id: sessionId,
      customer: expect.stringMatching(/^cus_test_/),
      'line_items[0][price_data][unit_amount]': '999',
      'line_items[0][price_data][product_data][name]': '550 credits',
      'payment_intent_data[metadata][sessionId]': sessionId,
    });
    expect(form['line_items[0][price_data][recurring][interval]']).toBeUndefined();
    expect((await h.deliver(completed).expect(200)).body.duplicate).toBe(true);
    expect((await h.ledger(u, 'purchase')).map((e) => [e.delta, e.reference])).toEqual([
      [550, { type: 'checkout', id: sessionId }],
    ]);
    expect((await h.me(u)).balance).toBe(555);
    await h.verified(u);

    // 400 of the 555 credits spent, then the whole pack refunded: only the 155 left can come back.
    expect((await debit(u, 400)).status).toBe(201);
    await h.deliver(refund(paymentIntent, 999, 999)).expect(200);
    await h.deliver(refund(paymentIntent, 999, 999)).expect(200); // another event, nothing more refunded
    expect((await h.ledger(u, 'purchase_refund')).map((e) => e.delta)).toEqual([-155]);
    expect((await h.me(u)).balance).toBe(0);
    await h.verified(u);
  });

  it('a partial refund takes back its share; unknown packs 404; Stripe down → 503 payments_unavailable', async () => {
    const u = await registerUser(h.t);
    const [pack] = await h.packs(u);
    const { paymentIntent } = await h.buyPack(u, pack);
    await h.deliver(refund(paymentIntent, 199, 100)).expect(200);
    expect((await h.ledger(u, 'purchase_refund')).map((e) => e.delta)).toEqual([-50.251]);
    expect((await h.me(u)).balance).toBe(54.749);
    await h.verified(u);

    const checkout = (id: string) => h.t.http().post(`/api/v1/credits/packs/${id}/checkout`).set(bearer(u.accessToken));
    await checkout(randomUUID()).expect(404);
    h.stripe.failing = true;
    try {
      const down = await checkout(pack.id).expect(503);
      expect(down.body.code).toBe('payments_unavailable');
      expect(JSON.stringify(down.body)).not.toContain('unknown error');
    } finally {
      h.stripe.failing = false;
    }
  });

  it('a refund racing spends never takes the balance below zero, and the ledger stays true', async () => {
    const u = await registerUser(h.t);
    const [pack] = await h.packs(u);
    const { paymentIntent } = await h.buyPack(u, pack);
    const full = refund(paymentIntent, 199, 199);
    const results = await Promise.all([h.deliver(full), h.deliver(full), ...[1, 2, 3, 4].map(() => debit(u, 30))]);
    expect(results.slice(0, 2).map((r) => r.status)).toEqual([200, 200]);
    const spent = results.slice(2).filter((r) => r.status === 201).length * 30;
    const taken = (await h.ledger(u, 'purchase_refund')).reduce((sum, e) => sum - e.delta, 0);
    expect((await h.me(u)).balance).toBeCloseTo(105 - spent - taken, 3);
    expect((await h.me(u)).balance).toBeGreaterThanOrEqual(0);
    expect(taken).toBeLessThanOrEqual(100);
    await h.verified(u);
  });
});
