import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AdsModule } from '../../ads/ads.module';
import { analyticsConfig } from '../../config/analytics.config';
import { CreditsModule } from '../../credits/credits.module';
import { JobsCoreModule } from '../../jobs/jobs-core.module';
import { ToolsModule } from '../../tools/tools.module';
import { AnalyticsService } from './analytics.service';

/** Admin aggregates, computed on request from the owning modules' services. */
@Module({
  imports: [ConfigModule.forFeature(analyticsConfig), JobsCoreModule, CreditsModule, AdsModule, ToolsModule],
  providers: [AnalyticsService],
  exports: [AnalyticsService],
})
export class AnalyticsModule {}
