import { Module } from '@nestjs/common';
import { AdsModule } from '../ads/ads.module';
import { AuthModule } from '../auth/auth.module';
import { CreditsModule } from '../credits/credits.module';
import { UsersModule } from '../users/users.module';
import { AdminAdsController } from './admin-ads.controller';
import { AdminAdsWaterfallController } from './admin-ads-waterfall.controller';
import { AdminAdCreativesController } from './admin-ads-creatives.controller';
import { AdminPremiumPlansController } from './admin-premium-plans.controller';
import { AdminAuditController } from './admin-audit.controller';
import { AdminCreditsService } from './admin-credits.service';
import { AdminUsersController } from './admin-users.controller';
import { AdminUsersService } from './admin-users.service';
import { AuditModule } from '../audit/audit.module';
import { JobsCoreModule } from '../jobs/jobs-core.module';
import { MarketplaceModule } from '../marketplace/marketplace.module';
import { ToolsModule } from '../tools/tools.module';
import { AdminPromptsController } from './admin-prompts.controller';
import { AdminCreditPacksController } from './admin-credit-packs.controller';
import { PremiumModule } from '../premium/premium.module';
import { AdminProvidersController } from './admin-providers.controller';
import { ProvidersModule } from '../providers/providers.module';
import { AdminQueuesController } from './admin-queues.controller';
import { AdminToolsController } from './admin-tools.controller';
import { AdminAnalyticsController } from './analytics/admin-analytics.controller';
import { AnalyticsModule } from './analytics/analytics.module';
import { AdminBullBoardModule } from './bull-board/admin-bull-board.module';
import { IdempotencyModule } from '../common/idempotency/idempotency.module';

/**
 * The top layer: admin controllers call the feature services and own no money or job logic of their own. Nothing
 * imports this module. Every change is recorded through AuditLogService (AuditModule) with its before and after.
 */
@Module({
  imports: [
    AuditModule,
    IdempotencyModule,
    UsersModule,
    AuthModule,
    CreditsModule,
    AdsModule,
    ToolsModule,
    JobsCoreModule,
    MarketplaceModule,
    AnalyticsModule,
    AdminBullBoardModule,
    ProvidersModule,
    PremiumModule,
  ],
  controllers: [
    AdminUsersController,
    AdminAdsController,
    AdminAuditController,
    AdminPromptsController,
    AdminToolsController,
    AdminQueuesController,
    AdminAnalyticsController,
    AdminProvidersController,
    AdminCreditPacksController,
    AdminAdsWaterfallController,
    AdminAdCreativesController,
    AdminPremiumPlansController,
  ],
  providers: [AdminUsersService, AdminCreditsService],
})
export class AdminModule {}
