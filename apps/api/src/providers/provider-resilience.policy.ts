import {
  BrokenCircuitError,
  CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  IPolicy,
  TaskCancelledError,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
} from 'cockatiel';
import { ProviderError } from './provider-error';
import { RetryAfterBackoff } from './retry-after.backoff';
import type { SharedCircuit } from './shared-circuit';

export interface ResilienceSettings {
  timeoutMs: number;
  videoTimeoutMs: number;
  retries: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  breakerThreshold: number;
  breakerHalfOpenMs: number;
}

/** `standard` for text, image and audio; `video` has its own, longer budget; `stream` guards opening a stream. */
export type CallProfile = 'standard' | 'video' | 'stream';

export type CircuitStatus = 'closed' | 'open' | 'half-open' | 'isolated';

/** What counts against a provider: failures another try might fix. A 4xx is our fault, an abort is the caller's. */
function isTransient(err: Error): boolean {
  if (err instanceof TaskCancelledError) return true;
  return err instanceof ProviderError && err.retryable && err.code !== 'aborted' && err.code !== 'circuit_open';
}

/**
 * One provider's timeout + retry + circuit breaker, created once and shared by every call to that provider,
 * so the breaker sees all of its traffic. Order: retry(circuit breaker(timeout(call))), so each attempt is timed
 * and counted, and an open circuit ends the retries at once.
 */
export class ProviderResiliencePolicy {
  private readonly breaker: CircuitBreakerPolicy;
  /** retry(circuit breaker(...)): one per provider, shared by every call so the breaker sees all of them. */
  private readonly guard: IPolicy;
  /** The timeout of one attempt, per profile. */
  private readonly attempts: Record<CallProfile, IPolicy>;
  private readonly timeouts: Record<CallProfile, number>;

  constructor(
    readonly providerId: string,
    settings: ResilienceSettings,
    private readonly shared?: SharedCircuit,
  ) {
    this.breaker = circuitBreaker(handleWhen(isTransient), {
      halfOpenAfter: settings.breakerHalfOpenMs,
      breaker: new ConsecutiveBreaker(settings.breakerThreshold),
    });
    // Tell the other processes (architecture: breaker state shared through Redis).
    this.breaker.onBreak(() => shared?.open(providerId));
    this.breaker.onReset(() => shared?.close(providerId));
    const retryPolicy = retry(handleWhen(isTransient), {
      maxAttempts: settings.retries,
      backoff: new RetryAfterBackoff({ baseDelayMs: settings.retryBaseDelayMs, maxDelayMs: settings.retryMaxDelayMs }),
    });
    this.timeouts = { standard: settings.timeoutMs, video: settings.videoTimeoutMs, stream: settings.timeoutMs };
    this.guard = wrap(retryPolicy, this.breaker);
    // A call that returned has read its whole answer: aborting its signal then (cockatiel's default) would only run
    // the abort listeners of a finished request, a few % of a run's CPU. The stream outlives the guarded call (which
    // ends at its first token), so its signal must stay usable anyway.
    const attempt = (ms: number) => timeout(ms, { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false });
    this.attempts = {
      standard: attempt(settings.timeoutMs),
      video: attempt(settings.videoTimeoutMs),
      stream: attempt(settings.timeoutMs),
    };
  }

  get circuit(): CircuitStatus {
    if (this.breaker.state === CircuitState.Closed && this.shared?.knownOpen(this.providerId)) return 'open';
    switch (this.breaker.state) {
      case CircuitState.Open:
        return 'open';
      case CircuitState.HalfOpen:
        return 'half-open';
      case CircuitState.Isolated:
        return 'isolated';
      default:
        return 'closed';
    }
  }

  /** A provider whose circuit is open is skipped without a request; half-open lets one trial call through. */
  get healthy(): boolean {
    return this.circuit === 'closed' || this.circuit === 'half-open';
  }

  /**
   * Runs `call` under the policies. The caller's signal is the parent of every attempt's signal (the attempt's
   * timeout derives one AbortController from it: one timer and one abort per attempt, nothing combined per call).
   * An attempt ended by the caller's abort surfaces as an `aborted` error before the breaker and the retry see it,
   * so that a canceled job neither counts against the provider nor is retried. Always rejects with a `ProviderError`.
   */
  async execute<T>(profile: CallProfile, call: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    try {
      // Opened by another process: skip without a request, as this process's own open breaker would.
      if (this.breaker.state === CircuitState.Closed && (await this.shared?.isOpen(this.providerId))) {
        throw new BrokenCircuitError();
      }
      const attempt = this.attempts[profile];
      return await this.guard.execute(async ({ signal: guarded }) => {
        if (signal?.aborted) throw this.aborted(signal.reason);
        try {
          return await attempt.execute(({ signal: attemptSignal }) => call(attemptSignal), guarded);
        } catch (err) {
          if (signal?.aborted) throw this.aborted(err);
          throw err;
        }
      }, signal);
    } catch (err) {
      throw this.normalize(err, profile, signal);
    }
  }

  private normalize(err: unknown, profile: CallProfile, signal?: AbortSignal): ProviderError {
    if (signal?.aborted) return err instanceof ProviderError && err.code === 'aborted' ? err : this.aborted(err);
    if (err instanceof ProviderError) return err;
    const provider = this.providerId;
    if (err instanceof BrokenCircuitError) {
      return new ProviderError(`${provider}: circuit open, provider skipped`, {
        provider,
        code: 'circuit_open',
        retryable: true,
        cause: err,
      });
    }
    if (err instanceof TaskCancelledError) {
      return new ProviderError(`${provider}: timed out after ${this.timeouts[profile]} ms`, {
        provider,
        code: 'timeout',
        retryable: true,
        cause: err,
      });
    }
    const message = err instanceof Error ? err.message : String(err);
    return new ProviderError(`${provider}: ${message}`, { provider, code: 'bad_output', retryable: true, cause: err });
  }

  private aborted(cause: unknown): ProviderError {
    return new ProviderError(`${this.providerId}: aborted`, {
      provider: this.providerId,
      code: 'aborted',
      retryable: false,
      cause,
    });
  }
}
