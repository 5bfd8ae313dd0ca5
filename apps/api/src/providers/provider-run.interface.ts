import { ProviderError } from './provider-error';

/** One provider tried during a fallback run that did not answer. */
export interface ProviderAttempt {
  provider: string;
  model: string;
  error: string;
  status?: number;
  /** `ProviderError.code`: `http`, `network`, `timeout`, `circuit_open`, … */
  code?: string;
  durationMs: number;
}

/** The answer of a fallback run: who answered with which model, and which providers failed before it. */
export interface ProviderRun<T> {
  output: T;
  provider: string;
  model: string;
  attempts: ProviderAttempt[];
  /** How long the answering call took (ms). */
  durationMs: number;
}

/** Where the caller wants a run to start; the rest of the tool's provider order follows. */
export interface ProviderPreference {
  provider?: string;
  model?: string;
}

/** Every provider of the order failed (or none was usable); `attempts` says why, one per provider. */
export class AllProvidersFailedError extends ProviderError {
  readonly attempts: ProviderAttempt[];

  constructor(kind: string, attempts: ProviderAttempt[]) {
    const detail = attempts
      .map((a) => `${a.provider}/${a.model}: ${a.status === undefined ? '' : `${a.status} `}${a.error}`)
      .join('; ');
    super(
      attempts.length === 0
        ? `No available provider for ${kind}`
        : `All providers failed for ${kind} (${attempts.length} tried): ${detail}`,
      { status: 503, retryable: attempts.length > 0, code: attempts.length === 0 ? 'no_provider' : 'all_failed' },
    );
    this.name = 'AllProvidersFailedError';
    this.attempts = attempts;
  }
}
