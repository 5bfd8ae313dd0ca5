import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AdminModule } from './admin/admin.module';
import { AdminOpsModule } from './admin/admin-ops.module';
import { AdsModule } from './ads/ads.module';
import { AuthModule } from './auth/auth.module';
import { AppLoggerModule } from './bootstrap/logger.module';
import { AuthenticationGuard } from './common/auth/authentication.guard';
import { AuthorizationGuard } from './common/auth/authorization.guard';
import { ProblemDetailsFilter } from './common/errors/problem-details.filter';
import { ProblemThrottlerGuard } from './common/throttling/problem-throttler.guard';
import { ThrottlingModule } from './common/throttling/throttling.module';
import { AppConfigModule } from './config/config.module';
import { CreditsModule } from './credits/credits.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { MarketplaceModule } from './marketplace/marketplace.module';
import { OpenAiCompatModule } from './openai-compat/openai-compat.module';
import { ProvidersModule } from './providers/providers.module';
import { ToolsModule } from './tools/tools.module';
import { JobsModule } from './jobs/jobs.module';
import { LeaderboardModule } from './leaderboard/leaderboard.module';
import { PremiumModule } from './premium/premium.module';
import { QueueModule } from './queue/queue.module';
import { RedisModule } from './redis/redis.module';
import { ReferralsModule } from './referrals/referrals.module';
import { UsersModule } from './users/users.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/** The HTTP application: feature modules wired by dependency injection. The worker has its own module. */
@Module({
  imports: [
    AppConfigModule,
    AppLoggerModule,
    DatabaseModule,
    RedisModule,
    QueueModule,
    ThrottlingModule,
    HealthModule,
    UsersModule,
    AuthModule,
    CreditsModule,
    AdsModule,
    ReferralsModule,
    ProvidersModule,
    ToolsModule,
    JobsModule,
    OpenAiCompatModule,
    MarketplaceModule,
    LeaderboardModule,
    PremiumModule,
    WebhooksModule,
    AdminModule,
    AdminOpsModule,
  ],
  providers: [
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    // Order matters: who is calling, then what they may do, then how often.
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: AuthorizationGuard },
    { provide: APP_GUARD, useClass: ProblemThrottlerGuard },
  ],
})
export class AppModule {}
