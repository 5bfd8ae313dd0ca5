import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AnalyticsEventsModule } from '../analytics-events/analytics-events.module';
import { adsConfig } from '../config/ads.config';
import { creditsConfig } from '../config/credits.config';
import { CreditsModule } from '../credits/credits.module';
import { ReferralsModule } from '../referrals/referrals.module';
import { UsersModule } from '../users/users.module';
import { AdCreativesController } from './ad-creatives.controller';
import { AdImpressionsService } from './ad-impressions.service';
import { AdRewardsService } from './ad-rewards.service';
import { AdTiersService } from './ad-tiers.service';
import { AdWaterfallService } from './ad-waterfall.service';
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
import { AdTierOptionRecord } from './entities/ad-tier-option.entity';
import { AdTierSetting } from './entities/ad-tier.entity';
import { GoogleAdManagerNetwork } from './networks/google-ad-manager.network';
import { HouseNetwork } from './networks/house.network';
import { IdempotencyModule } from '../common/idempotency/idempotency.module';
import { StorageModule } from '../storage/storage.module';
import { AdCreativesService } from './creatives/ad-creatives.service';

/**
 * Rewarded ads. Exports AdsService (offers, `offerFor` for a 402), and for the admin: AdTiersService (tiers and
 * durations), AdWaterfallService (the network order), AdImpressionsService (fill rate and revenue) and
 * AdCreativesService (house creatives and their uploads).
 */
@Module({
  imports: [
    AnalyticsEventsModule,
    IdempotencyModule,
    ConfigModule.forFeature(adsConfig),
    ConfigModule.forFeature(creditsConfig),
    TypeOrmModule.forFeature([AdTierSetting, AdTierOptionRecord, AdCreativeRecord, AdSession, AdCallbackRecord]),
    CreditsModule,
    UsersModule,
    ReferralsModule,
    StorageModule,
  ],
  controllers: [AdsController, AdCreativesController, AdCallbacksController],
  providers: [
    AdsService,
    AdTiersService,
    AdWaterfallService,
    AdImpressionsService,
    AdRewardsService,
    HouseNetwork,
    AdCreativesService,
    GoogleAdManagerNetwork,
    AdCallbacksService,
    AdmobKeysService,
    AdmobSsvVerifier,
    HmacVerifier,
  ],
  exports: [AdsService, AdTiersService, AdWaterfallService, AdImpressionsService, AdCreativesService],
})
export class AdsModule {}
