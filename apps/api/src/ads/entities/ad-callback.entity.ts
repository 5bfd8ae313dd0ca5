import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A verified server-to-server reward; UNIQUE (network, transaction_id) makes a replay a no-op. */
@Entity('ad_callbacks')
export class AdCallbackRecord {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar' }) network!: string;
  @Column({ type: 'varchar' }) transactionId!: string;
  @Column('uuid') userId!: string;
  @Column({ type: 'uuid', nullable: true }) sessionId!: string | null;
  @Column({ type: 'text' }) query!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
