import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import { type CheckoutResult, type CheckoutSessionView, type DemoPaymentResult, toCredits } from '@megicai/contracts';
import { appConfig } from '../config/app.config';
import { premiumConfig } from '../config/premium.config';
import { CreditsService } from '../credits/credits.service';
import { UsersService } from '../users/users.service';
import { CheckoutSession } from './entities/checkout-session.entity';
import { PremiumPlan } from './entities/premium-plan.entity';
import type { CreditPack } from './packs/credit-pack.entity';
import { PaymentEventsService } from './payment-events.service';
import { packName, toPackView, toPlanView } from './payment-views';
import { PaymentsException } from './payments.exception';
import { PAYMENT_PROVIDER, type CheckoutItem, type PaymentProvider } from './payments/payment-provider';
import { PAYMENT_SIGNATURE_HEADER, signPayment } from './payments/payment-signature';

export type CheckoutTarget = { kind: 'plan'; plan: PremiumPlan } | { kind: 'pack'; pack: CreditPack };

/**
 * Checkouts of plans and packs through the configured provider, the customer portal, and the offline provider's
 * demo payment. What a payment changes is applied by PaymentEventsService, whoever reports it.
 */
@Injectable()
export class CheckoutService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(CheckoutSession) private readonly sessions: Repository<CheckoutSession>,
    @InjectRepository(PremiumPlan) private readonly plans: Repository<PremiumPlan>,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    @Inject(premiumConfig.KEY) private readonly cfg: ConfigType<typeof premiumConfig>,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    private readonly users: UsersService,
    private readonly credits: CreditsService,
    private readonly events: PaymentEventsService,
  ) {}

  async open(userId: string, target: CheckoutTarget): Promise<CheckoutResult> {
    const user = await this.users.findById(userId);
    if (!user) throw new PaymentsException('not_found', 'No such user.');
    const pack = target.kind === 'pack' ? target.pack : null;
    const session = await this.sessions.save(
      this.sessions.create({
        userId,
        kind: target.kind,
        planId: target.kind === 'plan' ? target.plan.id : null,
        packId: pack?.id ?? null,
        creditsMilli: pack?.creditsMilli ?? null,
        amountCents: target.kind === 'plan' ? target.plan.priceCents : target.pack.priceCents,
        currency: (target.kind === 'plan' ? target.plan.currency : target.pack.currency).trim(),
        provider: this.provider.id,
        status: 'open',
        eventId: null,
        providerSessionId: null,
      }),
    );
    const back = target.kind === 'plan' ? '/premium' : '/credits';
    const opened = await this.provider.createCheckout({
      sessionId: session.id,
      userId,
      email: user.email,
      customerId: await this.customerOf(userId),
      item: checkoutItem(target),
      successUrl: this.url(target.kind === 'plan' ? '/premium?paid=1' : '/credits?purchased=1'),
      cancelUrl: this.url(back),
      metadata: target.kind === 'plan' ? { planId: target.plan.id } : { packId: target.pack.id },
    });
    if (opened.customerId) await this.events.rememberCustomer(undefined, userId, opened.customerId);
    if (opened.providerSessionId) {
      await this.sessions.update({ id: session.id }, { providerSessionId: opened.providerSessionId });
    }
    return { sessionId: session.id, checkoutUrl: opened.checkoutUrl };
  }

  async view(userId: string, sessionId: string): Promise<CheckoutSessionView> {
    const session = await this.ownSession(userId, sessionId);
    const plan = session.planId ? await this.plans.findOneByOrFail({ id: session.planId }) : null;
    return {
      id: session.id,
      provider: session.provider,
      kind: session.kind,
      status: session.status,
      plan: plan ? toPlanView(plan) : null,
      pack:
        session.kind === 'pack' && session.packId
          ? toPackView({
              id: session.packId,
              creditsMilli: session.creditsMilli ?? 0,
              priceCents: session.amountCents ?? 0,
              currency: session.currency ?? '',
            })
          : null,
      createdAt: session.createdAt.toISOString(),
      completedAt: session.completedAt?.toISOString() ?? null,
    };
  }

  /**
   * The offline provider's Pay button: builds and signs the event a real provider would send, and feeds it through
   * the webhook's own path, so the demo exercises exactly the code that real payments use.
   */
  async payDemo(userId: string, sessionId: string): Promise<DemoPaymentResult> {
    const session = await this.ownSession(userId, sessionId);
    const secret = this.cfg.webhookSecret;
    if (!this.provider.demo || session.provider !== this.provider.id || !this.cfg.allowDemo || !secret) {
      throw new PaymentsException('forbidden', 'Demo payments are turned off.');
    }
    if (session.status !== 'open') throw new PaymentsException('conflict', 'This checkout is already paid.');
    const eventId = `evt_offline_${randomUUID()}`;
    const body = JSON.stringify({
      id: eventId,
      type: 'checkout.completed',
      created: Math.floor(Date.now() / 1000),
      data: { sessionId: session.id },
    });
    const applied = await this.events.handle(Buffer.from(body), {
      [PAYMENT_SIGNATURE_HEADER]: signPayment(secret, body),
    });
    // Another event completed the same session between our check and the webhook path's conditional update.
    if (!applied.completed) throw new PaymentsException('conflict', 'This checkout is already paid.');
    return {
      eventId,
      premiumUntil: applied.completed.premiumUntil?.toISOString() ?? null,
      balance: toCredits(await this.credits.balanceOf(userId)),
    };
  }

  /**
   * The provider's customer portal. Stripe: for a user with a Stripe customer (made at their first checkout).
   * Offline: for a user with premium active (the demo page shows it).
   */
  async portal(userId: string): Promise<{ url: string }> {
    const customerId = await this.customerOf(userId);
    if (this.provider.demo) {
      const user = await this.users.findById(userId);
      if (!user?.premiumUntil || user.premiumUntil.getTime() <= Date.now()) {
        throw new PaymentsException('no_subscription', 'You have no subscription to manage.');
      }
    } else if (!customerId) {
      throw new PaymentsException('no_subscription', 'You have no subscription to manage.');
    }
    return { url: await this.provider.createPortal({ customerId, returnUrl: this.url('/premium') }) };
  }

  private async customerOf(userId: string): Promise<string | null> {
    const rows: { customer_id: string }[] = await this.dataSource.query(
      `SELECT customer_id FROM payment_customers WHERE user_id = $1 AND provider = $2`,
      [userId, this.provider.id],
    );
    return rows[0]?.customer_id ?? null;
  }

  private async ownSession(userId: string, sessionId: string): Promise<CheckoutSession> {
    const session = await this.sessions.findOneBy({ id: sessionId, userId });
    if (!session) throw new PaymentsException('not_found', 'No such checkout.');
    return session;
  }

  private url(path: string): string {
    return new URL(path, this.app.publicUrl).toString();
  }
}

function checkoutItem(target: CheckoutTarget): CheckoutItem {
  if (target.kind === 'plan') {
    const { plan } = target;
    return {
      name: plan.name,
      amountCents: plan.priceCents,
      currency: plan.currency.trim(),
      interval: plan.interval,
      providerPriceId: plan.stripePriceId,
    };
  }
  const { pack } = target;
  return {
    name: packName(toCredits(pack.creditsMilli)),
    amountCents: pack.priceCents,
    currency: pack.currency.trim(),
    providerPriceId: pack.stripePriceId,
  };
}
