import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import Redis, { RedisOptions } from 'ioredis';
import { redisConfig } from '../config/redis.config';

export const REDIS = Symbol('REDIS');

/**
 * Options of a connection used while a request waits: every command fails fast when Redis is away (no offline
 * queue, one try, a command timeout), so the caller falls back at once instead of waiting for a reconnect. BullMQ
 * keeps its own connections with the options it requires.
 */
export function requestPathRedisOptions(cfg: ConfigType<typeof redisConfig>): RedisOptions {
  return {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    commandTimeout: cfg.commandTimeoutMs,
    connectTimeout: cfg.connectTimeoutMs,
    // Keep trying to come back, at most once a second, for as long as it takes.
    retryStrategy: (times) => Math.min(times * 200, 1000),
    lazyConnect: false,
  };
}

/** One shared connection for rate limits, health and small counters; BullMQ and the cache open their own. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [redisConfig.KEY],
      useFactory: (cfg: ConfigType<typeof redisConfig>) => {
        const client = new Redis(cfg.url, requestPathRedisOptions(cfg));
        // Without a listener ioredis prints every failed reconnect; callers see the failure on their command.
        client.on('error', () => undefined);
        return client;
      },
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }
}
