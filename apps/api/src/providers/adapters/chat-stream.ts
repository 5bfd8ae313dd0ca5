import { ProviderError } from '../provider-error';
import type { TextOutput } from '../provider.interface';
import { assertTextWithin, type ResponseLimits } from '../response-limits';

/** An answer without text is a failure (another provider may answer; the run is refunded if none does). */
function emptyAnswer(provider: string): ProviderError {
  return new ProviderError(`${provider}: the answer has no content`, { provider, code: 'bad_output', retryable: true });
}

/** The part of an OpenAI-style `chat.completion.chunk` that both SDKs (openai, @huggingface/inference) deliver. */
export interface ChatChunkLike {
  model?: string;
  usage?: { prompt_tokens: number; completion_tokens: number } | null;
  choices: { finish_reason?: string | null; delta?: { content?: string | null } }[];
}

/**
 * Yields each token of a chat completion stream and gathers text, model, usage and finish reason into `out`; past
 * the text limit the stream is abandoned (closing the connection), and a stream without any text is a failure.
 */
export async function* relayChatChunks(
  stream: AsyncIterable<ChatChunkLike>,
  out: TextOutput,
  provider: string,
  limits?: ResponseLimits,
): AsyncGenerator<string> {
  for await (const chunk of stream) {
    if (chunk.model) out.model = chunk.model;
    if (chunk.usage) {
      out.usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
    }
    const choice = chunk.choices[0];
    if (choice?.finish_reason) out.finishReason = choice.finish_reason;
    const token = choice?.delta?.content;
    if (token) {
      out.text += token;
      assertTextWithin(out.text, limits, provider);
      yield token;
    }
  }
  if (!out.text) throw emptyAnswer(provider);
}

/** The part of an OpenAI-style `chat.completion` answer that both SDKs return. */
export interface ChatCompletionLike {
  model?: string;
  usage?: { prompt_tokens: number; completion_tokens: number } | null;
  choices: { finish_reason?: string | null; message: { content?: string | null } }[];
}

export function chatCompletionOutput(
  res: ChatCompletionLike,
  model: string,
  provider: string,
  limits?: ResponseLimits,
): TextOutput {
  const choice = res.choices?.[0];
  if (!choice) throw new ProviderError(`${provider}: no choices in the answer`, { provider, code: 'bad_output' });
  const text = choice.message?.content;
  if (typeof text !== 'string' || !text.trim()) throw emptyAnswer(provider);
  assertTextWithin(text, limits, provider);
  return {
    text,
    model: res.model || model,
    offline: false,
    finishReason: choice.finish_reason ?? undefined,
    usage: res.usage
      ? { promptTokens: res.usage.prompt_tokens, completionTokens: res.usage.completion_tokens }
      : undefined,
  };
}
