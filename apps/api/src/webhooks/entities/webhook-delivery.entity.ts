import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { WebhookDeliveryStatus } from '@megicai/contracts';

/** One event for one endpoint; its id is the `webhook-id` of every attempt (receivers dedupe on it). */
@Entity('webhook_deliveries')
export class WebhookDelivery {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') endpointId!: string;
  @Column() event!: string;
  /** What makes the event unique for the endpoint (`job.succeeded:<jobId>`): an event is recorded once. */
  @Column() eventKey!: string;
  @Column({ type: 'jsonb' }) payload!: Record<string, unknown>;
  @Column({ type: 'varchar' }) status!: WebhookDeliveryStatus;
  @Column() attempts!: number;
  @Column({ type: 'integer', nullable: true }) lastStatusCode!: number | null;
  @Column({ type: 'varchar', nullable: true }) lastError!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) nextAttemptAt!: Date | null;
  @Column() enqueued!: boolean;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt!: Date;
}
