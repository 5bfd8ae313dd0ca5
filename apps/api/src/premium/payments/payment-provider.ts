import type { PremiumInterval } from '@megicai/contracts';

export const PAYMENT_PROVIDER = Symbol('PAYMENT_PROVIDER');

/** What a checkout sells, as the provider needs it to show a price. */
export interface CheckoutItem {
  name: string;
  amountCents: number;
  currency: string;
  /** Set for a plan (a subscription renewing every interval); absent for a one-off payment (a credit pack). */
  interval?: PremiumInterval;
  /** The provider's own price id, when one is configured; otherwise the price is sent inline. */
  providerPriceId?: string | null;
}

export interface CheckoutInput {
  /** Our checkout session id: the provider gives it back with the completed event. */
  sessionId: string;
  userId: string;
  email: string;
  /** The provider's customer of this user, when one was remembered. */
  customerId: string | null;
  item: CheckoutItem;
  /** Where the provider sends the user back after paying, or after giving up. */
  successUrl: string;
  cancelUrl: string;
  /** Ours, e.g. the plan id of a subscription: the provider repeats it on the subscription's invoices. */
  metadata: Record<string, string>;
}

export interface CheckoutOpened {
  checkoutUrl: string;
  /** The provider's id of the hosted checkout (Stripe's `cs_…`), when it has one. */
  providerSessionId?: string;
  /** The customer the provider made for this user, to remember for the next checkout and the portal. */
  customerId?: string;
}

/**
 * A provider's webhook event, reduced to what the platform acts on. Every provider (and the offline demo) produces
 * these, so one code path applies them.
 */
export type PaymentEvent = { id: string } & (
  | {
      type: 'checkout.completed';
      sessionId: string;
      customerId?: string;
      /** Set when the checkout started a subscription; its first invoice pays the first period. */
      subscriptionId?: string;
      invoiceId?: string;
      /** Set for a one-off payment: refunds name it. */
      paymentIntentId?: string;
    }
  | {
      type: 'invoice.paid';
      invoiceId: string;
      subscriptionId: string;
      customerId?: string;
      /** Ours, repeated from the subscription (lets an invoice that arrives before its checkout be applied). */
      metadata: Record<string, string>;
    }
  | { type: 'subscription.updated'; subscriptionId: string; cancelAtPeriodEnd: boolean; canceled: boolean }
  | { type: 'charge.refunded'; paymentIntentId: string; amountCents: number; refundedCents: number }
  | { type: 'ignored'; providerType: string }
);

/** A verified webhook delivery: the normalized event and the provider's own type, recorded as received. */
export interface VerifiedEvent {
  event: PaymentEvent;
  providerType: string;
}

/**
 * A payment provider opens hosted checkouts and customer portals; it reports outcomes later through the signed
 * webhook (`POST /webhooks/payments`), which it verifies and normalizes itself.
 */
export interface PaymentProvider {
  readonly id: string;
  /** True for a provider whose payment is simulated (the SPA's demo Pay button may complete it). */
  readonly demo: boolean;
  createCheckout(input: CheckoutInput): Promise<CheckoutOpened>;
  /** The customer portal's URL (the service checks first that the user has something to manage). */
  createPortal(input: { customerId: string | null; returnUrl: string }): Promise<string>;
  /** Checks the signature over the exact bytes; throws PaymentsException(invalid_webhook_signature) otherwise. */
  verifyWebhook(rawBody: Buffer | undefined, headers: Record<string, string | string[] | undefined>): VerifiedEvent;
}
