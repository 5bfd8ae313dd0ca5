import { Module } from '@nestjs/common';
import { AppLoggerModule } from './bootstrap/logger.module';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { JobsWorkerModule } from './jobs/jobs-worker.module';
import { ProvidersModule } from './providers/providers.module';
import { QueueModule } from './queue/queue.module';
import { RedisModule } from './redis/redis.module';
import { WebhooksWorkerModule } from './webhooks/webhooks-worker.module';

/**
 * The BullMQ worker: processors for image, audio and video jobs, and webhook deliveries. Runs as its own process (`npm run worker`) or,
 * with RUN_WORKER=inline, beside the API in the same process.
 */
@Module({
  imports: [
    AppConfigModule,
    AppLoggerModule,
    DatabaseModule,
    RedisModule,
    QueueModule,
    ProvidersModule,
    JobsWorkerModule,
    WebhooksWorkerModule,
  ],
})
export class WorkerModule {}
