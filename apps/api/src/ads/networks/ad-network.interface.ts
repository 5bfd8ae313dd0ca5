import type { AdCreative, AdNetworkId } from '@megicai/contracts';
import type { AdTierSetting } from '../entities/ad-tier.entity';

/**
 * What a session row keeps of its creative: references only (house creative ids and how long each shows), so that a
 * session stays a few hundred bytes whatever the creatives weigh. `present` turns it into what the SPA plays.
 */
export type StoredCreative =
  { network: 'house'; items: { id: string; seconds: number }[] } | { network: 'google-ad-manager'; adUnitPath: string };

/** A source of ads the SPA can play. The server never trusts it: the session's clock decides the reward. */
export interface AdNetwork {
  readonly id: AdNetworkId;
  /** False when it lacks configuration; the house network is always available. */
  available(): boolean;
  /** What to play for this tier, and how many seconds the server requires before `complete` pays. */
  creativeFor(tier: AdTierSetting): Promise<{ creative: StoredCreative; requiredSeconds: number }>;
  present(creative: StoredCreative): Promise<AdCreative>;
}
