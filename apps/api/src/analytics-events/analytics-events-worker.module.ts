import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { analyticsConfig } from '../config/analytics.config';
import { AnalyticsEventsModule } from './analytics-events.module';
import { ANALYTICS_QUEUE, AnalyticsRollupProcessor } from './analytics-rollup.processor';

/** The worker side: the repeatable rollup job. Only in WorkerModule. */
@Module({
  imports: [
    AnalyticsEventsModule,
    ConfigModule.forFeature(analyticsConfig),
    BullModule.registerQueue({ name: ANALYTICS_QUEUE }),
  ],
  providers: [AnalyticsRollupProcessor],
})
export class AnalyticsEventsWorkerModule {}
