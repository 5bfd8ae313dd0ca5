import type { AdCreative, AdNetworkId } from '@megicai/contracts';

/**
 * What a session row keeps of its creative: references only (house creative ids and how long each shows), so that a
 * session stays a few hundred bytes whatever the creatives weigh. `present` turns it into what the SPA plays.
 */
export type StoredCreative =
  | { network: 'house'; items: { id: string; seconds: number; interactive?: boolean }[] }
  | { network: 'google-ad-manager'; adUnitPath: string };

/** What a network is asked for: the seconds to fill, and whether the client can play interactive creatives. */
export interface AdRequest {
  seconds: number;
  interactive: boolean;
}

/** A source of ads the SPA can play. The server never trusts it: the session's clock decides the reward. */
export interface AdNetwork {
  readonly id: AdNetworkId;
  /** False when it lacks configuration; the house network is always available. */
  available(): boolean;
  /** What to play for these seconds. */
  creativeFor(request: AdRequest): Promise<StoredCreative>;
  present(creative: StoredCreative): Promise<AdCreative>;
}
