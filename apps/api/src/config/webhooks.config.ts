import { registerAs } from '@nestjs/config';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config';

/** Outgoing webhooks: who may be called, and how hard we try. */
export class WebhooksConfig {
  /** Development and tests only: allow http and private, loopback and link-local addresses. */
  // From the raw value: implicit conversion would already have made the string 'false' true.
  @Transform(({ obj }: { obj: Record<string, unknown> }) => ['true', '1', true].includes(obj.allowPrivate as string))
  @IsBoolean()
  allowPrivate: boolean = false;

  /** First retry delay; each next one doubles, up to `maxDelayMs`. */
  @IsInt()
  @Min(10)
  backoffMs: number = 30_000;

  @IsInt()
  @Min(10)
  maxDelayMs: number = 3_600_000;

  /** Retries go on for this long after the first attempt. */
  @IsInt()
  @Min(1)
  @Max(168)
  retryHours: number = 24;

  /** One delivery attempt gives up after this (connect and answer). */
  @IsInt()
  @Min(100)
  timeoutMs: number = 10_000;

  @IsInt()
  @Min(1)
  @Max(100)
  maxEndpointsPerUser: number = 10;

  /** The worker re-adds deliveries that never reached the queue and are older than this. */
  @IsInt()
  @Min(100)
  relayIntervalMs: number = 5000;

  /** `credits.low` waits this long after the spend, then re-reads the balance (the spend may have rolled back). */
  @IsInt()
  @Min(0)
  creditsLowSettleMs: number = 1000;
}

export const readWebhooksConfig = (): WebhooksConfig =>
  validateConfig('webhooks', WebhooksConfig, {
    allowPrivate: process.env.WEBHOOKS_ALLOW_PRIVATE,
    backoffMs: process.env.WEBHOOKS_BACKOFF_MS,
    maxDelayMs: process.env.WEBHOOKS_MAX_DELAY_MS,
    retryHours: process.env.WEBHOOKS_RETRY_HOURS,
    timeoutMs: process.env.WEBHOOKS_TIMEOUT_MS,
    maxEndpointsPerUser: process.env.WEBHOOKS_MAX_ENDPOINTS,
    relayIntervalMs: process.env.WEBHOOKS_RELAY_INTERVAL_MS,
    creditsLowSettleMs: process.env.WEBHOOKS_CREDITS_LOW_SETTLE_MS,
  });

export const webhooksConfig = registerAs('webhooks', readWebhooksConfig);
