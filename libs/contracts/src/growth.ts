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

/** What a checkout sells: a premium plan (a subscription) or a credit pack (a one-off payment). */
export type CheckoutKind = 'plan' | 'pack';

export interface CheckoutSessionView {
  id: string;
  provider: string;
  kind: CheckoutKind;
  status: CheckoutStatus;
  /** Set when kind is `plan`. */
  plan: PremiumPlanView | null;
  /** Set when kind is `pack`: the pack as it was sold at checkout. */
  pack: CreditPackView | null;
  createdAt: string;
  completedAt: string | null;
}

/** The result of the offline demo provider's Pay button: the same event the webhook would get, applied. */
export interface DemoPaymentResult {
  eventId: string;
  /** The new end of premium after a plan checkout; null for a credit pack. */
  premiumUntil: string | null;
  /** The balance after the payment, in credits. */
  balance: number;
}

/** GET /credits/packs: a credit pack for sale. `price` in the currency's major unit (1.99). */
export interface CreditPackView {
  id: string;
  credits: number;
  price: number;
  currency: string;
}

/** The admin's view of a pack: inactive ones too, with their Stripe price when one is configured. */
export interface AdminCreditPackView extends CreditPackView {
  active: boolean;
  sortOrder: number;
  stripePriceId: string | null;
}

export interface PackCheckoutResult {
  sessionId: string;
  checkoutUrl: string;
}

/** POST /premium/portal: where the subscriber manages or cancels the subscription. */
export interface PortalResult {
  url: string;
}

export interface PaymentWebhookResult {
  received: true;
  /** True when this event id was already processed: nothing changed this time. */
  duplicate: boolean;
}
