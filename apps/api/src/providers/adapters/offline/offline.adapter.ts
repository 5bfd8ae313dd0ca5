import { ToolKind } from '@megicai/contracts';
import { sleep } from '../../media.util';
import { ProviderError } from '../../provider-error';
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
} from '../../provider.interface';
import { OFFLINE_LABEL } from './demo-label';
import { renderOfflineSpeech } from './offline-audio';
import { renderOfflinePng } from './offline-image';
import { composeOfflineText, conversationNote, tokensOf } from './offline-text';
import { renderOfflineAnimation } from './offline-video';

export const OFFLINE_PROVIDER_ID = 'offline';

const MODELS: ProviderModel[] = [
  { id: 'offline-text', kind: ToolKind.Text, default: true },
  { id: 'offline-image', kind: ToolKind.Image, default: true },
  { id: 'offline-speech', kind: ToolKind.Audio, default: true },
  { id: 'offline-animation', kind: ToolKind.Video, default: true },
];

const MAX_IMAGES = 4;
const PROGRESS_STEPS = 10;

/**
 * Real local output for every kind, so that each journey works on a fresh machine with no key.
 * Every result carries `offline: true` and a label; pictures and animations also show "OFFLINE DEMO".
 */
export class OfflineAdapter implements AiProvider {
  readonly id = OFFLINE_PROVIDER_ID;
  readonly name = 'Offline demo';
  readonly kinds = MODELS.map((m) => m.kind);
  readonly models = MODELS;
  readonly available = true;

  /**
   * @param delayMs simulated work time for image, audio and video; text answers at once.
   * @param textStreamMs how long a streamed text answer takes (the work time when absent).
   * @param videoMaxSide longest side of the animations, px (smaller renders faster).
   */
  constructor(
    private readonly delayMs: number,
    private readonly textStreamMs = delayMs,
    private readonly videoMaxSide?: number,
  ) {}

  async generateText(req: TextRequest): Promise<TextOutput> {
    this.throwIfAborted(req.signal);
    const text = composeOfflineText(req.prompt, req.system) + conversationNote(req.history);
    return { text, model: 'offline-text', offline: true, label: OFFLINE_LABEL, finishReason: 'stop' };
  }

  async *streamText(req: TextRequest): AsyncGenerator<string, TextOutput, undefined> {
    const result = await this.generateText(req);
    const tokens = tokensOf(result.text);
    // Spread a little of the delay over the tokens so the demo looks like streaming; zero delay streams at once.
    const perToken = Math.min(40, this.textStreamMs / Math.max(1, tokens.length));
    for (const token of tokens) {
      if (perToken >= 1) await this.wait(perToken, req.signal);
      this.throwIfAborted(req.signal);
      yield token;
    }
    return result;
  }

  async generateImage(req: ImageRequest, onProgress?: ProgressCallback): Promise<MediaOutput> {
    await this.work(req.signal, onProgress);
    const width = req.width ?? 1024;
    const height = req.height ?? 1024;
    const count = Math.max(1, Math.min(MAX_IMAGES, req.count ?? 1));
    const assets = Array.from({ length: count }, (_, i) => {
      const data = renderOfflinePng(req.prompt, width, height, i);
      return { data, mimeType: 'image/png', width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
    });
    onProgress?.(100);
    return { assets, model: 'offline-image', offline: true, label: OFFLINE_LABEL };
  }

  async generateAudio(req: AudioRequest, onProgress?: ProgressCallback): Promise<MediaOutput> {
    await this.work(req.signal, onProgress);
    const { wav, durationSeconds } = renderOfflineSpeech(req.prompt);
    onProgress?.(100);
    return {
      assets: [{ data: wav, mimeType: 'audio/wav', durationSeconds: Math.round(durationSeconds * 100) / 100 }],
      model: 'offline-speech',
      offline: true,
      label: OFFLINE_LABEL,
    };
  }

  async generateVideo(req: VideoRequest, onProgress?: ProgressCallback): Promise<MediaOutput> {
    await this.work(req.signal, onProgress);
    const size = { width: req.width ?? 480, height: req.height ?? 270, maxSide: this.videoMaxSide };
    const anim = renderOfflineAnimation(req.prompt, size.width, size.height, req.durationSeconds ?? 3, size.maxSide);
    onProgress?.(100);
    const { data, mimeType, width, height, durationSeconds } = anim;
    return {
      assets: [{ data, mimeType, width, height, durationSeconds }],
      model: 'offline-animation',
      offline: true,
      label: OFFLINE_LABEL,
    };
  }

  /** The configured delay in steps, reporting progress up to 90% (rendering is the last stretch). */
  private async work(signal: AbortSignal | undefined, onProgress?: ProgressCallback): Promise<void> {
    this.throwIfAborted(signal);
    onProgress?.(0);
    if (this.delayMs <= 0) return;
    for (let step = 1; step <= PROGRESS_STEPS; step++) {
      await this.wait(this.delayMs / PROGRESS_STEPS, signal);
      onProgress?.(Math.round((step / PROGRESS_STEPS) * 90));
    }
  }

  private async wait(ms: number, signal?: AbortSignal): Promise<void> {
    try {
      await sleep(ms, signal);
    } catch (err) {
      throw this.aborted(err);
    }
  }

  private throwIfAborted(signal?: AbortSignal): void {
    if (signal?.aborted) throw this.aborted(signal.reason);
  }

  private aborted(cause: unknown): ProviderError {
    return new ProviderError('offline: aborted', { provider: this.id, code: 'aborted', retryable: false, cause });
  }
}
