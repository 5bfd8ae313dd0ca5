import { type AdminCreditPackView, type CreditPackView, type PremiumPlanView, toCredits } from '@megicai/contracts';
import type { PremiumPlan } from './entities/premium-plan.entity';
import type { CreditPack } from './packs/credit-pack.entity';

export function toPlanView(plan: PremiumPlan): PremiumPlanView {
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

/** Prices at the edge in the currency's major unit (1.99), like credits in decimals. */
export function toPackView(pack: Pick<CreditPack, 'id' | 'creditsMilli' | 'priceCents' | 'currency'>): CreditPackView {
  return {
    id: pack.id,
    credits: toCredits(pack.creditsMilli),
    price: pack.priceCents / 100,
    currency: pack.currency.trim(),
  };
}

export function toAdminPackView(pack: CreditPack): AdminCreditPackView {
  return { ...toPackView(pack), active: pack.active, sortOrder: pack.sortOrder, stripePriceId: pack.stripePriceId };
}

export function packName(credits: number): string {
  return `${credits.toLocaleString('en')} credits`;
}
