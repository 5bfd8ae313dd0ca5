import { ToolKind } from '@megicai/contracts';
import type { ProvidersConfig } from '../config/providers.config';
import { HuggingFaceAdapter } from './adapters/huggingface.adapter';
import { OfflineAdapter } from './adapters/offline/offline.adapter';
import { OpenAiCompatibleAdapter } from './adapters/openai-compatible.adapter';
import type { AiProvider, ProviderModel } from './provider.interface';

const { Text, Image, Audio, Video } = ToolKind;

function models(kind: ToolKind, ids: string[]): ProviderModel[] {
  return ids.map((id, i) => ({ id, kind, default: i === 0 }));
}

/**
 * Every provider the platform knows, built once from config in a fixed order. Unconfigured ones stay listed
 * (as unavailable) so that the catalog and `GET /providers` show what could be switched on.
 */
export class ProviderRegistry {
  private readonly byId: Map<string, AiProvider>;

  constructor(providers: AiProvider[]) {
    this.byId = new Map(providers.map((p) => [p.id, p]));
  }

  static fromConfig(config: ProvidersConfig): ProviderRegistry {
    // The SDK's own per-request timeout is only a backstop: cockatiel's per-attempt timeout fires first.
    const limits = {
      text: config.maxTextBytes,
      image: config.maxImageBytes,
      audio: config.maxAudioBytes,
      video: config.maxVideoBytes,
    };
    const common = { timeoutMs: config.timeoutMs + 1000, videoPollIntervalMs: config.videoPollIntervalMs, limits };
    const ollamaModels = config.ollamaModels
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean);
    return new ProviderRegistry([
      new OpenAiCompatibleAdapter({
        ...common,
        id: 'openai',
        name: 'OpenAI',
        baseURL: config.openaiBaseUrl,
        apiKey: config.openaiApiKey,
        available: Boolean(config.openaiApiKey),
        models: [
          ...models(Text, ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1-mini']),
          ...models(Image, ['gpt-image-1', 'dall-e-3']),
          ...models(Audio, ['gpt-4o-mini-tts', 'tts-1']),
          ...models(Video, ['sora-2', 'sora-2-pro']),
        ],
      }),
      new OpenAiCompatibleAdapter({
        ...common,
        id: 'openrouter',
        name: 'OpenRouter',
        baseURL: config.openrouterBaseUrl,
        apiKey: config.openrouterApiKey,
        available: Boolean(config.openrouterApiKey),
        models: models(Text, ['openai/gpt-4o-mini', 'meta-llama/llama-3.3-70b-instruct', 'mistralai/mistral-small']),
        defaultHeaders: { 'X-Title': 'MegicAI' },
      }),
      new OpenAiCompatibleAdapter({
        ...common,
        id: 'deepseek',
        name: 'DeepSeek',
        baseURL: config.deepseekBaseUrl,
        apiKey: config.deepseekApiKey,
        available: Boolean(config.deepseekApiKey),
        models: models(Text, ['deepseek-chat', 'deepseek-reasoner']),
      }),
      new OpenAiCompatibleAdapter({
        ...common,
        id: 'ollama',
        name: 'Ollama (local)',
        baseURL: config.ollamaBaseUrl ?? 'http://127.0.0.1:11434/v1',
        available: Boolean(config.ollamaBaseUrl),
        models: models(Text, ollamaModels.length ? ollamaModels : ['llama3.2']),
      }),
      new HuggingFaceAdapter({
        id: 'huggingface',
        name: 'Hugging Face',
        apiKey: config.hfApiKey,
        endpointUrl: config.hfEndpointUrl,
        limits,
        // A dedicated endpoint may be open (a local TGI server); the public router needs a token.
        available: Boolean(config.hfApiKey || config.hfEndpointUrl),
        models: [
          ...models(Text, ['meta-llama/Llama-3.1-8B-Instruct', 'Qwen/Qwen2.5-7B-Instruct']),
          ...models(Image, ['black-forest-labs/FLUX.1-schnell', 'stabilityai/stable-diffusion-xl-base-1.0']),
        ],
      }),
      new OfflineAdapter(config.offlineDelayMs, config.offlineTextStreamMs, config.offlineVideoMaxSide),
    ]);
  }

  get(id: string): AiProvider | undefined {
    return this.byId.get(id);
  }

  all(): AiProvider[] {
    return [...this.byId.values()];
  }
}
