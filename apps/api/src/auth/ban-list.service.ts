import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import type Redis from 'ioredis';
import { redisConfig } from '../config/redis.config';
import { REDIS } from '../redis/redis.module';

/**
 * Banned users, mirrored from the users table into a Redis set so that a ban also stops access tokens that are still
 * valid, at the cost of one set lookup per request instead of a database read. The table stays the record: login
 * and refresh check it.
 */
@Injectable()
export class BanListService {
  private readonly key: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(redisConfig.KEY) config: ConfigType<typeof redisConfig>,
  ) {
    this.key = `${config.prefix}:banned-users`;
  }

  /** Fails open when Redis cannot answer: a ban still holds at login and refresh, which read the table. */
  async isBanned(userId: string): Promise<boolean> {
    try {
      return (await this.redis.sismember(this.key, userId)) === 1;
    } catch {
      return false;
    }
  }

  async set(userId: string, banned: boolean): Promise<void> {
    if (banned) await this.redis.sadd(this.key, userId);
    else await this.redis.srem(this.key, userId);
  }
}
