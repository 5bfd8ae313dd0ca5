import type { IBackoff, IRetryBackoffContext } from 'cockatiel';
import { ProviderError } from './provider-error';

export interface BackoffSettings {
  baseDelayMs: number;
  maxDelayMs: number;
}

type Context = IRetryBackoffContext<unknown>;

/**
 * Exponential backoff with full jitter that honours a provider's `Retry-After`, both bounded by `maxDelayMs`:
 * a provider asking for minutes must not park a job (or an HTTP request) that long; we fail over instead.
 */
export class RetryAfterBackoff implements IBackoff<Context> {
  constructor(
    private readonly settings: BackoffSettings,
    readonly duration = 0,
    private readonly attempt = 0,
  ) {}

  next(context: Context): IBackoff<Context> {
    const attempt = this.attempt + 1;
    const exponential = this.settings.baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2);
    const error = 'error' in context.result ? context.result.error : undefined;
    const asked = error instanceof ProviderError ? error.retryAfterMs : undefined;
    const delay = Math.min(this.settings.maxDelayMs, asked ?? exponential);
    return new RetryAfterBackoff(this.settings, Math.round(delay), attempt);
  }
}
