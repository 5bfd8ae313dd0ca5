import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('idempotency_keys')
export class IdempotencyRecord {
  @PrimaryColumn('uuid') userId!: string;
  @PrimaryColumn() key!: string;
  @Column() requestHash!: string;
  @Column({ type: 'varchar' }) status!: 'in_flight' | 'done';
  @Column({ type: 'int', nullable: true }) responseStatus!: number | null;
  @Column({ type: 'jsonb', nullable: true }) responseBody!: unknown;
  @Column({ type: 'jsonb', nullable: true }) responseHeaders!: Record<string, string> | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
