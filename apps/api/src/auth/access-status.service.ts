import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import type Redis from 'ioredis';
import type { Role } from '@megicai/contracts';
import { authConfig } from '../config/auth.config';
import { redisConfig } from '../config/redis.config';
import { REDIS } from '../redis/redis.module';
import { UsersService } from '../users/users.service';
import { subscribeInvalidations } from '../common/cache/shared-memo';

export interface AccessStatus {
  role: Role;
  banned: boolean;
}

/** Bounds the memory of the cache; past it the oldest entries go first (a Map iterates in insertion order). */
const MAX_ENTRIES = 50_000;

/**
 * Role and ban of a user, as the database says now: an access token proves who is calling, never what they may do.
 * Read from the users table and kept in this process for a few seconds. A change (PATCH /admin/users/:id) drops the
 * entry here at once and tells every other process over Redis pub/sub; while Redis is away the short lifetime
 * bounds how stale another process can be. A read that fails fails the request (503), never opens it.
 */
@Injectable()
export class AccessStatusService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AccessStatusService.name);
  private readonly cache = new Map<string, { status: AccessStatus | null; until: number }>();
  private readonly channel: string;
  private subscriber?: Redis;
  /** Bumped on every invalidation: a database read that started before it must not be cached after it. */
  private generation = 0;

  constructor(
    private readonly users: UsersService,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(redisConfig.KEY) redisCfg: ConfigType<typeof redisConfig>,
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
  ) {
    this.channel = `${redisCfg.prefix}:access-status`;
  }

  onModuleInit(): void {
    this.subscriber = subscribeInvalidations(
      this.redis,
      this.channel,
      (userId) => this.forget(userId),
      () => this.forgetAll(),
    );
  }

  onModuleDestroy(): void {
    this.subscriber?.disconnect();
  }

  /** null when the user no longer exists. Throws when the database cannot answer (the caller answers 503). */
  async get(userId: string): Promise<AccessStatus | null> {
    const hit = this.cache.get(userId);
    if (hit && hit.until > Date.now()) return hit.status;
    const generation = this.generation;
    const user = await this.users.accessOf(userId);
    const status = user ? { role: user.role, banned: user.banned } : null;
    if (generation === this.generation) {
      if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(userId, { status, until: Date.now() + this.config.accessStatusCacheMs });
    }
    return status;
  }

  /** After a change of role or ban: this process forgets at once, the others when the message arrives. */
  async changed(userId: string): Promise<void> {
    this.forget(userId);
    await this.redis.publish(this.channel, userId).catch((error: unknown) => {
      this.logger.warn(
        `Access change of ${userId} not broadcast (other processes catch up within the cache TTL): ${String(error)}`,
      );
    });
  }

  private forget(userId: string): void {
    this.generation += 1;
    this.cache.delete(userId);
  }

  private forgetAll(): void {
    this.generation += 1;
    this.cache.clear();
  }
}
