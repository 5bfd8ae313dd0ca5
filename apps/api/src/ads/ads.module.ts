import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { adsConfig } from '../config/ads.config';
import { creditsConfig } from '../config/credits.config';
import { CreditsModule } from '../credits/credits.module';
import { ReferralsModule } from '../referrals/referrals.module';
import { UsersModule } from '../users/users.module';
import { AdRewardsService } from './ad-rewards.service';
import { AdTiersService } from './ad-tiers.service';
import { AdCallbacksController } from './callbacks/ad-callbacks.controller';
import { AdCallbacksService } from './callbacks/ad-callbacks.service';
import { AdmobKeysService } from './callbacks/admob-keys.service';
import { AdmobSsvVerifier } from './callbacks/admob-ssv.verifier';
import { HmacVerifier } from './callbacks/hmac.verifier';
import { AdsController } from './ads.controller';
import { AdsService } from './ads.service';
import { AdCallbackRecord } from './entities/ad-callback.entity';
import { AdCreativeRecord } from './entities/ad-creative.entity';
import { AdSession } from './entities/ad-session.entity';
import { AdTierSetting } from './entities/ad-tier.entity';
import { GoogleAdManagerNetwork } from './networks/google-ad-manager.network';
import { HouseNetwork } from './networks/house.network';
import { IdempotencyModule } from '../common/idempotency/idempotency.module';

/** Rewarded ads. Exports AdsService (offers, `offerFor` for a 402) and AdTiersService (admin edits). */
@Module({
  imports: [
    IdempotencyModule,
    ConfigModule.forFeature(adsConfig),
    ConfigModule.forFeature(creditsConfig),
    TypeOrmModule.forFeature([AdTierSetting, AdCreativeRecord, AdSession, AdCallbackRecord]),
    CreditsModule,
    UsersModule,
    ReferralsModule,
  ],
  controllers: [AdsController, AdCallbacksController],
  providers: [
    AdsService,
    AdTiersService,
    AdRewardsService,
    HouseNetwork,
    GoogleAdManagerNetwork,
    AdCallbacksService,
    AdmobKeysService,
    AdmobSsvVerifier,
    HmacVerifier,
  ],
  exports: [AdsService, AdTiersService],
})
export class AdsModule {}
