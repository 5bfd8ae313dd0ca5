import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import type { PaymentWebhookResult } from '@megicai/contracts';
import { ProblemCode } from '@megicai/contracts';
import { PremiumException } from './premium.exception';
import { premiumConfig } from '../config/premium.config';
import { CreditsService } from '../credits/credits.service';
import { UsersService } from '../users/users.service';
import { PremiumPlan } from './entities/premium-plan.entity';
import { PAYMENT_PROVIDER, type PaymentProvider } from './payments/payment-provider';
import { verifyPaymentSignature } from './payments/payment-signature';

export interface PaymentEventBody {
  id: string;
  type: string;
  data: { sessionId?: unknown };
}

export interface AppliedPayment extends PaymentWebhookResult {
  premiumUntil?: Date;
}

/**
 * The one path by which a payment changes anything: verify the signature over the raw body, record the event under
 * the provider's id (a replay stops there), then complete the checkout, extend premium and grant the allowance —
 * all in one transaction, so a crash leaves either everything or nothing.
 */
@Injectable()
export class PaymentEventsService {
  private readonly logger = new Logger(PaymentEventsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly credits: CreditsService,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    @Inject(premiumConfig.KEY) private readonly cfg: ConfigType<typeof premiumConfig>,
  ) {}

  async handle(rawBody: Buffer | undefined, signature: string | undefined): Promise<AppliedPayment> {
    const secret = this.cfg.webhookSecret;
    if (!rawBody || !secret || !verifyPaymentSignature(signature, rawBody, secret, this.cfg.toleranceSeconds)) {
      throw new PremiumException(ProblemCode.InvalidWebhookSignature, 'Missing, stale or invalid Payment-Signature.');
    }
    const event = parseEvent(rawBody);
    return this.dataSource.transaction(async (m) => {
      const inserted: unknown[] = await m.query(
        `INSERT INTO payment_events (id, provider, type, payload) VALUES ($1, $2, $3, $4)
          ON CONFLICT (id) DO NOTHING RETURNING id`,
        [event.id, this.provider.id, event.type, rawBody.toString('utf8')],
      );
      if (inserted.length === 0) return { received: true, duplicate: true };
      if (event.type !== 'checkout.completed') return { received: true, duplicate: false };
      const premiumUntil = await this.completeCheckout(m, event);
      return { received: true, duplicate: false, ...(premiumUntil ? { premiumUntil } : {}) };
    });
  }

  private async completeCheckout(m: EntityManager, event: PaymentEventBody): Promise<Date | undefined> {
    const sessionId = event.data.sessionId;
    if (typeof sessionId !== 'string' || !isUUID(sessionId)) {
      throw new PremiumException(
        ProblemCode.ValidationFailed,
        'checkout.completed needs data.sessionId (a checkout session id).',
      );
    }
    // Conditional: a session is paid for once, even if the provider sends two different events for it.
    const result: unknown[] = await m.query(
      `UPDATE checkout_sessions SET status = 'completed', completed_at = now(), event_id = $2
        WHERE id = $1 AND status = 'open' RETURNING user_id, plan_id`,
      [sessionId, event.id],
    );
    const rows = (Array.isArray(result[0]) ? result[0] : result) as { user_id: string; plan_id: string }[];
    if (!rows.length) {
      this.logger.warn(`payment event ${event.id}: checkout ${sessionId} unknown or already completed; ignored`);
      return undefined;
    }
    const { user_id: userId, plan_id: planId } = rows[0];
    const plan = await m.findOneByOrFail(PremiumPlan, { id: planId });
    const premiumUntil = await this.users.extendPremium(m, userId, plan.interval);
    if (plan.allowanceMilli > 0) {
      await this.credits.grant(
        {
          userId,
          amount: plan.allowanceMilli,
          kind: 'premium_allowance',
          reference: { type: 'payment_event', id: event.id },
          note: plan.name,
        },
        m,
      );
    }
    this.logger.log(`premium ${plan.id} paid by ${userId} (event ${event.id}), until ${premiumUntil.toISOString()}`);
    return premiumUntil;
  }
}

function parseEvent(rawBody: Buffer): PaymentEventBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new PremiumException(ProblemCode.InvalidJson, 'The event body is not JSON.');
  }
  const e = parsed as Partial<PaymentEventBody> | null;
  if (
    !e ||
    typeof e !== 'object' ||
    typeof e.id !== 'string' ||
    e.id.length === 0 ||
    e.id.length > 128 ||
    typeof e.type !== 'string' ||
    e.type.length > 64
  ) {
    throw new PremiumException(ProblemCode.ValidationFailed, 'An event needs an id (1–128 characters) and a type.');
  }
  const data = e.data && typeof e.data === 'object' ? e.data : {};
  return { id: e.id, type: e.type, data };
}
