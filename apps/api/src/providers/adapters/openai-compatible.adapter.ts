import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { Video } from 'openai/resources/videos';
import { ToolKind } from '@megicai/contracts';
import { chatCompletionOutput, relayChatChunks } from './chat-stream';
import { nonEmpty, parseSize, pngSize, sleep, sniffImageMime } from '../media.util';
import { ProviderError } from '../provider-error';
import {
  AiProvider,
  AudioRequest,
  ImageRequest,
  MediaOutput,
  ProgressCallback,
  ProviderModel,
  TextOutput,
  TextRequest,
  VideoRequest,
  defaultModel,
} from '../provider.interface';
import { limitedFetch, type ResponseLimits } from '../response-limits';
import { fromOpenAiError } from './openai-error.util';
import { openAiImageSize, openAiVideoSeconds, openAiVideoSize } from './openai-sizes.util';

export interface OpenAiCompatibleOptions {
  id: string;
  name: string;
  baseURL: string;
  /** Local servers ignore the key, but the SDK insists on one. */
  apiKey?: string;
  available: boolean;
  models: ProviderModel[];
  /** Per HTTP request inside the SDK (each video poll is one); the resilience policy bounds whole attempts. */
  timeoutMs: number;
  videoPollIntervalMs: number;
  defaultHeaders?: Record<string, string>;
  /** Size limits per kind, enforced while the SDK reads each answer. */
  limits: ResponseLimits;
}

/** A transient failure while polling a video must not throw away a paid-for generation. */
const VIDEO_POLL_TOLERATED_ERRORS = 3;

/** OpenAI, OpenRouter, DeepSeek and local OpenAI-compatible servers (Ollama, vLLM, LM Studio) through one SDK. */
export class OpenAiCompatibleAdapter implements AiProvider {
  readonly id: string;
  readonly name: string;
  readonly kinds: readonly ToolKind[];
  readonly models: readonly ProviderModel[];
  readonly available: boolean;
  readonly endpoint: string;
  private sdk?: OpenAI;

  constructor(private readonly options: OpenAiCompatibleOptions) {
    this.id = options.id;
    this.name = options.name;
    this.models = options.models;
    this.kinds = [...new Set(options.models.map((m) => m.kind))];
    this.available = options.available;
    this.endpoint = options.baseURL;
  }

  /** Built on first use: an unconfigured provider never constructs a client. */
  private get client(): OpenAI {
    this.sdk ??= new OpenAI({
      apiKey: this.options.apiKey ?? 'not-needed',
      baseURL: this.options.baseURL,
      // cockatiel owns retries and the timeout per attempt; the SDK's own would multiply them.
      maxRetries: 0,
      timeout: this.options.timeoutMs,
      defaultHeaders: this.options.defaultHeaders,
      fetch: limitedFetch(this.options.limits, this.id),
    });
    return this.sdk;
  }

  async generateText(req: TextRequest): Promise<TextOutput> {
    const model = req.model ?? defaultModel(this, ToolKind.Text);
    try {
      const res = await this.client.chat.completions.create(
        { model, messages: messagesOf(req), max_tokens: req.maxTokens, temperature: req.temperature },
        { signal: req.signal },
      );
      return chatCompletionOutput(res, model, this.id, this.options.limits);
    } catch (err) {
      throw fromOpenAiError(err, this.id, req.signal);
    }
  }

  async *streamText(req: TextRequest): AsyncGenerator<string, TextOutput, undefined> {
    const model = req.model ?? defaultModel(this, ToolKind.Text);
    const out: TextOutput = { text: '', model, offline: false };
    try {
      const stream = await this.client.chat.completions.create(
        {
          model,
          messages: messagesOf(req),
          max_tokens: req.maxTokens,
          temperature: req.temperature,
          stream: true,
          stream_options: { include_usage: true },
        },
        { signal: req.signal },
      );
      yield* relayChatChunks(stream, out, this.id, this.options.limits);
    } catch (err) {
      throw fromOpenAiError(err, this.id, req.signal);
    }
    return out;
  }

