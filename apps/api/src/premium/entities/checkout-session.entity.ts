import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CheckoutKind, CheckoutStatus } from '@megicai/contracts';
import { bigintMilli } from '../../credits/entities/bigint-milli.transformer';

/** One attempt to pay for a plan or a credit pack; completed at most once, by the payment event that paid it. */
@Entity('checkout_sessions')
export class CheckoutSession {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) userId!: string;
  @Column({ type: 'varchar' }) kind!: CheckoutKind;
  @Column({ type: 'varchar', nullable: true }) planId!: string | null;
  @Column({ type: 'uuid', nullable: true }) packId!: string | null;
  /** A pack's credits and price as sold at checkout: an admin's later edit does not change what was bought. */
  @Column({ type: 'bigint', nullable: true, transformer: bigintMilli }) creditsMilli!: number | null;
  @Column({ type: 'int', nullable: true }) amountCents!: number | null;
  @Column({ type: 'char', nullable: true }) currency!: string | null;
  @Column({ type: 'varchar' }) provider!: string;
  /** The provider's own id of the hosted checkout (Stripe's `cs_…`). */
  @Column({ type: 'varchar', nullable: true }) providerSessionId!: string | null;
  @Column({ type: 'varchar' }) status!: CheckoutStatus;
  @Column({ type: 'varchar', nullable: true }) eventId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) completedAt!: Date | null;
}
