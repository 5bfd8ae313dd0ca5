import type {
  CheckoutResult,
  CreditPackView,
  CreditsSummary,
  DailyRewardResult,
  LedgerEntryView,
  Page,
  ReferralsView,
} from '@megicai/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { refreshMe } from '../auth/use-me';

export const creditsKeys = {
  all: ['credits'] as const,
  summary: ['credits', 'summary'] as const,
  ledger: ['credits', 'ledger'] as const,
  referrals: ['credits', 'referrals'] as const,
  packs: ['credits', 'packs'] as const,
};

export const creditsApi = {
  summary: (signal?: AbortSignal) => api.get<CreditsSummary>('/credits', { signal }),
  ledger: (cursor: string | undefined, signal?: AbortSignal) =>
    api.get<Page<LedgerEntryView>>('/credits/ledger', { query: { limit: 20, cursor }, signal }),
  claimDailyReward: (idempotencyKey: string) =>
    api.post<DailyRewardResult>('/credits/daily-reward', undefined, { idempotencyKey }),
  referrals: (signal?: AbortSignal) => api.get<ReferralsView>('/referrals', { signal }),
  packs: (signal?: AbortSignal) => api.get<CreditPackView[]>('/credits/packs', { signal }),
  checkoutPack: (packId: string, idempotencyKey: string) =>
    api.post<CheckoutResult>(`/credits/packs/${encodeURIComponent(packId)}/checkout`, undefined, { idempotencyKey }),
};

/** After any credit movement: the header balance (`/me`), the summary, the ledger and the ad counters follow. */
export async function afterCreditChange(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    refreshMe(queryClient),
    queryClient.invalidateQueries({ queryKey: creditsKeys.all }),
    queryClient.invalidateQueries({ queryKey: ['ads'] }),
  ]);
}
