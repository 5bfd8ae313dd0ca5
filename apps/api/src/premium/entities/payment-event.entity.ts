import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Every verified webhook event, keyed on the provider's event id: a replay finds its row and changes nothing. */
@Entity('payment_events')
export class PaymentEvent {
  @PrimaryColumn({ type: 'varchar' }) id!: string;
  @Column({ type: 'varchar' }) provider!: string;
  @Column({ type: 'varchar' }) type!: string;
  @Column({ type: 'jsonb' }) payload!: unknown;
  @CreateDateColumn({ type: 'timestamptz' }) receivedAt!: Date;
}
