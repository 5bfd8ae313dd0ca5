import type { AdTier } from './enums';

export const AdNetworkId = { House: 'house', GoogleAdManager: 'google-ad-manager' } as const;
export type AdNetworkId = (typeof AdNetworkId)[keyof typeof AdNetworkId];

/** GET /ads/offers item; `credits` in credits (decimals). */
export interface AdOffer {
  tier: AdTier;
  seconds: number;
  credits: number;
  remainingToday: number;
}

export type AdCreativeKind = 'video' | 'image' | 'html';

export interface HouseCreativeItem {
  id: string;
  kind: AdCreativeKind;
  title: string;
  /** A URL or a data: URL the SPA can show directly. */
  src: string;
  clickUrl: string;
  /** How long this item is shown before the next one of the chain. */
  seconds: number;
  /**
   * An interactive creative (kind `html`): `src` is the platform URL of its frame, played in an
   * `<iframe sandbox="allow-scripts">`; it reports `seen`/`engaged` by postMessage and the session needs it.
   */
  interactive?: boolean;
}

export type AdCreative =
  | { network: 'house'; items: HouseCreativeItem[] }
  | { network: 'google-ad-manager'; adUnitPath: string; scriptUrl: string };

export interface AdSessionView {
  sessionId: string;
  tier: AdTier;
  requiredSeconds: number;
  credits: number;
  /** The network that filled (the first of the waterfall until an impression says otherwise). */
  network: AdNetworkId;
  /** The waterfall, tried in order by the client; `house` always ends it. */
  networks: AdNetworkId[];
  /** The creative of the first network (`waterfall[0]`). */
  creative: AdCreative;
  /** One creative per network of `networks`, same order. */
  waterfall: AdCreative[];
  /** True when the house chain holds an interactive creative: `complete` then needs an `engaged` report. */
  needsEngagement: boolean;
  engaged: boolean;
  startedAt: string;
  expiresAt: string;
}

export interface AdCompleteResult {
  granted: number;
  balance: number;
}

export interface AdStatus {
  watchedToday: number;
  creditsToday: number;
  dailyCap: number;
  premium: boolean;
  activeSession?: AdSessionView;
}

export interface AdTierSettings {
  tier: AdTier;
  seconds: number;
  credits: number;
  dailyCap: number;
}

/** POST /ads/sessions/:id/impression: what one network of the waterfall did. */
export interface AdImpressionRequest {
  network: AdNetworkId;
  filled: boolean;
  creativeId?: string;
}

/** A tier's extra duration (admin). Credits as decimals. */
export interface AdTierOption {
  seconds: number;
  credits: number;
}

/** GET/PUT /admin/ads/networks. */
export interface AdNetworkSettings {
  networks: AdNetworkId[];
  /** Networks that have their configuration (the others are skipped). */
  available: AdNetworkId[];
}

export interface AdPerformanceRow {
  network: AdNetworkId;
  requests: number;
  filled: number;
  fillRate: number;
  /** Estimated USD, from the network's eCPM. */
  revenue: number;
}

export interface AdCreativePerformanceRow {
  network: AdNetworkId;
  creativeId: string | null;
  title: string | null;
  impressions: number;
  seconds: number;
  revenue: number;
}

/** GET /admin/ads/performance. */
export interface AdPerformanceReport {
  from: string;
  to: string;
  byNetwork: AdPerformanceRow[];
  byCreative: AdCreativePerformanceRow[];
  currency: 'USD';
}
