import type { AdTier, LedgerKind, ToolKind } from './enums';

/** The media queues that /admin/queues reports on. */
export const ADMIN_QUEUE_NAMES = ['image', 'audio', 'video'] as const;
export type AdminQueueName = (typeof ADMIN_QUEUE_NAMES)[number];

export const QUEUE_STATES = ['waiting', 'active', 'completed', 'failed', 'delayed'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

export interface AdminFailedJobView {
  id: string;
  error: string;
  attemptsMade: number;
  failedAt: string;
}

export interface AdminQueueView {
  name: AdminQueueName;
  counts: Record<QueueState, number>;
  /** The most recent jobs that failed for good (newest first, at most 20). */
  failedJobs: AdminFailedJobView[];
}

export interface AdminQueueRetryResult {
  name: AdminQueueName;
  retried: number;
}

/** PATCH /admin/tools/:id — credits as decimals; `offerCost: null` ends an offer. */
export interface AdminToolPatch {
  creditCost?: number;
  enabled?: boolean;
  premiumOnly?: boolean;
  offerCost?: number | null;
  offerStartsAt?: string | null;
  offerEndsAt?: string | null;
  providers?: string[];
}

export interface AnalyticsReport {
  from: string;
  to: string;
  dau: { date: string; users: number }[];
  ads: { started: number; completed: number; conversion: number; byTier: AdAnalyticsTier[] };
  credits: {
    earnedByKind: Partial<Record<LedgerKind, number>>;
    spentByKind: Partial<Record<LedgerKind, number>>;
    /** Credits spent on runs of each tool, net of refunds. */
    spentByTool: { toolId: string; name: string; credits: number }[];
  };
  runs: {
    byTool: { toolId: string; name: string; kind: ToolKind | null; runs: number; failed: number }[];
    byProvider: { provider: string; runs: number; failed: number }[];
  };
  providers: {
    provider: string;
    runs: number;
    latencyP50Ms: number | null;
    latencyP95Ms: number | null;
    errorRate: number;
  }[];
  cache: { hits: number; misses: number; hitRate: number };
  revenue: { estimatedAdRevenue: number; estimatedProviderCost: number; currency: 'USD' };
  /** One row per UTC day of the window (zeros included): the series the charts and the CSV show. */
  days: AnalyticsDay[];
}

export interface AnalyticsDay {
  date: string;
  dau: number;
  newUsers: number;
  adStarted: number;
  adCompleted: number;
  /** Credits (not milli-credits) earned and spent that day, every ledger kind. */
  creditsEarned: number;
  creditsSpent: number;
  runs: number;
  failedRuns: number;
  cacheHits: number;
  /** USD estimates, as in `revenue`. */
  adRevenue: number;
  providerCost: number;
  margin: number;
}

export interface AdAnalyticsTier {
  tier: AdTier;
  started: number;
  completed: number;
}
