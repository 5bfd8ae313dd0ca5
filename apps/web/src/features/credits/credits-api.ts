import type { Schema } from '@megicai/sdk';
import type { QueryClient } from '@tanstack/react-query';
import { data, megicai } from '../../api';
import { refreshMe } from '../auth/use-me';

export type CreditsSummary = Schema<'CreditsSummaryDto'>;
export type ReferralsView = Schema<'ReferralsDto'>;
export type AdminCreditPackView = Schema<'AdminCreditPackDto'>;

export type LedgerEntryView = Schema<'LedgerEntryDto'>;
export type DailyRewardResult = Schema<'DailyRewardDto'>;
export type CreditPackView = Schema<'CreditPackDto'>;

export const creditsKeys = {
  all: ['credits'] as const,
  summary: ['credits', 'summary'] as const,
  ledger: ['credits', 'ledger'] as const,
  referrals: ['credits', 'referrals'] as const,
  packs: ['credits', 'packs'] as const,
};

export const creditsApi = {
  summary: (signal?: AbortSignal) => data(megicai.GET('/api/v1/credits', { signal })),
  ledger: (cursor: string | undefined, signal?: AbortSignal) =>
    data(megicai.GET('/api/v1/credits/ledger', { params: { query: { limit: 20, cursor } }, signal })),
  claimDailyReward: (idempotencyKey: string) =>
    data(megicai.POST('/api/v1/credits/daily-reward', { params: { header: { 'Idempotency-Key': idempotencyKey } } })),
  referrals: (signal?: AbortSignal) => data(megicai.GET('/api/v1/referrals', { signal })),
  packs: (signal?: AbortSignal) => data(megicai.GET('/api/v1/credits/packs', { signal })),
  checkoutPack: (id: string, idempotencyKey: string) =>
    data(
      megicai.POST('/api/v1/credits/packs/{id}/checkout', {
        params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } },
      }),
    ),
};

/** After any credit movement: the header balance (`/me`), the summary, the ledger and the ad counters follow. */
export async function afterCreditChange(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    refreshMe(queryClient),
    queryClient.invalidateQueries({ queryKey: creditsKeys.all }),
    queryClient.invalidateQueries({ queryKey: ['ads'] }),
  ]);
}
