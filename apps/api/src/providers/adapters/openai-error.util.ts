import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { ProviderError, parseRetryAfter } from '../provider-error';
import { providerErrorIn } from '../response-limits';

/** Turns whatever the `openai` SDK threw into a `ProviderError` that the policies can classify. */
export function fromOpenAiError(err: unknown, provider: string, signal?: AbortSignal): ProviderError {
  const inner = providerErrorIn(err);
  if (inner) return inner;
  if (err instanceof APIUserAbortError || signal?.aborted) {
    return new ProviderError(`${provider}: request aborted`, {
      provider,
      code: 'aborted',
      retryable: false,
      cause: err,
    });
  }
  if (err instanceof APIConnectionTimeoutError) {
    return new ProviderError(`${provider}: request timed out`, {
      provider,
      code: 'timeout',
      retryable: true,
      cause: err,
    });
  }
  if (err instanceof APIConnectionError) {
    const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
    return new ProviderError(`${provider}: connection failed${cause}`, { provider, code: 'network', cause: err });
  }
  if (err instanceof APIError && err.status !== undefined) {
    const headers = err.headers;
    return new ProviderError(`${provider}: ${bodyMessage(err) ?? err.message}`, {
      provider,
      status: err.status,
      retryAfterMs: parseRetryAfter(headers?.get('retry-after'), headers?.get('retry-after-ms')),
      cause: err,
    });
  }
  const message = err instanceof Error ? err.message : String(err);
  // Unparseable or unexpected answers are usually a provider glitch, so another try (or provider) may help.
  return new ProviderError(`${provider}: ${message}`, { provider, code: 'bad_output', retryable: true, cause: err });
}

function bodyMessage(err: APIError): string | undefined {
  const body = err.error as { message?: unknown } | undefined;
  return typeof body?.message === 'string' ? body.message : undefined;
}
