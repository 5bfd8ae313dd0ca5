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

/**
 * The HTTP side of runs: POST /tools/:id/run, /jobs, signed asset links. Exports the acceptance and the text runner
 * (other ways to run a tool, such as the OpenAI-compatible API, go through them) and JobsService (via the core).
 */
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
  exports: [JobsCoreModule, JobAcceptanceService, TextRunnerService],
})
export class JobsModule {}
