import type { LedgerKind } from './enums';

/** GET /credits: amounts in credits (decimals, at most 3). */
export interface CreditsSummary {
  balance: number;
  earnedToday: number;
  spentToday: number;
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

export interface AdminCreditAdjustmentRequest {
  /** Credits, at most 3 decimals; negative takes credits (never below zero). */
  delta: number;
  reason: string;
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
