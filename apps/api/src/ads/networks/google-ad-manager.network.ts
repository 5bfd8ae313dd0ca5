import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { AdCreative } from '@megicai/contracts';
import { adsConfig } from '../../config/ads.config';
import type { AdTierSetting } from '../entities/ad-tier.entity';
import type { AdNetwork, StoredCreative } from './ad-network.interface';

/**
 * Google Ad Manager rewarded ads for the web (GPT `OutOfPageFormat.REWARDED`). The SPA loads GPT and calls `complete`
 * on `rewardedSlotGranted`; GAM sends no server callback, so the server only records the network and still keeps its
 * own clock (the tier's seconds, as for house ads) before it pays.
 */
@Injectable()
export class GoogleAdManagerNetwork implements AdNetwork {
  readonly id = 'google-ad-manager' as const;

  constructor(@Inject(adsConfig.KEY) private readonly cfg: ConfigType<typeof adsConfig>) {}

  available(): boolean {
    return Boolean(this.cfg.gamAdUnitPath);
  }

  async creativeFor(tier: AdTierSetting): Promise<{ creative: StoredCreative; requiredSeconds: number }> {
    return {
      creative: { network: 'google-ad-manager', adUnitPath: this.cfg.gamAdUnitPath ?? '' },
      requiredSeconds: tier.seconds,
    };
  }

  async present(creative: StoredCreative): Promise<AdCreative> {
    return creative as AdCreative;
  }
}
