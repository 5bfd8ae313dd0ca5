import { ProviderError } from './provider-error';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR, or undefined when the bytes are not a PNG. */
export function pngSize(data: Buffer): { width: number; height: number } | undefined {
  if (data.length < 24 || !data.subarray(0, 8).equals(PNG_SIGNATURE)) return undefined;
  if (data.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** Mime type by magic bytes, for providers that do not say what they sent. */
export function sniffImageMime(data: Buffer, fallback = 'image/png'): string {
  if (data.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (data[0] === 0xff && data[1] === 0xd8) return 'image/jpeg';
  if (data.toString('ascii', 0, 4) === 'RIFF' && data.toString('ascii', 8, 12) === 'WEBP') return 'image/webp';
  if (data.toString('ascii', 0, 3) === 'GIF') return 'image/gif';
  return fallback;
}

export function parseSize(size: string | undefined): { width?: number; height?: number } {
  const match = /^(\d+)x(\d+)$/.exec(size ?? '');
  return match ? { width: Number(match[1]), height: Number(match[2]) } : {};
}

/** A delay that ends early (rejecting) when the signal aborts, so canceled jobs stop waiting at once. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new Error('Aborted');
}

/** A provider that answers an empty file failed: the run falls over to the next provider or is refunded. */
export function nonEmpty(data: Buffer, provider: string): Buffer {
  if (data.length === 0) {
    throw new ProviderError(`${provider}: the answer is an empty file`, {
      provider,
      code: 'bad_output',
      retryable: true,
    });
  }
  return data;
}
