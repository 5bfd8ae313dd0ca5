import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { AdCreative } from '@megicai/contracts';
import { adsConfig } from '../../config/ads.config';
import type { AdNetwork, StoredCreative } from './ad-network.interface';

/**
 * Google Ad Manager rewarded ads for the web (GPT `OutOfPageFormat.REWARDED`). The SPA loads GPT from `gamScriptUrl`
 * and calls `complete` on `rewardedSlotGranted`; GAM sends no server callback, so the server only records the network
 * and still keeps its own clock (the chosen duration, as for house ads) before it pays.
 */
@Injectable()
export class GoogleAdManagerNetwork implements AdNetwork {
  readonly id = 'google-ad-manager' as const;

  constructor(@Inject(adsConfig.KEY) private readonly cfg: ConfigType<typeof adsConfig>) {}

  available(): boolean {
    return Boolean(this.cfg.gamAdUnitPath);
  }

  async creativeFor(): Promise<StoredCreative> {
    return { network: 'google-ad-manager', adUnitPath: this.cfg.gamAdUnitPath ?? '' };
  }

  async present(creative: StoredCreative): Promise<AdCreative> {
    if (creative.network !== 'google-ad-manager') throw new Error(`not a GAM creative: ${creative.network}`);
    // The script URL is read when presented, so a changed configuration applies to open sessions too.
    return { network: 'google-ad-manager', adUnitPath: creative.adUnitPath, scriptUrl: this.cfg.gamScriptUrl };
  }
}
