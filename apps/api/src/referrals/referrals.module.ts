import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { creditsConfig } from '../config/credits.config';
import { referralsConfig } from '../config/referrals.config';
import { CreditsModule } from '../credits/credits.module';
import { UsersModule } from '../users/users.module';
import { ReferralBonusService } from './referral-bonus.service';
import { ReferralsController } from './referrals.controller';
import { ReferralsService } from './referrals.service';

/** Exports ReferralBonusService: email verification and ad completions pay the bonus through it. */
@Module({
  imports: [
    ConfigModule.forFeature(referralsConfig),
    ConfigModule.forFeature(creditsConfig),
    UsersModule,
    CreditsModule,
  ],
  controllers: [ReferralsController],
  providers: [ReferralsService, ReferralBonusService],
  exports: [ReferralBonusService],
})
export class ReferralsModule {}
