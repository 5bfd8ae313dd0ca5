import { isUUID } from 'class-validator';
import { PaymentsException } from '../payments.exception';
import type { CheckoutInput, CheckoutOpened, PaymentEvent, PaymentProvider, VerifiedEvent } from './payment-provider';
import { PAYMENT_SIGNATURE_HEADER, verifyPaymentSignature } from './payment-signature';

/**
 * The demo provider: no network, the checkout is an SPA page with a Pay button (see PremiumService.payDemo), the
 * portal an SPA page too. Its webhook is `{id, type: "checkout.completed", data: {sessionId}}` signed with
 * `Payment-Signature` (HMAC-SHA256, Stripe's scheme with our own secret).
 */
export class OfflinePaymentProvider implements PaymentProvider {
  readonly id = 'offline';
  readonly demo = true;

  constructor(
    private readonly publicUrl: string,
    private readonly webhookSecret: string | undefined,
    private readonly toleranceSeconds: number,
  ) {}

  async createCheckout(input: CheckoutInput): Promise<CheckoutOpened> {
    return { checkoutUrl: new URL(`/premium/checkout/${input.sessionId}`, this.publicUrl).toString() };
  }

  async createPortal(): Promise<string> {
    return new URL('/premium/portal', this.publicUrl).toString();
  }

  verifyWebhook(rawBody: Buffer | undefined, headers: Record<string, string | string[] | undefined>): VerifiedEvent {
    const header = headers[PAYMENT_SIGNATURE_HEADER];
    const signature = Array.isArray(header) ? header[0] : header;
    const secret = this.webhookSecret;
    if (!rawBody || !secret || !verifyPaymentSignature(signature, rawBody, secret, this.toleranceSeconds)) {
      throw new PaymentsException('invalid_webhook_signature', 'Missing, stale or invalid Payment-Signature.');
    }
    return parseOfflineEvent(rawBody);
  }
}

function parseOfflineEvent(rawBody: Buffer): VerifiedEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new PaymentsException('validation_failed', 'The event body is not JSON.');
  }
  const e = parsed as { id?: unknown; type?: unknown; data?: { sessionId?: unknown } } | null;
  if (!e || typeof e !== 'object' || !isEventId(e.id) || typeof e.type !== 'string' || e.type.length > 64) {
    throw new PaymentsException('validation_failed', 'An event needs an id (1–128 characters) and a type.');
  }
  if (e.type !== 'checkout.completed') {
    return { providerType: e.type, event: { id: e.id, type: 'ignored', providerType: e.type } };
  }
  const sessionId = e.data?.sessionId;
  if (typeof sessionId !== 'string' || !isUUID(sessionId)) {
    throw new PaymentsException('validation_failed', 'checkout.completed needs data.sessionId (a checkout id).');
  }
  const event: PaymentEvent = { id: e.id, type: 'checkout.completed', sessionId };
  return { providerType: e.type, event };
}

function isEventId(id: unknown): id is string {
  return typeof id === 'string' && id.length > 0 && id.length <= 128;
}
