/** Plain `as const` objects rather than TS enums, so that the SPA bundle gets plain strings. */
export const Role = { User: 'user', Admin: 'admin' } as const;
export type Role = (typeof Role)[keyof typeof Role];

export const ToolKind = { Text: 'text', Image: 'image', Audio: 'audio', Video: 'video' } as const;
export type ToolKind = (typeof ToolKind)[keyof typeof ToolKind];
export const TOOL_KINDS: readonly ToolKind[] = Object.values(ToolKind);

export const JobStatus = {
  Queued: 'queued',
  Running: 'running',
  Succeeded: 'succeeded',
  Failed: 'failed',
  Canceled: 'canceled',
} as const;
export type JobStatus = (typeof JobStatus)[keyof typeof JobStatus];

export const LedgerKind = {
  AdReward: 'ad_reward',
  DailyReward: 'daily_reward',
  ReferralBonus: 'referral_bonus',
  ToolSpend: 'tool_spend',
  ToolRefund: 'tool_refund',
  CreatorEarning: 'creator_earning',
  AdminAdjustment: 'admin_adjustment',
  SignupBonus: 'signup_bonus',
  PremiumAllowance: 'premium_allowance',
  Purchase: 'purchase',
  /** A refunded credit pack takes back what is left of its credits (never below zero). */
  PurchaseRefund: 'purchase_refund',
} as const;
export type LedgerKind = (typeof LedgerKind)[keyof typeof LedgerKind];
export const LEDGER_KINDS: readonly LedgerKind[] = Object.values(LedgerKind);

export const AdTier = { Text: 'text', Image: 'image', Video: 'video' } as const;
export type AdTier = (typeof AdTier)[keyof typeof AdTier];
export const AD_TIERS: readonly AdTier[] = Object.values(AdTier);

export const ApiKeyScope = { Read: 'read', Run: 'run', Credits: 'credits', Marketplace: 'marketplace' } as const;
export type ApiKeyScope = (typeof ApiKeyScope)[keyof typeof ApiKeyScope];
export const API_KEY_SCOPES: readonly ApiKeyScope[] = Object.values(ApiKeyScope);
