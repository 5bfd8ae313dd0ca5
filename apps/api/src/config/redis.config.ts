import { registerAs } from '@nestjs/config';
import { IsInt, IsString, Matches, Min } from 'class-validator';
import { validateConfig } from './validate-config';

export class RedisConfig {
  @IsString()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  url: string = 'redis://127.0.0.1:6379';

  /** Every key, queue and cache entry lives under this prefix, so test runs never touch each other. */
  @IsString()
  @Matches(/^[a-zA-Z0-9_-]+$/)
  prefix: string = 'megicai';

  /**
   * The longest a request waits for one Redis command (rate limits, cache, invalidations) before it goes on without
   * Redis: an accelerator that is away must not slow every request down.
   */
  @IsInt()
  @Min(50)
  commandTimeoutMs: number = 500;

  /** The longest one attempt to (re)connect may take. */
  @IsInt()
  @Min(100)
  connectTimeoutMs: number = 2000;
}

export const redisConfig = registerAs('redis', () =>
  validateConfig('redis', RedisConfig, {
    url: process.env.REDIS_URL,
    prefix: process.env.REDIS_PREFIX,
    commandTimeoutMs: process.env.REDIS_COMMAND_TIMEOUT_MS,
    connectTimeoutMs: process.env.REDIS_CONNECT_TIMEOUT_MS,
  }),
);
