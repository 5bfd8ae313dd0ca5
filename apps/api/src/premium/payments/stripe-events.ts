import { isUUID } from 'class-validator';
import type Stripe from 'stripe';
import type { PaymentEvent } from './payment-provider';

type Expandable = string | { id: string } | null | undefined;

/**
 * Reduces a verified Stripe event to the platform's PaymentEvent. Only the types the platform acts on are read;
 * every other type is recorded and ignored (Stripe sends whatever the endpoint subscribes to).
 */
export function normalizeStripeEvent(event: Stripe.Event): PaymentEvent {
  const ignored: PaymentEvent = { id: event.id, type: 'ignored', providerType: event.type };
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object;
      // A delayed payment method completes the checkout unpaid: async_payment_succeeded follows when it is paid.
      if (session.payment_status === 'unpaid') return ignored;
      const sessionId = session.client_reference_id ?? session.metadata?.sessionId;
      // Checkouts we did not open (payment links, the dashboard) carry no id of ours.
      if (!sessionId || !isUUID(sessionId)) return ignored;
      return {
        id: event.id,
        type: 'checkout.completed',
        sessionId,
        customerId: idOf(session.customer),
        subscriptionId: idOf(session.subscription),
        invoiceId: idOf(session.invoice),
        paymentIntentId: idOf(session.payment_intent),
      };
    }
    case 'invoice.paid': {
      const invoice = event.data.object;
      const details = invoice.parent?.subscription_details;
      const subscriptionId = idOf(details?.subscription);
      if (!invoice.id || !subscriptionId) return ignored;
      return {
        id: event.id,
        type: 'invoice.paid',
        invoiceId: invoice.id,
        subscriptionId,
        customerId: idOf(invoice.customer),
        metadata: { ...(details?.metadata ?? {}) },
      };
    }
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted': {
      const subscription = event.data.object;
      return {
        id: event.id,
        type: 'subscription.updated',
        subscriptionId: subscription.id,
        cancelAtPeriodEnd: subscription.cancel_at_period_end,
        canceled: event.type === 'customer.subscription.deleted' || subscription.status === 'canceled',
      };
    }
    case 'charge.refunded': {
      const charge = event.data.object;
      const paymentIntentId = idOf(charge.payment_intent);
      if (!paymentIntentId) return ignored;
      return {
        id: event.id,
        type: 'charge.refunded',
        paymentIntentId,
        amountCents: charge.amount,
        refundedCents: charge.amount_refunded,
      };
    }
    default:
      return ignored;
  }
}

function idOf(value: Expandable): string | undefined {
  if (!value) return undefined;
  return typeof value === 'string' ? value : value.id;
}
