import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { type CheckoutResult, type PremiumPlanView, toMilli } from '@megicai/contracts';
import { CheckoutService } from './checkout.service';
import { PremiumPlan } from './entities/premium-plan.entity';
import { toPlanView } from './payment-views';
import { PaymentsException } from './payments.exception';

export interface AdminPremiumPlanView extends PremiumPlanView {
  active: boolean;
  sortOrder: number;
  stripePriceId: string | null;
}

/** What an admin may change on a plan (the currency and interval stay: subscriptions are billed by them). */
export interface PremiumPlanInput {
  name?: string;
  priceCents?: number;
  allowanceCredits?: number;
  features?: string[];
  active?: boolean;
  sortOrder?: number;
  stripePriceId?: string | null;
}

/** Plans and their checkout. Payments themselves land in PaymentEventsService. */
@Injectable()
export class PremiumService {
  constructor(
    @InjectRepository(PremiumPlan) private readonly plans: Repository<PremiumPlan>,
    private readonly checkouts: CheckoutService,
  ) {}

  async listPlans(): Promise<PremiumPlanView[]> {
    const plans = await this.plans.find({ where: { active: true }, order: { sortOrder: 'ASC', id: 'ASC' } });
    return plans.map(toPlanView);
  }

  async checkout(userId: string, planId: string): Promise<CheckoutResult> {
    const plan = await this.plans.findOneBy({ id: planId, active: true });
    if (!plan) throw new PaymentsException('not_found', `No plan ${planId}.`);
    return this.checkouts.open(userId, { kind: 'plan', plan });
  }

  /** Every plan, inactive ones included, for the admin. */
  async listAll(): Promise<AdminPremiumPlanView[]> {
    return (await this.plans.find({ order: { sortOrder: 'ASC', id: 'ASC' } })).map(toAdminPlanView);
  }

  /** `manager`: the admin's transaction (the plan row is locked, so that before and after are exact). */
  async update(
    id: string,
    input: PremiumPlanInput,
    manager: EntityManager,
  ): Promise<{ before: AdminPremiumPlanView; after: AdminPremiumPlanView }> {
    const repo = manager.getRepository(PremiumPlan);
    const plan = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!plan) throw new PaymentsException('not_found', `No plan ${id}.`);
    const before = toAdminPlanView(plan);
    const changes: Partial<PremiumPlan> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.priceCents !== undefined) changes.priceCents = input.priceCents;
    if (input.allowanceCredits !== undefined) changes.allowanceMilli = toMilli(input.allowanceCredits);
    if (input.features !== undefined) changes.features = input.features;
    if (input.active !== undefined) changes.active = input.active;
    if (input.sortOrder !== undefined) changes.sortOrder = input.sortOrder;
    if (input.stripePriceId !== undefined) changes.stripePriceId = input.stripePriceId;
    const saved = await repo.save({ ...plan, ...changes });
    return { before, after: toAdminPlanView(saved) };
  }
}

function toAdminPlanView(plan: PremiumPlan): AdminPremiumPlanView {
  return { ...toPlanView(plan), active: plan.active, sortOrder: plan.sortOrder, stripePriceId: plan.stripePriceId };
}
