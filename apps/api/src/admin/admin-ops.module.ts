import { Module } from '@nestjs/common';
import { AdsModule } from '../ads/ads.module';
import { AnalyticsModule } from '../analytics/analytics.module';
import { JobsCoreModule } from '../jobs/jobs-core.module';
import { PremiumModule } from '../premium/premium.module';
import { ToolsModule } from '../tools/tools.module';
import { AdminAdsWaterfallController } from './admin-ads-waterfall.controller';
import { AdminAnalyticsController } from './admin-analytics.controller';
import { AdminCreditPacksController } from './admin-credit-packs.controller';
import { AdminModule } from './admin.module';
import { AdminQueuesController } from './admin-queues.controller';
import { AdminToolsController } from './admin-tools.controller';

/**
 * The admin pages over tools, queues and analytics. Apart from AdminModule because the jobs module reaches
 * AdminModule through the marketplace (for the audit log): importing jobs from there would make a cycle.
 */
@Module({
  imports: [AdminModule, AdsModule, ToolsModule, JobsCoreModule, AnalyticsModule, PremiumModule],
  controllers: [
    AdminToolsController,
    AdminQueuesController,
    AdminAnalyticsController,
    AdminCreditPacksController,
    AdminAdsWaterfallController,
  ],
})
export class AdminOpsModule {}
