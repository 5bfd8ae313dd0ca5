import { registerAs } from '@nestjs/config';
import { IsString, Matches } from 'class-validator';
import { validateConfig } from './validate-config';

export class RedisConfig {
  @IsString()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  url: string = 'redis://127.0.0.1:6379';

  /** Every key, queue and cache entry lives under this prefix, so test runs never touch each other. */
  @IsString()
  @Matches(/^[a-zA-Z0-9_-]+$/)
  prefix: string = 'megicai';
}

export const redisConfig = registerAs('redis', () =>
  validateConfig('redis', RedisConfig, { url: process.env.REDIS_URL, prefix: process.env.REDIS_PREFIX }),
);
