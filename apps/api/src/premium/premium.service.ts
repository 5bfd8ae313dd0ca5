import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { CheckoutResult, PremiumPlanView } from '@megicai/contracts';
import { CheckoutService } from './checkout.service';
import { PremiumPlan } from './entities/premium-plan.entity';
import { toPlanView } from './payment-views';
import { PaymentsException } from './payments.exception';

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
}
