import type { CheckoutInput, PaymentProvider } from './payment-provider';

/** The demo provider: no network, the checkout is an SPA page with a Pay button (see PremiumService.payDemo). */
export class OfflinePaymentProvider implements PaymentProvider {
  readonly id = 'offline';
  readonly demo = true;

  constructor(private readonly publicUrl: string) {}

  async createCheckout(input: CheckoutInput): Promise<{ checkoutUrl: string }> {
    return { checkoutUrl: new URL(`/premium/checkout/${input.sessionId}`, this.publicUrl).toString() };
  }
}
