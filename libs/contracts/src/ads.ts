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
}

export type AdCreative =
  { network: 'house'; items: HouseCreativeItem[] } | { network: 'google-ad-manager'; adUnitPath: string };

export interface AdSessionView {
  sessionId: string;
  tier: AdTier;
  requiredSeconds: number;
  credits: number;
  network: AdNetworkId;
  creative: AdCreative;
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

/** What a 402 offers: the tier that covers the gap. */
export interface AdOfferHint {
  tier: AdTier;
  seconds: number;
  credits: number;
  remainingToday: number;
}
