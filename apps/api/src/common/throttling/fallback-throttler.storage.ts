import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Counts in Redis (limits that hold across processes) and, when Redis cannot answer in time, in this process: a
 * Redis outage loosens the limits to per-process ones for its duration instead of failing every request.
 */
export class FallbackThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger(FallbackThrottlerStorage.name);
  private readonly local = new ThrottlerStorageService();
  private degraded = false;

  constructor(private readonly shared: ThrottlerStorage) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    try {
      const record = await this.shared.increment(key, ttl, limit, blockDuration, throttlerName);
      if (this.degraded) this.logger.log('Rate limits are shared through Redis again');
      this.degraded = false;
      return record;
    } catch (error) {
      if (!this.degraded) {
        this.logger.warn(
          `Rate limits fall back to this process (Redis: ${error instanceof Error ? error.message : String(error)})`,
        );
      }
      this.degraded = true;
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  onApplicationShutdown(): void {
    this.local.onApplicationShutdown();
  }
}
