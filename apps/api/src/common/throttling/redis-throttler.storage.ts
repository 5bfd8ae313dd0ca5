import type { ThrottlerStorage } from '@nestjs/throttler';
import type Redis from 'ioredis';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * A fixed window per key with a block once over the limit (the semantics of @nest-lab/throttler-storage-redis). KEYS:
 * hits, blocked; ARGV: ttl ms, limit, block ms. Answers hits, ms left in the window, blocked (0/1), ms left blocked.
 */
const SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl <= 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
local blocked = redis.call('PTTL', KEYS[2])
if blocked <= 0 then
  blocked = 0
  if hits > tonumber(ARGV[2]) then
    redis.call('SET', KEYS[2], 1, 'PX', ARGV[3])
    blocked = tonumber(ARGV[3])
  end
end
return { hits, ttl, blocked > 0 and 1 or 0, blocked }`;

const COMMAND = 'megicaiThrottle';

type ThrottleCommand = (hits: string, blocked: string, ttl: number, limit: number, block: number) => Promise<number[]>;

/**
 * Rate-limit counters in Redis in one round trip per check: the script is registered with `defineCommand`, so ioredis
 * sends `EVALSHA` with its 40-byte hash (and the source only once per connection, on NOSCRIPT) instead of `EVAL` with
 * the whole script on every request.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly run: ThrottleCommand;

  constructor(redis: Redis) {
    if (!(COMMAND in redis)) redis.defineCommand(COMMAND, { numberOfKeys: 2, lua: SCRIPT });
    const command = (redis as unknown as Record<string, ThrottleCommand>)[COMMAND];
    this.run = command.bind(redis);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const [totalHits, timeToExpire, isBlocked, timeToBlockExpire] = await this.run(
      `{${key}:${throttlerName}}:hits`,
      `{${key}:${throttlerName}}:blocked`,
      ttl,
      limit,
      blockDuration,
    );
    return {
      totalHits,
      timeToExpire: Math.ceil(timeToExpire / 1000),
      isBlocked: isBlocked === 1,
      timeToBlockExpire: Math.ceil(timeToBlockExpire / 1000),
    };
  }
}
