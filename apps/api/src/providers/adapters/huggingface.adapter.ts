import { InferenceClient } from '@huggingface/inference';
import { ToolKind } from '@megicai/contracts';
import { chatCompletionOutput, relayChatChunks } from './chat-stream';
import { nonEmpty, pngSize, sniffImageMime } from '../media.util';
import { limitedFetch, type ResponseLimits } from '../response-limits';
import { ProviderError } from '../provider-error';
import {
  AiProvider,
  ChatMessage,
  ImageRequest,
  MediaOutput,
  ProgressCallback,
  ProviderModel,
  TextOutput,
  TextRequest,
  defaultModel,
} from '../provider.interface';
import { fromHuggingFaceError } from './huggingface-error.util';

export interface HuggingFaceOptions {
  id: string;
  name: string;
  apiKey?: string;
  /** A dedicated endpoint (Inference Endpoint, TGI, or a test server); the HF router when absent. */
  endpointUrl?: string;
  available: boolean;
  models: ProviderModel[];
  /** Size limits per kind, enforced while the client reads each answer. */
  limits: ResponseLimits;
}

/** Hugging Face Inference Providers (or one dedicated endpoint): chat completion and text-to-image. */
export class HuggingFaceAdapter implements AiProvider {
  readonly id: string;
  readonly name: string;
  readonly kinds: readonly ToolKind[];
  readonly models: readonly ProviderModel[];
  readonly available: boolean;
  readonly endpoint: string;
  private readonly client: InferenceClient;
  private readonly limits: ResponseLimits;

  constructor(options: HuggingFaceOptions) {
    this.id = options.id;
    this.name = options.name;
    this.models = options.models;
    this.kinds = [...new Set(options.models.map((m) => m.kind))];
    this.available = options.available;
    this.endpoint = options.endpointUrl ?? 'https://router.huggingface.co';
    // The client would otherwise retry 503s on its own, forever; cockatiel owns retries.
    this.limits = options.limits;
    this.client = new InferenceClient(options.apiKey, {
      endpointUrl: options.endpointUrl,
      retry_on_error: false,
      fetch: limitedFetch(options.limits, options.id),
    });
  }

  async generateText(req: TextRequest): Promise<TextOutput> {
    const model = req.model ?? defaultModel(this, ToolKind.Text);
    try {
      const res = await this.client.chatCompletion(
        { model, messages: messagesOf(req), max_tokens: req.maxTokens, temperature: req.temperature },
        { signal: req.signal },
      );
      return chatCompletionOutput(res, model, this.id, this.limits);
    } catch (err) {
      throw fromHuggingFaceError(err, this.id, req.signal);
    }
  }

  async *streamText(req: TextRequest): AsyncGenerator<string, TextOutput, undefined> {
    const model = req.model ?? defaultModel(this, ToolKind.Text);
    const out: TextOutput = { text: '', model, offline: false };
    try {
      const stream = this.client.chatCompletionStream(
        { model, messages: messagesOf(req), max_tokens: req.maxTokens, temperature: req.temperature },
        { signal: req.signal },
      );
      yield* relayChatChunks(stream, out, this.id, this.limits);
    } catch (err) {
      throw fromHuggingFaceError(err, this.id, req.signal);
    }
    return out;
  }

  async generateImage(req: ImageRequest, onProgress?: ProgressCallback): Promise<MediaOutput> {
    const model = req.model ?? defaultModel(this, ToolKind.Image);
    const width = req.width ?? 1024;
    const height = req.height ?? 1024;
    try {
      const assets = [];
      // text-to-image answers one image per call.
      for (let i = 0; i < (req.count ?? 1); i++) {
        const blob = await this.client.textToImage(
          { model, inputs: req.prompt, parameters: { width, height } },
          { signal: req.signal, outputType: 'blob' },
        );
        const data = nonEmpty(Buffer.from(await blob.arrayBuffer()), this.id);
        assets.push({
          data,
          mimeType: sniffImageMime(data, blob.type || 'image/jpeg'),
          width,
          height,
          ...pngSize(data),
        });
        onProgress?.(Math.round(((i + 1) / (req.count ?? 1)) * 100));
      }
      return { assets, model, offline: false };
    } catch (err) {
      throw fromHuggingFaceError(err, this.id, req.signal);
    }
  }

  generateAudio(): Promise<MediaOutput> {
    return Promise.reject(this.unsupported('audio'));
  }

  generateVideo(): Promise<MediaOutput> {
    return Promise.reject(this.unsupported('video'));
  }

  private unsupported(kind: string): ProviderError {
    return new ProviderError(`${this.id}: ${kind} is not supported`, {
      provider: this.id,
      status: 400,
      code: 'unsupported',
    });
  }
}

/** A type alias, not `ChatMessage`: the SDK's message type has an index signature that interfaces lack. */
type HfMessage = { role: ChatMessage['role']; content: string };

function messagesOf(req: TextRequest): HfMessage[] {
  return [
    ...(req.system ? [{ role: 'system' as const, content: req.system }] : []),
    ...(req.history ?? []).map((m) => ({ role: m.role, content: m.content })),
    { role: 'user', content: req.prompt },
  ];
}
