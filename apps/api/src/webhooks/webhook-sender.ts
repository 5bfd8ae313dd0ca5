import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { checkWebhookUrl, pinnedLookup } from './safe-address';

export interface SendResult {
  /** The receiver's HTTP status, when it answered. */
  status?: number;
  /** Why the attempt failed without an answer (refused address, timeout, network). */
  error?: string;
}

/**
 * One delivery attempt: resolves and re-checks the address now (it may have changed since the endpoint was created),
 * connects to exactly that address, posts the body, and never follows a redirect (a 3xx is a failed attempt).
 */
export async function sendWebhook(
  target: string,
  headers: Record<string, string>,
  body: string,
  options: { allowPrivate: boolean; timeoutMs: number },
): Promise<SendResult> {
  const verdict = await checkWebhookUrl(target, options.allowPrivate);
  if (!verdict.ok) return { error: `refused: the URL ${verdict.reason}` };
  const { url, addresses } = verdict;
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<SendResult>((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        lookup: pinnedLookup(addresses[0] as string),
        timeout: options.timeoutMs,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'MegicAI-Webhooks/1.0',
        },
      },
      (res) => {
        // The answer's body is not used: read and drop it so that the socket is freed.
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode }));
        res.on('error', () => resolve({ status: res.statusCode }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    req.on('error', (error) => resolve({ error: error.message.slice(0, 300) }));
    req.end(body);
  });
}
