import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { WebhookEvent } from '@megicai/contracts';

@Entity('webhook_endpoints')
export class WebhookEndpoint {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') userId!: string;
  @Column() url!: string;
  @Column({ type: 'text', array: true }) events!: WebhookEvent[];
  /** `whsec_…`: kept readable because every delivery is signed with it (shown to the owner once). */
  @Column() secret!: string;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
}
