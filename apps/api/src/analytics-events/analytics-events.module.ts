import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { analyticsConfig } from '../config/analytics.config';
import { AnalyticsEventsService } from './analytics-events.service';
import { AnalyticsRollupService } from './analytics-rollup.service';

/**
 * Analytics events and their daily rollups. Writers record events through AnalyticsEventsService or the CTEs of
 * `analytics-events.sql.ts`; admin reads the report's facts from AnalyticsRollupService. Imports no feature.
 */
@Module({
  imports: [ConfigModule.forFeature(analyticsConfig)],
  providers: [AnalyticsEventsService, AnalyticsRollupService],
  exports: [AnalyticsEventsService, AnalyticsRollupService],
})
export class AnalyticsEventsModule {}
