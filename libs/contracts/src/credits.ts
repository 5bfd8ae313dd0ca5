import type { LedgerKind } from './enums';

/** GET /credits: amounts in credits (decimals, at most 3). */
export interface CreditsSummary {
  balance: number;
  earnedToday: number;
  spentToday: number;
  /** True once today's (UTC) daily reward was claimed. */
  dailyRewardClaimedToday: boolean;
  /** When the daily reward can next be claimed: now when it is available, else the next 00:00 UTC. */
  nextDailyRewardAt: string;
}

export interface LedgerReference {
  type: string;
  id: string;
}

export interface LedgerEntryView {
  id: string;
  /** Positive for a grant, negative for a spend. */
  delta: number;
  balanceAfter: number;
  kind: LedgerKind;
  reference: LedgerReference | null;
  /** The caller's job that a `tool_spend` or `tool_refund` belongs to; null for other kinds. */
  jobId: string | null;
  createdAt: string;
}

export interface DailyRewardResult {
  granted: number;
  balance: number;
  /** Consecutive UTC days claimed, today included. */
  streak: number;
}

export interface ReferralsView {
  code: string;
  link: string;
  invited: number;
  bonusEarned: number;
}

export interface AdminCreditAdjustmentResult {
  entryId: string;
  delta: number;
  balance: number;
}

export interface AuditLogEntryView {
  id: string;
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  details: Record<string, unknown>;
  createdAt: string;
}

/** PUT /me/limits: credits (at most 3 decimals); null removes the cap or alert, an omitted field stays as it is. */
export interface SpendLimitsUpdate {
  dailyCreditCap?: number | null;
  monthlyCreditCap?: number | null;
  lowBalanceAlert?: number | null;
}

/** GET /me/limits: the caps, what runs spent against them (UTC day and month, net of refunds), and the alert state. */
export interface SpendLimitsView {
  dailyCreditCap: number | null;
  monthlyCreditCap: number | null;
  lowBalanceAlert: number | null;
  spentToday: number;
  spentThisMonth: number;
  balance: number;
  /** true when the balance is below `lowBalanceAlert`. */
  lowBalance: boolean;
  dailyResetsAt: string;
  monthlyResetsAt: string;
}

/** A cheaper tool of the same kind that the caller can still afford, listed on a credits 402 (`alternatives`). */
export interface ToolAlternative {
  toolId: string;
  name: string;
  cost: number;
}

/** Which cap refused a run (`scope` of a `spend_cap_reached` 402). */
export type SpendCapScope = 'daily' | 'monthly' | 'key';
