import { Module } from '@nestjs/common';
import { AnalyticsEventsWorkerModule } from './analytics-events/analytics-events-worker.module';
import { AppLoggerModule } from './bootstrap/logger.module';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { JobsWorkerModule } from './jobs/jobs-worker.module';
import { ProvidersModule } from './providers/providers.module';
import { QueueModule } from './queue/queue.module';
import { RedisModule } from './redis/redis.module';
import { WebhooksWorkerModule } from './webhooks/webhooks-worker.module';

/**
 * The BullMQ worker: processors for image, audio and video jobs, webhook deliveries, and the analytics rollup. Runs as its own process (`npm run worker`) or,
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
    AnalyticsEventsWorkerModule,
  ],
})
export class WorkerModule {}
