import type { ToolKind } from '@megicai/contracts';

/** Progress of a long generation, 0–100 (whole percent). */
export type ProgressCallback = (percent: number) => void;

export interface ProviderModel {
  id: string;
  kind: ToolKind;
  /** The model used for this kind when the caller names none. */
  default: boolean;
}

interface BaseRequest {
  prompt: string;
  /** A model of this provider; the provider's default for the kind when absent. */
  model?: string;
  /** Aborts the provider call (job canceled, client gone); an aborted call is never retried or failed over. */
  signal?: AbortSignal;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface TextRequest extends BaseRequest {
  system?: string;
  /** Earlier turns of a conversation; `prompt` is the last user message. */
  history?: ChatMessage[];
  maxTokens?: number;
  temperature?: number;
}

export interface ImageRequest extends BaseRequest {
  width?: number;
  height?: number;
  count?: number;
}

export interface AudioRequest extends BaseRequest {
  voice?: string;
  format?: 'mp3' | 'wav';
}

export interface VideoRequest extends BaseRequest {
  width?: number;
  height?: number;
  durationSeconds?: number;
}

/** What every provider answer carries besides its payload. */
interface BaseOutput {
  model: string;
  /** True for the offline demo provider: the UI labels such output "offline demo". */
  offline: boolean;
  label?: string;
}

export interface TextOutput extends BaseOutput {
  text: string;
  finishReason?: string;
  usage?: { promptTokens: number; completionTokens: number };
}

export interface GeneratedAsset {
  data: Buffer;
  mimeType: string;
  width?: number;
  height?: number;
  durationSeconds?: number;
}

export interface MediaOutput extends BaseOutput {
  assets: GeneratedAsset[];
}

/**
 * One AI backend. Adapters throw `ProviderError` (never SDK errors) so that the resilience policies and the
 * fallback can decide between retry, fail-over and stop.
 */
export interface AiProvider {
  readonly id: string;
  readonly name: string;
  readonly kinds: readonly ToolKind[];
  readonly models: readonly ProviderModel[];
  /** Configured (a key, or a base URL for local servers); an unavailable provider is never called. */
  readonly available: boolean;
  /** Where the calls go (a base URL); processes calling the same endpoint share one circuit through Redis. */
  readonly endpoint?: string;

  generateText(req: TextRequest): Promise<TextOutput>;
  /** Yields tokens as they arrive; the generator's return value is the complete result. */
  streamText(req: TextRequest): AsyncGenerator<string, TextOutput, undefined>;
  generateImage(req: ImageRequest, onProgress?: ProgressCallback): Promise<MediaOutput>;
  generateAudio(req: AudioRequest, onProgress?: ProgressCallback): Promise<MediaOutput>;
  generateVideo(req: VideoRequest, onProgress?: ProgressCallback): Promise<MediaOutput>;
}

export function defaultModel(provider: Pick<AiProvider, 'id' | 'models'>, kind: ToolKind): string {
  const ofKind = provider.models.filter((m) => m.kind === kind);
  const model = ofKind.find((m) => m.default) ?? ofKind[0];
  if (!model) throw new Error(`Provider ${provider.id} has no ${kind} model`);
  return model.id;
}
