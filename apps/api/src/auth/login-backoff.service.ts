import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type Redis from 'ioredis';
import { authConfig } from '../config/auth.config';
import { redisConfig } from '../config/redis.config';
import { REDIS } from '../redis/redis.module';
import { LoginBackoffException } from './login-backoff.exception';
import { sha256Hex } from './secret-hash';

/**
 * Counts the attempt as a failure up front (atomically, so a parallel burst cannot slip through before the first
 * failure is recorded) and, from the free-th failure on, blocks the key for base·2^(n−free) ms, capped. Returns the
 * milliseconds still blocked, or 0 when this attempt may go ahead.
 */
const ATTEMPT = `
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then return blocked end
local n = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
local free = tonumber(ARGV[1])
if n >= free then
  local wait = math.min(tonumber(ARGV[2]) * 2 ^ (n - free), tonumber(ARGV[3]))
  redis.call('SET', KEYS[2], '1', 'PX', math.floor(wait))
end
return 0`;

const KNOWN_ADDRESS_TTL_SECONDS = 90 * 24 * 3600;

export interface LoginAttempt {
  email: string;
  address: string;
  /** Changes with the password (a hash of its hash): a reset or change starts the email's count afresh. */
  passwordGeneration: string;
  userId?: string;
  /** A signed device cookie of this user came with the request. */
  knownDevice: boolean;
}

/**
 * Slows password guessing per email and per address with exponential backoff, without locking the owner out: a
 * login from a known device (device cookie) or from an address this account logged in from before skips the
 * backoff, and a password reset starts a fresh count. Redis is an accelerator here: if it fails, logins go on.
 */
@Injectable()
export class LoginBackoffService {
  private readonly logger = new Logger(LoginBackoffService.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(authConfig.KEY) private readonly auth: ConfigType<typeof authConfig>,
    @Inject(redisConfig.KEY) private readonly redisCfg: ConfigType<typeof redisConfig>,
  ) {}

  /**
   * Throws 429 with Retry-After while the email or the address is backing off; else counts the attempt (answers
   * false for a known device or address, which is neither checked nor counted).
   */
  async begin(attempt: LoginAttempt): Promise<boolean> {
    if (await this.isKnown(attempt)) return false;
    const { loginFreeFailures, loginAddressFreeFailures, loginBackoffBaseSeconds, loginBackoffMaxSeconds } = this.auth;
    const base = loginBackoffBaseSeconds * 1000;
    const max = loginBackoffMaxSeconds * 1000;
    const ttl = Math.max(max * 4, 3_600_000);
    await this.safely(async () => {
      const email = this.emailKey(attempt);
      const waits = [
        (await this.redis.eval(ATTEMPT, 2, email, `${email}:block`, loginFreeFailures, base, max, ttl)) as number,
      ];
      if (waits[0] === 0) {
        const address = this.addressKey(attempt.address);
        waits.push(
          (await this.redis.eval(
            ATTEMPT,
            2,
            address,
            `${address}:block`,
            loginAddressFreeFailures,
            base,
            max,
            ttl,
          )) as number,
        );
      }
      const wait = Math.max(...waits);
      if (wait > 0) throw new LoginBackoffException(wait / 1000);
    });
    return true;
  }

  /** The password was right: the email's count starts again and this address becomes known for the account. */
  async succeeded(attempt: LoginAttempt & { userId: string }, counted: boolean): Promise<void> {
    await this.safely(async () => {
      const email = this.emailKey(attempt);
      const known = this.knownKey(attempt.userId);
      const tx = this.redis.multi().del(email, `${email}:block`);
      // Only undo this attempt's own count at the address: logging into one's own account must not wipe the
      // failures an attacker at that address piled up against others.
      if (counted) tx.decr(this.addressKey(attempt.address));
      await tx.sadd(known, sha256Hex(attempt.address)).expire(known, KNOWN_ADDRESS_TTL_SECONDS).exec();
    });
  }

  private async isKnown(attempt: LoginAttempt): Promise<boolean> {
    if (attempt.userId && attempt.knownDevice) return true;
    // Asked for unknown emails too (a key nobody has), so the answer time does not tell whether the account exists.
    const key = this.knownKey(attempt.userId ?? 'none');
    const known = await this.safely(() => this.redis.sismember(key, sha256Hex(attempt.address)));
    return known === 1 && attempt.userId !== undefined;
  }

  private emailKey(attempt: LoginAttempt): string {
    return `${this.redisCfg.prefix}:login:email:${sha256Hex(attempt.email)}:${attempt.passwordGeneration}`;
  }

  private addressKey(address: string): string {
    return `${this.redisCfg.prefix}:login:address:${sha256Hex(address)}`;
  }

  private knownKey(userId: string): string {
    return `${this.redisCfg.prefix}:login:known:${userId}`;
  }

  private async safely<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof LoginBackoffException) throw error;
      this.logger.warn(`Login backoff skipped: ${(error as Error).message}`);
      return undefined;
    }
  }
}
