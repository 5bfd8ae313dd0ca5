import { ProviderError } from '../provider-error';
import type { TextOutput } from '../provider.interface';

/** The part of an OpenAI-style `chat.completion.chunk` that both SDKs (openai, @huggingface/inference) deliver. */
export interface ChatChunkLike {
  model?: string;
  usage?: { prompt_tokens: number; completion_tokens: number } | null;
  choices: { finish_reason?: string | null; delta?: { content?: string | null } }[];
}

/** Yields each token of a chat completion stream and gathers text, model, usage and finish reason into `out`. */
export async function* relayChatChunks(stream: AsyncIterable<ChatChunkLike>, out: TextOutput): AsyncGenerator<string> {
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
      yield token;
    }
  }
}

/** The part of an OpenAI-style `chat.completion` answer that both SDKs return. */
export interface ChatCompletionLike {
  model?: string;
  usage?: { prompt_tokens: number; completion_tokens: number } | null;
  choices: { finish_reason?: string | null; message: { content?: string | null } }[];
}

export function chatCompletionOutput(res: ChatCompletionLike, model: string, provider: string): TextOutput {
  const choice = res.choices[0];
  if (!choice) throw new ProviderError(`${provider}: no choices in the answer`, { provider, code: 'bad_output' });
  return {
    text: choice.message.content ?? '',
    model: res.model || model,
    offline: false,
    finishReason: choice.finish_reason ?? undefined,
    usage: res.usage
      ? { promptTokens: res.usage.prompt_tokens, completionTokens: res.usage.completion_tokens }
      : undefined,
  };
}
