import { registerAs } from '@nestjs/config';
import { IsInt, IsNumber, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config';

/** Rewarded ads: which web network plays, caps, and the keys that S2S callbacks are verified with. */
export class AdsConfig {
  /**
   * The default waterfall, comma-separated, tried in order by the SPA (admins can change it at run time); a network
   * that lacks its configuration is skipped and `house` always ends the list, so a user always gets an ad.
   */
  @Matches(/^(house|google-ad-manager)(,(house|google-ad-manager))*$/)
  networks: string = 'google-ad-manager,house';

  /** Where the SPA loads Google Publisher Tag from (tests serve a local stand-in). */
  @IsUrl({ require_tld: false })
  gamScriptUrl: string = 'https://securepubads.g.doubleclick.net/tag/js/gpt.js';

  /** Estimated revenue per 1000 filled impressions, in USD, per network (admin analytics). */
  @IsNumber()
  @Min(0)
  ecpmGam: number = 8;

  @IsNumber()
  @Min(0)
  ecpmHouse: number = 0.5;

  /** GPT rewarded ad unit path, e.g. `/1234567/megicai_rewarded`. */
  @IsOptional()
  @IsString()
  gamAdUnitPath?: string;

  /** How long after the required seconds a session can still be claimed. */
  @IsInt()
  @Min(10)
  sessionGraceSeconds: number = 600;

  /** Completed ads per client address per UTC day, across users: generous, since many people share one NAT. */
  @IsInt()
  @Min(1)
  addressDailyCap: number = 300;

  /** AdMob SSV verifier keys: where to fetch them, or the JSON itself (`{"keys":[{"keyId","pem"}]}`, tests). */
  @IsUrl({ require_tld: false })
  admobKeysUrl: string = 'https://www.gstatic.com/admob/reward/verifier-keys.json';

  @IsOptional()
  @IsString()
  admobKeysJson?: string;

  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  admobKeysCacheSeconds: number = 24 * 3600;

  /** Shared secret of the HMAC-SHA256 callback network; callbacks of that network are refused while it is unset. */
  @IsOptional()
  @IsString()
  hmacSecret?: string;
}

export const adsConfig = registerAs('ads', () =>
  validateConfig('ads', AdsConfig, {
    networks: process.env.ADS_NETWORKS?.replace(/\s+/g, ''),
    gamScriptUrl: process.env.ADS_GAM_SCRIPT_URL,
    ecpmGam: process.env.ADS_ECPM_GAM,
    ecpmHouse: process.env.ADS_ECPM_HOUSE,
    gamAdUnitPath: process.env.ADS_GAM_AD_UNIT_PATH,
    sessionGraceSeconds: process.env.ADS_SESSION_GRACE_SECONDS,
    addressDailyCap: process.env.ADS_ADDRESS_DAILY_CAP,
    admobKeysUrl: process.env.ADS_ADMOB_KEYS_URL,
    admobKeysJson: process.env.ADS_ADMOB_KEYS_JSON,
    admobKeysCacheSeconds: process.env.ADS_ADMOB_KEYS_CACHE_SECONDS,
    hmacSecret: process.env.ADS_HMAC_SECRET,
  }),
);
