import type {
  CheckoutResult,
  CheckoutSessionView,
  DemoPaymentResult,
  LeaderboardBoard,
  LeaderboardPeriod,
  LeaderboardView,
  PremiumPlanView,
} from '@megicai/contracts';
import { api } from '../../api';

export const growthKeys = {
  leaderboard: (board: LeaderboardBoard, period: LeaderboardPeriod) => ['leaderboard', board, period] as const,
  plans: ['premium', 'plans'] as const,
  checkout: (id: string) => ['premium', 'checkout', id] as const,
};

export const growthApi = {
  leaderboard: (board: LeaderboardBoard, period: LeaderboardPeriod, signal?: AbortSignal) =>
    api.get<LeaderboardView>('/leaderboard', { query: { board, period, limit: 50 }, signal }),
  plans: (signal?: AbortSignal) => api.get<PremiumPlanView[]>('/premium/plans', { signal }),
  checkout: (planId: string) => api.post<CheckoutResult>('/premium/checkout', { planId }),
  session: (id: string, signal?: AbortSignal) =>
    api.get<CheckoutSessionView>(`/premium/checkout/${encodeURIComponent(id)}`, { signal }),
  payDemo: (id: string) => api.post<DemoPaymentResult>(`/premium/checkout/${encodeURIComponent(id)}/pay`),
};

const money = (currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency });

export function formatPrice(plan: Pick<PremiumPlanView, 'priceCents' | 'currency' | 'interval'>): string {
  return `${money(plan.currency).format(plan.priceCents / 100)} / ${plan.interval}`;
}
