import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CreditsService } from './credits.service';
import { CreditAccount } from './entities/credit-account.entity';
import { CreditHold } from './entities/credit-hold.entity';
import { LedgerEntry } from './entities/ledger-entry.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CreditAccount, LedgerEntry, CreditHold])],
  providers: [CreditsService],
  exports: [CreditsService],
})
export class CreditsModule {}
