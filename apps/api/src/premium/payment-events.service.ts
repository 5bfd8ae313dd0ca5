import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import type { PaymentWebhookResult } from '@megicai/contracts';
import { CreditsService, type Reference } from '../credits/credits.service';
import { UsersService } from '../users/users.service';
import { PremiumPlan } from './entities/premium-plan.entity';
import { PAYMENT_PROVIDER, type PaymentEvent, type PaymentProvider } from './payments/payment-provider';

type Headers = Record<string, string | string[] | undefined>;
type EventOf<T extends PaymentEvent['type']> = Extract<PaymentEvent, { type: T }>;

export interface AppliedPayment extends PaymentWebhookResult {
  /** Set when this event completed one of our checkouts. */
  completed?: { userId: string; premiumUntil: Date | null };
}

interface CompletedSession {
  user_id: string;
  kind: 'plan' | 'pack';
  plan_id: string | null;
  credits_milli: string | null;
}

/**
 * The one path by which a payment changes anything, whichever provider reported it (the offline demo included):
 * the provider verifies the signature over the raw body and normalizes the event; the event is recorded under the
 * provider's id (a replay stops there); then it is applied — premium periods, allowances, purchases and refunds —
 * in the same transaction, so a crash leaves either everything or nothing (and the provider retries).
 */
@Injectable()
export class PaymentEventsService {
  private readonly logger = new Logger(PaymentEventsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly credits: CreditsService,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
  ) {}

  async handle(rawBody: Buffer | undefined, headers: Headers): Promise<AppliedPayment> {
    const { event, providerType } = this.provider.verifyWebhook(rawBody, headers);
    return this.dataSource.transaction(async (m) => {
      const inserted: unknown[] = await m.query(
        `INSERT INTO payment_events (id, provider, type, payload) VALUES ($1, $2, $3, $4)
          ON CONFLICT (id) DO NOTHING RETURNING id`,
        [event.id, this.provider.id, providerType, (rawBody as Buffer).toString('utf8')],
      );
      if (inserted.length === 0) return { received: true, duplicate: true };
      const completed = await this.apply(m, event);
      return { received: true, duplicate: false, ...(completed ? { completed } : {}) };
    });
  }

  private async apply(m: EntityManager, event: PaymentEvent): Promise<AppliedPayment['completed']> {
    switch (event.type) {
      case 'checkout.completed':
        return this.completeCheckout(m, event);
      case 'invoice.paid':
        await this.invoicePaid(m, event);
        return undefined;
      case 'subscription.updated':
        // Premium already runs to the end of the paid period; a canceled subscription only stops renewing it.
        await m.query(
          `UPDATE payment_subscriptions SET cancel_at_period_end = $2, updated_at = now(),
                  status = CASE WHEN $3 THEN 'canceled' ELSE status END
            WHERE id = $1`,
          [event.subscriptionId, event.cancelAtPeriodEnd, event.canceled],
        );
        return undefined;
      case 'charge.refunded':
        await this.packRefunded(m, event);
        return undefined;
      case 'ignored':
        return undefined;
    }
  }

  private async completeCheckout(m: EntityManager, event: EventOf<'checkout.completed'>) {
    // Conditional: a session is paid for once, even if the provider sends two different events for it.
    const result: unknown[] = await m.query(
      `UPDATE checkout_sessions SET status = 'completed', completed_at = now(), event_id = $2,
              payment_intent_id = coalesce($3, payment_intent_id)
        WHERE id = $1 AND status = 'open' RETURNING user_id, kind, plan_id, credits_milli`,
      [event.sessionId, event.id, event.paymentIntentId ?? null],
    );
    const rows = (Array.isArray(result[0]) ? result[0] : result) as CompletedSession[];
    if (!rows.length) {
      this.logger.warn(`payment event ${event.id}: checkout ${event.sessionId} unknown or already completed; ignored`);
      return undefined;
    }
    const session = rows[0];
    const userId = session.user_id;
    if (event.customerId) await this.rememberCustomer(m, userId, event.customerId);
    if (session.kind === 'pack') {
      await this.credits.grant(
        {
          userId,
          amount: Number(session.credits_milli),
          kind: 'purchase',
          reference: { type: 'checkout', id: event.sessionId },
        },
        m,
      );
      this.logger.log(`credit pack paid by ${userId} (checkout ${event.sessionId}, event ${event.id})`);
      return { userId, premiumUntil: null };
    }
    const planId = session.plan_id as string;
    if (event.subscriptionId) await this.recordSubscription(m, event.subscriptionId, userId, planId);
    // With a subscription, the first period is its first invoice: whichever of this event and invoice.paid comes
    // first pays it, the other finds the invoice recorded. The offline demo has no invoice: the event pays it.
    const premiumUntil =
      event.subscriptionId && event.invoiceId
        ? await this.payPeriod(m, event.id, event.invoiceId, event.subscriptionId)
        : await this.extend(m, userId, planId, { type: 'payment_event', id: event.id });
    return { userId, premiumUntil };
  }

