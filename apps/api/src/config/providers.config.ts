import { registerAs } from '@nestjs/config';
import { IsInt, IsOptional, IsString, IsUrl, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config';

const url = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/**
 * Keys and base URLs of the AI providers, and the resilience settings shared by all of them.
 * A provider without a key (or, for Ollama, without a base URL) is listed as unavailable; `offline` always works.
 */
export class ProvidersConfig {
  @IsOptional()
  @IsString()
  openaiApiKey?: string;

  @IsUrl(url)
  openaiBaseUrl: string = 'https://api.openai.com/v1';

  @IsOptional()
  @IsString()
  openrouterApiKey?: string;

  @IsUrl(url)
  openrouterBaseUrl: string = 'https://openrouter.ai/api/v1';

  @IsOptional()
  @IsString()
  deepseekApiKey?: string;

  @IsUrl(url)
  deepseekBaseUrl: string = 'https://api.deepseek.com/v1';

  @IsOptional()
  @IsString()
  hfApiKey?: string;

  /** A dedicated endpoint (Inference Endpoint, TGI, or a test server) instead of the Hugging Face router. */
  @IsOptional()
  @IsUrl(url)
  hfEndpointUrl?: string;

  /** Any OpenAI-compatible local server (Ollama, vLLM, LM Studio), e.g. `http://127.0.0.1:11434/v1`. */
  @IsOptional()
  @IsUrl(url)
  ollamaBaseUrl?: string;

  /** Comma-separated text models the local server has pulled; the first is the default. */
  @IsString()
  ollamaModels: string = 'llama3.2';

  /** Simulated work time of the offline provider for image, audio and video (text answers at once). */
  @IsInt()
  @Min(0)
  @Max(600_000)
  offlineDelayMs: number = 1500;

  /**
   * How long a streamed offline text answer takes, spread over its tokens (at most 40 ms a token); the offline
   * delay when unset. End-to-end tests slow it down so that a chat answer can be stopped while it streams.
   */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(600_000)
  offlineTextStreamMs?: number;
  /** Longest side of the offline provider's animations, px (a smaller one renders faster: specs on busy machines). */
  @IsInt()
  @Min(32)
  @Max(480)
  offlineVideoMaxSide: number = 480;

  /** Per attempt, for text, image and audio calls. */
  @IsInt()
  @Min(1)
  timeoutMs: number = 60_000;

  /** Per attempt for video, which is created, polled and downloaded within this time. */
  @IsInt()
  @Min(1)
  videoTimeoutMs: number = 900_000;

  @IsInt()
  @Min(1)
  videoPollIntervalMs: number = 5000;

  /** Retries after the first attempt, for retryable errors only (429, 5xx, network, timeout). */
  @IsInt()
  @Min(0)
  @Max(10)
  retries: number = 2;

  @IsInt()
  @Min(0)
  retryBaseDelayMs: number = 250;

  /** Upper bound of any backoff, including a provider's `Retry-After`: a job never sleeps longer than this. */
  @IsInt()
  @Min(0)
  retryMaxDelayMs: number = 5000;

  /**
   * Largest provider answer accepted, per kind, enforced while reading (an over-size answer is aborted and fails
   * over like any provider failure). Text counts the completion's UTF-8 bytes; media the downloaded bytes.
   */
  @IsInt()
  @Min(1024)
  maxTextBytes: number = 1024 * 1024;

  @IsInt()
  @Min(1024)
  maxImageBytes: number = 32 * 1024 * 1024;

  @IsInt()
  @Min(1024)
  maxAudioBytes: number = 32 * 1024 * 1024;

  @IsInt()
  @Min(1024)
  maxVideoBytes: number = 256 * 1024 * 1024;

  /** Consecutive failures that open a provider's circuit. */
  @IsInt()
  @Min(1)
  breakerThreshold: number = 5;

  /** How long an open circuit skips its provider before letting one trial call through. */
  @IsInt()
  @Min(1)
  breakerHalfOpenMs: number = 30_000;
}

export function readProvidersConfig(env: NodeJS.ProcessEnv = process.env): ProvidersConfig {
  return validateConfig('providers', ProvidersConfig, {
    openaiApiKey: env.OPENAI_API_KEY,
    openaiBaseUrl: env.OPENAI_BASE_URL,
    openrouterApiKey: env.OPENROUTER_API_KEY,
    openrouterBaseUrl: env.OPENROUTER_BASE_URL,
    deepseekApiKey: env.DEEPSEEK_API_KEY,
    deepseekBaseUrl: env.DEEPSEEK_BASE_URL,
    hfApiKey: env.HF_API_KEY,
    hfEndpointUrl: env.HF_ENDPOINT_URL,
    ollamaBaseUrl: env.OLLAMA_BASE_URL,
    ollamaModels: env.OLLAMA_MODELS,
    offlineDelayMs: env.OFFLINE_DELAY_MS,
    offlineTextStreamMs: env.OFFLINE_TEXT_STREAM_MS,
    offlineVideoMaxSide: env.OFFLINE_VIDEO_MAX_SIDE,
    timeoutMs: env.PROVIDER_TIMEOUT_MS,
    videoTimeoutMs: env.PROVIDER_VIDEO_TIMEOUT_MS,
    videoPollIntervalMs: env.PROVIDER_VIDEO_POLL_MS,
    retries: env.PROVIDER_RETRIES,
    retryBaseDelayMs: env.PROVIDER_RETRY_BASE_DELAY_MS,
    retryMaxDelayMs: env.PROVIDER_RETRY_MAX_DELAY_MS,
    breakerThreshold: env.PROVIDER_BREAKER_THRESHOLD,
    breakerHalfOpenMs: env.PROVIDER_BREAKER_HALF_OPEN_MS,
    maxTextBytes: env.PROVIDER_MAX_TEXT_BYTES,
    maxImageBytes: env.PROVIDER_MAX_IMAGE_BYTES,
    maxAudioBytes: env.PROVIDER_MAX_AUDIO_BYTES,
    maxVideoBytes: env.PROVIDER_MAX_VIDEO_BYTES,
  });
}

export const providersConfig = registerAs('providers', () => readProvidersConfig());
