import type { ToolKind } from '@megicai/contracts';
import type {
  AudioRequest,
  ChatMessage,
  ImageRequest,
  TextRequest,
  VideoRequest,
} from '../providers/provider.interface';
import type { Tool } from '../tools/entities/tool.entity';

type Input = Record<string, unknown>;

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** `{{option}}` placeholders of a tool's instructions take the run's options (unknown ones stay empty). */
export function renderSystemPrompt(template: string | null, input: Input): string | undefined {
  if (!template) return undefined;
  return template.replace(/\{\{\s*([a-zA-Z0-9_]+)\s*\}\}/g, (_, name: string) => {
    const value = input[name];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  });
}

function size(input: Input): { width?: number; height?: number } {
  const match = /^(\d{2,5})x(\d{2,5})$/.exec(str(input.size) ?? '');
  return match ? { width: Number(match[1]), height: Number(match[2]) } : {};
}

export function textRequest(
  tool: Tool,
  prompt: string,
  input: Input,
  signal?: AbortSignal,
  history?: ChatMessage[],
): TextRequest {
  return {
    prompt,
    system: renderSystemPrompt(tool.systemPrompt, input),
    ...(history?.length ? { history } : {}),
    maxTokens: num(input.maxTokens),
    temperature: num(input.temperature),
    signal,
  };
}

export type MediaRequest = ImageRequest | AudioRequest | VideoRequest;

export function mediaRequest(
  kind: Exclude<ToolKind, 'text'>,
  prompt: string,
  input: Input,
  signal?: AbortSignal,
): MediaRequest {
  switch (kind) {
    case 'image':
      return { prompt, ...size(input), count: num(input.count) ?? 1, signal } satisfies ImageRequest;
    case 'audio': {
      const format = str(input.format);
      return {
        prompt,
        voice: str(input.voice),
        ...(format === 'mp3' || format === 'wav' ? { format } : {}),
        signal,
      } satisfies AudioRequest;
    }
    case 'video':
      return { prompt, ...size(input), durationSeconds: num(input.durationSeconds), signal } satisfies VideoRequest;
  }
}
