import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AnalyticsEventsModule } from '../../analytics-events/analytics-events.module';
import { analyticsConfig } from '../../config/analytics.config';
import { ToolsModule } from '../../tools/tools.module';
import { AnalyticsService } from './analytics.service';

/** Admin aggregates, read from the analytics rollups (AnalyticsEventsModule). */
@Module({
  imports: [ConfigModule.forFeature(analyticsConfig), AnalyticsEventsModule, ToolsModule],
  providers: [AnalyticsService],
  exports: [AnalyticsService],
})
export class AnalyticsModule {}
