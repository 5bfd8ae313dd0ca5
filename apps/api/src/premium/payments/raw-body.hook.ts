import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';

export type RawBodyRequest = FastifyRequest & { rawBody?: Buffer };

/** Above this a webhook body is not read into memory twice; the parser's own limit answers it. */
const MAX_RAW_BYTES = 256 * 1024;

/**
 * Keeps the exact bytes of the request body for the given paths (a webhook signature covers the bytes, not the
 * parsed JSON), then hands the same bytes on to Fastify's parser. Other routes are untouched.
 */
export function captureRawBody(fastify: FastifyInstance, paths: string[]): void {
  const wanted = new Set(paths);
  fastify.addHook('preParsing', async (request: RawBodyRequest, _reply, payload) => {
    if (!wanted.has(request.url.split('?')[0])) return payload;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of payload) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      size += buf.length;
      if (size > MAX_RAW_BYTES) break;
      chunks.push(buf);
    }
    request.rawBody = size > MAX_RAW_BYTES ? undefined : Buffer.concat(chunks);
    return Readable.from(request.rawBody ? [request.rawBody] : []);
  });
}
