import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { createKeyvNonBlocking } from '@keyv/redis';
import { Cache, createCache } from 'cache-manager';
import { createHash } from 'node:crypto';
import { jobsConfig } from '../config/jobs.config';
import { redisConfig } from '../config/redis.config';
import type { StoredOutput } from './entities/job.entity';

/** What a cache hit replays: the answer and who gave it. Media answers keep their storage keys. */
export interface CachedResult {
  output: StoredOutput;
  provider: string;
  model: string;
}

export interface CacheKeyParts {
  toolId: string;
  provider: string | null;
  model: string | null;
  prompt: string;
  input: Record<string, unknown>;
  /**
   * The providers that could answer now, in order. Part of the key so that configuring a provider (say, a first real
   * one after the offline demo) does not keep serving answers cached from before.
   */
  route?: readonly string[];
  /** Earlier turns sent with the prompt (OpenAI-compatible chat): another history is another question. */
  history?: readonly { role: string; content: string }[];
}

/** A slow or absent Redis must never slow a run down: the cache gives up after this and the run goes on uncached. */
const CACHE_TIMEOUT_MS = 250;

/**
 * Results of earlier runs in Redis (cache-manager over @keyv/redis). A hit costs the platform nothing, so it is free
 * for the user too. Every failure here is swallowed: without Redis, runs still work, just uncached.
 */
@Injectable()
export class JobCacheService implements OnModuleDestroy {
  private readonly logger = new Logger(JobCacheService.name);
  private readonly cache: Cache;

  constructor(
    @Inject(redisConfig.KEY) redis: ConfigType<typeof redisConfig>,
    @Inject(jobsConfig.KEY) config: ConfigType<typeof jobsConfig>,
  ) {
    const store = createKeyvNonBlocking(redis.url, {
      namespace: `${redis.prefix}:results`,
      throwOnConnectError: false,
      throwOnErrors: false,
      connectionTimeout: 1000,
    });
    store.on('error', () => undefined);
    this.cache = createCache({ stores: [store], ttl: config.cacheTtlSeconds * 1000 });
  }

  /** sha256 of the tool, the requested provider and model, the rendered prompt, the other options (sorted) and the route. */
  static keyOf(parts: CacheKeyParts): string {
    const { prompt: _prompt, ...options } = parts.input;
    const normalized = JSON.stringify([
      parts.toolId,
      parts.provider ?? '',
      parts.model ?? '',
      parts.prompt.trim(),
      sortKeys(options),
      parts.route ?? [],
      // Only when present, so that the keys of single-prompt runs stay what they were.
      ...(parts.history?.length ? [parts.history.map((m) => [m.role, m.content])] : []),
    ]);
    return createHash('sha256').update(normalized).digest('hex');
  }

  async get(key: string): Promise<CachedResult | null> {
    return (await this.guard(this.cache.get<CachedResult>(key))) ?? null;
  }

  async set(key: string, value: CachedResult): Promise<void> {
    await this.guard(this.cache.set(key, value));
  }

  async onModuleDestroy(): Promise<void> {
    await this.guard(this.cache.disconnect());
  }

  private async guard<T>(work: Promise<T>): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      // Given up only after the I/O phase that follows the timer: when the event loop itself was stalled past the
      // timeout (a busy process), a reply that had already arrived still wins. A stalled loop is not a slow Redis.
      timer = setTimeout(() => setImmediate(() => resolve(undefined)), CACHE_TIMEOUT_MS);
    });
    try {
      return await Promise.race([work, timeout]);
    } catch (error) {
      this.logger.warn(`Result cache unavailable: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}
