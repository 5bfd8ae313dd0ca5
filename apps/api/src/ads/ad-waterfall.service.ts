import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type AdNetworkId, type AdNetworkSettings, type AdSessionView, toCredits } from '@megicai/contracts';
import { adsConfig } from '../config/ads.config';
import type { AdSession } from './entities/ad-session.entity';
import type { AdNetwork, AdRequest, StoredCreative } from './networks/ad-network.interface';
import { GoogleAdManagerNetwork } from './networks/google-ad-manager.network';
import { HouseNetwork } from './networks/house.network';

const SETTING = 'networks';

export interface Waterfall {
  networks: AdNetworkId[];
  creatives: StoredCreative[];
  needsEngagement: boolean;
}

/**
 * The ordered list of networks a session's client tries: the admin's setting (`ad_settings`), else ADS_NETWORKS.
 * Networks lacking configuration are skipped and `house` always ends the list, so that a user always gets an ad.
 */
@Injectable()
export class AdWaterfallService {
  private readonly all: AdNetwork[];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(adsConfig.KEY) private readonly cfg: ConfigType<typeof adsConfig>,
    private readonly house: HouseNetwork,
    gam: GoogleAdManagerNetwork,
  ) {
    this.all = [house, gam];
  }

  async settings(): Promise<AdNetworkSettings> {
    const rows: { value: AdNetworkId[] }[] = await this.dataSource.query(
      `SELECT value FROM ad_settings WHERE key = $1`,
      [SETTING],
    );
    const networks = rows[0]?.value ?? (this.cfg.networks.split(',') as AdNetworkId[]);
    return { networks, available: this.all.filter((n) => n.available()).map((n) => n.id) };
  }

  /** Saves the admin's order; returns it before and after, for the audit log. */
  async setOrder(networks: AdNetworkId[]): Promise<{ before: AdNetworkSettings; after: AdNetworkSettings }> {
    const before = await this.settings();
    await this.dataSource.query(
      `INSERT INTO ad_settings (key, value) VALUES ($1, $2::jsonb)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [SETTING, JSON.stringify([...new Set(networks)])],
    );
    return { before, after: await this.settings() };
  }

  /** The waterfall for a new session; `prefer` puts one network first. */
  async build(request: AdRequest, prefer?: AdNetworkId): Promise<Waterfall> {
    const { networks: order, available } = await this.settings();
    const wanted = [...(prefer ? [prefer] : []), ...order, 'house' as const];
    const networks = [...new Set(wanted)].filter((id) => available.includes(id));
    // House ends the list: whatever comes after it would never be tried.
    networks.splice(networks.indexOf('house') + 1);
    const creatives = await Promise.all(networks.map((id) => this.network(id).creativeFor(request)));
    const needsEngagement = creatives.some((c) => c.network === 'house' && c.items.some((i) => i.interactive));
    return { networks, creatives, needsEngagement };
  }

  available(id: AdNetworkId): boolean {
    return this.network(id).available();
  }

  frameMarkup(creativeId: string): Promise<string | null> {
    return this.house.frameMarkup(creativeId);
  }

  async view(s: AdSession): Promise<AdSessionView> {
    // Sessions from before the waterfall kept one creative object, not a list.
    const stored = Array.isArray(s.creative) ? s.creative : [s.creative];
    const waterfall = await Promise.all(stored.map((c: StoredCreative) => this.network(c.network).present(c)));
    return {
      sessionId: s.id,
      tier: s.tier,
      requiredSeconds: s.requiredSeconds,
      credits: toCredits(s.credits),
      network: s.network,
      networks: s.networks,
      creative: waterfall[0],
      waterfall,
      needsEngagement: s.needsEngagement,
      engaged: s.engagedAt !== null,
      startedAt: s.startedAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
    };
  }

  private network(id: AdNetworkId): AdNetwork {
    return this.all.find((n) => n.id === id) ?? this.house;
  }
}
