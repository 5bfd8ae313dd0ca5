import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { redisConfig } from '../config/redis.config';

/**
 * BullMQ's connection, shared by producers (API) and processors (worker). Queues live under the Redis prefix, so
 * test runs never see each other's jobs. Redis must run with `maxmemory-policy noeviction`.
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [redisConfig.KEY],
      useFactory: (cfg: ConfigType<typeof redisConfig>) => ({
        connection: { url: cfg.url, maxRetriesPerRequest: null },
        prefix: `${cfg.prefix}:bull`,
      }),
    }),
  ],
})
export class QueueModule {}
