import { ProviderError } from './provider-error';
import type { TextOutput } from './provider.interface';

/**
 * Relays an opened provider stream. A stream that goes quiet for `idleMs` is aborted through `idle` (the
 * per-attempt timeout ended with the first token), and a consumer that stops early aborts it too, which
 * closes the HTTP connection to the provider.
 */
export async function* streamWithIdleTimeout(
  iterator: AsyncGenerator<string, TextOutput, undefined>,
  first: IteratorResult<string, TextOutput>,
  idle: AbortController,
  idleMs: number,
  provider: string,
): AsyncGenerator<string, TextOutput, undefined> {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => idle.abort(new Error('stream idle timeout')), idleMs);
  };
  let step = first;
  let finished = false;
  try {
    arm();
    while (!step.done) {
      yield step.value;
      arm();
      step = await iterator.next();
    }
    finished = true;
    return step.value;
  } catch (err) {
    if (idle.signal.aborted) {
      throw new ProviderError(`${provider}: stream stalled for ${idleMs} ms`, {
        provider,
        code: 'timeout',
        cause: err,
      });
    }
    throw err;
  } finally {
    clearTimeout(timer);
    if (!finished) idle.abort(new Error('stream closed by the consumer'));
  }
}