  async generateImage(req: ImageRequest, onProgress?: ProgressCallback): Promise<MediaOutput> {
    const model = req.model ?? defaultModel(this, ToolKind.Image);
    const size = openAiImageSize(model, req.width ?? 1024, req.height ?? 1024);
    try {
      const res = await this.client.images.generate(
        {
          model,
          prompt: req.prompt,
          n: req.count ?? 1,
          size: size as OpenAI.Images.ImageGenerateParams['size'],
          // gpt-image models always answer base64 and reject the parameter; DALL·E needs it to skip URLs.
          ...(model.startsWith('gpt-image') ? {} : { response_format: 'b64_json' as const }),
        },
        { signal: req.signal },
      );
      const assets = (res.data ?? []).map((image) => {
        if (!image?.b64_json) {
          throw new ProviderError(`${this.id}: image without b64_json`, { provider: this.id, code: 'bad_output' });
        }
        const data = nonEmpty(Buffer.from(image.b64_json, 'base64'), this.id);
        return { data, mimeType: sniffImageMime(data), ...parseSize(size), ...pngSize(data) };
      });
      if (assets.length === 0) {
        throw new ProviderError(`${this.id}: no image in the answer`, { provider: this.id, code: 'bad_output' });
      }
      onProgress?.(100);
      return { assets, model, offline: false };
    } catch (err) {
      throw fromOpenAiError(err, this.id, req.signal);
    }
  }

  async generateAudio(req: AudioRequest, onProgress?: ProgressCallback): Promise<MediaOutput> {
    const model = req.model ?? defaultModel(this, ToolKind.Audio);
    const format = req.format ?? 'mp3';
    try {
      const res = await this.client.audio.speech.create(
        { model, input: req.prompt, voice: req.voice ?? 'alloy', response_format: format },
        { signal: req.signal },
      );
      const data = nonEmpty(Buffer.from(await res.arrayBuffer()), this.id);
      onProgress?.(100);
      return { assets: [{ data, mimeType: format === 'wav' ? 'audio/wav' : 'audio/mpeg' }], model, offline: false };
    } catch (err) {
      throw fromOpenAiError(err, this.id, req.signal);
    }
  }

  /** OpenAI's asynchronous video API: create a job, poll it (reporting its progress), then download the MP4. */
  async generateVideo(req: VideoRequest, onProgress?: ProgressCallback): Promise<MediaOutput> {
    const model = req.model ?? defaultModel(this, ToolKind.Video);
    const size = openAiVideoSize(req.width ?? 1280, req.height ?? 720);
    const seconds = openAiVideoSeconds(req.durationSeconds ?? 4);
    try {
      let video = await this.client.videos.create({ model, prompt: req.prompt, size, seconds }, { signal: req.signal });
      video = await this.pollVideo(video, req.signal, onProgress);
      const res = await this.client.videos.downloadContent(video.id, undefined, { signal: req.signal });
      const data = nonEmpty(Buffer.from(await res.arrayBuffer()), this.id);
      onProgress?.(100);
      const asset = { data, mimeType: 'video/mp4', ...parseSize(video.size), durationSeconds: Number(video.seconds) };
      return { assets: [asset], model: video.model || model, offline: false };
    } catch (err) {
      throw fromOpenAiError(err, this.id, req.signal);
    }
  }

  private async pollVideo(video: Video, signal?: AbortSignal, onProgress?: ProgressCallback): Promise<Video> {
    let failures = 0;
    while (video.status === 'queued' || video.status === 'in_progress') {
      onProgress?.(Math.min(99, Math.max(0, Math.round(video.progress ?? 0))));
      await sleep(this.options.videoPollIntervalMs, signal);
      try {
        video = await this.client.videos.retrieve(video.id, { signal });
        failures = 0;
      } catch (err) {
        const error = fromOpenAiError(err, this.id, signal);
        if (!error.retryable || ++failures > VIDEO_POLL_TOLERATED_ERRORS) throw error;
      }
    }
    if (video.status === 'failed') {
      const code = video.error?.code ?? 'failed';
      throw new ProviderError(`${this.id}: video generation failed: ${video.error?.message ?? code}`, {
        provider: this.id,
        code: 'generation_failed',
        // A policy refusal would be refused elsewhere too; anything else may succeed on another try.
        retryable: !/moderation|policy|invalid/i.test(code),
      });
    }
    return video;
  }
}

function messagesOf(req: TextRequest): ChatCompletionMessageParam[] {
  const messages: ChatCompletionMessageParam[] = [];
  if (req.system) messages.push({ role: 'system', content: req.system });
  for (const m of req.history ?? []) messages.push({ role: m.role, content: m.content });
  messages.push({ role: 'user', content: req.prompt });
  return messages;
}
