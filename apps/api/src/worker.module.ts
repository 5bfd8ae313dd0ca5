import { Module } from '@nestjs/common';
import { AppLoggerModule } from './bootstrap/logger.module';
import { IdempotencyModule } from './common/idempotency/idempotency.module';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { JobsWorkerModule } from './jobs/jobs-worker.module';
import { ProvidersModule } from './providers/providers.module';
import { QueueModule } from './queue/queue.module';
import { RedisModule } from './redis/redis.module';

/**
 * The BullMQ worker: processors for image, audio and video jobs. Runs as its own process (`npm run worker`) or,
 * with RUN_WORKER=inline, beside the API in the same process.
 * IdempotencyModule: feature modules shared with the API (credits, marketplace) declare controllers whose
 * @Idempotent routes name its interceptor, which Nest resolves even in an application context without HTTP.
 */
@Module({
  imports: [
    AppConfigModule,
    AppLoggerModule,
    DatabaseModule,
    RedisModule,
    QueueModule,
    ProvidersModule,
    IdempotencyModule,
    JobsWorkerModule,
  ],
})
export class WorkerModule {}
