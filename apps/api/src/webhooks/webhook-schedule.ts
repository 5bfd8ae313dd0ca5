import type { WebhooksConfig } from '../config/webhooks.config';

export const WEBHOOK_QUEUE = 'webhooks';
/** The BullMQ backoff type of deliveries (see `webhookBackoff`). */
export const WEBHOOK_BACKOFF = 'webhook';

export interface WebhookJobData {
  deliveryId: string;
  /** Carried by the job so that the worker's backoff needs no configuration of its own. */
  maxDelayMs: number;
}

/** Delay before retry n (1-based): exponential from `base`, capped. */
export function retryDelay(n: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** (n - 1));
}

/** Attempts (the first plus retries) whose delays add up to the retry window. */
export function attemptsWithin(config: Pick<WebhooksConfig, 'backoffMs' | 'maxDelayMs' | 'retryHours'>): number {
  const window = config.retryHours * 3_600_000;
  let elapsed = 0;
  let attempts = 1;
  while (attempts < 500) {
    const next = retryDelay(attempts, config.backoffMs, config.maxDelayMs);
    if (elapsed + next > window) break;
    elapsed += next;
    attempts += 1;
  }
  return attempts;
}

/** BullMQ's custom backoff for deliveries: `attemptsMade` attempts have failed so far. */
export function webhookBackoff(
  attemptsMade: number,
  _type?: string,
  _err?: Error,
  job?: { opts: { backoff?: unknown }; data: unknown },
): number {
  const backoff = job?.opts.backoff as { delay?: number } | undefined;
  const data = job?.data as Partial<WebhookJobData> | undefined;
  return retryDelay(attemptsMade, backoff?.delay ?? 30_000, data?.maxDelayMs ?? 3_600_000);
}
