import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { creditsConfig } from '../config/credits.config';
import { CreditsEvents } from './credits-events';
import { CreditsReadService } from './credits-read.service';
import { CreditsController } from './credits.controller';
import { CreditsService } from './credits.service';
import { DailyRewardService } from './daily-reward.service';
import { CreditAccount } from './entities/credit-account.entity';
import { CreditHold } from './entities/credit-hold.entity';
import { LedgerEntry } from './entities/ledger-entry.entity';
import { LimitsController } from './limits.controller';
import { SpendLimitsService } from './spend-limits.service';
import { IdempotencyModule } from '../common/idempotency/idempotency.module';

/**
 * Exports CreditsService (the only code that moves credits), CreditsReadService (summaries, sums, verify),
 * SpendLimitsService (caps, per-key spend) and CreditsEvents (the low-balance hook).
 */
@Module({
  imports: [
    IdempotencyModule,
    ConfigModule.forFeature(creditsConfig),
    TypeOrmModule.forFeature([CreditAccount, LedgerEntry, CreditHold]),
  ],
  controllers: [CreditsController, LimitsController],
  providers: [CreditsService, CreditsReadService, DailyRewardService, SpendLimitsService, CreditsEvents],
  exports: [CreditsService, CreditsReadService, SpendLimitsService, CreditsEvents],
})
export class CreditsModule {}
