export type ProviderErrorCode =
  | 'http'
  | 'network'
  | 'timeout'
  | 'circuit_open'
  | 'aborted'
  | 'unsupported'
  | 'bad_output'
  | 'too_large'
  | 'generation_failed'
  | 'all_failed'
  | 'no_provider';

export interface ProviderErrorOptions {
  provider?: string;
  status?: number;
  /** Derived from `status` when omitted: 408, 425, 429 and 5xx are worth another try, other 4xx are not. */
  retryable?: boolean;
  code?: ProviderErrorCode;
  retryAfterMs?: number;
  cause?: unknown;
}

/** 408/425/429/5xx mean "try again (elsewhere)"; any other 4xx means our request is wrong and would fail anywhere. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/**
 * The one error type that leaves an adapter. `retryable` drives both the retry policy and the fallback:
 * a non-retryable error stops the fallback and reaches the caller unchanged.
 */
export class ProviderError extends Error {
  readonly provider?: string;
  readonly status?: number;
  readonly retryable: boolean;
  readonly code: ProviderErrorCode;
  readonly retryAfterMs?: number;

  constructor(message: string, options: ProviderErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ProviderError';
    this.provider = options.provider;
    this.status = options.status;
    this.code = options.code ?? (options.status === undefined ? 'network' : 'http');
    this.retryable = options.retryable ?? (options.status === undefined ? true : isRetryableStatus(options.status));
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** `Retry-After` is either delta-seconds or an HTTP date; `retry-after-ms` (OpenAI) is milliseconds. */
export function parseRetryAfter(
  retryAfter: string | null | undefined,
  retryAfterMs?: string | null,
  now = Date.now(),
): number | undefined {
  if (retryAfterMs) {
    const ms = Number(retryAfterMs);
    if (Number.isFinite(ms) && ms >= 0) return ms;
  }
  if (!retryAfter) return undefined;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
