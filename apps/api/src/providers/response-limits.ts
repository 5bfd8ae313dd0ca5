import { pooledFetch } from './provider-http.pool';
import { ProviderError } from './provider-error';

/** Largest answer accepted per kind, in bytes (PROVIDER_MAX_*_BYTES). */
export interface ResponseLimits {
  text: number;
  image: number;
  audio: number;
  video: number;
}

/** JSON escaping can double a text; an SSE stream repeats a JSON envelope around every token. */
const JSON_TEXT_FACTOR = 2;
const SSE_TEXT_FACTOR = 16;
const ENVELOPE_BYTES = 64 * 1024;

export function tooLarge(provider: string, limit: number): ProviderError {
  // Another provider (or try) may answer within the limit: fail over, and refund if none does.
  return new ProviderError(`${provider}: the answer exceeded ${limit} bytes`, {
    provider,
    code: 'too_large',
    retryable: true,
  });
}

/** Throws when a completion's text is over the text limit (the second line of defence behind the byte count). */
export function assertTextWithin(text: string, limits: ResponseLimits | undefined, provider: string): void {
  if (limits && Buffer.byteLength(text) > limits.text) throw tooLarge(provider, limits.text);
}

/** Which limit an answer falls under: by its media type, else by the API path it answers. */
function limitFor(url: string, contentType: string, limits: ResponseLimits): number {
  if (contentType.startsWith('image/')) return limits.image;
  if (contentType.startsWith('audio/')) return limits.audio;
  if (contentType.startsWith('video/')) return limits.video;
  const path = new URL(url).pathname;
  if (/\/images\b/.test(path)) return limits.image;
  if (/\/audio\b/.test(path)) return limits.audio;
  if (/\/videos\b/.test(path)) return limits.video;
  const factor = contentType.startsWith('text/event-stream') ? SSE_TEXT_FACTOR : JSON_TEXT_FACTOR;
  return limits.text * factor + ENVELOPE_BYTES;
}

/**
 * A `fetch` for the provider SDKs (openai, @huggingface/inference) that enforces the size limits WHILE reading: an
 * answer declaring a larger Content-Length is refused before its body is read, and a body that grows past the
 * limit errors the stream, which cancels the download (the connection is closed, nothing more is buffered).
 * It sends over the process's keep-alive pool.
 */
export function limitedFetch(limits: ResponseLimits, provider: string, base: typeof fetch = pooledFetch): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const limit = limitFor(url, response.headers.get('content-type') ?? '', limits);
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > limit) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge(provider, limit);
    }
    if (!response.body) return response;
    // A declared length within the limit bounds the body already (HTTP framing reads exactly that many bytes), unless
    // it is compressed: fetch inflates it. Such an answer (most JSON answers) skips the counting stream.
    const encoding = response.headers.get('content-encoding');
    if (Number.isFinite(declared) && (!encoding || encoding === 'identity')) return response;
    let seen = 0;
    const counted = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.byteLength;
          if (seen > limit) controller.error(tooLarge(provider, limit));
          else controller.enqueue(chunk);
        },
      }),
    );
    return new Response(counted, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/** The ProviderError behind an SDK's wrapper (the openai SDK wraps a fetch rejection in APIConnectionError). */
export function providerErrorIn(err: unknown): ProviderError | undefined {
  if (err instanceof ProviderError) return err;
  const cause = (err as { cause?: unknown } | null)?.cause;
  return cause instanceof ProviderError ? cause : undefined;
}
