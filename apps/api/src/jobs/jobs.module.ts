import { Module } from '@nestjs/common';
import { AdsModule } from '../ads/ads.module';
import { CreditsModule } from '../credits/credits.module';
import { MarketplaceModule } from '../marketplace/marketplace.module';
import { ProvidersModule } from '../providers/providers.module';
import { ToolsModule } from '../tools/tools.module';
import { UsersModule } from '../users/users.module';
import { JobAcceptanceService } from './job-acceptance.service';
import { JobAssetsController } from './job-assets.controller';
import { JobsCoreModule } from './jobs-core.module';
import { JobsController } from './jobs.controller';
import { PaymentProblemService } from './payment-problem.service';
import { TextRunnerService } from './text-runner.service';
import { ToolRunsController } from './tool-runs.controller';
import { IdempotencyModule } from '../common/idempotency/idempotency.module';

/** The HTTP side of runs: POST /tools/:id/run, /jobs, signed asset links. Re-exports JobsService (via the core). */
@Module({
  imports: [
    IdempotencyModule,
    JobsCoreModule,
    ToolsModule,
    UsersModule,
    CreditsModule,
    ProvidersModule,
    MarketplaceModule,
    AdsModule,
  ],
  controllers: [ToolRunsController, JobsController, JobAssetsController],
  providers: [JobAcceptanceService, TextRunnerService, PaymentProblemService],
  exports: [JobsCoreModule],
})
export class JobsModule {}
