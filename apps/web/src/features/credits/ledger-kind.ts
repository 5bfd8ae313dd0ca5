import type { LedgerKind } from '@megicai/contracts';

export const LEDGER_KIND_LABELS: Record<LedgerKind, string> = {
  ad_reward: 'Ad reward',
  daily_reward: 'Daily reward',
  referral_bonus: 'Referral bonus',
  tool_spend: 'Tool run',
  tool_refund: 'Refund',
  creator_earning: 'Creator earning',
  admin_adjustment: 'Adjustment',
  signup_bonus: 'Signup bonus',
  premium_allowance: 'Premium allowance',
  purchase: 'Purchase',
  purchase_refund: 'Purchase refunded',
};
