import { Logger } from '@nestjs/common';
import Stripe from 'stripe';
import { PaymentsException } from '../payments.exception';
import type { CheckoutInput, CheckoutOpened, PaymentProvider, VerifiedEvent } from './payment-provider';
import { normalizeStripeEvent } from './stripe-events';

export const STRIPE_SIGNATURE_HEADER = 'stripe-signature';

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  toleranceSeconds: number;
  /** Only where a local server stands in for Stripe: the SDK's host, port and protocol come from it. */
  apiBase?: string;
}

/**
 * Stripe Checkout through the official SDK: `subscription` mode for plans, `payment` mode for credit packs, the
 * billing portal for subscribers, and `Stripe-Signature` checked by the SDK over the raw body.
 */
export class StripePaymentProvider implements PaymentProvider {
  readonly id = 'stripe';
  readonly demo = false;
  private readonly logger = new Logger(StripePaymentProvider.name);
  private readonly stripe: Stripe;

  constructor(private readonly settings: StripeSettings) {
    this.stripe = new Stripe(settings.secretKey, {
      maxNetworkRetries: 1,
      timeout: 15_000,
      telemetry: false,
      ...hostOptions(settings.apiBase),
    });
  }

  async createCheckout(input: CheckoutInput): Promise<CheckoutOpened> {
    const { item } = input;
    return this.call('checkout', async () => {
      // One customer per user: the idempotency key makes two racing first checkouts create one.
      const customerId =
        input.customerId ??
        (
          await this.stripe.customers.create(
            { email: input.email, metadata: { userId: input.userId } },
            { idempotencyKey: `megicai-customer-${input.userId}` },
          )
        ).id;
      const lineItem: Stripe.Checkout.SessionCreateParams.LineItem = item.providerPriceId
        ? { price: item.providerPriceId, quantity: 1 }
        : {
            quantity: 1,
            price_data: {
              currency: item.currency.toLowerCase(),
              unit_amount: item.amountCents,
              product_data: { name: item.name },
              ...(item.interval ? { recurring: { interval: item.interval } } : {}),
            },
          };
      const metadata = { ...input.metadata, sessionId: input.sessionId, userId: input.userId };
      const session = await this.stripe.checkout.sessions.create(
        {
          mode: item.interval ? 'subscription' : 'payment',
          customer: customerId,
          client_reference_id: input.sessionId,
          line_items: [lineItem],
          success_url: input.successUrl,
          cancel_url: input.cancelUrl,
          metadata,
          ...(item.interval
            ? { subscription_data: { metadata: { ...input.metadata, userId: input.userId } } }
            : { payment_intent_data: { metadata } }),
        },
        { idempotencyKey: `megicai-checkout-${input.sessionId}` },
      );
      if (!session.url) throw new Error(`checkout session ${session.id} came without a url`);
      return { checkoutUrl: session.url, providerSessionId: session.id, customerId };
    });
  }

  async createPortal(input: { customerId: string | null; returnUrl: string }): Promise<string> {
    const customer = input.customerId;
    if (!customer) throw new PaymentsException('no_subscription', 'You have no subscription to manage.');
    return this.call('portal', async () => {
      const session = await this.stripe.billingPortal.sessions.create({ customer, return_url: input.returnUrl });
      return session.url;
    });
  }

  verifyWebhook(rawBody: Buffer | undefined, headers: Record<string, string | string[] | undefined>): VerifiedEvent {
    const header = headers[STRIPE_SIGNATURE_HEADER];
    const signature = Array.isArray(header) ? header[0] : header;
    let event: Stripe.Event;
    try {
      if (!rawBody || !signature) throw new Error('missing body or signature');
      event = this.stripe.webhooks.constructEvent(
        rawBody,
        signature,
        this.settings.webhookSecret,
        this.settings.toleranceSeconds,
      );
    } catch {
      throw new PaymentsException('invalid_webhook_signature', 'Missing, stale or invalid Stripe-Signature.');
    }
    if (!event.id || event.id.length > 128) {
      throw new PaymentsException('validation_failed', 'An event needs an id (1–128 characters).');
    }
    return { event: normalizeStripeEvent(event), providerType: event.type };
  }

  /** Stripe down, slow or refusing: the user sees 503 and nothing of Stripe's own message. */
  private async call<T>(what: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof PaymentsException) throw error;
      this.logger.error(`stripe ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
      throw new PaymentsException('payments_unavailable', 'The payment provider is unavailable; try again shortly.', {
        headers: { 'Retry-After': '30' },
      });
    }
  }
}

function hostOptions(apiBase: string | undefined): Pick<Stripe.StripeConfig, 'host' | 'port' | 'protocol'> {
  if (!apiBase) return {};
  const url = new URL(apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port || (protocol === 'http' ? 80 : 443), protocol };
}
