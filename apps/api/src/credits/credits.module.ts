import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { creditsConfig } from '../config/credits.config';
import { CreditsReadService } from './credits-read.service';
import { CreditsController } from './credits.controller';
import { CreditsService } from './credits.service';
import { DailyRewardService } from './daily-reward.service';
import { CreditAccount } from './entities/credit-account.entity';
import { CreditHold } from './entities/credit-hold.entity';
import { LedgerEntry } from './entities/ledger-entry.entity';
import { IdempotencyModule } from '../common/idempotency/idempotency.module';

/** Exports CreditsService (the only code that moves credits) and CreditsReadService (summaries, sums, verify). */
@Module({
  imports: [
    IdempotencyModule,
    ConfigModule.forFeature(creditsConfig),
    TypeOrmModule.forFeature([CreditAccount, LedgerEntry, CreditHold]),
  ],
  controllers: [CreditsController],
  providers: [CreditsService, CreditsReadService, DailyRewardService],
  exports: [CreditsService, CreditsReadService],
})
export class CreditsModule {}
