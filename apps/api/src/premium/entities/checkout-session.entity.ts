import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CheckoutStatus } from '@megicai/contracts';

/** One attempt to pay for a plan; completed at most once, by the payment event that paid it. */
@Entity('checkout_sessions')
export class CheckoutSession {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) userId!: string;
  @Column({ type: 'varchar' }) planId!: string;
  @Column({ type: 'varchar' }) provider!: string;
  @Column({ type: 'varchar' }) status!: CheckoutStatus;
  @Column({ type: 'varchar', nullable: true }) eventId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) completedAt!: Date | null;
}
