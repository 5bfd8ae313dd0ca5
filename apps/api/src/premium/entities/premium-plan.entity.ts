import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PremiumInterval } from '@megicai/contracts';

/** Subscription plans (seeded by the premium migration). */
@Entity('premium_plans')
export class PremiumPlan {
  @PrimaryColumn({ type: 'varchar' }) id!: string;
  @Column() name!: string;
  @Column({ type: 'int' }) priceCents!: number;
  @Column({ type: 'char' }) currency!: string;
  @Column({ type: 'varchar' }) interval!: PremiumInterval;
  /** Milli-credits granted with every paid period. */
  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  allowanceMilli!: number;
  @Column({ type: 'jsonb' }) features!: string[];
  /** A Stripe price to sell this plan with; null: an inline price from priceCents and interval. */
  @Column({ type: 'varchar', nullable: true }) stripePriceId!: string | null;
  @Column() active!: boolean;
  @Column({ type: 'int' }) sortOrder!: number;
}
