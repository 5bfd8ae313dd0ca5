import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import type { CheckoutResult, CreditPackView, LedgerEntryView } from '@megicai/contracts';
import { bearer, createTestApp, registerUser, type TestApp } from '../../../test/test-app';
import { CreditsReadService } from '../../credits/credits-read.service';
import { type FakeStripe, startFakeStripe } from './fake-stripe-server';

/** Test support only: the app with PAYMENTS_PROVIDER=stripe against a local Stripe, and signed Stripe events. */
export type Auth = Awaited<ReturnType<typeof registerUser>>;

const WHSEC = 'whsec_payments_spec_0123456789';
// The SDK's own helper signs the events, exactly as Stripe signs its deliveries.
const signer = new Stripe('sk_test_signer_only');

export interface StripeHarness {
  t: TestApp;
  stripe: FakeStripe;
  close(): Promise<void>;
  event(type: string, object: Record<string, unknown>): { id: string; type: string; data: { object: object } };
  sign(payload: string, opts?: { secret?: string; timestamp?: number }): string;
  deliver(evt: object, signature?: string): ReturnType<ReturnType<TestApp['http']>['post']>;
  me(u: Auth): Promise<{ balance: number; premiumUntil: string | null }>;
  ledger(u: Auth, kind: string): Promise<LedgerEntryView[]>;
  verified(u: Auth): Promise<void>;
  lastCall(path: string): FakeStripe['calls'][number];
  packs(u: Auth): Promise<CreditPackView[]>;
  /** Opens a checkout for the pack and delivers its signed completion; answers the payment intent to refund. */
  buyPack(u: Auth, pack: CreditPackView): Promise<{ sessionId: string; paymentIntent: string; completed: object }>;
}

export async function startStripeHarness(port: number): Promise<StripeHarness> {
  const stripe = await startFakeStripe(port);
  const t = await createTestApp({
    PAYMENTS_PROVIDER: 'stripe',
    STRIPE_SECRET_KEY: 'sk_test_payments_spec',
    STRIPE_WEBHOOK_SECRET: WHSEC,
    STRIPE_API_BASE: stripe.apiBase,
  });
  const sign: StripeHarness['sign'] = (payload, opts = {}) =>
    signer.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? WHSEC, timestamp: opts.timestamp });
  const h: StripeHarness = {
    t,
    stripe,
    close: async () => {
      await t.close();
      await stripe.close();
    },
    event: (type, object) => ({
      id: `evt_${randomUUID().replace(/-/g, '')}`,
      object: 'event',
      api_version: '2026-10-28.endive',
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      data: { object },
    }),
    sign,
    deliver: (evt, signature) => {
      const payload = JSON.stringify(evt);
      return t
        .http()
        .post('/api/v1/webhooks/payments')
        .set('Content-Type', 'application/json')
        .set('Stripe-Signature', signature ?? sign(payload))
        .send(payload);
    },
    me: async (u) => (await t.http().get('/api/v1/me').set(bearer(u.accessToken)).expect(200)).body,
    ledger: async (u, kind) =>
      (
        (await t.http().get('/api/v1/credits/ledger?limit=100').set(bearer(u.accessToken)).expect(200)).body
          .items as LedgerEntryView[]
      ).filter((e) => e.kind === kind),
    verified: async (u) => expect((await t.app.get(CreditsReadService).verify([u.user.id])).ok).toBe(true),
    lastCall: (path) => {
      const call = [...stripe.calls].reverse().find((c) => c.path === path);
      if (!call) throw new Error(`Stripe was not called at ${path}`);
      return call;
    },
    packs: async (u) =>
      (await t.http().get('/api/v1/credits/packs').set(bearer(u.accessToken)).expect(200)).body as CreditPackView[],
    buyPack: async (u, pack) => {
      const res = await t.http().post(`/api/v1/credits/packs/${pack.id}/checkout`).set(bearer(u.accessToken));
      expect(res.status).toBe(201);
      const { sessionId } = res.body as CheckoutResult;
      const paymentIntent = `pi_${randomUUID().slice(0, 12)}`;
      const completed = h.event('checkout.session.completed', {
        id: `cs_test_${randomUUID().slice(0, 8)}`,
        object: 'checkout.session',
        mode: 'payment',
        payment_status: 'paid',
        client_reference_id: sessionId,
        customer: h.lastCall('/v1/checkout/sessions').form.customer,
        payment_intent: paymentIntent,
        subscription: null,
        invoice: null,
        metadata: {},
      });
      await h.deliver(completed).expect(200);
      return { sessionId, paymentIntent, completed };
    },
  };
  return h;
}
