import {
  InferenceClientHubApiError,
  InferenceClientInputError,
  InferenceClientProviderApiError,
  InferenceClientProviderOutputError,
  InferenceClientRoutingError,
} from '@huggingface/inference';
import { ProviderError } from '../provider-error';
import { providerErrorIn } from '../response-limits';

/** Turns what `@huggingface/inference` (or the fetch below it) threw into a classified `ProviderError`. */
export function fromHuggingFaceError(err: unknown, provider: string, signal?: AbortSignal): ProviderError {
  const inner = providerErrorIn(err);
  if (inner) return inner;
  if (signal?.aborted || (err instanceof Error && err.name === 'AbortError')) {
    return new ProviderError(`${provider}: request aborted`, {
      provider,
      code: 'aborted',
      retryable: false,
      cause: err,
    });
  }
  if (err instanceof InferenceClientProviderApiError || err instanceof InferenceClientHubApiError) {
    const status = err.httpResponse.status;
    // An error event inside a 200 event stream: the provider broke mid-answer, which another try may fix.
    if (status < 400)
      return new ProviderError(`${provider}: ${err.message}`, { provider, retryable: true, cause: err });
    return new ProviderError(`${provider}: ${err.message}`, { provider, status, cause: err });
  }
  if (err instanceof InferenceClientInputError || err instanceof InferenceClientRoutingError) {
    return new ProviderError(`${provider}: ${err.message}`, { provider, status: 400, cause: err });
  }
  if (err instanceof InferenceClientProviderOutputError) {
    return new ProviderError(`${provider}: ${err.message}`, {
      provider,
      code: 'bad_output',
      retryable: true,
      cause: err,
    });
  }
  // fetch() rejects with a TypeError ("fetch failed") on refused or dropped connections.
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
  const message = err instanceof Error ? err.message : String(err);
  return new ProviderError(`${provider}: ${message}${cause}`, {
    provider,
    code: 'network',
    retryable: true,
    cause: err,
  });
}
