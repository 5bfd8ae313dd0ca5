import { registerAs } from '@nestjs/config';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { validateConfig } from './validate-config';

/** Premium and credit-pack checkout, the customer portal and the signed payment webhook. */
export class PremiumConfig {
  /**
   * Which payment provider creates checkout sessions. `offline` is the demo: a Pay button in the SPA, no network.
   * `stripe` uses Stripe Checkout (subscriptions for plans, one-off payments for credit packs).
   */
  @IsIn(['offline', 'stripe'])
  provider: string = 'offline';

  /**
   * The offline provider grants premium without money; a production deployment must opt in to it explicitly
   * (PAYMENTS_ALLOW_DEMO=true), so a forgotten provider setting never gives premium away.
   */
  @IsBoolean()
  allowDemo: boolean = process.env.NODE_ENV !== 'production';

  /**
   * HMAC-SHA256 secret of the offline provider's `Payment-Signature`. Outside production a development default
   * applies; in production, while it is unset, every offline webhook is refused rather than the start failing.
   */
  @IsOptional()
  @IsString()
  @MinLength(16)
  webhookSecret?: string = process.env.NODE_ENV === 'production' ? undefined : 'megicai-dev-payments-webhook-secret';

  /** How old (or how far in the future) a signature timestamp may be, in seconds (both providers). */
  @IsInt()
  @Min(1)
  @Max(3600)
  toleranceSeconds: number = 300;

  /** Stripe's secret API key (`sk_live_…`, `sk_test_…`); required with PAYMENTS_PROVIDER=stripe. */
  @ValidateIf((c: PremiumConfig) => c.provider === 'stripe')
  @IsString()
  @MinLength(8)
  stripeSecretKey?: string;

  /** The signing secret of the Stripe webhook endpoint (`whsec_…`); required with PAYMENTS_PROVIDER=stripe. */
  @ValidateIf((c: PremiumConfig) => c.provider === 'stripe')
  @IsString()
  @MinLength(8)
  stripeWebhookSecret?: string;

  /**
   * Only where a test server stands in for Stripe (`http://127.0.0.1:7301`): the SDK's host, port and protocol
   * come from it. Unset, the SDK talks to api.stripe.com.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  stripeApiBase?: string;
}

export const premiumConfig = registerAs('premium', () =>
  validateConfig('premium', PremiumConfig, {
    provider: process.env.PAYMENTS_PROVIDER,
    allowDemo: parseBoolean(process.env.PAYMENTS_ALLOW_DEMO),
    webhookSecret: process.env.PAYMENTS_WEBHOOK_SECRET,
    toleranceSeconds: process.env.PAYMENTS_WEBHOOK_TOLERANCE_SECONDS,
    stripeSecretKey: process.env.STRIPE_SECRET_KEY,
    stripeWebhookSecret: process.env.STRIPE_WEBHOOK_SECRET,
    stripeApiBase: process.env.STRIPE_API_BASE,
  }),
);

function parseBoolean(value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  return value === 'true' || value === '1';
}
