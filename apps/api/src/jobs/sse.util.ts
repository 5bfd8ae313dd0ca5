import type { FastifyReply } from 'fastify';
import { toProblem } from '../common/errors/problem-details.filter';

/**
 * Writes a token stream as Server-Sent Events on the raw response (Fastify stops managing it: `hijack`):
 * `token` events with `{text}`, then `done` with the job, or `error` with a problem document.
 * Returns the job, so that an Idempotency-Key retry of a streamed run replays it as JSON instead of running again.
 */
export async function writeTextStream<T>(
  reply: FastifyReply,
  tokens: AsyncGenerator<string, T, undefined>,
): Promise<T | undefined> {
  const raw = openEventStream(reply);
  const send = (event: string, data: unknown) => raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  try {
    for (;;) {
      const next = await tokens.next();
      if (next.done) {
        send('done', next.value);
        return next.value;
      }
      send('token', { text: next.value });
    }
  } catch (error) {
    send('error', toProblem(error, reply.request.url).problem);
    return undefined;
  } finally {
    raw.end();
  }
}

/** Takes the raw response from Fastify (`hijack`) and starts a `text/event-stream` answer on it. */
export function openEventStream(reply: FastifyReply): FastifyReply['raw'] {
  reply.hijack();
  reply.raw.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  return reply.raw;
}

/** A signal that aborts when the response closes before it was written in full: the client went away. */
export function abortWhenClientGone(reply: FastifyReply): AbortSignal {
  const abort = new AbortController();
  reply.raw.on('close', () => {
    if (!reply.raw.writableEnded) abort.abort();
  });
  return abort.signal;
}
