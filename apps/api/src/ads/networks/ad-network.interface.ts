import type { AdCreative, AdNetworkId } from '@megicai/contracts';
import type { AdTierSetting } from '../entities/ad-tier.entity';

/** A source of ads the SPA can play. The server never trusts it: the session's clock decides the reward. */
export interface AdNetwork {
  readonly id: AdNetworkId;
  /** False when it lacks configuration; the house network is always available. */
  available(): boolean;
  /** What to play for this tier, and how many seconds the server requires before `complete` pays. */
  creativeFor(tier: AdTierSetting): Promise<{ creative: AdCreative; requiredSeconds: number }>;
}
