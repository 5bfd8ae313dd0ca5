import { registerAs } from '@nestjs/config';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { validateConfig } from './validate-config';

/** Premium checkout and the signed payment webhook. */
export class PremiumConfig {
  /** Which payment provider creates checkout sessions. `offline` is the demo: a Pay button in the SPA, no network. */
  @IsIn(['offline'])
  provider: string = 'offline';

  /**
   * The offline provider grants premium without money; a production deployment must opt in to it explicitly
   * (PAYMENTS_ALLOW_DEMO=true), so a forgotten provider setting never gives premium away.
   */
  @IsBoolean()
  allowDemo: boolean = process.env.NODE_ENV !== 'production';

  /**
   * HMAC-SHA256 secret of `Payment-Signature`. Outside production a development default applies; in production,
   * while it is unset, every webhook is refused (403) rather than the start failing.
   */
  @IsOptional()
  @IsString()
  @MinLength(16)
  webhookSecret?: string = process.env.NODE_ENV === 'production' ? undefined : 'megicai-dev-payments-webhook-secret';

  /** How old (or how far in the future) a signature timestamp may be, in seconds. */
  @IsInt()
  @Min(1)
  @Max(3600)
  toleranceSeconds: number = 300;
}

export const premiumConfig = registerAs('premium', () =>
  validateConfig('premium', PremiumConfig, {
    provider: process.env.PAYMENTS_PROVIDER,
    allowDemo: parseBoolean(process.env.PAYMENTS_ALLOW_DEMO),
    webhookSecret: process.env.PAYMENTS_WEBHOOK_SECRET,
    toleranceSeconds: process.env.PAYMENTS_WEBHOOK_TOLERANCE_SECONDS,
  }),
);

function parseBoolean(value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  return value === 'true' || value === '1';
}
