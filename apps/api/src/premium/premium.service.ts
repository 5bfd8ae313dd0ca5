import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import {
  type CheckoutResult,
  type CheckoutSessionView,
  type DemoPaymentResult,
  type PremiumPlanView,
  toCredits,
} from '@megicai/contracts';
import { ProblemCode } from '@megicai/contracts';
import { PremiumException } from './premium.exception';
import { premiumConfig } from '../config/premium.config';
import { CheckoutSession } from './entities/checkout-session.entity';
import { PremiumPlan } from './entities/premium-plan.entity';
import { PaymentEventsService } from './payment-events.service';
import { PAYMENT_PROVIDER, type PaymentProvider } from './payments/payment-provider';
import { signPayment } from './payments/payment-signature';

/** Plans, checkout sessions and the offline provider's demo payment. Payments themselves land in PaymentEventsService. */
@Injectable()
export class PremiumService {
  constructor(
    @InjectRepository(PremiumPlan) private readonly plans: Repository<PremiumPlan>,
    @InjectRepository(CheckoutSession) private readonly sessions: Repository<CheckoutSession>,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    @Inject(premiumConfig.KEY) private readonly cfg: ConfigType<typeof premiumConfig>,
    private readonly events: PaymentEventsService,
  ) {}

  async listPlans(): Promise<PremiumPlanView[]> {
    const plans = await this.plans.find({ where: { active: true }, order: { sortOrder: 'ASC', id: 'ASC' } });
    return plans.map(toPlanView);
  }

  async checkout(userId: string, planId: string): Promise<CheckoutResult> {
    const plan = await this.plans.findOneBy({ id: planId, active: true });
    if (!plan) throw new PremiumException(ProblemCode.NotFound, `No plan ${planId}.`);
    const session = await this.sessions.save(
      this.sessions.create({ userId, planId: plan.id, provider: this.provider.id, status: 'open', eventId: null }),
    );
    const { checkoutUrl } = await this.provider.createCheckout({ sessionId: session.id, userId, plan });
    return { sessionId: session.id, checkoutUrl };
  }

  async session(userId: string, sessionId: string): Promise<CheckoutSessionView> {
    const session = await this.ownSession(userId, sessionId);
    const plan = await this.plans.findOneByOrFail({ id: session.planId });
    return {
      id: session.id,
      provider: session.provider,
      status: session.status,
      plan: toPlanView(plan),
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
      throw new PremiumException(ProblemCode.Forbidden, 'Demo payments are turned off.');
    }
    if (session.status !== 'open') throw new PremiumException(ProblemCode.Conflict, 'This checkout is already paid.');
    const eventId = `evt_offline_${randomUUID()}`;
    const body = JSON.stringify({
      id: eventId,
      type: 'checkout.completed',
      created: Math.floor(Date.now() / 1000),
      data: { sessionId: session.id },
    });
    const applied = await this.events.handle(Buffer.from(body), signPayment(secret, body));
    // Another event completed the same session between our check and the webhook path's conditional update.
    if (!applied.premiumUntil) throw new PremiumException(ProblemCode.Conflict, 'This checkout is already paid.');
    return { eventId, premiumUntil: applied.premiumUntil.toISOString() };
  }

  private async ownSession(userId: string, sessionId: string): Promise<CheckoutSession> {
    const session = await this.sessions.findOneBy({ id: sessionId, userId });
    if (!session) throw new PremiumException(ProblemCode.NotFound, 'No such checkout.');
    return session;
  }
}

function toPlanView(plan: PremiumPlan): PremiumPlanView {
  return {
    id: plan.id,
    name: plan.name,
    priceCents: plan.priceCents,
    currency: plan.currency.trim(),
    interval: plan.interval,
    allowanceCredits: toCredits(plan.allowanceMilli),
    features: plan.features,
  };
}
