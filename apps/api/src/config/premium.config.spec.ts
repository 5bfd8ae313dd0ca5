import { premiumConfig } from './premium.config';

describe('premium config', () => {
  const keys = ['PAYMENTS_PROVIDER', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_API_BASE'];
  const saved = Object.fromEntries(keys.map((k) => [k, process.env[k]]));
  afterEach(() => {
    for (const k of keys) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });
  const load = (env: Record<string, string>) => {
    for (const k of keys) delete process.env[k];
    Object.assign(process.env, env);
    return premiumConfig();
  };

  it('defaults to the offline demo, which needs no Stripe keys', () => {
    const cfg = load({});
    expect(cfg.provider).toBe('offline');
    expect(cfg.stripeSecretKey).toBeUndefined();
  });

  it('refuses to start Stripe without its secret key and webhook secret, or with a bad API base', () => {
    expect(() => load({ PAYMENTS_PROVIDER: 'stripe' })).toThrow(/stripeSecretKey[\s\S]*stripeWebhookSecret/);
    const stripe = {
      PAYMENTS_PROVIDER: 'stripe',
      STRIPE_SECRET_KEY: 'sk_test_123456',
      STRIPE_WEBHOOK_SECRET: 'whsec_12345678',
    };
    expect(load(stripe).provider).toBe('stripe');
    expect(load({ ...stripe, STRIPE_API_BASE: 'http://127.0.0.1:7301' }).stripeApiBase).toBe('http://127.0.0.1:7301');
    expect(() => load({ ...stripe, STRIPE_API_BASE: 'not a url' })).toThrow(/stripeApiBase/);
    expect(() => load({ PAYMENTS_PROVIDER: 'paypal' })).toThrow(/provider/);
  });
});