  private async invoicePaid(m: EntityManager, event: EventOf<'invoice.paid'>): Promise<void> {
    const { userId, planId } = event.metadata;
    // An invoice can arrive before its checkout's completion: the subscription's metadata names user and plan.
    if (userId && planId && isUUID(userId)) await this.recordSubscription(m, event.subscriptionId, userId, planId);
    await this.payPeriod(m, event.id, event.invoiceId, event.subscriptionId);
  }

  /** One premium period and its allowance per paid invoice, however many events report it. */
  private async payPeriod(m: EntityManager, eventId: string, invoiceId: string, subscriptionId: string) {
    const subs: { user_id: string; plan_id: string }[] = await m.query(
      `SELECT user_id, plan_id FROM payment_subscriptions WHERE id = $1`,
      [subscriptionId],
    );
    if (!subs.length) {
      this.logger.warn(`payment event ${eventId}: invoice ${invoiceId} of unknown subscription ${subscriptionId}`);
      return null;
    }
    const fresh: unknown[] = await m.query(
      `INSERT INTO subscription_invoices (invoice_id, subscription_id, event_id) VALUES ($1, $2, $3)
        ON CONFLICT (invoice_id) DO NOTHING RETURNING invoice_id`,
      [invoiceId, subscriptionId, eventId],
    );
    if (!fresh.length) return null;
    return this.extend(m, subs[0].user_id, subs[0].plan_id, { type: 'invoice', id: invoiceId });
  }

  private async extend(m: EntityManager, userId: string, planId: string, reference: Reference): Promise<Date> {
    const plan = await m.findOneByOrFail(PremiumPlan, { id: planId });
    const premiumUntil = await this.users.extendPremium(m, userId, plan.interval);
    if (plan.allowanceMilli > 0) {
      await this.credits.grant(
        { userId, amount: plan.allowanceMilli, kind: 'premium_allowance', reference, note: plan.name },
        m,
      );
    }
    this.logger.log(
      `premium ${plan.id} paid by ${userId} (${reference.type} ${reference.id}), until ${premiumUntil.toISOString()}`,
    );
    return premiumUntil;
  }

  /**
   * A refunded pack takes back the refunded share of its credits, as far as the balance still holds them. Stripe
   * reports the cumulative refunded amount, so each refund event takes only the share not taken before.
   */
  private async packRefunded(m: EntityManager, event: EventOf<'charge.refunded'>): Promise<void> {
    const rows: { id: string; user_id: string; credits_milli: string; refunded_milli: string }[] = await m.query(
      `SELECT id, user_id, credits_milli, refunded_milli FROM checkout_sessions
        WHERE payment_intent_id = $1 AND kind = 'pack' AND status = 'completed' FOR UPDATE`,
      [event.paymentIntentId],
    );
    if (!rows.length || event.amountCents <= 0) return;
    const session = rows[0];
    const credits = Number(session.credits_milli);
    const share = Math.min(credits, Math.floor((credits * event.refundedCents) / event.amountCents));
    const before = Number(session.refunded_milli);
    if (share <= before) return;
    await m.query(`UPDATE checkout_sessions SET refunded_milli = $2 WHERE id = $1`, [session.id, share]);
    const taken = await this.credits.takeBackUpTo(
      {
        userId: session.user_id,
        amount: share - before,
        kind: 'purchase_refund',
        reference: { type: 'payment_event', id: event.id },
        note: `checkout ${session.id}`,
      },
      m,
    );
    this.logger.log(
      `credit pack ${session.id} refunded (event ${event.id}): ${taken?.taken ?? 0} of ${share - before} milli-credits taken back`,
    );
  }

  /** The provider's customer of a user (first one wins), for the next checkout and the portal. */
  async rememberCustomer(m: EntityManager | undefined, userId: string, customerId: string): Promise<void> {
    await (m ?? this.dataSource.manager).query(
      `INSERT INTO payment_customers (user_id, provider, customer_id) VALUES ($1, $2, $3)
        ON CONFLICT DO NOTHING`,
      [userId, this.provider.id, customerId],
    );
  }

  private async recordSubscription(m: EntityManager, id: string, userId: string, planId: string): Promise<void> {
    // Only for a user and plan that exist (the metadata of an early invoice is not ours to trust blindly).
    await m.query(
      `INSERT INTO payment_subscriptions (id, user_id, provider, plan_id)
       SELECT $1, u.id, $3, p.id FROM users u, premium_plans p WHERE u.id = $2 AND p.id = $4
       ON CONFLICT (id) DO NOTHING`,
      [id, userId, this.provider.id, planId],
    );
  }
}
