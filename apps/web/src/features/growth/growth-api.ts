import type { LeaderboardBoard, LeaderboardPeriod } from '@megicai/contracts';
import type { Schema } from '@megicai/sdk';
import { data, isApiError, megicai } from '../../api';
import type { CreditPackView } from '../credits/credits-api';

export type CheckoutResult = Schema<'CheckoutResultDto'>;
export type DemoPaymentResult = Schema<'DemoPaymentResultDto'>;
export type PortalResult = Schema<'PortalResultDto'>;

export type LeaderboardView = Schema<'LeaderboardDto'>;
export type PremiumPlanView = Schema<'PremiumPlanDto'>;
export type CheckoutSessionView = Schema<'CheckoutSessionDto'>;

export const growthKeys = {
  leaderboard: (board: LeaderboardBoard, period: LeaderboardPeriod) => ['leaderboard', board, period] as const,
  plans: ['premium', 'plans'] as const,
  checkout: (id: string) => ['premium', 'checkout', id] as const,
};

export const growthApi = {
  leaderboard: (board: LeaderboardBoard, period: LeaderboardPeriod, signal?: AbortSignal) =>
    data(megicai.GET('/api/v1/leaderboard', { params: { query: { board, period, limit: 50 } }, signal })),
  plans: (signal?: AbortSignal) => data(megicai.GET('/api/v1/premium/plans', { signal })),
  checkout: (planId: string) => data(megicai.POST('/api/v1/premium/checkout', { body: { planId } })),
  session: (id: string, signal?: AbortSignal) =>
    data(megicai.GET('/api/v1/premium/checkout/{id}', { params: { path: { id } }, signal })),
  payDemo: (id: string) => data(megicai.POST('/api/v1/premium/checkout/{id}/pay', { params: { path: { id } } })),
  portal: () => data(megicai.POST('/api/v1/premium/portal')),
};

/**
 * Sends the browser to a provider's page. The offline demo's pages are this SPA's own (whatever public URL the API
 * was given): stay in the app. A real provider's page (Stripe Checkout, its portal) is elsewhere.
 */
export function goToProviderPage(target: string, navigate: (path: string) => unknown): void {
  const url = new URL(target, window.location.origin);
  const ownPage = /^\/premium\/(checkout\/[0-9a-f-]{36}|portal)$/.test(url.pathname);
  if (url.origin === window.location.origin || ownPage) void navigate(url.pathname + url.search);
  else window.location.assign(url.toString());
}

/** The SPA branches on the problem code: what a payment error means for the user. */
export function paymentErrorMessage(error: Error): string {
  if (isApiError(error) && error.code === 'payments_unavailable') {
    return 'Payments are unavailable right now. Please try again in a minute.';
  }
  if (isApiError(error) && error.code === 'no_subscription') return 'You have no subscription to manage.';
  return error.message;
}

const money = (currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency });

export function formatPrice(plan: Pick<PremiumPlanView, 'priceCents' | 'currency' | 'interval'>): string {
  return `${money(plan.currency).format(plan.priceCents / 100)} / ${plan.interval}`;
}

export function formatPackPrice(pack: Pick<CreditPackView, 'price' | 'currency'>): string {
  return money(pack.currency).format(pack.price);
}
