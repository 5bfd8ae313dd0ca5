import type { ChatMessage } from '../providers/provider.interface';
import type { Tool } from '../tools/entities/tool.entity';
import type { ChatCompletionRequestDto, ChatMessageDto } from './dto/chat-completion.dto';
import { OpenAiCompatException } from './openai-compat.exception';

/** Earlier turns of one request, all together: a cheap run must not carry an unbounded context. */
export const MAX_HISTORY_CHARS = 32_000;

/** A message's text: a string, or the `text` parts of a content array (other parts are not supported). */
export function textOf(content: ChatMessageDto['content']): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) throw invalid('messages.content', 'must be a string or an array of text parts');
  return content
    .map((part) => {
      if (part?.type !== 'text' || typeof part.text !== 'string') {
        throw invalid('messages.content', 'only text parts are supported');
      }
      return part.text;
    })
    .join('\n');
}

/**
 * OpenAI's message list as a run: the last message (a user's) is the prompt, the ones before it are sent to the
 * provider as history (`developer` is OpenAI's newer name for `system`).
 */
export function toConversation(messages: ChatMessageDto[]): { prompt: string; history: ChatMessage[] } {
  const last = messages[messages.length - 1];
  if (!last || last.role !== 'user') throw invalid('messages', 'the last message must be a user message');
  const history = messages.slice(0, -1).map((m) => ({
    role: m.role === 'developer' ? ('system' as const) : m.role,
    content: textOf(m.content),
  }));
  if (history.reduce((sum, m) => sum + m.content.length, 0) > MAX_HISTORY_CHARS) {
    throw invalid('messages', `earlier messages may hold at most ${MAX_HISTORY_CHARS} characters`);
  }
  return { prompt: textOf(last.content), history };
}

interface NumberOption {
  minimum?: number;
  maximum?: number;
}

/** `max_tokens` and `temperature` become the tool's own options when it has them, clamped to its bounds. */
export function toolOptions(tool: Tool, dto: ChatCompletionRequestDto): Record<string, number> {
  const properties = (tool.inputSchema.properties ?? {}) as Record<string, NumberOption | undefined>;
  const options: Record<string, number> = {};
  const wanted: [string, number | undefined][] = [
    ['maxTokens', dto.max_completion_tokens ?? dto.max_tokens],
    ['temperature', dto.temperature],
  ];
  for (const [name, value] of wanted) {
    const schema = properties[name];
    if (value === undefined || !schema) continue;
    options[name] = Math.min(schema.maximum ?? value, Math.max(schema.minimum ?? value, value));
  }
  return options;
}

function invalid(field: string, message: string): OpenAiCompatException {
  return new OpenAiCompatException('validation_failed', `${field} ${message}.`, { errors: [{ field, message }] });
}
