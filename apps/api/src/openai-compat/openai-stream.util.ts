import type { FastifyReply } from 'fastify';
import { toProblem } from '../common/errors/problem-details.filter';
import { openEventStream } from '../jobs/sse.util';
import { toOpenAiError } from './openai-error.filter';

/** One `chat.completion.chunk` event's payload, minus the fields every chunk shares. */
export interface ChunkPart {
  choices: { index: 0; delta: { role?: 'assistant'; content?: string }; finish_reason: string | null }[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

/**
 * Writes OpenAI's stream: `data: <chat.completion.chunk>` events, then `data: [DONE]`. An error after the stream
 * began is one `data: {"error": …}` event (OpenAI's SDKs raise it as `APIError`) and no `[DONE]`.
 * Returns what the generator returns (the whole completion), so that an Idempotency-Key retry can replay it.
 */
export async function writeChunkStream<T>(
  reply: FastifyReply,
  base: { id: string; created: number; model: string },
  chunks: AsyncGenerator<ChunkPart, T, undefined>,
): Promise<T | undefined> {
  const raw = openEventStream(reply);
  const send = (data: unknown) => raw.write(`data: ${JSON.stringify(data)}\n\n`);
  try {
    for (;;) {
      const next = await chunks.next();
      if (next.done) {
        raw.write('data: [DONE]\n\n');
        return next.value;
      }
      send({ ...base, object: 'chat.completion.chunk', system_fingerprint: null, ...next.value });
    }
  } catch (error) {
    send(toOpenAiError(toProblem(error, reply.request.url).problem));
    return undefined;
  } finally {
    raw.end();
  }
}
