import type { PremiumPlan } from '../entities/premium-plan.entity';

export const PAYMENT_PROVIDER = Symbol('PAYMENT_PROVIDER');

export interface CheckoutInput {
  sessionId: string;
  userId: string;
  plan: PremiumPlan;
}

/**
 * A payment provider opens hosted checkouts; it reports the outcome later through the signed webhook
 * (`POST /webhooks/payments`, a `checkout.completed` event whose `data.sessionId` is ours).
 */
export interface PaymentProvider {
  readonly id: string;
  /** True for a provider whose payment is simulated (the SPA's demo Pay button may complete it). */
  readonly demo: boolean;
  createCheckout(input: CheckoutInput): Promise<{ checkoutUrl: string }>;
}
