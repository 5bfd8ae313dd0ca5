/** GET /leaderboard: `week` and `month` are rolling windows (the last 7 and 30 days), `all` is all time. */
export const LEADERBOARD_PERIODS = ['week', 'month', 'all'] as const;
export type LeaderboardPeriod = (typeof LEADERBOARD_PERIODS)[number];

/**
 * `referrers`: accounts registered with the user's referral code in the period.
 * `creators`: marketplace creator earnings in the period, in credits.
 */
export const LEADERBOARD_BOARDS = ['referrers', 'creators'] as const;
export type LeaderboardBoard = (typeof LEADERBOARD_BOARDS)[number];

export interface LeaderboardEntry {
  /** Competition ranking: equal values share a rank, the next rank skips (1, 2, 2, 4). */
  rank: number;
  userId: string;
  displayName: string;
  value: number;
}

export interface LeaderboardView {
  period: LeaderboardPeriod;
  board: LeaderboardBoard;
  /** Start of the window (ISO-8601), null for `all`. */
  since: string | null;
  entries: LeaderboardEntry[];
}

export type PremiumInterval = 'month' | 'year';

export interface PremiumPlanView {
  id: string;
  name: string;
  priceCents: number;
  currency: string;
  interval: PremiumInterval;
  /** Credits granted as a `premium_allowance` with every paid period. */
  allowanceCredits: number;
  features: string[];
}

export interface CheckoutRequest {
  planId: string;
}

export interface CheckoutResult {
  sessionId: string;
  checkoutUrl: string;
}

export type CheckoutStatus = 'open' | 'completed';

export interface CheckoutSessionView {
  id: string;
  provider: string;
  status: CheckoutStatus;
  plan: PremiumPlanView;
  createdAt: string;
  completedAt: string | null;
}

/** The result of the offline demo provider's Pay button: the same event the webhook would get, applied. */
export interface DemoPaymentResult {
  eventId: string;
  premiumUntil: string;
}

export interface PaymentWebhookResult {
  received: true;
  /** True when this event id was already processed: nothing changed this time. */
  duplicate: boolean;
}
